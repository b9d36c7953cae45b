def f():
    x = 0
    def g():
        return [x := i for i in range(3)]
    return g, x

def h():
    return [[(j := i) for i in range(2)] for _ in range(2)], j

def k(a):
    return lambda: [(a := b) for b in range(2)]
