# range: construction, length, indexing, slicing, membership, equality,
# hashing, reversing, big values and errors.
print(range(5), range(1, 5), range(0, 10, 2), range(5, 0, -1), range(0))
print(list(range(-3)), list(range(0, -6, -2)), list(range(2, 12, 3)), list(range(5, 5)))
r = range(3, 20, 4)
print(len(r), r[0], r[-1], r[2], r[1:3], r[::-1], r[::2], r[10:], r[-100:2], list(r[::-2]))
print(r.start, r.stop, r.step, r.index(11), r.count(11), r.count(12), 7 in r, 8 in r, 7.0 in r, "7" in r)
print(range(0, 3) == range(0, 3, 1), range(0) == range(4, 1), range(1, 2) == range(1, 3, 5), range(3) != range(4))
print(hash(range(3)) == hash(range(0, 3)), hash(range(0)) == hash(range(5, 5)), hash(range(1, 2)) == hash(range(1, 2, 7)))
print(list(reversed(range(1, 10, 3))), list(reversed(range(0))), list(reversed(range(10, 0, -4))))
print(bool(range(0)), bool(range(1)), min(range(4)), max(range(4)), sum(range(101)))
huge = range(10**20)
print(huge[-1], huge[10**19], 10**19 in huge, huge.index(10**19), huge[::10**19], list(huge[:3]))
try:
    len(huge)
except OverflowError as e:
    print("OverflowError:", e)
print(list(range(2**63 - 2, 2**63 + 1)), list(range(-2**63, -2**63 + 2)), list(reversed(range(2**64, 2**64 + 2))))
print(range(-5, 5)[-1], range(10)[-10], list(range(10)[7:2:-2]))
for call in (lambda: range(), lambda: range(1, 2, 3, 4), lambda: range(1, 2, 0), lambda: range(1.5),
             lambda: range("3"), lambda: range(1, step=2), lambda: range(3)[3], lambda: range(3)["x"],
             lambda: range(3).index(7), lambda: range(3) < range(4), lambda: range(3)[::0]):
    try:
        call()
    except Exception as e:
        print(type(e).__name__ + ":", e)


class Three:
    def __index__(self):
        return 3


print(range(Three()), range(Three())[Three() - 1] if False else range(Three())[2], list(range(True, Three())))
it = iter(range(5))
next(it)
print(type(it).__name__, it.__length_hint__(), list(it), list(it))
print(type(iter(range(2**70))).__name__, type(reversed(range(3))).__name__)
total = 0
for i in range(1000):
    total += i
print(total)
print([i * j for i in range(3) for j in range(i)])
print(list(zip(range(3), range(10, 0, -3))))
