# Dunder methods are looked up on the type: inherited, overridden, and not on the instance.
class Base:
    def __len__(self):
        return 1
    def __repr__(self):
        return f"<{type(self).__name__}>"
    def __eq__(self, other):
        return type(self) is type(other)
    __hash__ = object.__hash__
class Child(Base):
    def __len__(self):
        return 2
c = Child()
print(len(Base()), len(c), repr(c), c == Child(), c == Base())
c.__len__ = lambda: 99
print(len(c), c.__len__())
class NoEqOverride(Base):
    pass
print(NoEqOverride() == NoEqOverride(), NoEqOverride() != Base())
class Ne:
    def __eq__(self, o):
        return "custom"
print(Ne() == 1, Ne() != 1)
