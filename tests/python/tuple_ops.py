# Tuples: packing, single element, methods count/index, comparison, immutability, hashing.
t = 1, 2, 3
single = (5,)
print(t, single, (), type(single).__name__, len(t))
print(t.count(2), t.index(3), t + (4,), t * 2, t[::-1])
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99), t == (1, 2, 3))
try:
    t[0] = 9
except TypeError as e:
    print("TypeError", e)
nested = (1, [2, 3])
nested[1].append(4)
print(nested)
try:
    hash(nested)
except TypeError as e:
    print("TypeError", e)
print({(0, 0): "origin"}[(0, 0)], tuple(sorted((3, 1, 2))))
x, = single
print(x)
