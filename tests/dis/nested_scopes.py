def f():
    x = 1
    class C:
        y = x
        def m(self):
            return x
    return C

def g(a):
    def h():
        def k():
            return a
        return k
    return h
