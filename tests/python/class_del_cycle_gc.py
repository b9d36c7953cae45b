# Objects in a reference cycle are finalized by gc.collect().
import gc
class Node:
    died = []
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        Node.died.append(self.name)
a, b = Node("a"), Node("b")
a.other, b.other = b, a
del a, b
print("before collect", Node.died)
n = gc.collect()
print("collected something:", n >= 2)
print("after collect", sorted(Node.died))
