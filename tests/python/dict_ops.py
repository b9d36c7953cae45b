# Merge operators, membership, comparison, nested dicts and counting idioms.
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a)
a |= {"w": 0}
print(a)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
groups = {}
for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(w[0], []).append(w)
print(groups)
nested = {"outer": {"inner": {"leaf": 1}}}
nested["outer"]["inner"]["leaf"] += 1
print(nested)
print("x" in a, 1 in a, len(a), list(a.items())[0])
print({(1, 2): "tuple key", 3.0: "float", None: "none"}[3])
try:
    {"a": 1} < {"b": 2}
except TypeError as e:
    print("TypeError", e)
