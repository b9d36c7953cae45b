import weakref, gc
class K:
    def __init__(self, n): self.n = n
    def __repr__(self): return "K(%d)" % self.n
ks = [K(i) for i in range(5)]
d = weakref.WeakValueDictionary()
for k in ks: d[k.n] = k
print(len(d), sorted(d.keys()), d[2], d.get(9), 3 in d)
del ks[0]
print(len(d), sorted(d.keys()))
for k, v in list(d.items()): print(k, v)
wk = weakref.WeakKeyDictionary()
for k in ks: wk[k] = k.n * 10
print(len(wk), sorted(wk.values()))
del ks[1]
print(len(wk), sorted(v for v in wk.values()), ks[0] in wk)
s = weakref.WeakSet(ks)
print(len(s), ks[0] in s)
ks.pop()
print(len(s), sorted(s, key=lambda k: k.n))
# iteration guard
it = iter(list(d.items()))
def fin(name): print("finalized", name)
o = K(99)
f = weakref.finalize(o, fin, "o")
print(f.alive, f.peek()[1] is fin)
del o
print(f.alive)
o2 = K(100)
f2 = weakref.finalize(o2, fin, "o2")
print(f2.detach()[0], f2.alive, f2.detach())
o3 = K(101)
f3 = weakref.finalize(o3, fin, "o3")
print(f3(), f3.alive, f3())
keep = K(7)
weakref.finalize(keep, fin, "at exit 1")
weakref.finalize(keep, fin, "at exit 2")
print(repr(weakref.WeakValueDictionary())[:21])
print("end")
