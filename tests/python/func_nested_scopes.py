# Three-level nesting; inner functions reading outer variables and parameters.
def level1(a):
    b = a * 2
    def level2(c):
        d = b + c
        def level3(e):
            return a, b, c, d, e
        return level3
    return level2
print(level1(1)(10)(100))
def counter_factory():
    counts = {}
    def hit(name):
        counts[name] = counts.get(name, 0) + 1
        return counts
    return hit
hit = counter_factory()
hit("a"); hit("b"); hit("a")
print(hit("c"))
def shadowing(x):
    def inner(x):
        return x * 10
    return inner(x + 1), x
print(shadowing(1))
