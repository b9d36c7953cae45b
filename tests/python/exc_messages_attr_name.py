# AttributeError and NameError messages for modules, classes and instances.
import math
class C:
    cls_attr = 1
def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
show(lambda: math.nope)
show(lambda: C.missing)
show(lambda: C().missing)
show(lambda: "s".missing)
show(lambda: [].push(1))
show(lambda: missing_func())
def uses_later():
    print(later)
    later = 1
show(uses_later)
def closure_unbound():
    def inner():
        return v
    r = inner
    v = 1
    del v
    return r()
show(closure_unbound)
show(lambda: setattr(1, "x", 2))
show(lambda: delattr(C(), "nothing"))
show(lambda: object().x)
