# min, max, sum, any, all: arguments, keys, defaults, fast paths, errors.
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"), min((2, 1), (1, 9)), max([[1], [1, 0]]))
print(max(["bb", "a", "ccc"], key=len), min("x", "yy", key=len), max([1, 3, 2], key=lambda x: -x))
print(min([], default=None), max((), default="empty"), max([1], default=5), min([2, 1], key=None))
print(max(1, 1.0), max(1.0, 1), min(0, False), max([True, 1]), min(-0.0, 0.0), max("a", "A"))
print(max([3, 1, 3], key=lambda x: 0), min([(1, "b"), (1, "a")]), max(range(10**20, 10**20 + 3)))
for call in (lambda: max(), lambda: min([]), lambda: max(1), lambda: max(1, 2, default=0),
             lambda: max([1], bogus=2), lambda: min(1, "a"), lambda: max([None, 1]), lambda: min(key=len)):
    try:
        call()
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.1] * 10), sum([]), sum([], 0.0), sum(range(101), start=-5050))
print(sum([1, 2.5, 3]), sum([2**62, 2**62, 2**62]), sum([-2**63, -1]), sum([True, True, 3]), sum([1.5, 2**70]))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()), sum([0.5, 1], 1), sum(x * x for x in range(10)))
print(sum([1e308, 1e308]), sum([float("inf"), 1]), sum([10**20, 1.0]), sum([1, 2], start=0.5))
for call in (lambda: sum(["a", "b"], ""), lambda: sum([b"a"], b""), lambda: sum(), lambda: sum([1], 2, 3),
             lambda: sum([1, "a"]), lambda: sum(5), lambda: sum([[1]]), lambda: sum([1], start=[])):
    try:
        call()
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(any([]), all([]), any([0, "", None, 1]), all([1, "x", [0]]), any(iter([False])), all(x < 5 for x in range(5)))
seen = []


def check(x):
    seen.append(x)
    return x > 2


print(any(check(x) for x in range(10)), seen)
seen.clear()
print(all(not check(x) for x in range(10)), seen)
for call in (lambda: any(), lambda: all(1), lambda: any([1], [2])):
    try:
        call()
    except Exception as e:
        print(type(e).__name__ + ":", e)
