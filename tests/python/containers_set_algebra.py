# set and frozenset: operators, methods with several arguments, subset
# relations, in-place forms, result types, errors.
a = {1, 2, 3, 4}
b = frozenset({3, 4, 5})
print(a | b, a & b, a - b, a ^ b)
print(b | a, b & a, b - a, b ^ a)
print(type(a | b).__name__, type(b | a).__name__, type(b.copy()).__name__, b.copy() is b)
print(a.union([9], (8,), range(2)), a.intersection({2, 3}, [3, 2, 7]), a.difference([1], {2}), a.symmetric_difference([4, 5]))
print(a.union(), a.intersection(), a.difference(), a.union() is a)
print(a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint("xyz"), a.isdisjoint({4}), b.issubset(a))
print(a <= a, a < a, a >= {1}, a > {1}, a == {4, 3, 2, 1}, a != b, {1, 2} == frozenset({1, 2}))
print({1} < {1, 2}, {1, 3} < {1, 2}, frozenset() <= set(), set() == frozenset())
c = set(a)
c |= {10}
c &= {1, 2, 10, 11}
c -= {2}
c ^= {1, 99}
print(c)
d = b
d |= {6}
print(d, b, type(d).__name__)
s = set(range(5))
s.update([5], {6}, "")
s.intersection_update(range(2, 10), [2, 3, 4, 5, 6, 7])
s.difference_update({3}, [4])
s.symmetric_difference_update([5, 50])
print(s)
for call in (lambda: a | [1], lambda: a - "x", lambda: a.union(1), lambda: a.add(),
             lambda: a.add([]), lambda: a.remove(42), lambda: set().pop(), lambda: {[]},
             lambda: a < [1], lambda: hash(a), lambda: set(1, 2), lambda: set(x=1),
             lambda: frozenset(a, a), lambda: a.issubset(5)):
    try:
        call()
    except Exception as e:
        print(type(e).__name__ + ":", e)
e = {1, 2}
e.discard(99)
e.remove(1)
print(e, e.pop(), e, len(e))
fs = {frozenset({1, 2}), frozenset()}
print(frozenset({1, 2}) in fs, {1, 2} in fs, set() in fs)
fs.discard({1, 2})
print(fs)
fs.remove(set())
print(fs)
print(hash(frozenset()), hash(frozenset({1, 2, 3})), hash(frozenset({-1})), hash(frozenset([frozenset([1])])))
print(hash(frozenset(range(100))) == hash(frozenset(reversed(range(100)))))
print(set(), frozenset(), set([3, 1, 2]), frozenset("a"), {(1, 2), (1, 2)})


class Tagged(set):
    pass


t = Tagged([3, 1])
print(t, type(t | {1}).__name__, type(t.copy()).__name__, t == {1, 3})
big = set(range(0, 100, 7))
print(sorted(big)[:5], len(big), 98 in big, 99 in big)
print(set([1, 1.0, True]), {0, False, 0.0}, len({1, 2} | {2, 3}))
it = iter({1, 2, 3})
print(it.__length_hint__(), type(it).__name__, sorted(it))
print(set("aaaa"), set({"k": 1}), frozenset(b) is b)
