def f(a, width):
    return f"{a!r:>{width}} {b}"

g = lambda z: f"{z}"
