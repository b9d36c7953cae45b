# Class vs instance __dict__, attribute lookup order and shadowing.
class C:
    a = 1
    def m(self):
        return "method"
c = C()
c.b = 2
print(sorted(c.__dict__), "a" in C.__dict__, "m" in C.__dict__)
c.m = lambda: "instance attr"
print(c.m(), C.m(c))
del c.m
print(c.m())
c.a = 100
print(c.a, C.a)
del c.a
print(c.a)
C.new = "added later"
print(c.new)
print(getattr(c, "missing", "default"))
