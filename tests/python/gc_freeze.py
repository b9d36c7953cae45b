# gc.freeze / unfreeze / get_freeze_count (relations: CPython's interpreter
# has more objects than pyrite's).
import gc

gc.collect()
print(gc.get_freeze_count())
keep = [[i] for i in range(100)]
gc.freeze()
n = gc.get_freeze_count()
print(n > 100)
print(gc.get_count()[0])
print(not any(x is keep for x in gc.get_objects()))
print(gc.get_objects(2) == [] or all(not (x is keep) for x in gc.get_objects(2)))
l = []
l.append(l)
del l
print(gc.collect())
keep.append(keep)
del keep
print(gc.collect())
print(gc.get_freeze_count() == n)
gc.unfreeze()
print(gc.get_freeze_count())
print(gc.collect() >= 101)
