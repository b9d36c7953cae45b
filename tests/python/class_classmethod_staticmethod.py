# classmethod receives the class (also for subclasses); staticmethod receives nothing.
class Temp:
    unit = "C"
    def __init__(self, deg):
        self.deg = deg
    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 // 9)
    @staticmethod
    def is_valid(deg):
        return deg > -273
    @classmethod
    def describe(cls):
        return cls.__name__ + " in " + cls.unit
class Kelvin(Temp):
    unit = "K"
t = Temp.from_f(212)
print(t.deg, type(t).__name__, Temp.is_valid(-300), t.is_valid(20))
k = Kelvin.from_f(32)
print(k.deg, type(k).__name__, Kelvin.describe(), k.describe())
print(Temp.__dict__["is_valid"].__class__.__name__, Temp.__dict__["from_f"].__class__.__name__)
