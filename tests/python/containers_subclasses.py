# Subclasses of list, dict, set and tuple: construction, overridden
# dunders seen by the built-in operations, results' types, __init__ chains.
class Stack(list):
    def push(self, x):
        self.append(x)

    def __repr__(self):
        return "Stack(" + list.__repr__(self) + ")"


s = Stack([1, 2])
s.push(3)
print(s, len(s), s[0], s[-1], type(s[:2]).__name__, type(s + [4]).__name__, type(s * 2).__name__, s == [1, 2, 3])
s += [4]
print(s, type(s).__name__, isinstance(s, list), list(s), sorted(s, reverse=True))


class Logged(list):
    def __init__(self, *args):
        print("init", args)
        super().__init__(*args)

    def __getitem__(self, i):
        return ("logged", list.__getitem__(self, i))


lg = Logged("ab")
print(lg[0], list(lg), [x for x in lg], lg.copy())


class DefaultDict(dict):
    def __init__(self, default, *args, **kw):
        super().__init__(*args, **kw)
        self.default = default

    def __missing__(self, key):
        self[key] = v = self.default()
        return v


dd = DefaultDict(list, a=[1])
dd["b"].append(2)
dd["a"].append(3)
print(sorted(dd.items()), dd.get("zz"), "zz" in dd, len(dd), type(dd.copy()).__name__)


class LowerDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)


ld = LowerDict()
ld["HeLLo"] = 1
ld.update({"X": 2})
print(ld, dict(ld), {**ld})


class Frozen(frozenset):
    def __repr__(self):
        return "Frozen" + repr(sorted(self))


f = Frozen([3, 1])
print(f, f | {2}, type(f | {2}).__name__, hash(f) == hash(frozenset([1, 3])), f == {1, 3})


class Pair(tuple):
    __slots__ = ()

    def __new__(cls, a, b):
        return tuple.__new__(cls, (a, b))

    def swap(self):
        return Pair(self[1], self[0])


p = Pair(1, 2)
print(p, p.swap(), type(p.swap()).__name__, p == (1, 2), sorted([Pair(2, 1), Pair(1, 2)]))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


print(list(Countdown(3)), tuple(Countdown(2)), set(Countdown(4)), dict.fromkeys(Countdown(2)), sorted(Countdown(3)))
print(list(zip(Countdown(3), "abc")), sum(Countdown(5)), max(Countdown(4)), [x for x in Countdown(2)])
