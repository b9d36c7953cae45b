def outer():
    v = 1
    w = 2
    def inner(a=v, *, b=w):
        return a + b
    return inner

def lam(q=lambda: 0, *, r=lambda: 1):
    return q() + r()
