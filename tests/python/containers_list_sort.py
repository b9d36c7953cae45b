# list.sort and sorted: stability, key, reverse, errors, mutation detection.
recs = [("b", 2), ("a", 2), ("c", 1), ("d", 3), ("e", 1)]
print(sorted(recs, key=lambda r: r[1]))
print(sorted(recs, key=lambda r: r[1], reverse=True))
print(sorted(recs, reverse=True))
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
print(sorted([3.5, -1, 2, 0.0, -0.0, True]))
print(sorted([10**20, -10**20, 5, 2**63, -2**63]))
print(sorted("hello"), sorted({3: 1, 1: 2}), sorted(range(5), key=lambda x: -x))
big = [(i * 7919) % 1000 for i in range(2000)]
s = sorted(big)
print(s[:5], s[-5:], all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
pairs = [(i % 10, i) for i in range(300)]
pairs.sort(key=lambda p: p[0])
print(all(pairs[i][1] < pairs[i + 1][1] for i in range(len(pairs) - 1) if pairs[i][0] == pairs[i + 1][0]))
print(sorted([[3, 1], [2], [3, 0], []]))
print(sorted([(1, "b"), (1, "a"), (0, "z")]))
for bad in ([3, "a", 1], [1, None], [{1}, {2}, {1, 2}]):
    try:
        print(sorted(bad))
    except TypeError as e:
        print("TypeError:", e)
l = [3, 1, 2]
try:
    l.sort(key=lambda x: 1 / (x - 1))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e, l)
try:
    l.sort(key=1)
except TypeError as e:
    print("TypeError:", e)


class Meddler:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        target.append(0)
        return self.v < other.v

    def __repr__(self):
        return "M%d" % self.v


target = [Meddler(2), Meddler(1)]
try:
    target.sort()
except ValueError as e:
    print("ValueError:", e, target)


class Weird:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return (self.v * 7 + other.v * 3) % 5 < 2


w = [Weird(i) for i in range(100)]
w.sort()
print(sorted(x.v for x in w) == list(range(100)))
print(sorted([], reverse=True), sorted([1]), sorted((), key=len))
try:
    sorted()
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1], [2])
except TypeError as e:
    print("TypeError:", e)
try:
    [1].sort(reverse=1.5)
except TypeError as e:
    print("TypeError:", e)
