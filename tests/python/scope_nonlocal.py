# nonlocal in nested functions; counters and closures over loop variables.
def outer():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    inc(); inc()
    return n, inc
n, inc = outer()
print(n, inc(), inc())
def make_counters():
    count = 0
    def up():
        nonlocal count
        count += 1
        return count
    def down():
        nonlocal count
        count -= 1
        return count
    return up, down
up, down = make_counters()
print(up(), up(), down(), up())
def deep():
    a = 1
    def mid():
        def inner():
            nonlocal a
            a *= 10
        inner()
        return a
    return mid()
print(deep())
