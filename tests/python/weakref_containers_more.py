import weakref, gc
class K:
    def __init__(self, n): self.n = n
    def __repr__(self): return "K(%d)" % self.n
    def __hash__(self): return hash(self.n)
    def __eq__(self, o): return isinstance(o, K) and o.n == self.n
ks = [K(i) for i in range(6)]
d = weakref.WeakValueDictionary({i: k for i, k in enumerate(ks)})
print(d.setdefault(1, None), d.pop(2), d.pop(99, "dflt"), len(d))
try: d.pop(98)
except KeyError as e: print("KeyError", e)
k, v = d.popitem(); print(k, v)
d.update([(10, ks[0])], x=ks[1])
print(sorted(map(str, d.keys())), len(d.valuerefs()), sorted(str(r()) for r in d.itervaluerefs()))
# deletion during iteration
for key in d.keys():
    del ks[-1]
    break
gc.collect()
print(len(d), sorted(map(str, d)))
e = d.copy(); print(type(e).__name__, len(e) == len(d))
m = d | {100: ks[0]}; print(type(m).__name__, 100 in m)
print(d == dict(d.items()), d != {})
try: d[12345]
except KeyError as e: print("KeyError", e)
w = weakref.WeakKeyDictionary()
w[ks[0]] = 1; w[ks[1]] = 2
print(w.get(K(0)), K(1) in w, w.setdefault(ks[0], 5), w.pop(ks[1]), len(w), list(w.keyrefs())[0]() is ks[0])
print(w.popitem())
try: w.popitem()
except KeyError as e: print("KeyError", e)
print(1 in w, [] in w)
s = weakref.WeakSet([ks[0], ks[1]])
t = weakref.WeakSet([ks[1]])
print(len(s | t), len(s & t), len(s - t), len(s ^ t), t <= s, t < s, s >= t, s == weakref.WeakSet(ks[:2]))
s.discard(ks[0]); print(len(s)); s.remove(ks[1]); print(len(s))
try: s.remove(ks[0])
except KeyError as e: print("KeyError")
try: s.pop()
except KeyError as e: print(e)
s.add(ks[0]); print(s.pop() is ks[0], s.isdisjoint(t))
try: hash(s)
except TypeError as e: print(e)
try: weakref.WeakSet([1])
except TypeError as e: print(e)
