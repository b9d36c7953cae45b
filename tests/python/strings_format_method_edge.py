# str.format and format_map: fields, conversions, nested specs and errors.
class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __format__(self, spec):
        return "Pt<" + spec + ">"
    def __repr__(self):
        return "Pt(%r, %r)" % (self.x, self.y)
p = Pt(1, [10, 20])
print("{} {} {}".format(1, "a", None), "{1}{0}{1}".format("x", "y"), "{a}-{b}".format(a=1, b=2))
print("{0.x} {0.y[1]} {p.y[0]} {d[k]} {d[k][0]} {s[2]}".format(p, p=p, d={"k": "v"}, s="xyz"))
print("{!r} {!s} {!a}".format("é", p, "é"), "{0!r:>8}|".format("é"), "{:>5}|{:<5}|{:^5}|{:*^7}|".format("a", "b", "c", "d"))
print("{:{w}}|{:{f}{a}{w}}|{:.{p}}".format("ab", "cd", "ef", w=6, f="-", a="^", p=1), "{0:{1}}|".format("x", 4))
print("{{}} {{{}}}".format(7), "{{{0}}}".format(8), "{}".format(p), "{:spec}".format(p), "{0:}".format("e"))
print("{x}".format_map({"x": 1}), "{0[1]}".format("abc"), "{[0]}".format([5]), "{.real}".format(3))
class Missing(dict):
    def __missing__(self, key):
        return "<" + key + ">"
print("{a} {b}".format_map(Missing(a=1)))
errors = [lambda: "{".format(), lambda: "}".format(), lambda: "{0}{}".format(1, 2), lambda: "{}{0}".format(1, 2),
          lambda: "{2}".format(1), lambda: "{}".format(), lambda: "{a}".format(), lambda: "{0!x}".format(1),
          lambda: "{0!}".format(1), lambda: "{0!r".format(1), lambda: "{0!rr}".format(1), lambda: "{0.}".format(1),
          lambda: "{0[}".format([1]), lambda: "{0[0]x}".format([1]), lambda: "{:{:{}}}".format(1, 2, 3),
          lambda: "{0".format(1), lambda: "{}".format_map({}), lambda: "{x}".format_map(1),
          lambda: "{a.b}".format(a=1), lambda: "{0[5]}".format([1]), lambda: "{0:d}".format("s"),
          lambda: "{0[]}".format([1]), lambda: "{99999999999999999999}".format(1), lambda: "{:x}".format(p, 1) and "{0:{1}}".format("a", "{")]
for f in errors:
    try:
        print(f())
    except (ValueError, IndexError, KeyError, AttributeError, TypeError) as e:
        print(type(e).__name__, e)
