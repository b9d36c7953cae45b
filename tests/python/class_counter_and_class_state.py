# Class-level counters, instance registries and per-class state in a hierarchy.
class Shape:
    count = 0
    registry = []
    def __init__(self, name):
        Shape.count += 1
        type(self).made = getattr(type(self), "made", 0) + 1
        self.name = name
        Shape.registry.append(self)
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"
class Circle(Shape):
    pass
class Square(Shape):
    pass
Circle("c1"); Circle("c2"); Square("s1"); Shape("generic")
print(Shape.count, Circle.made, Square.made, Shape.made)
print(Shape.registry)
print(sorted({type(s).__name__ for s in Shape.registry}))
print("made" in Circle.__dict__, "count" in Circle.__dict__)
