# getattr, setattr, hasattr, delattr with defaults and errors.
class Obj:
    x = 1
o = Obj()
print(getattr(o, "x"), getattr(o, "y", "dflt"), hasattr(o, "x"), hasattr(o, "y"))
setattr(o, "y", 5)
print(o.y, getattr(o, "y"))
delattr(o, "y")
print(hasattr(o, "y"))
name = "dynamic_" + "attr"
setattr(Obj, name, "on class")
print(o.dynamic_attr, getattr(Obj, name))
try:
    getattr(o, "nope")
except AttributeError as e:
    print("AttributeError", e)
try:
    delattr(o, "x")
except AttributeError as e:
    print("AttributeError", e)
print(getattr([], "append").__name__, getattr(5, "real"))
