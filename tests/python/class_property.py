# property getters, setters, deleters and validation.
class Circle:
    def __init__(self, r):
        self.radius = r
    @property
    def radius(self):
        return self._r
    @radius.setter
    def radius(self, v):
        if v < 0:
            raise ValueError("radius must be >= 0")
        self._r = v
    @radius.deleter
    def radius(self):
        print("deleting radius")
        del self._r
    @property
    def diameter(self):
        return self._r * 2
c = Circle(3)
print(c.radius, c.diameter)
c.radius = 5
print(c.diameter)
try:
    c.radius = -1
except ValueError as e:
    print("ValueError", e)
try:
    c.diameter = 1
except AttributeError as e:
    print("AttributeError", e)
del c.radius
print(hasattr(c, "_r"))
class Old:
    def _get(self):
        return "got"
    p = property(_get, doc="a doc")
print(Old().p, Old.p.__doc__)
