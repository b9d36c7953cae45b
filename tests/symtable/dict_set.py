def f(a, b):
    d = {a: b, **extra}
    s = {a, *b}
    t = (a, *b)
    l = [*a]
    return d[a:b:2], s, t, l
