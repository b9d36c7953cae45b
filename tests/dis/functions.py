def f(a, b=1, *args, c, d=2, **kw):
    "Docstring."
    return a + b

def g(x, /, y, *, z=3):
    pass

def h():
    return

def k():
    return 1, 2
