# Helper module (not a test program): constants, a class and functions.
PI_ISH = 3.14159
ORIGIN = (0, 0)


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)


def manhattan(a, b):
    return abs(a[0] - b[0]) + abs(a[1] - b[1])
