# Subclasses of int and float, and objects that convert through __index__/__int__/__float__.
import math
class MyInt(int):
    def double(self):
        return self * 2
class Money(int):
    def __new__(cls, v, cur="EUR"):
        self = super().__new__(cls, v)
        self.cur = cur
        return self
    def __repr__(self):
        return f"Money({int(self)}, {self.cur!r})"
class Temp(float):
    def half(self):
        return self / 2
m = MyInt(5)
print(m, repr(m), type(m).__name__, m.double(), m + 1, type(m + 1).__name__, -m, type(-m).__name__)
print(MyInt("ff", 16), MyInt(), MyInt(3.9), int(m), type(int(m)).__name__, isinstance(m, int))
x = Money(7, "USD")
print(x, int(x), x.cur, x * 2, x == 7, hash(x) == hash(7), [x], str(x))
t = Temp(2.5)
print(t, type(t).__name__, t.half(), t + 1, type(t + 1).__name__, float(t), type(float(t)).__name__)
print(Temp("1.5"), Temp(), Temp(3), round(Temp(2.5)), math.floor(Temp(2.5)))
print(int.__new__(MyInt, "12"), type(int.__new__(MyInt, "12")).__name__, MyInt.from_bytes(b"\x01", "big"))
print((5).__add__(3), int.__add__(5, 2.0), (5).__radd__(3), (5.0).__radd__(1), (2).__pow__(10, 1000))
class Idx:
    def __index__(self):
        return 3
class Flt:
    def __float__(self):
        return 2.5
class IntM:
    def __int__(self):
        return 4
class BadInt:
    def __int__(self):
        return "x"
print(hex(Idx()), bin(Idx()), oct(Idx()), float(Idx()), int(Idx()), float(Flt()), int(IntM()))
print(math.sqrt(Idx()), math.sqrt(Flt()), math.floor(Flt()), [1, 2, 3, 4][Idx()], round(2.567, Idx()))
try:
    int(BadInt())
except TypeError as e:
    print("TypeError:", e)
class R:
    def __round__(self, n=None):
        return "rounded" if n is None else n
class D:
    def __divmod__(self, o):
        return "dm"
    def __rdivmod__(self, o):
        return "rdm"
class P:
    def __pow__(self, o, m=None):
        return ("pow", o, m)
    def __rpow__(self, o):
        return ("rpow", o)
print(round(R()), round(R(), 3), divmod(D(), 1), divmod(1, D()), pow(P(), 2), 2 ** P(), pow(P(), 2, 5))
class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return Num(self.v + (o.v if isinstance(o, Num) else o))
    __radd__ = __add__
    def __repr__(self):
        return f"Num({self.v})"
print(Num(1) + 2, 3 + Num(4), 1.5 + Num(1), sum([Num(1), Num(2)], Num(0)))
