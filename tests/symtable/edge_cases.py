def f():
    x = 1
    class C:
        nonlocal x
        x = 2
        def m(self):
            return x
    return C

def g():
    class D:
        v = 1
        def m(self):
            nonlocal_free = v
            return nonlocal_free
    return D

def h(a=[w := 5 for _ in range(2)]):
    return a

def i():
    def j():
        nonlocal k
        del k
    k = 1
    return j

class E:
    def __init__(self):
        __class__
    def other(self):
        def deeper():
            return super()
        return deeper

def super_in_comp():
    return [super() for _ in range(1)]

def params_cells(a, *args, **kw):
    return lambda: (a, args, kw)

class __Dunder:
    def __meth(self, __arg):
        return lambda: __arg
