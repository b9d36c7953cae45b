# Set algebra and methods (printed sorted for determinism).
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union([9])), sorted(a.intersection(b, {4})), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print(a <= {1, 2, 3, 4, 5}, a < a, a.issubset(a), a.issuperset({1}), a.isdisjoint({7, 8}))
s = set()
s.add(3); s.add(1); s.add(3)
print(sorted(s), len(s))
s.update([5, 6], (7,))
s.discard(100)
s.remove(5)
print(sorted(s))
try:
    s.remove(100)
except KeyError as e:
    print("KeyError", e)
c = a.copy()
c &= b
c |= {0}
c -= {4}
print(sorted(c), sorted(a))
print({1, 2} == {2, 1}, {1} == frozenset({1}), len({1, 1.0, True}))
