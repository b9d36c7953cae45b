# Comparisons between ints and floats are exact, even for big ints.
print(1 == 1.0, 2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53)
print(2 ** 53 + 1 > 2.0 ** 53, 10 ** 400 > 1e308, -10 ** 400 < -1e308)
print(0.5 < 1, 1 < 1.5, -1 > -1.5)
print(float("inf") > 10 ** 1000)
print(hash(1) == hash(1.0), hash(2 ** 40) == hash(2.0 ** 40))
print({1: "int"}[1.0], 1.0 in {1, 2})
print(sorted([3, 1.5, 2, -0.5, 0]))
print(max(2, 2.0), min(2.0, 2))
