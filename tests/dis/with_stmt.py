with open(p) as f:
    data = f.read()

with a as x, b as y:
    use(x, y)

with lock:
    pass

def r():
    with ctx() as c:
        return c
