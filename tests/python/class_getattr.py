# __getattr__ is called only for missing attributes; __getattribute__ for all.
class Lazy:
    def __init__(self):
        self.real = "real value"
    def __getattr__(self, name):
        if name.startswith("dyn_"):
            return name[4:].upper()
        raise AttributeError(f"no attribute {name!r}")
l = Lazy()
print(l.real, l.dyn_hello, getattr(l, "dyn_x"), hasattr(l, "other"))
try:
    l.other
except AttributeError as e:
    print("AttributeError", e)
class Logged:
    def __init__(self):
        self.a = 1
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("get", name)
        return object.__getattribute__(self, name)
lg = Logged()
print(lg.a)
class Rec:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)
r = Rec()
r.x = 21
print(r.x)
del r.x
print(hasattr(r, "x"))
