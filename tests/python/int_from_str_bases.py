# int() with strings, bases, underscores, whitespace and prefixes.
print(int("42"), int("-17"), int("  +8  "), int("0"))
print(int("ff", 16), int("FF", 16), int("777", 8), int("1011", 2))
print(int("0x1f", 16), int("0o17", 8), int("0b101", 2))
print(int("0x1f", 0), int("0o17", 0), int("0b101", 0), int("99", 0))
print(int("z", 36), int("1_000_000"), int("10", 3))
print(int(3.99), int(-3.99), int(True), int(1e20))
print(int("123456789012345678901234567890"))
for bad in ["12a", "", "1.5", "0x10"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError", e)
