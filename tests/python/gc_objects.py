# gc.get_objects(generation) membership, get_referrers / get_referents.
import gc

gc.disable()
gc.collect()


class Node:
    pass


young = [1, 2]
n = Node()
objs0 = gc.get_objects(0)
print("young list in gen 0:", any(o is young for o in objs0))
print("instance in gen 0:", any(o is n for o in objs0))
print("not in gen 2:", not any(o is young for o in gc.get_objects(2)))
gc.collect(0)
print("after collect(0) in gen 1:", any(o is young for o in gc.get_objects(1)))
print("no longer in gen 0:", not any(o is young for o in gc.get_objects(0)))
gc.collect(1)
print("after collect(1) in gen 2:", any(o is young for o in gc.get_objects(2)))
print("in all:", any(o is young for o in gc.get_objects()))
print("in all (None):", any(o is young for o in gc.get_objects(generation=None)))
big = 10**20
print("atoms never listed:", not any(o is big for o in gc.get_objects()))
print("untracked dict not listed:", not any(o is {} for o in gc.get_objects()))

a = [1]
b = [a]
c = {"k": a}
ref = gc.get_referrers(a)
print("referrers:", any(r is b for r in ref), any(r is c for r in ref))
print("referrers of two:", len([r for r in gc.get_referrers(a, b) if r is b or r is c]))
print("referents of b:", gc.get_referents(b) == [a])
print("referents of c:", sorted(map(repr, gc.get_referents(c))))
print("referents of atoms:", gc.get_referents(1, "s", None))
t = (a, 3)
print("referents of tuple:", gc.get_referents(t))
print("referents of several:", gc.get_referents([1], [2, 3]))
print("referents none:", gc.get_referents())
gc.enable()
