class C:
    items = [1, 2]
    doubled = [i * 2 for i in items]
    filtered = [i for i in items if i in items]
    gen = (j for j in range(3) for k in items)

def f(n):
    return {k: [n for _ in range(k)] for k in range(n)}

def g():
    return [lambda: i for i in range(3)]

def h(x):
    return [y for y in [z for z in x]]
