# dict methods: get, setdefault, pop, popitem, update, keys/values/items, copy, clear.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.setdefault("c", 3), d.setdefault("a", 100), d)
print(d.pop("b"), d.pop("zz", "default"), d)
d.update({"x": 9}, y=8)
d.update([("z", 7)])
print(d)
print(d.popitem(), d)
print(list(d.keys()), list(d.values()), list(d.items()))
e = d.copy()
e["a"] = -1
print(d["a"], e["a"])
e.clear()
print(e, len(d))
print(dict.fromkeys(range(3), "v"))
try:
    d.pop("missing")
except KeyError as err:
    print("KeyError", err)
