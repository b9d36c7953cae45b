# Reference cycles without finalizers are reclaimed by gc.collect().
import gc
class Node:
    def __init__(self):
        self.ref = None
gc.collect()
for _ in range(5):
    a, b = Node(), Node()
    a.ref, b.ref = b, a
del a, b
n = gc.collect()
print("unreachable found:", n >= 10)
lst = []
lst.append(lst)
del lst
print("self-referencing list collected:", gc.collect() >= 1)
print("nothing left:", gc.collect())
