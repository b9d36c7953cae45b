# Shortest round-trip float repr, exponents and signed zero.
vals = [0.1, 0.2, 0.1 + 0.2, 1.0, -0.0, 1e16, 1e15, 123456789.0, 1e-5, 0.0001,
        1.5e300, 2.5e-300, 3.141592653589793, 1 / 3, 100.0, 1e22, 1e23, 5e-324]
for v in vals:
    print(repr(v), str(v))
print(float("1.10"), float("-2.5e3"), float(" 7 "))
