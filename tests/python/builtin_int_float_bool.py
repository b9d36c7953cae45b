# Constructors int(), float(), bool(), complex-free conversions and errors.
print(int(), float(), bool(), int("  12\n"), float("  -3.5 "), float("1_0.5"))
print(int(-0.9), int(2.999999), float(True), float("-0"), bool("False"), bool(0.0))
print(float("1e500"), float("-1e500"), float(".5"), float("5."))
print(int("-0b11", 0), int("+0o7", 0), int("  0x_ff  ", 0))
for bad in ["1e3", "0x", "--1"]:
    try:
        print(int(bad))
    except ValueError as e:
        print("ValueError", e)
try:
    int("5", 1)
except ValueError as e:
    print("ValueError", e)
try:
    int(None)
except TypeError as e:
    print("TypeError", e)
