# list methods: arguments, errors, and lists that change under them.
l = [5, 3, 5, 1]
print(l.index(5), l.index(5, 1), l.index(5, -2), l.count(5), l.count(9))
for args in [(9,), (5, 3), (1, 0, 2)]:
    try:
        l.index(*args)
    except ValueError as e:
        print("ValueError:", e)
try:
    l.index("x")
except ValueError as e:
    print("ValueError:", e)
l.insert(-100, 0)
l.insert(100, 9)
l.insert(True, "t")
print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
for call in (lambda: [].pop(), lambda: [1].pop(1), lambda: [1].pop(-2),
             lambda: l.remove(42), lambda: l.pop("a"), lambda: l.insert(1),
             lambda: l.append(), lambda: l.append(1, 2), lambda: l.pop(1, 2),
             lambda: l.clear(1), lambda: l.sort(1), lambda: l.sort(cmp=None),
             lambda: l.append(x=1), lambda: l.index()):
    try:
        call()
    except Exception as e:
        print(type(e).__name__ + ":", e)
l.remove("t")
print(l)
l.extend(l)
print(l)
l.extend(x * 10 for x in range(3))
l.extend({})
l.extend("ab")
print(l)
m = l.copy()
m.reverse()
print(m, m == l[::-1], m is not l)
m.clear()
print(m, len(m))


class Eq:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        print("eq", self.n)
        return False


e = Eq(1)
seq = [Eq(0), e, Eq(2)]
print(e in seq, seq.count(e), seq.index(e))
seq.remove(e)
print(len(seq))


class Shrinker:
    def __eq__(self, other):
        victims.clear()
        return False


victims = [1, 2, 3, Shrinker()]
print(Shrinker() in victims, victims)
print([1, 2] * 2, 0 * [1], [1] * -1, [] * 5, [[0]] * 2)
x = [[0] * 2] * 2
x[0][0] = 1
print(x)
print(list.__reversed__([1, 2, 3]).__length_hint__(), list(reversed([1, 2, 3])))
print([].__sizeof__() < [1, 2, 3].__sizeof__())
