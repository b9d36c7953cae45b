a = [x * 2 for x in xs]
b = {x for x in xs if x}
c = {k: v for k, v in items}
d = (x for x in xs)
e = [x + y for x in xs for y in ys if x != y]
f = [y for x in xs for y in [x * 2]]
def g(n):
    return [i * n for i in range(n)]
