# Rich comparison dunders, reflection and sorting user objects.
class Ver:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, o):
        return isinstance(o, Ver) and self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __le__(self, o):
        return self.parts <= o.parts
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
a, b, c = Ver(1, 2), Ver(1, 10), Ver(1, 2)
print(a == c, a != b, a < b, b > a, a <= c, b >= a)
print(sorted([Ver(2), Ver(1, 5), Ver(1, 2, 3), Ver(0, 9)]))
print(max([Ver(3), Ver(10), Ver(4)]), a == "1.2", a != 5)
class Loud:
    def __eq__(self, o):
        print("Loud.__eq__")
        return True
print(1 == Loud(), Loud() == 1)
try:
    Ver(1) < 5
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
class NoOrd:
    pass
try:
    NoOrd() < NoOrd()
except TypeError as e:
    print("TypeError", e)
