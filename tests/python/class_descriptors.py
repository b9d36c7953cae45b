# Data and non-data descriptors with __get__, __set__, __set_name__.
class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(self.name[1:] + " must be int")
        setattr(obj, self.name, value)
class Item:
    qty = Typed()
    def __init__(self, q):
        self.qty = q
i = Item(3)
print(i.qty, i._qty, type(Item.qty).__name__)
try:
    i.qty = "many"
except TypeError as e:
    print("TypeError", e)
class Const:
    def __get__(self, obj, objtype=None):
        return 42
class H:
    c = Const()
h = H()
print(h.c, H.c)
h.__dict__["c"] = "shadowed"
print(h.c)
