# hash() of ints, bools, integral floats and tuples of ints (all deterministic).
print(hash(0), hash(1), hash(-1), hash(-2), hash(12345), hash(True), hash(False))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 100), hash(-(2 ** 100)))
print(hash(3.0), hash(-7.0), hash(1e18))
print(hash((1, 2, 3)), hash(()), hash((1,)), hash((0, -1)))
print(hash(((1, 2), (3,))))
print(hash(frozenset()) == hash(frozenset()), hash(None) == hash(None))
