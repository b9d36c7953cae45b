# + and * on str: concatenation (also in loops), repetition, reflected operators, errors.
s = ""
for i in range(1000):
    s += str(i % 10)
print(len(s), s[:15], s[-5:])
t = "é"
for i in range(5):
    t += "ü" + t
print(len(t), t[:6])
acc = "start"
keep = acc
acc += "-more"
print(keep, acc, keep is not acc)
def build(n):
    out = ""
    for k in range(n):
        out = out + "ab"
        out += "c"
    return out
print(len(build(300)), build(2))
print("ab" * 3, 3 * "ab", "ab" * 0, "ab" * -2, "" * 5, "x" * True, "é" * 3)
class N:
    def __index__(self):
        return 2
print("ab" * N(), N() * "cd")
class R:
    def __radd__(self, other):
        return "R.radd(" + other + ")"
    def __rmul__(self, other):
        return "R.rmul(" + other + ")"
print("x" + R(), "y" * R())
class Sub(str):
    pass
r = Sub("ab") + "cd"
print(r, type(r).__name__, type(Sub("ab") * 2).__name__, type("a" + Sub("b")).__name__)
for bad in [lambda: "a" + 1, lambda: 1 + "a", lambda: "a" * "b", lambda: "a" * 1.5, lambda: 1.5 * "a",
            lambda: "a" + None, lambda: "a" * (10**20), lambda: "a" + b"b", lambda: [1] + "a"]:
    try:
        bad()
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
x = "q"
try:
    x += 5
except TypeError as e:
    print(e, x)
