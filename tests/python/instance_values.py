# Instance attributes kept inline (shared keys + values): order, deletion,
# __dict__ made on demand, overflow past the shared-key limit, class
# assignment, odd names, and the collector seeing values.
import gc


class P:
    pass


a = P()
a.x = 1
a.y = 2
b = P()
b.y = 3
b.x = 4
print(vars(a), vars(b))
c = P()
c.z = 5
c.x = 6
del c.z
c.z = 7
print(c.__dict__, c.x, c.z)
try:
    del c.nope
except AttributeError as e:
    print("AttributeError:", e)
try:
    c.nope
except AttributeError as e:
    print("AttributeError:", e)
del c.x
print(hasattr(c, "x"), vars(c))
try:
    del c.x
except AttributeError as e:
    print("AttributeError:", e)

# The dict, once made, is the instance's: changes show both ways.
d = P()
d.p = 1
dd = d.__dict__
d.q = 2
dd["r"] = 3
print(dd, d.r, sorted(dir(d))[-3:])
del d.p
print(dd)
d.__dict__ = {"s": 9}
print(d.s, hasattr(d, "q"), vars(d))

# Many instances, then new names on old and new ones.
objs = [P() for _ in range(50)]
for i, o in enumerate(objs):
    o.v = i
objs[0].w = "first"
objs[49].w = "last"
objs[10].extra1 = 1
objs[10].extra2 = 2
print(objs[0].__dict__, objs[49].__dict__, objs[10].__dict__, objs[25].__dict__)

# More names than one class shares.
big = P()
for i in range(40):
    setattr(big, "a%d" % i, i)
print(len(vars(big)), big.a0, big.a39, list(vars(big))[:3], list(vars(big))[-2:])
other = P()
for i in range(35):
    setattr(other, "b%d" % i, i * 2)
print(other.b34, len(other.__dict__))

# Names that are not plain interned strs.
e = P()
n = "".join(["na", "me"])
setattr(e, n, 1)
print(e.name, getattr(e, "na" + "me"))


class S(str):
    pass


setattr(e, S("sub"), 2)
print(e.sub, vars(e))

# Class assignment keeps the attributes.


class Q:
    def who(self):
        return "Q"


f = P()
f.k = 1
f.m = 2
f.__class__ = Q
print(f.who(), f.k, f.m, vars(f))
f.n = 3
print(vars(f))

# Methods shadowed by instance attributes, and __getattr__ fallbacks.


class R:
    def meth(self):
        return "method"

    def __getattr__(self, name):
        return "fallback " + name


r = R()
print(r.meth(), r.missing)
r.meth = lambda: "instance"
print(r.meth(), r.missing)
del r.meth
print(r.meth())

# Subclasses of built-ins and exceptions keep attributes too.


class L(list):
    pass


lst = L([1, 2])
lst.tag = "t"
print(lst, lst.tag, vars(lst))


class E(Exception):
    pass


try:
    err = E("boom")
    err.code = 7
    raise err
except E as caught:
    print(caught, caught.code, vars(caught))

# __del__ of a value runs when the attribute is replaced or deleted.


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


h = P()
h.v = Noisy("one")
h.v = Noisy("two")
del h.v
print("after del")

# Cycles through inline values are collected (automatic collections off,
# so the counts are the same under a stress threshold).
gc.collect()
gc.disable()


class Node:
    pass


for i in range(3):
    x = Node()
    y = Node()
    x.other = y
    y.other = x
    x.me = x
del x, y
print(gc.collect())
s = Node()
s.me = s
print(gc.get_referents(s) == [s, Node])
del s
print(gc.collect())
gc.enable()
