# super() follows the MRO of the instance's class, not the defining class.
class A:
    def who(self):
        return ["A"]
    def __init__(self):
        self.log = ["A.init"]

class B(A):
    def who(self):
        return ["B"] + super().who()
    def __init__(self):
        super().__init__()
        self.log.append("B.init")

class C(A):
    def who(self):
        return ["C"] + super().who()
    def __init__(self):
        super().__init__()
        self.log.append("C.init")

class D(B, C):
    def who(self):
        return ["D"] + super().who()
    def __init__(self):
        super().__init__()
        self.log.append("D.init")

d = D()
print(d.who())
print(d.log)
print([k.__name__ for k in D.__mro__])
print(super(B, d).who())
print(super(C, d).who())

class P:
    value = "P.value"
    @property
    def prop(self):
        return "P.prop"
class Q(P):
    value = "Q.value"
    @property
    def prop(self):
        return "Q.prop+" + super().prop
    def get_value(self):
        return super().value
q = Q()
print(q.prop, q.get_value())
s = super(Q, q)
print(s.__thisclass__.__name__, type(s.__self__).__name__, s.__self_class__.__name__)
try:
    s.missing
except AttributeError as e:
    print("AttributeError:", e)
unbound = super(Q)
print(unbound.__self__, unbound.__self_class__)
print(repr(unbound))
