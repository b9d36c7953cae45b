f = lambda: 0
g = lambda a, b=1, *c, d, e=2, **k: a + b + d + e
def make(n):
    return lambda x: x + n
h = lambda x: (lambda y: x + y)
k = lambda: [z for z in range(3)]
