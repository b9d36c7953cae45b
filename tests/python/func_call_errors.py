# TypeError messages for bad calls.
def f(a, b):
    return a + b
def g(x, *, y):
    return x
class C:
    def m(self, v):
        return v
nothing, five, text = None, 5, "abc"
tests = [
    lambda: f(1),
    lambda: f(1, 2, 3),
    lambda: f(1, c=2),
    lambda: f(1, 2, a=3),
    lambda: g(1, 2),
    lambda: g(1),
    lambda: C().m(),
    lambda: C().m(1, 2),
    lambda: nothing(),
    lambda: five(),
    lambda: text(1),
    lambda: len(1, 2),
    lambda: len(5),
    lambda: f(),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print("TypeError:", e)
