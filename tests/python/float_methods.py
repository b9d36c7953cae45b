# float methods: is_integer, as_integer_ratio, hex, fromhex, conversion.
print((3.0).is_integer(), (3.5).is_integer())
print((0.75).as_integer_ratio(), (-2.5).as_integer_ratio(), (0.1).as_integer_ratio())
print((1.0).hex(), (0.5).hex(), (-3.75).hex())
print(float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"))
print(int(7.9), int(-7.9), float(7), float("1e3"))
print((2.5).real, (2.5).imag, (2.5).conjugate())
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234.5678, -2))
print(type(round(2.5)).__name__, type(round(2.5, 1)).__name__)
