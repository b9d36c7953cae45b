f = lambda: 0
g = lambda x, y=2: x + y
h = lambda *a, **k: (a, k)
def outer(n):
    return lambda m: n * m
keyed = sorted(xs, key=lambda p: p[1])
