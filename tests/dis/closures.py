def outer(a):
    b = 2
    def inner(c):
        nonlocal b
        b += c
        return a + b
    return inner

def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc

x = 0
def setx():
    global x
    x = 1
