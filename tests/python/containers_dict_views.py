# dict views: len, iteration, membership, reprs, set operations, comparison.
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
print(len(k), len(v), len(it), "a" in k, 2 in v, ("a", 1) in it, ("a", 2) in it, "a" in it, ("a",) in it)
d["d"] = 4
print(list(k), list(v), list(it))
print(sorted(k & {"a", "z"}), sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "z"}))
print(sorted({"a", "q"} - k), sorted({"q"} | k), sorted(["a", "b"] & k))
print(sorted(it & {("a", 1), ("b", 0)}), sorted(it - {("a", 1)})[:2])
print(k == {"a", "b", "c", "d"}, k != {"a"}, k <= {"a", "b", "c", "d", "e"}, k < {"a"}, k >= {"a"}, k > k)
print(it == {("a", 1), ("b", 2), ("c", 3), ("d", 4)}, v == v, v != v)
print(k == ["a", "b", "c", "d"], k.isdisjoint(["x"]), it.isdisjoint([("a", 1)]))
print(list(reversed(k)), list(reversed(v)), list(reversed(it)))
print(type(k).__name__, type(v).__name__, type(it).__name__)
print(type(iter(k)).__name__, type(iter(v)).__name__, type(iter(it)).__name__, type(reversed(d)).__name__)
e = {}
print(e.keys(), e.values(), e.items(), list(reversed(e)))
r = {}
r[1] = r.keys()
print(r)
try:
    hash(k)
except TypeError as e2:
    print("TypeError:", e2)
try:
    k[0]
except TypeError as e2:
    print("TypeError:", e2)
nums = {i: i * i for i in range(6)}
print(nums.keys() - {0, 1}, {2, 3} & nums.keys(), nums.items() & {(2, 4)})
it2 = iter(nums.items())
print(next(it2), it2.__length_hint__())
