# gc.is_tracked: atoms untracked; tuples untracked by a collection once they
# can hold no cycle; dicts tracked when they first hold a container.
import gc


def f():
    return (1, 2)


class A:
    pass


class S:
    __slots__ = ()


x = 5
print("atoms:", [gc.is_tracked(v) for v in (None, 1, 2**100, 1.5, 1j, "s", b"b", True, ...)])
print("containers:", [gc.is_tracked(v) for v in ([], set(), frozenset(), f, A, A(), S(), iter([]), gc)])
print("not containers:", [gc.is_tracked(v) for v in (bytearray(), object(), int, range(2))])
print("empty tuple:", gc.is_tracked(()))
t = (x, "a")
print("runtime tuple of atoms:", gc.is_tracked(t))
gc.collect()
print("after a collection:", gc.is_tracked(t))
t2 = (x, [])
gc.collect()
print("tuple holding a list:", gc.is_tracked(t2))
t3 = (x, {})
gc.collect()
print("tuple holding an empty dict:", gc.is_tracked(t3))
t4 = ((x, 2), (3, x))
print("nested:", gc.is_tracked(t4), gc.is_tracked(t4[0]))
gc.collect(0)
print("after collect(0):", gc.is_tracked(t4), gc.is_tracked(t4[0]))
gc.collect(0)
print("after another:", gc.is_tracked(t4))
t5 = tuple(i for i in range(3))
print("tuple():", gc.is_tracked(t5))
gc.collect()
print("tuple() after:", gc.is_tracked(t5))

print("dicts:", gc.is_tracked({}), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}))
d = {}
d["x"] = 1
print("int value:", gc.is_tracked(d))
d["y"] = []
print("list value:", gc.is_tracked(d))
del d["y"]
print("after del:", gc.is_tracked(d))
gc.collect(0)
print("after collect(0):", gc.is_tracked(d))
gc.collect()
print("after full collect:", gc.is_tracked(d))
print("dict(a=1):", gc.is_tracked(dict(a=1)), "dict(a=[]):", gc.is_tracked(dict(a=[])))
print("tuple key:", gc.is_tracked({(x,): 1}))
d6 = {1: 1}
d6.update({2: []})
print("update:", gc.is_tracked(d6), "copy:", gc.is_tracked(d6.copy()), gc.is_tracked({1: 2}.copy()))
dd = {"a": {"b": 1}}
gc.collect()
print("dict of dict:", gc.is_tracked(dd), gc.is_tracked(dd["a"]))
