# dict construction and methods: the forms update accepts, errors, order.
print(dict(), dict(a=1), dict([("x", 1), ["y", 2]]), dict({"a": 1}, b=2), dict(zip("ab", (1, 2))))
print(dict([(1, 2)], **{"k": 3}), dict.fromkeys("abc"), dict.fromkeys(range(3), []))
for bad in ([(1, 2, 3)], [1], [("a",)], 5, [[1, 2], "xyz"]):
    try:
        dict(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)


class Mapping:
    def keys(self):
        return ["p", "q"]

    def __getitem__(self, key):
        return key.upper()


print(dict(Mapping()))
d = {"one": 1}
d.update(Mapping(), z=0)
d.update([("two", 2)])
d.update({"three": 3})
d.update()
print(d)
print(d.get("one"), d.get("nope"), d.get("nope", "dflt"), d.setdefault("one", 9), d.setdefault("new", []))
d["new"].append(1)
print(d.pop("one"), d.pop("nope", None), d)
for call in (lambda: d.pop("nope"), lambda: {}.popitem(), lambda: d.get(), lambda: d.update(1, 2),
             lambda: d.update(1), lambda: d["missing"], lambda: {[]: 1}, lambda: d.fromkeys(),
             lambda: d < d, lambda: d + d, lambda: d | [("a", 1)]):
    try:
        call()
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(d.popitem(), d.popitem(), d)
x = {1: "a", 2: "b"}
y = {2: "B", 3: "C"}
print(x | y, y | x, x)
x |= y
print(x)
x |= [(9, "z")]
print(x, x == {1: "a", 2: "B", 3: "C", 9: "z"}, x != {}, {1: 2} == {1: 2.0})
c = x.copy()
c[1] = "changed"
print(x[1], c[1], c is not x)
del c[1]
c[1] = "again"
print(list(c))
x.clear()
print(x, len(x), bool(x))
k = {}
k[1] = "int"
k[1.0] = "float"
k[True] = "bool"
print(k)
nested = {"a": {"b": {"c": 1}}}
nested["a"]["b"]["d"] = [nested["a"]["b"]["c"]]
print(nested)
cyc = {"self": None}
cyc["self"] = cyc
print(cyc, [cyc])


class Counter(dict):
    def __missing__(self, key):
        return 0


cnt = Counter()
for ch in "abracadabra":
    cnt[ch] = cnt[ch] + 1
print(sorted(cnt.items()), cnt["zzz"], "zzz" in cnt, type(cnt.copy()).__name__)
print(dict.fromkeys.__name__, type(Counter.fromkeys("ab")).__name__)
