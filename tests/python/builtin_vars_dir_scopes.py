# vars() and dir() with and without arguments, on instances, classes, modules.
import sys

class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm(self):
        return abs(self.x) + abs(self.y)

p = Point(3, -4)
print(vars(p))
vars(p)["z"] = 0
print(p.z, sorted(vars(p)))
print("norm" in vars(Point), "x" in vars(Point))
print([n for n in dir(p) if not n.startswith("_")])
print([n for n in dir(Point) if not n.startswith("_")])
print("argv" in dir(sys), "exit" in vars(sys))

def scope(a, b=2):
    c = a + b
    return sorted(vars()), dir()
print(scope(1))

class Custom:
    def __dir__(self):
        return ["zeta", "alpha", "mid"]
print(dir(Custom()))

for obj in [5, "s", object()]:
    try:
        vars(obj)
    except TypeError as e:
        print("TypeError", e)
top = sorted(n for n in dir() if not n.startswith("_"))
print(top)
