def gen():
    yield 1
    x = yield
    yield from range(3)
    return x

def not_gen():
    return (y for y in range(3))

lam = lambda: (yield)
