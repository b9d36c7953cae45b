# Attribute lookups stay right when classes change under a warm cache:
# methods replaced on a base after calls through a subclass, attributes
# added to a subclass to shadow a base's, deleted, instance attributes
# shadowing class attributes, data descriptors added and removed, classes
# made and dropped in a loop.


class Base:
    def who(self):
        return "base"

    kind = "base-kind"


class Mid(Base):
    pass


class Leaf(Mid):
    pass


def call_many(obj, n=5):
    out = []
    for _ in range(n):
        out.append(obj.who())
    return out


leaf = Leaf()
print(call_many(leaf))
Base.who = lambda self: "base2"
print(call_many(leaf))
Mid.who = lambda self: "mid"
print(call_many(leaf))
Leaf.who = lambda self: "leaf"
print(call_many(leaf))
del Leaf.who
print(call_many(leaf))
del Mid.who
print(call_many(leaf))

# Class attributes read through instances and the class.
for i in range(3):
    print(leaf.kind, Leaf.kind)
    Mid.kind = ("mid-kind-a", "mid-kind-b", "mid-kind-c")[i]
print(leaf.kind)
del Mid.kind
print(leaf.kind)

# An instance attribute shadows a method, then goes away again.
leaf.who = lambda: "instance"
print(leaf.who())
del leaf.who
print(leaf.who())


# Classes made and dropped in a loop (addresses may be reused).
def make(i):
    class K:
        def val(self):
            return i

    return K()


print([make(i).val() for i in range(20)])

# A class counter bumped in a loop while its methods are called.
class Counter:
    count = 0

    def bump(self):
        Counter.count += 1
        return Counter.count


c = Counter()
print([c.bump() for _ in range(10)])


# A data descriptor on the class wins over the instance's attribute.
class WithProp:
    @property
    def x(self):
        return "prop"


w = WithProp()
print(w.x, w.x)
del WithProp.x
w.x = "inst"
print(w.x, w.x)
WithProp.x = property(lambda self: "prop2")
print(w.x, w.x)


# Instance attributes read at one site from instances whose dicts were
# filled in different orders, deleted and re-added.
class Pt:
    pass


def make_pt(order):
    p = Pt()
    for name in order:
        setattr(p, name, (name, 1))
    return p


def read_xy(p):
    return p.x, p.y


pts = [make_pt(("x", "y")), make_pt(("y", "x")), make_pt(("z", "y", "x"))]
for _ in range(2):
    print([read_xy(p) for p in pts])
q = pts[0]
del q.x
try:
    read_xy(q)
except AttributeError as e:
    print("AttributeError", e)
q.x = "again"
print(read_xy(q), read_xy(q))


# A class that gains __getattr__ after its instances were read.
class Late:
    pass


late = Late()
late.a = 1
print(late.a, late.a)
Late.__getattr__ = lambda self, name: ("fallback", name)
print(late.a, late.b)
