# float(repr(x)) == x for computed values; str of floats near integer boundaries.
vals = [i / 7 for i in range(-5, 6)] + [2 ** -i for i in range(0, 60, 7)] + [10.0 ** i for i in range(-8, 24, 5)]
print(all(float(repr(v)) == v for v in vals))
for v in vals:
    print(repr(v))
print(0.1 * 3, 1.1 + 2.2, 1e16 + 1, 1e16 + 2, 2.0 ** 63, 9.999999999999999e22)
