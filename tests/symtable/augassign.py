n = 0
n += 1
def f():
    m += 1
def g(p):
    p *= 2
    return p
def h():
    q = []
    def inner():
        q.append(1)
        return q
    return inner
class C:
    c = 0
    c += 1
