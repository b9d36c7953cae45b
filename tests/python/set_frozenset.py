# frozenset: hashable, usable as dict key and set element, and immutable.
f = frozenset([3, 1, 2])
print(sorted(f), len(f), 2 in f, type(f | {9}).__name__, type({9} | f).__name__)
d = {frozenset({1, 2}): "pair"}
print(d[frozenset({2, 1})])
s = {frozenset(), frozenset({1})}
print(len(s), frozenset() in s)
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError", e)
print(sorted(f - {1}), f.issubset(range(5)), sorted(f.union({0})))
words = ["listen", "silent", "enlist", "google"]
print(len({frozenset(w) for w in words}))
