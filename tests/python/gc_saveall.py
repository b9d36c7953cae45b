# DEBUG_SAVEALL keeps unreachable objects in gc.garbage instead of freeing them.
import gc

gc.collect()
print(gc.garbage)
print(gc.get_debug())
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug() == gc.DEBUG_SAVEALL)
l = []
l.append(l)
lid = id(l)
del l
print(gc.collect())
print(len(gc.garbage), [id(x) == lid for x in gc.garbage])
print(gc.garbage[0] is gc.garbage[0][0])


class A:
    pass


a = A()
a.me = a
del a
print(gc.collect())
print(len(gc.garbage), sorted(type(x).__name__ for x in gc.garbage))
gc.set_debug(0)
print(gc.get_debug())
for x in gc.garbage:
    if isinstance(x, list):
        x.clear()
    else:
        del x.me
gc.garbage.clear()
l = []
l.append(l)
del l
print(gc.collect(), gc.garbage)
print(gc.DEBUG_LEAK == gc.DEBUG_COLLECTABLE | gc.DEBUG_UNCOLLECTABLE | gc.DEBUG_SAVEALL)
