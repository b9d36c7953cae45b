# int(str, base): prefixes, underscores, whitespace, signs, base 0, and the errors.
good = [("42", 10), ("  -42\n", 10), ("+7", 10), ("1_000_000", 10), ("0x_ff", 16), ("0XFF", 16),
        ("ff", 16), ("0o17", 8), ("17", 8), ("0b1010", 2), ("1010", 2), ("z", 36), ("Zz", 36),
        ("0x1f", 0), ("0o17", 0), ("0b11", 0), ("0", 0), ("0_0", 0), ("00", 0), ("-0x10", 0),
        ("  12  ", 0), ("\u0661\u0662\u0663", 10), ("\uff11\uff12", 10), ("\u2003 5 \u3000", 10),
        ("9" * 30, 10), ("-" + "7" * 25, 10), ("1" * 80, 2), ("0b" + "1" * 70, 0)]
for s, b in good:
    print(repr(s), b, int(s, b))
bad = [("", 10), (" ", 10), ("1_", 10), ("_1", 10), ("1__0", 10), ("0x", 16), ("010", 0),
       ("0b2", 0), ("12", 2), ("1.5", 10), ("1e5", 10), ("0x_", 16), ("--1", 10), ("+-1", 10),
       ("0o8", 8), ("ab", 10), ("1 2", 10), ("\u00bd", 10), ("0x1f", 10), ("0b1", 16)]
for s, b in bad:
    try:
        int(s, b)
    except ValueError as e:
        print("ValueError:", e)
print(int("0b1", 16), int("0x10", 16), int("0o10", 8), int(b"  42 "), int(b"ff", 16))
for args in [("1", 37), ("1", 1), ("1", -1)]:
    try:
        int(*args)
    except ValueError as e:
        print("ValueError:", e)
for args in [(1.5, 2), (10, 10), ([], 10)]:
    try:
        int(*args)
    except TypeError as e:
        print("TypeError:", e)
print(int("12", base=3), int(x) if (x := "5") else 0, int())
try:
    int(base=10)
except TypeError as e:
    print("TypeError:", e)
try:
    int(x="1")
except TypeError as e:
    print("TypeError:", e)
print(int(" 0x" + "f" * 20, 16), int("0x" + "f" * 20, 0) == 16 ** 20 - 1)
