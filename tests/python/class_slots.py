# __slots__ restricts instance attributes.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(p.x, p.y, hasattr(p, "__dict__"))
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError", e)
try:
    P.__new__(P).x
except AttributeError as e:
    print("AttributeError", e)
class Q(P):
    pass
q = Q(1, 2)
q.z = 3
print(q.z, P.__slots__)
