# super() without arguments: methods, classmethods, __init__ chains, cells, errors.
class Base:
    def __init__(self, name):
        self.name = name
        self.trail = ["Base"]
    def greet(self):
        return "Base.greet(" + self.name + ")"
    @classmethod
    def create(cls, name):
        return cls(name)
    @staticmethod
    def helper(x):
        return x * 2
    def __repr__(self):
        return "<" + type(self).__name__ + " " + self.name + ">"

class Mid(Base):
    def __init__(self, name):
        super().__init__(name.upper())
        self.trail.append("Mid")
    def greet(self):
        return "Mid+" + super().greet()
    @classmethod
    def create(cls, name):
        obj = super().create(name + "!")
        obj.trail.append("create")
        return obj

class Leaf(Mid):
    def greet(self):
        # the first argument is captured by a closure: super() reads its cell
        inner = lambda: self.name
        return "Leaf+" + super().greet() + "/" + inner()
    def double(self, x):
        return super().helper(x)

leaf = Leaf("x")
print(leaf.greet(), leaf.trail)
made = Leaf.create("y")
print(made, made.trail, made.greet())
print(leaf.double(21))
print(repr(super(Leaf, leaf))[:26])
print(super(Mid, leaf).greet())
print(super(Leaf, Leaf).create("z"))

class Counter(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key, value * 10)
c = Counter()
c["a"] = 1
print(c)

class Sized(list):
    def __init__(self, *items):
        super().__init__(items)
    def __len__(self):
        return super().__len__() + 100
print(len(Sized(1, 2, 3)), Sized(4, 5))

class Singleton:
    _inst = None
    def __new__(cls, *args):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
a, b = Singleton(), Singleton()
print(a is b)

def outside():
    return super()
try:
    outside()
except RuntimeError as e:
    print("RuntimeError:", e)

class NoArgs:
    def method():
        return super()
try:
    NoArgs.method()
except RuntimeError as e:
    print("RuntimeError:", e)

class Deleted:
    def m(self):
        del self
        return super()
try:
    Deleted().m()
except RuntimeError as e:
    print("RuntimeError:", e)

for bad in [(1,), (Base, 1), (Mid, Base("q"))]:
    try:
        super(*bad)
    except TypeError as e:
        print("TypeError:", e)
