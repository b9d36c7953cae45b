def outer():
    x = 1
    y = 2
    class C:
        x = 3
        def m(self):
            return x + y
        global g
        def n(self):
            return g
    return C

def deep():
    v = 1
    class D:
        class E:
            def f(self):
                return v
    return D
