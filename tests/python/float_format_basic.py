# str() and repr() of floats from various computations.
print(1 / 10, 2 / 10, 3 / 10, 7 / 10)
print(1e1, 1e0, 1e-1, 1.23e-7, 12345678912345678.0)
print(0.1 + 0.7, 100 * 1.1, 3.0 * 1.1)
print(float(10 ** 16), float(10 ** 15), float(-10 ** 16))
print(9007199254740993.0, 0.30000000000000004)
print(1.0 / 3.0 * 3.0, 2.0 / 3.0)
print([1.5, -0.25, 1e100])
print((1.0, 2.5))
