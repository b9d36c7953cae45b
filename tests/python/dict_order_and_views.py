# Insertion order, re-insertion, views reflecting changes, view set operations.
d = {}
for k in ["z", "a", "m"]:
    d[k] = len(d)
print(d, list(d))
d["a"] = 99
print(list(d))
del d["z"]
d["z"] = 0
print(list(d))
keys = d.keys()
vals = d.values()
d["new"] = 5
print(keys, vals, len(keys))
print(sorted(keys & {"a", "q"}), sorted(keys | {"q"}), sorted(keys - {"a"}))
print(d.items() == {"a": 99, "m": 2, "z": 0, "new": 5}.items(), ("a", 99) in d.items())
print(list(reversed(d)), dict(reversed(list(d.items()))))
print({1: "a"} == {1: "a"}, {1: "a", 2: "b"} == {2: "b", 1: "a"})
