# type() with three arguments creates a class; type of types.
Point = type("Point", (), {"x": 0, "show": lambda self: "P(%d)" % self.x})
p = Point()
p.x = 4
print(p.show(), Point.__name__, type(Point).__name__)
Sub = type("Sub", (Point,), {})
print(Sub().show(), Sub.__mro__[1].__name__)
print(type(1), type("a"), type([]), type(None), type(type))
print(type(int) is type, isinstance(int, type), isinstance(3, type))
