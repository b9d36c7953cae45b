def f(a, b):
    return a if b else (c and d or not e)
x = 1 if y else 2
