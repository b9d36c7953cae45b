# enumerate, zip (strict), map, filter, reversed, iter/next on them.
print(list(enumerate("ab")), list(enumerate("ab", 5)), list(enumerate("ab", start=-1)), list(enumerate([], 3)))
print(list(enumerate("xy", 2**64)))
e = enumerate(iter([10, 20]))
print(next(e), next(e), next(e, "done"), iter(e) is e)
print(list(zip()), list(zip("abc")), list(zip("abc", [1, 2], (True, False, None))))
print(list(zip("ab", "cd", strict=True)))
for args in (("ab", "c"), ("a", "bc"), ("ab", "ab", "a"), ("ab", "ab", "abc")):
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e2:
        print("ValueError:", e2)
print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3], [3, 2, 99])), list(map(lambda *a: a, "ab", "cd")))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])), list(filter(lambda x: x % 2, range(7))), list(filter(bool, [0, 2])))
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")), list(reversed(range(3))))


class Seq:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10


class Rev:
    def __reversed__(self):
        return iter("zyx")


class NoRev:
    __reversed__ = None

    def __len__(self):
        return 1

    def __getitem__(self, i):
        return i


r = reversed(Seq())
print(type(r).__name__, r.__length_hint__(), list(r), list(reversed(Rev())))
for call in (lambda: reversed(5), lambda: reversed(NoRev()), lambda: reversed({1: 2}.items().__iter__()),
             lambda: reversed(), lambda: reversed([], []), lambda: enumerate(), lambda: enumerate(5),
             lambda: zip(5), lambda: zip([], bogus=1), lambda: map(len), lambda: map(), lambda: filter(None),
             lambda: next(iter([]))):
    try:
        call()
    except Exception as e2:
        print(type(e2).__name__ + ":", e2)
print(list(reversed({1: "a", 2: "b"})), list(reversed({1: 2}.values())))
for t in (enumerate, zip, map, filter, reversed, range):
    print(t, type(t).__name__, t.__name__)


class Numbered(enumerate):
    pass


print(list(Numbered("ab", 1)), type(Numbered("a")).__name__)
m = map(str.upper, ["a", "b"])
print(next(m), list(m), list(m))
z = zip([1, 2], [3])
print(list(z), list(z))
