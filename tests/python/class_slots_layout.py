# __slots__: member descriptors, layouts, inheritance, errors (as CPython's type_new).
for s in [('a','a'), (1,), ('1a',), 'x y']:
    try:
        class P: __slots__ = s
    except Exception as e: print(type(e).__name__, e)
class A: __slots__=('a',)
class B: __slots__=('b',)
try:
    class C(A,B): pass
except Exception as e: print(type(e).__name__, e)
class D: __slots__ = ('__dict__',)
d = D(); d.q = 1; print(d.__dict__)
try:
    class E(D): __slots__ = ('__dict__',)
except Exception as e: print(type(e).__name__, e)
print(A.a, A.a.__objclass__)
try: A.a.__get__(3)
except Exception as e: print(type(e).__name__, e)
x = A()
try: del x.a
except Exception as e: print(type(e).__name__, e)
x.a = [x]
print(x.a[0] is x)
class F: __slots__=('__p',)
print(list(F.__dict__.keys()))
class G(A):
    __slots__ = ('g', 'h')
    def __init__(self): self.a = 1; self.g = 2; self.h = 3
g = G(); print(g.a, g.g, g.h, hasattr(g, '__dict__'))
class H(G): pass
h = H(); h.z = 5; print(h.a, h.g, h.h, h.z, h.__dict__)
try:
    class I(int): __slots__ = ('x',)
except Exception as e: print(type(e).__name__, e)
class J(int): __slots__ = ()
print(J(5) + 1)
class K(list): __slots__ = ('tag',)
k = K([1,2]); k.tag = 'hi'; print(k, k.tag)
class S(str): __slots__ = ('m',)
s = S('abc'); s.m = 1; print(s.upper(), s.m)
import gc
for i in range(100):
    y = G(); y.a = y; y.g = [y]
del y
print(gc.collect() > 0)
class Ex(Exception): __slots__ = ('code',)
e = Ex('x'); e.code = 3; print(e.code, e.args)
