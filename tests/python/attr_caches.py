# LOAD_ATTR / LOAD_METHOD / STORE_ATTR inline caches must see every change:
# instance attributes shadowing methods, methods replaced or deleted on the
# class, data descriptors and __setattr__ added later, __class__ changes,
# __dict__ made or replaced, and many names on one class.


class A:
    def m(self):
        return "A.m"


def call_m(o):
    return o.m()


def get_x(o):
    return o.x


def set_x(o, v):
    o.x = v


a = A()
for _ in range(3):
    print(call_m(a))
a.m = lambda: "instance m"
print(call_m(a))
del a.m
print(call_m(a))
A.m = lambda self: "replaced"
print(call_m(a))
del A.m
try:
    call_m(a)
except AttributeError as e:
    print("AttributeError:", e)
A.m = lambda self: "back"
b = A()
b.__dict__["m"] = lambda: "dict m"
print(call_m(b), call_m(A()))

# Store and load through the caches, then a property takes the name over.
for i in range(3):
    set_x(a, i)
    print(get_x(a))


def getter(self):
    return "property"


def setter(self, v):
    print("setter got", v)


A.x = property(getter, setter)
set_x(a, 10)
print(get_x(a), a.__dict__)
del A.x
print(get_x(a))
set_x(a, 11)
print(get_x(a))

# __setattr__ added to the class later.


def loud_setattr(self, name, value):
    print("setattr", name, value)
    object.__setattr__(self, name, value)


A.__setattr__ = loud_setattr
set_x(a, 12)
del A.__setattr__
set_x(a, 13)
print(get_x(a))

# Instances of other classes through the same code.


class B:
    def m(self):
        return "B.m"


class C(B):
    __slots__ = ("x",)


for o in (A(), B(), C(), a):
    try:
        set_x(o, type(o).__name__)
        print(get_x(o), call_m(o))
    except AttributeError as e:
        print("AttributeError:", e)

# __class__ changes between calls.
o = A()
set_x(o, 1)
print(call_m(o), get_x(o))
o.__class__ = B
print(call_m(o), get_x(o))
set_x(o, 2)
print(get_x(o), vars(o))

# A made or replaced __dict__.
p = A()
set_x(p, 1)
d = p.__dict__
set_x(p, 2)
print(d, get_x(p))
p.__dict__ = {"x": 3}
print(get_x(p))
set_x(p, 4)
print(p.__dict__, d)

# Many names, past what one class shares.


class Many:
    pass


objs = [Many() for _ in range(3)]
for k in range(35):
    for ob in objs:
        setattr(ob, "n%d" % k, k)
        set_x(ob, k)
print([get_x(ob) for ob in objs], len(vars(objs[0])), objs[2].n34)

# Values replaced through the store cache run __del__ at once.


class Noisy:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


q = A()
set_x(q, Noisy(1))
set_x(q, Noisy(2))
set_x(q, None)
print("end")
