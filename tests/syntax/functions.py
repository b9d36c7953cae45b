def f(a, b=1, *args, c, d=2, **kw):
    return a

def g(a, /, b, *, c):
    pass

def h(x: int, y: "str" = "s") -> bool:
    return True

@dec
@dec2(1)
def k():
    yield
    yield 1
    yield from x
    x = yield a, b

def m(*, a): pass
def n(a, b, /): pass
def o(**kw,): pass
