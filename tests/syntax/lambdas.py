f = lambda: 0
g = lambda x: x + 1
h = lambda x, y=1, *a, z, **k: x
i = lambda *, a: a
j = lambda x: lambda y: x + y
k = (lambda: 1)()
