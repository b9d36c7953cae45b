# Reprs of containers that contain themselves, directly or through others.
a = [1]
a.append(a)
print(a, repr(a), str(a))
d = {"k": a}
a.append(d)
print(a)
print(d)
s = {"x": []}
s["x"].append(s)
print(s)
t = ([],)
t[0].append(t)
print(t)
b = []
c = [b]
b.append(c)
print(b, c)
e = {}
e[1] = e.values()
print(e)


class Box:
    def __init__(self):
        self.items = [self]

    def __repr__(self):
        return "Box(%r)" % (self.items,)


print(Box())
print([[]] * 2, [[], []], [()], [{}], [set()], [frozenset()], [range(0)], [(1,)])
print({1: [1, {2: (3, [4])}]})
print(repr([1.5, -0.0, 1e100, "q'uote", 'd"q', None, True, ...]))


class Bad:
    def __repr__(self):
        raise ValueError("no repr")


for container in ([Bad()], (Bad(),), {1: Bad()}, {"k": [Bad()]}):
    try:
        print(container)
    except ValueError as err:
        print("ValueError:", err)
again = [Bad()]
again.append(again)
try:
    repr(again)
except ValueError:
    pass
again.pop(0)
print(again)
