# What a class is made of, as the collector and introspection see it: the
# objects a dead class frees (type, dict, MRO and bases tuples, the
# __dict__/__weakref__ getset descriptors, functions), its referents in
# CPython's order, its namespace order, and its getset descriptors, which
# belong to the class (and keep it alive) rather than to object.
import gc

gc.collect()
gc.disable()


class Empty:
    pass


del Empty
print("empty class:", gc.collect())


class WithMethod:
    def m(self):
        pass


del WithMethod
print("class with a method:", gc.collect())


class Slotted:
    __slots__ = ("a",)


del Slotted
print("slotted class:", gc.collect())


class Meta(type):
    pass


class Base:
    pass


class Derived(Base, metaclass=Meta):
    pass


refs = gc.get_referents(Derived)
print(refs[0] is Meta, type(refs[1]) is dict and "__module__" in refs[1], refs[2] == Derived.__mro__, refs[3] == Derived.__bases__)


class A:
    pass


class B:
    "doc"
    x = 1


class C:
    __slots__ = ("a", "__dict__")


class E(Exception):
    pass


for k in (A, B, C, E):
    print(k.__name__, list(k.__dict__))

d = A.__dict__["__dict__"]
w = A.__dict__["__weakref__"]
print(repr(d), repr(w), d.__objclass__ is A, d.__name__, d.__qualname__, w.__qualname__)
a = A()
a.x = 1
print(d.__get__(a), d.__get__(None, A) is d)
try:
    d.__get__(B())
except TypeError as e:
    print("TypeError:", e)
del A, a
print("descriptors keep their class:", repr(d))
gc.enable()


class Outer:
    class Inner:
        __slots__ = ("s",)


m = Outer.Inner.__dict__["s"]
print(m.__name__, m.__qualname__, m.__objclass__ is Outer.Inner, repr(m))
