# tuple: construction, subscripts, operators, hashing, comparison, repr.
print(tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple({1: 2}))
t = (1, 2, 3, 2)
print(t[1], t[-1], t[1:3], t[::-1], t[::2], t[5:], t.count(2), t.index(2), t.index(2, 2))
for call in (lambda: t[4], lambda: t["a"], lambda: t.index(9), lambda: t + [1],
             lambda: t * 1.5, lambda: tuple(1), lambda: tuple(1, 2), lambda: t.count(),
             lambda: hash(([],)), lambda: tuple(x=1)):
    try:
        call()
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(t + (4,), (0,) + t, t * 2, 2 * t, t * 0, () * 5, (1,) * -1)
print((1, 2) < (1, 2, 3), (1, 3) > (1, 2, 9), (1, 2) == (1, 2), (1, 2) != (1, 2.0), () < (0,))
print((1, "a") < (1, "b"), (2, 1) <= (2, 1), [(1, 2)] == [(1, 2)])
print(hash(()), hash((1,)), hash((1, 2)), hash((-1, -2)), hash(((1, 2), (3, 4))), hash((1, 2)) == hash((1.0, 2)))
print(hash((True, None)) == hash((1, None)), hash((10**30,)))
print((1,), (1, (2,)), ((),), repr(()))
l = []
t2 = (l,)
l.append(t2)
print(t2)
print(3 in t, 9 in t, (2, 3) in [(2, 3)])
nested = ((1, 2), (3, 4))
a, (b, c) = 0, nested[1]
print(a, b, c, [x for x, _ in nested])
print(t[True], t[-True:], t.__len__(), len(()), bool(()), bool((0,)))
print(tuple(t) is t, t[:] is t, t[0:4] is t)


class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]

    def __repr__(self):
        return "Point(%r, %r)" % self


p = Point(3, 4)
print(p, p.x, p[1], len(p), p + (5,), type(p + (5,)).__name__, isinstance(p, tuple))
print(p == (3, 4), hash(p) == hash((3, 4)), tuple(p), type(p[:]).__name__)
