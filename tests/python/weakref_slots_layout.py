import weakref
class A: __slots__=('x',)
try: weakref.ref(A())
except TypeError as e: print(e)
class B: __slots__=('x','__weakref__')
print(weakref.ref(B()) is not None, '__weakref__' in B.__dict__, '__dict__' in B.__dict__)
b = B(); r = weakref.ref(b); print(b.__weakref__ is r)
class C(B): __slots__=()
print(weakref.ref(C()) is not None)
try:
  class D(B): __slots__=('__weakref__',)
except TypeError as e: print(e)
class E(A): pass
print(weakref.ref(E()) is not None, '__weakref__' in E.__dict__)
class F: pass
try:
  class G(F): __slots__=('__weakref__',)
except TypeError as e: print(e)
class H: __slots__=('__dict__',)
try: weakref.ref(H())
except TypeError as e: print(e)
print('__weakref__' in H.__dict__)
for bb in (tuple, int, bytes, str, list, float, complex, BaseException, ValueError, object, dict, set):
    T = type('T', (bb,), {})
    try: weakref.ref(T()); print(bb.__name__, 'yes', '__weakref__' in T.__dict__)
    except TypeError as e: print(bb.__name__, e)
class M(type): pass
class WithM(metaclass=M): pass
print(weakref.ref(WithM)() is WithM)
x = B(); x.x = 5
p = weakref.proxy(x); print(p.x)
del x
try: p.x
except ReferenceError as e: print(e)
