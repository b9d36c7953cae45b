# str(): no argument, objects, __str__ results, decoding; subclasses of str keep their type.
print(repr(str()), str(12), str(1.5), str(None), str([1, "a"]), str(b"ab"), str(str), repr(str("x")))
class P:
    def __str__(self):
        return "P!"
class Q:
    def __repr__(self):
        return "Q?"
class Bad:
    def __str__(self):
        return 42
print(str(P()), str(Q()), "%s %s" % (P(), Q()), "{} {!r}".format(P(), Q()), f"{P()} {Q()!s}")
try:
    str(Bad())
except TypeError as e:
    print(e)
class Name(str):
    def shout(self):
        return self.upper() + "!"
n = Name("alice")
print(n, repr(n), n.shout(), type(n).__name__, isinstance(n, str), len(n), n[0], type(n[0]).__name__)
print(type(n.upper()).__name__, type(n + "x").__name__, type(str(n)).__name__, str(n) == n, n == "alice")
print(Name(), repr(Name(b"hi", "ascii")), Name(42), type(Name(42)).__name__)
class Upper(str):
    def __new__(cls, value):
        return super().__new__(cls, value.upper())
u = Upper("quiet")
print(u, type(u).__name__, u.lower(), u.startswith("QU"), "{:>8}".format(u), u in "A QUIET ONE")
class WithAttr(str):
    pass
w = WithAttr("text")
w.note = "attached"
print(w, w.note, w.split("x"), sorted([WithAttr("b"), "a", WithAttr("c")]))
print(str.__new__(Name, "made").shout(), str.join("-", ["a", "b"]), str.upper("low"), str.__len__("four"))
for bad in [lambda: str(1, 2, 3, 4), lambda: str(foo=1), lambda: str(b"a", "foo"), lambda: str.upper(1)]:
    try:
        bad()
    except (TypeError, LookupError) as e:
        print(type(e).__name__, e)
