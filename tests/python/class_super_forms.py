# super() with explicit arguments, in classmethods, and accessing attributes.
class A:
    x = "A.x"
    def f(self):
        return "A.f"
    @classmethod
    def make(cls):
        return "A.make(" + cls.__name__ + ")"
class B(A):
    x = "B.x"
    def f(self):
        return "B.f+" + super(B, self).f()
    @classmethod
    def make(cls):
        return "B.make+" + super().make()
    def getx(self):
        return super().x
print(B().f(), B.make(), B().getx())
class C(B):
    def f(self):
        return "C.f+" + super(B, self).f()
print(C().f(), C.make())
