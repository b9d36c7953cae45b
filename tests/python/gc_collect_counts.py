# gc.collect() return values for simple cycles, compared with CPython.
import gc

gc.collect()
print("nothing:", gc.collect())

for n in (1, 3, 10):
    for _ in range(n):
        l = []
        l.append(l)
    del l
    print("list self-loops", n, gc.collect())

for n in (1, 4):
    for _ in range(n):
        d = {}
        d["me"] = d
    del d
    print("dict self-loops", n, gc.collect())

l = []
t = (l,)
l.append(t)
del l, t
print("tuple<->list", gc.collect())

l = [1, 2, 3]
t = (l, "x", 5)
l.append(t)
del l, t
print("tuple<->list with atoms", gc.collect())


class A:
    pass


a = A()
a.me = a
del a
print("instance self-loop", gc.collect())

a, b = A(), A()
a.other, b.other = b, a
del a, b
print("instance pair", gc.collect())


class S:
    __slots__ = ("other",)


a, b = S(), S()
a.other, b.other = b, a
del a, b
print("slots pair", gc.collect())

ring = [A() for _ in range(5)]
for i, x in enumerate(ring):
    x.next = ring[(i + 1) % 5]
del ring, x
print("instance ring of 5", gc.collect())

g = {}
exec("def f():\n    return f\n", g)
del g
print("function<->globals", gc.collect())


def outer():
    def inner():
        return inner
    return inner


f = outer()
del f
print("closure self-loop", gc.collect())

print("disabled still collects:", end=" ")
gc.disable()
l = []
l.append(l)
del l
print(gc.collect())
gc.enable()

for gen in (0, 1, 2):
    l = []
    l.append(l)
    del l
    print("generation", gen, gc.collect(gen))
print("collect(generation=2)", gc.collect(generation=2))
