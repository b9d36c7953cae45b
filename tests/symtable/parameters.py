def f(a, b, /, c, d=1, *args, e, f=2, **kwargs):
    return a, b, c, d, args, e, f, kwargs

def g(*, k):
    pass

def h(p, /):
    def inner():
        return p
    return inner

def unused(x, y):
    pass
