# Indexing and slicing of ASCII and non-ASCII text, with steps and errors.
a = "abcdefghij"
u = "héllo wörld 日本語 🙂!"
print(a[0], a[-1], a[3:7], a[:3], a[7:], a[::2], a[1::3], a[::-1], a[::-3], a[8:2:-2], a[-100:100], a[5:2], a[2:2])
print(u[1], u[-2], u[-1], u[6:11], u[12:15], u[::-1], u[::4], u[-3::-2], len(u), len(u[::2]))
print(a[True], a[False:True], a[slice(1, 4)], a[slice(None, None, -4)], u[slice(-4, None)])
class I:
    def __index__(self):
        return 2
print(a[I()], u[I():5], a[:I()])
for i in range(-len(u), len(u)):
    if u[i] != u[i % len(u)]:
        print("mismatch", i)
print("".join(u[i] for i in range(len(u))) == u, [c for c in "añb"], list(reversed("añb")))
for bad in [lambda: a[10], lambda: a[-11], lambda: u[100], lambda: a["x"], lambda: a[1.0],
            lambda: a[10**20], lambda: a[::0], lambda: a[1:2:"x"]]:
    try:
        bad()
    except (IndexError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    a[0] = "z"
except TypeError as e:
    print(e)
try:
    del a[0]
except TypeError as e:
    print(e)
