# gc.get_count() after explicit collections of each generation.
import gc

gc.collect()
print(gc.get_count())
gc.collect(0)
print(gc.get_count())
gc.collect(0)
print(gc.get_count())
gc.collect(1)
print(gc.get_count())
gc.collect(2)
print(gc.get_count())
gc.disable()
gc.collect()
keep = [[] for _ in range(5)]
c = gc.get_count()
print(c[0] >= 5, c[1:])
del keep
gc.enable()
gc.collect()
print(gc.get_count())
