def f(a):
    return g(a, *rest, key=a, **opts)
print(f(1), sep="", end=lambda: 0)
