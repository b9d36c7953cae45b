a = x < y
b = x < y < z
c = x == y != z
d = x in (1, 2, 3)
e = x not in [1, 2, 3]
f = x in {1, 2, 3}
g = x is None
h = not x is y
i = not x in y
if a < b < c:
    pass
