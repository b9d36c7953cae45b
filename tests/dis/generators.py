def gen():
    yield 1
    x = yield
    yield x

def deleg(it):
    r = yield from it
    return r

def ranges(n):
    for i in range(n):
        yield i * i
