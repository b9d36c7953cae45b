# Comparisons between floats and ints are exact, whatever the magnitude.
big = 2**53
pairs = [(big + 1, float(big)), (float(big), big + 1), (2**64, 2.0**64), (2**64 + 1, 2.0**64),
         (10**400, float("inf")), (-10**400, float("-inf")), (10**400, 1e308), (-1, -1.0),
         (0, -0.0), (2**1024, 1.7976931348623157e308), (-(2**1024), -1.7976931348623157e308),
         (3, 3.0000000000000004), (2**63, 9.223372036854776e18), (2**63 - 1, 9.223372036854776e18)]
for a, b in pairs:
    print(a == b, a != b, a < b, a <= b, a > b, a >= b, b < a, b == a)
nan = float("nan")
for v in [0, 10**400, -5]:
    print(v == nan, v != nan, v < nan, v > nan, nan <= v, nan >= v)
print(1 == 1.0 == True, 2**53 + 1 in [float(2**53)], float(2**53) in [2**53 + 1])
print(hash(2**61) == hash(float(2**61)), hash(-1.0), hash(10**20) == hash(1e20), hash(0.5))
print(sorted([3, 1.5, 2**70, -1, 2.5, -1e30, 0, True]))
print(max(1, 1.0), min(1.0, 1), max(2**64, 1.8e19))
