# Closures see the variable, not its value at creation; default args capture values.
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
gs = [lambda i=i: i for i in range(3)]
print([g() for g in gs])
def make_adders():
    out = []
    for k in (1, 10, 100):
        def add(x, k=k):
            return x + k
        out.append(add)
    return out
print([a(5) for a in make_adders()])
def counter():
    x = 0
    def get():
        return x
    x = 42
    return get
print(counter()())
print(counter().__closure__[0].cell_contents)
