def a():
    x = 1
    def b():
        def c():
            return x
        return c
    return b

def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

def shadow():
    y = 1
    def inner():
        y = 2
        return y
    return inner, y
