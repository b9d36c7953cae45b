import weakref, sys, gc
class C:
    def m(self): return 42
    def __repr__(self): return "C()"
c = C()
# ref equality / hash
r1 = weakref.ref(c); r2 = weakref.ref(c, lambda w: None)
print(r1 == r2, r1 is r2, hash(r1) == hash(r2), r1 != r2)
d = C()
print(weakref.ref(c) == weakref.ref(d))
print(r2.__callback__ is not None, r1.__callback__)
# callable proxy
def f(x): return x * 2
pf = weakref.proxy(f)
print(pf(21), type(pf).__name__, callable(pf))
# proxy ops
class Num:
    def __init__(self, v): self.v = v
    def __add__(self, o): return Num(self.v + (o.v if isinstance(o, Num) else o))
    def __radd__(self, o): return Num(self.v + o)
    def __len__(self): return 3
    def __getitem__(self, i): return i * 10
    def __iter__(self): return iter([1, 2])
    def __eq__(self, o): return isinstance(o, Num) and self.v == o.v
    def __hash__(self): return 1
    def __bool__(self): return False
n = Num(5)
p = weakref.proxy(n)
print((p + 1).v, (1 + p).v, len(p), p[4], list(p), p == Num(5), bool(p), 3 in [p] if False else "")
p.w = 7; print(n.w); del p.w; print(hasattr(n, "w"))
print(str(weakref.proxy(c)))
# getweakrefs order: basic ref first
x = C()
cb = lambda w: None
a1 = weakref.ref(x, cb); a2 = weakref.proxy(x); a3 = weakref.ref(x)
ws = weakref.getweakrefs(x)
print(ws[0] is a3, ws[1] is a2, ws[2] is a1, weakref.getweakrefcount(x))
print(weakref.getweakrefcount(1), weakref.getweakrefs(1))
# subclassing ref
class MyRef(weakref.ref):
    def __new__(cls, ob, callback=None, extra=0):
        return super().__new__(cls, ob, callback)
    def __init__(self, ob, callback=None, extra=0):
        super().__init__(ob, callback)
        self.extra = extra
try: MyRef2 = type("MyRef2", (weakref.ref,), {}); MyRef2(x, None, 5)
except TypeError as e: print(e)
mr = MyRef(x, None, 5)
print(mr() is x, mr.extra, isinstance(mr, weakref.ref), mr is not weakref.ref(x))
# WeakMethod
wm = weakref.WeakMethod(c.m)
print(wm()(), wm() == c.m)
del c
print(wm())
# callbacks order and exception in callback
y = C()
def bad(w): raise ValueError("oops")
weakref.ref(y)  # no callback basic
k1 = weakref.ref(y, lambda w: print("first"))
k2 = weakref.ref(y, lambda w: print("second"))
del y
print(type(weakref.ref), weakref.ReferenceType is weakref.ref)
print(weakref.ProxyTypes)
# deleting ref before object
z = C()
rz = weakref.ref(z, lambda w: print("not called"))
del rz
del z
print("no call")
# ref(x) with keyword
try: weakref.ref(C(), callback=None)
except TypeError as e: print(e)
try: weakref.ref()
except TypeError as e: print(e)
try: weakref.ref(1, 2, 3)
except TypeError as e: print(e)
# dead ref hash
q = C(); rq = weakref.ref(q); del q
try: hash(rq)
except TypeError as e: print(e)
q = C(); rq = weakref.ref(q); h = hash(rq); del q
print(hash(rq) == h)
