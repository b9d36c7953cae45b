# object() basics, comparing objects, super() in a class hierarchy.
o = object()
print(type(o).__name__, o == o, o != object(), isinstance(o, object))
try:
    o.attr = 1
except AttributeError as e:
    print("AttributeError", e)
class Base:
    def hi(self):
        return "base hi"
class Mid(Base):
    def hi(self):
        return "mid+" + super().hi()
class Leaf(Mid):
    def hi(self):
        return "leaf+" + super().hi()
print(Leaf().hi())
print(object.__name__, object.__bases__, Leaf.__bases__[0].__name__)
print(str(object) , repr(int))
