# __radd__ etc. are tried when the left operand returns NotImplemented; subclass priority.
class Money:
    def __init__(self, c):
        self.c = c
    def __add__(self, o):
        print("Money.__add__")
        if isinstance(o, int):
            return Money(self.c + o)
        return NotImplemented
    def __radd__(self, o):
        print("Money.__radd__")
        return Money(self.c + o)
    def __repr__(self):
        return "Money(%d)" % self.c
print(Money(5) + 3)
print(3 + Money(5))
print(0 + Money(1) + 2)
class Base:
    def __add__(self, o):
        return "Base.__add__"
    def __radd__(self, o):
        return "Base.__radd__"
class Sub(Base):
    def __radd__(self, o):
        return "Sub.__radd__"
print(Base() + Sub())
print(Base() + Base())
class Bits:
    def __and__(self, o):
        return "and"
    def __rand__(self, o):
        return "rand"
    def __lshift__(self, o):
        return "lshift"
    def __rrshift__(self, o):
        return "rrshift"
print(Bits() & 1, 1 & Bits(), Bits() << 2, 2 >> Bits())
