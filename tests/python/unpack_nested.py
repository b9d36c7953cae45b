# Nested tuple/list unpacking and swapping.
(a, (b, c)), d = (1, (2, 3)), 4
print(a, b, c, d)
[x, [y, z]] = ["p", "qr"]
print(x, y, z)
a, b = 1, 2
a, b = b, a
print(a, b)
lst = [10, 20, 30]
lst[0], lst[2] = lst[2], lst[0]
print(lst)
i = 0
i, lst[i] = 1, 99
print(i, lst)
for k, (v1, v2) in enumerate([(1, 2), (3, 4)]):
    print(k, v1, v2)
d = {"a": 1, "b": 2}
for key, value in sorted(d.items()):
    print(key, value)
