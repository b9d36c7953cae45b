# Real program: a queue simulation driven by a deterministic linear congruential generator.
class LCG:
    def __init__(self, seed):
        self.state = seed
    def next(self):
        self.state = (self.state * 1103515245 + 12345) % 2 ** 31
        return self.state
    def randint(self, lo, hi):
        return lo + self.next() % (hi - lo + 1)

rng = LCG(2024)
print([rng.randint(1, 6) for _ in range(12)])
rng = LCG(7)
queue, served, waits = [], 0, []
busy_until = 0
for minute in range(60):
    if rng.randint(1, 10) <= 4:
        queue.append(minute)
    if queue and minute >= busy_until:
        arrived = queue.pop(0)
        waits.append(minute - arrived)
        busy_until = minute + rng.randint(1, 4)
        served += 1
print("served", served, "left in queue", len(queue))
print("max wait", max(waits), "mean wait %.2f" % (sum(waits) / len(waits)))
hist = {}
for w in waits:
    hist[w] = hist.get(w, 0) + 1
for w in sorted(hist):
    print(f"{w:2} {'*' * hist[w]}")
