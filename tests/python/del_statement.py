# del on names, list items, dict keys, attributes and slices.
x = 5
del x
try:
    print(x)
except NameError as e:
    print("NameError", e)
lst = [1, 2, 3, 4]
del lst[1], lst[-1]
print(lst)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
class C:
    pass
c = C()
c.attr = 1
del c.attr
print(hasattr(c, "attr"))
a, b = 1, 2
del a, b
print("a" in globals(), "b" in globals())
def f():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(f())
