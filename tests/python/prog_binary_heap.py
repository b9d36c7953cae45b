# Real program: a priority queue as a hand-written binary min-heap, used for scheduling and sorting.
class MinHeap:
    def __init__(self, key=lambda x: x):
        self.items = []
        self.key = key

    def __len__(self):
        return len(self.items)

    def __bool__(self):
        return bool(self.items)

    def push(self, item):
        self.items.append(item)
        self._up(len(self.items) - 1)

    def pop(self):
        if not self.items:
            raise IndexError("pop from empty heap")
        top = self.items[0]
        last = self.items.pop()
        if self.items:
            self.items[0] = last
            self._down(0)
        return top

    def peek(self):
        return self.items[0]

    def _less(self, i, j):
        return self.key(self.items[i]) < self.key(self.items[j])

    def _up(self, i):
        while i > 0:
            parent = (i - 1) // 2
            if self._less(i, parent):
                self.items[i], self.items[parent] = self.items[parent], self.items[i]
                i = parent
            else:
                break

    def _down(self, i):
        n = len(self.items)
        while True:
            smallest = i
            for child in (2 * i + 1, 2 * i + 2):
                if child < n and self._less(child, smallest):
                    smallest = child
            if smallest == i:
                return
            self.items[i], self.items[smallest] = self.items[smallest], self.items[i]
            i = smallest


def heapsort(values):
    h = MinHeap()
    for v in values:
        h.push(v)
    return [h.pop() for _ in range(len(h))]


data = [(i * 7919) % 101 for i in range(25)]
print(data)
print(heapsort(data))
print(heapsort(data) == sorted(data), heapsort([]))
tasks = MinHeap(key=lambda t: (t[0], t[1]))
seq = 0
for prio, name in [(3, "write report"), (1, "fix outage"), (2, "review"), (1, "call back"), (5, "lunch")]:
    tasks.push((prio, seq, name))
    seq += 1
print("next up:", tasks.peek()[2], "of", len(tasks))
while tasks:
    prio, _, name = tasks.pop()
    print(prio, name)
try:
    tasks.pop()
except IndexError as e:
    print("IndexError:", e)
graph = {"A": [("B", 4), ("C", 1)], "B": [("D", 1)], "C": [("B", 2), ("D", 5)], "D": []}
dist = {"A": 0}
pq = MinHeap(key=lambda t: t[0])
pq.push((0, "A"))
while pq:
    d, node = pq.pop()
    if d > dist[node]:
        continue
    for nxt, w in graph[node]:
        if d + w < dist.get(nxt, float("inf")):
            dist[nxt] = d + w
            pq.push((d + w, nxt))
print(sorted(dist.items()))
