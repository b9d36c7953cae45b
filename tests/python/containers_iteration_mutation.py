# Containers changed while being iterated: what is allowed and the errors.
d = {1: "a", 2: "b"}
try:
    for k in d:
        d[k + 10] = "x"
except RuntimeError as e:
    print("RuntimeError:", e)
print(len(d))
it = iter(d)
next(it)
d.pop(1)
for attempt in range(2):
    try:
        next(it)
    except RuntimeError as e:
        print("RuntimeError:", e)
d = {i: i for i in range(4)}
for k in d:
    d[k] = k * 10          # changing values is fine
print(d)
try:
    for k in d:
        del d[k]
        d[k + 100] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
l = [1, 2, 3]
for x in l:
    if len(l) < 6:
        l.append(x * 10)
print(l)
l = [1, 2, 3, 4]
for x in l:
    l.remove(x)
print(l)
l = [1, 2, 3]
r = reversed(l)
l.append(4)
print(list(r))
l = [1, 2, 3]
r = reversed(l)
l.clear()
print(list(r))
it = iter([1, 2])
print(list(it), list(it), next(it, "end"))
keys = iter({"a": 1}.keys())
print(next(keys), next(keys, "end"))
d = {"a": 1}
items = d.items()
d["b"] = 2
print(items, len(items))
v = d.values()
del d["a"]
print(v)
