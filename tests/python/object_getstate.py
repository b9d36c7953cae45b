# object.__getstate__: the instance dict (None when empty) with the set
# __slots__ values, slot names from copyreg._slotnames (mangled, cached on
# the class as __slotnames__).
class Base:
    __slots__ = ("a", "__priv", "__dict__")
class Child(Base):
    __slots__ = "c"
class _Under:
    __slots__ = ("__x",)
class Plain:
    pass
c = Child()
c.a = 5
c.z = 1
print(c.__getstate__())
c.c = 7
c._Base__priv = 2
print(c.__getstate__())
print(sorted(Child.__dict__), Child.__slotnames__)
print(Child().__getstate__())
u = _Under(); u._Under__x = 3
print(u.__getstate__(), _Under.__slotnames__)
p = Plain()
print(p.__getstate__(), "__slotnames__" in Plain.__dict__, Plain.__dict__.get("__slotnames__"))
p.q = 1
print(p.__getstate__())
print((5).__getstate__(), [].__getstate__() if hasattr([], "__getstate__") else None)
class Cached:
    __slots__ = ("s",)
    __slotnames__ = ["other"]
k = Cached(); k.s = 1
print(k.__getstate__())
