# __iadd__ is preferred over __add__; fallback when __iadd__ is missing.
class Acc:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        print("__add__")
        return Acc(self.v + other)
    def __iadd__(self, other):
        print("__iadd__")
        self.v += other
        return self
class NoI:
    def __init__(self, v):
        self.v = v
    def __mul__(self, other):
        print("__mul__")
        return NoI(self.v * other)
a = Acc(1)
orig = a
a += 5
print(a.v, a is orig)
n = NoI(3)
orig = n
n *= 4
print(n.v, n is orig)
