def outer(a, b=1):
    c = a + b
    def inner(d):
        return c + d + e
    e = 2
    return inner
