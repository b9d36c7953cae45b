# Proxies forward everything to the referent: attributes, operators,
# iteration, isinstance through __class__; sys.excepthook prints like an
# uncaught exception.
import weakref, sys


class C:
    pass


class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)

    def __add__(self, o):
        return Vec(*[a + b for a, b in zip(self.xs, o.xs)])

    def __mul__(self, k):
        return Vec(*[a * k for a in self.xs])

    def __iadd__(self, o):
        self.xs = [a + b for a, b in zip(self.xs, o.xs)]
        return self

    def __neg__(self):
        return Vec(*[-a for a in self.xs])

    def __lt__(self, o):
        return self.xs < o.xs

    def __repr__(self):
        return "Vec%r" % (tuple(self.xs),)

    def __setitem__(self, i, v):
        self.xs[i] = v

    def __delitem__(self, i):
        del self.xs[i]

    def __contains__(self, v):
        return v in self.xs

    def __index__(self):
        return len(self.xs)

    def __call__(self, n):
        return self.xs[n]


a = C()
p = weakref.proxy(a)
print(isinstance(p, C), p.__class__ is C, type(p) is weakref.ProxyType)
print(isinstance(p, weakref.ProxyType), isinstance(3, C))
v = Vec(1, 2, 3)
w = Vec(10, 20, 30)
pv = weakref.proxy(v)
print(type(pv).__name__, pv + w, pv * 2, -pv, pv < w, w < pv)
print(str(pv), 2 in pv, pv(1), [0, 1, 2, 3][pv])
pv[0] = 100
del pv[1]
print(v)
pv += w
print(v, type(pv).__name__)
print(operator_ok := True)

import gc
g = Vec(1)
pg = weakref.proxy(g)
del g
for op in [lambda: pg + pg, lambda: len(pg), lambda: pg.xs, lambda: str(pg), lambda: pg(0)]:
    try:
        op()
    except ReferenceError as e:
        print("ReferenceError:", e)
print(bool(weakref.proxy(C())) if False else "skip")

try:
    raise KeyError("k")
except KeyError:
    sys.excepthook(*sys.exc_info())
print(sys.excepthook is sys.__excepthook__)
try:
    sys.excepthook(1, 2)
except TypeError as e:
    print(e)
