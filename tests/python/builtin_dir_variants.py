# dir() on modules, built-in types, classes, in class bodies, and custom __dir__.
import sys, time
print("exit" in dir(sys), "sleep" in dir(time), dir(time) == sorted(dir(time)))
print([n for n in dir(int) if n in ("__add__", "bit_length", "real", "to_bytes")])
print([n for n in dir(str) if n.startswith("is")][:4])
print("append" in dir([]), "keys" in dir({}), "__len__" in dir(()))

class Base:
    base_attr = 1
    def base_method(self):
        pass
class Child(Base):
    child_attr = 2
    names_in_body = dir()
print(Child.names_in_body)
print([n for n in dir(Child) if not n.startswith("__")])
c = Child()
c.own = 3
print([n for n in dir(c) if not n.startswith("__")])

class Tuple:
    def __dir__(self):
        return ("b", "a", "c")
class Gen:
    def __dir__(self):
        yield "y"
        yield "x"
print(dir(Tuple()), dir(Gen()))

class Bad:
    def __dir__(self):
        return 42
try:
    dir(Bad())
except TypeError as e:
    print("TypeError", e)
def f(x, *args, key=None, **kw):
    inner = 1
    return dir()
print(f(1))
print(dir(None)[:3], len(dir(object)) > 20)
