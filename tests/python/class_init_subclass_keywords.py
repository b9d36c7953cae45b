# object.__init_subclass__ takes no arguments: stray class keywords fail.
try:
    class A(foo=1): pass
except TypeError as e: print(e)
class B:
    def __init_subclass__(cls, **kw): print("init_sub", cls.__name__, kw)
class C(B, x=2): pass
class D(C): pass
try:
    object.__init_subclass__(1)
except TypeError as e: print(e)
try:
    object.__init_subclass__(x=1)
except TypeError as e: print(e)
class M(type): pass
try:
    class E(metaclass=M, foo=1): pass
except TypeError as e: print(e)
class P:
    def __init_subclass__(cls, flag=False, **kw):
        super().__init_subclass__(**kw)
        cls.flag = flag
class Q(P, flag=True): pass
print(Q.flag)
try:
    class R(P, other=3): pass
except TypeError as e: print(e)
