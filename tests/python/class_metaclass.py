# A simple metaclass that records and modifies classes it creates.
class Meta(type):
    created = []
    def __new__(mcls, name, bases, ns):
        ns["tag"] = name.lower()
        cls = super().__new__(mcls, name, bases, ns)
        Meta.created.append(name)
        return cls
    def __call__(cls, *a):
        print("Meta.__call__", cls.__name__)
        return super().__call__(*a)
class Base(metaclass=Meta):
    def __init__(self, v=0):
        self.v = v
class Derived(Base):
    pass
print(Meta.created, Base.tag, Derived.tag)
d = Derived(5)
print(d.v, type(Derived).__name__, isinstance(Derived, Meta))
