# __repr__ and __str__: which one print, str(), repr(), f-strings and containers use.
class Both:
    def __repr__(self):
        return "Both<repr>"
    def __str__(self):
        return "Both<str>"
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
b, r = Both(), OnlyRepr()
print(b, r)
print(str(b), repr(b), str(r))
print([b, r], (b,), {"k": b})
print(f"{b} {b!r} {r}", "%s %r" % (b, b), "{} {!r}".format(b, b))
class Fmt:
    def __format__(self, spec):
        return "Fmt(" + spec + ")"
print(f"{Fmt():>10}", format(Fmt(), "x"), "{:abc}".format(Fmt()))
