# The program behind docs/memtimeline-example.svg (see README.md):
#   pyrite -X memtimeline=docs/memtimeline-example.svg docs/memtimeline_example.py
# A long-lived cache grows in steps while rings of objects (cycles only the
# collector can free) are built and dropped; then the cache is emptied and
# the allocator gives its arenas back.


class Node:
    def __init__(self, value):
        self.value = value
        self.next = None


def ring(n):
    first = last = Node(0)
    for i in range(1, n):
        node = Node(i)
        last.next = node
        last = node
    last.next = first
    return first


cache = {}
for step in range(40):
    for _ in range(5):
        r = ring(3000)  # garbage once rebound: a cycle
    cache[step] = [str(i) * 5 for i in range(2500)]
    if step == 25:
        cache.clear()
del r
cache.clear()
total = 0
for _ in range(10):
    total += len([ring(500) for _ in range(20)])
print(total)
