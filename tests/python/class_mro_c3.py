# C3 linearization of a diamond and of a more complex hierarchy.
class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
print([k.__name__ for k in D.__mro__])
class O: pass
class F(O): pass
class E(O): pass
class Dd(O): pass
class Cc(Dd, F): pass
class Bb(Dd, E): pass
class Aa(Bb, Cc, E): pass
print([k.__name__ for k in Aa.mro()])
try:
    class X(A, B): pass
except TypeError as e:
    print("TypeError:", e)
class M1:
    def who(self):
        return "M1"
class M2:
    def who(self):
        return "M2"
class Both(M2, M1): pass
print(Both().who())
