# sys.getsizeof / __sizeof__ / getrefcount / intern / getallocatedblocks:
# exact behaviour where CPython and pyrite agree, relations where sizes
# legitimately differ.
import sys


class A:
    pass


class B:
    def __sizeof__(self):
        return 100


class Neg:
    def __sizeof__(self):
        return -1


class Str:
    def __sizeof__(self):
        return "x"


class Big:
    def __sizeof__(self):
        return 2**70


class NoneS:
    __sizeof__ = None


class Raise:
    def __sizeof__(self):
        raise ValueError("boom")


print(sys.getsizeof(B()) >= 100)
for cls in [Neg, Str, Big, NoneS, Raise]:
    for args in [(), ("dflt",)]:
        try:
            print(cls.__name__, sys.getsizeof(cls(), *args))
        except Exception as e:
            print(cls.__name__, type(e).__name__, e)
try:
    sys.getsizeof()
except TypeError as e:
    print(e)
try:
    sys.getsizeof(1, 2, 3)
except TypeError as e:
    print(e)
print(sys.getsizeof(object=1, default=2) > 0)
print(sys.getsizeof(1, default=5) > 0)

# Relations.
print(sys.getsizeof([]) < sys.getsizeof([1, 2, 3]))
print(sys.getsizeof({}) <= sys.getsizeof({i: i for i in range(10)}))
print(sys.getsizeof("") < sys.getsizeof("x" * 100))
print(sys.getsizeof(b"") < sys.getsizeof(b"x" * 100))
print(sys.getsizeof(()) < sys.getsizeof((1, 2)))
print(sys.getsizeof(set()) < sys.getsizeof(set(range(100))))
print(sys.getsizeof(10**100) > sys.getsizeof(1))
print(all(sys.getsizeof(x) >= 16 for x in [0, 1.5, "", (), [], {}, None, A(), A, len]))
# getsizeof adds the GC header of container objects to __sizeof__.
print(sys.getsizeof([]) > [].__sizeof__(), sys.getsizeof(1) == (1).__sizeof__())
print(sys.getsizeof(1.5) == (1.5).__sizeof__(), sys.getsizeof("ab") == "ab".__sizeof__())
print(sys.getsizeof([]) - [].__sizeof__() == sys.getsizeof([1]) - [1].__sizeof__())
print(object().__sizeof__() == object.__sizeof__(object()))
print([].__sizeof__() < [1, 2, 3].__sizeof__())
print(type(sys.getsizeof(A())), sys.getsizeof(A()) > A().__sizeof__())

# intern
for bad in [1, b"x", None]:
    try:
        sys.intern(bad)
    except TypeError as e:
        print(e)


class S(str):
    pass


try:
    sys.intern(S("abc"))
except TypeError as e:
    print(e)
a = "".join(["ab", "cd"])
print(sys.intern(a) is sys.intern("abcd"), sys.intern(a) == a)
try:
    sys.intern()
except TypeError as e:
    print(e)

# getrefcount counts its argument.
print(sys.getrefcount(object()))
x = object()
print(sys.getrefcount(x))
lst = [x, x]
print(sys.getrefcount(x))
del lst
print(sys.getrefcount(x))
try:
    sys.getrefcount()
except TypeError as e:
    print(e)

# getallocatedblocks grows with live objects and shrinks after.
before = sys.getallocatedblocks()
objs = [[i] for i in range(1000)]
during = sys.getallocatedblocks()
del objs
after = sys.getallocatedblocks()
print(type(before), during > before + 900, after < during)
for f in [sys.getallocatedblocks, sys._debugmallocstats]:
    try:
        f(1)
    except TypeError as e:
        print(e)
