# Class definition, instance attributes, methods and class attributes.
class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm1(self):
        return abs(self.x) + abs(self.y)
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
p = Point(3, -4)
q = p.moved(1, 1)
print(p.x, p.y, p.norm1(), q.x, q.y, Point.dims, p.dims)
p.dims = 3
print(p.dims, Point.dims, q.dims)
Point.dims = 5
print(q.dims)
print(Point.norm1(q), type(p).__name__, type(p) is Point)
print(sorted(vars(p).items()))
