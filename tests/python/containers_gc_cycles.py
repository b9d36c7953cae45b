# Cycles through containers are found by the collector; untracked atomic
# containers stay untracked.
import gc

gc.collect()
a = []
a.append(a)
d = {}
d["self"] = d
s = [set()]
t = ([],)
t[0].append(t)
it = iter([1])
lst = [it]
del a, d, s, t
n = gc.collect()
print(n >= 4)
print(gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}))
print(gc.is_tracked(()), gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked(set()))
print(gc.is_tracked(iter([])), gc.is_tracked(range(3)), gc.is_tracked(enumerate([])))


class Node:
    def __init__(self):
        self.children = []
        self.parent = None


root = Node()
for _ in range(3):
    child = Node()
    child.parent = root
    root.children.append(child)
del root, child
print(gc.collect() >= 4)
keys = {}
keys["v"] = keys.keys()
del keys
print(gc.collect() >= 2)
