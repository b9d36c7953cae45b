# set lookups of exact int and str keys compare without __eq__; other keys
# (bool/float aliases, subclasses with __eq__, big ints) take the general path;
# unions read the other set's table in place.
s = {1, 2, "a", 2**70, -1}
print(sorted(map(repr, s)))
print(True in s, 1.0 in s, 2**70 in s, (2**70 + 0) in s, "a" in s, "b" in s, -1 in s, -2 in s)
class H(int):
    def __eq__(self, o):
        print("H eq", int(self), o)
        return int(self) == o
    __hash__ = int.__hash__
print(H(2) in s)
s.add(H(7)); print(7 in s, len(s))
class S(str):
    def __eq__(self, o):
        print("S eq", o)
        return str.__eq__(self, o)
    __hash__ = str.__hash__
print(S("a") in s, "a" in {S("a")})
a = {1, 2, 3}; b = {3, 4, 5}
print(a | b, b | a, a | set(), set() | a, a | a)
print(sorted({"x", "y"} | {"y", "z"}))
big = set(range(100)); print(len(big | set(range(50, 150))), sorted(big | {1000})[-3:])
f = frozenset({1, 2}) | {3}; print(type(f).__name__, sorted(f))
t = {1, 2}; t |= {2, 3, 4}; print(t)
u = {(1, 2), (3, 4)}; print(u | {(1, 2)}, (1, 2) in u)
class Mut:
    def __init__(self, v, victim): self.v = v; self.victim = victim
    def __hash__(self): return hash(self.v)
    def __eq__(self, o):
        self.victim.clear() if self.victim else None
        return isinstance(o, Mut) and o.v == self.v
x = {Mut(1, None), Mut(2, None)}
victim = {Mut(1, None), Mut(3, None), Mut(4, None)}
y = x | victim
print(len(y))
z = {Mut(1, victim)}
w = set(victim)
w2 = {Mut(5, None)} | w
print(len(w2))
d = {i: i for i in range(20)}
print(sorted(set(d) | {100}) [-2:])
print({1, 2} == {2, 1}, {1} < {1, 2}, {1, 2} & {2, 3}, {1, 2} - {2}, {1, 2} ^ {2, 3})
s2 = set(); s2.add(1); s2.discard(1); s2.add(1); print(s2, s2.pop(), s2)
print({0, False, 0.0}, {"", 0}.__len__())
other = {Mut(1, None), Mut(2, None), Mut(3, None)}
mine = {Mut(1, other)}
res = mine | other
print("mutated during union:", len(res), len(other))
