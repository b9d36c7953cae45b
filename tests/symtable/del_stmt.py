x = 1
del x
def f():
    y = 1
    del y
def g(z):
    del z
def h():
    del w
def i():
    v = 1
    def j():
        return v
    del v
    return j
