import weakref, sys
class C:
    pass
c = C()
r = weakref.ref(c)
print(r() is c, weakref.getweakrefcount(c), weakref.ref(c) is r)
def cb(w):
    print("callback", w is r2, w())
r2 = weakref.ref(c, cb)
print(weakref.getweakrefcount(c), weakref.getweakrefs(c)[0] is r)
print(c.__weakref__ is r)
del c
print(r(), r2())
print(repr(r).endswith("; dead>"))
for o in [1, "s", (), [], {}, object()]:
    try:
        weakref.ref(o)
    except TypeError as e:
        print(e)
class L(list): pass
class D(dict): pass
print(weakref.ref(L())() , weakref.ref(D()) is not None)
def f(): pass
print(weakref.ref(f)() is f, weakref.ref(int)() is int, weakref.ref(C)() is C, weakref.ref(sys)() is sys)
print(weakref.ref(set())(), weakref.ref(frozenset([1]))())
print(type(r), type(r).__name__, type(r).__module__, weakref.ref)
p = weakref.proxy(C)
print(type(p), type(weakref.proxy(C())))
x = C(); x.a = 5
p = weakref.proxy(x)
print(p.a, hash(weakref.ref(x)) == hash(x))
try: hash(p)
except TypeError as e: print(e)
del x
try: p.a
except ReferenceError as e: print("RE", e)
