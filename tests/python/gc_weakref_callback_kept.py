# A weak reference whose callback the collector ran keeps the callback
# (__callback__ still shows it, and it is collected with the weak reference
# later), as CPython's handle_weakrefs; a death by refcount drops it. Then a
# deterministic random-graph fuzz (cycles, tuples, dicts, finalizers that
# sometimes resurrect, weak references with callbacks) whose gc.collect()
# counts and callback/finalizer logs must match CPython's.
import gc, weakref
gc.disable()
class A: pass
a = A(); a.self = a
def cb(w): print("cb called", w() is None)
w = weakref.ref(a, cb)
del a
print(gc.collect())
print(w.__callback__ is cb)
b = A()
w2 = weakref.ref(b, cb)
del b
print(w2.__callback__)

# The graph of the fuzz's first mismatch, by hand.
log = []
keep = []
class N:
    def __init__(self, i): self.i = i; self.refs = []
class F(N):
    def __del__(self):
        log.append(("del", self.i))
        if self.i % 5 == 0:
            keep.append(self)
def build186():
    wrs = []
    o0 = N(0)
    o1 = N(1)
    o2 = F(2)
    o3 = N(3)
    o4 = N(4)
    o0.refs.append(o0)
    o1.refs.append(o1)
    o1.refs.append(o3)
    o2.refs.append(o2)
    o2.refs.append(o3)
    o2.refs.append((o4, 1, 'x'))
    o3.refs.append(o0)
    o3.refs.append((o0, 1, 'x'))
    o4.refs.append(o1)
    o4.refs.append(o2)
    o0.refs.append(weakref.ref(o2, lambda w: log.append(('gcb',))))
    wrs.append(weakref.ref(o2, lambda w, i=2: log.append(('cb', i))))
    roots = [o0]
    return roots, wrs
def build187():
    wrs = []
    o0 = F(0)
    o1 = F(1)
    o2 = F(2)
    o3 = N(3)
    o4 = N(4)
    o5 = F(5)
    o1.refs.append(o0)
    o2.refs.append(o1)
    o3.refs.append(o0)
    o3.refs.append(o3)
    wrs.append(weakref.ref(o1, lambda w, i=1: log.append(('cb', i))))
    wrs.append(weakref.ref(o2, lambda w, i=2: log.append(('cb', i))))
    roots = [o2]
    return roots, wrs
roots, wrs = build186()
print(gc.collect(), log)
keep.clear()
print(gc.collect(), log)
roots, wrs = build187()
print(gc.collect(), log)

# The fuzz (same classes; fresh log and keep lists).
roots = wrs = None
log = []
keep = []
gc.collect()
class R:
    def __init__(self, s): self.s = s
    def random(self):
        self.s = (self.s * 1103515245 + 12345) % 2147483648
        return (self.s >> 8) / 8388608
    def randrange(self, a, b=None):
        if b is None: a, b = 0, a
        return a + int(self.random() * (b - a))
    def choice(self, xs): return xs[self.randrange(len(xs))]
rng = R(12345)
def build(nobj):
    objs = []
    for i in range(nobj):
        k = rng.random()
        objs.append(F(i) if k < 0.2 else N(i))
    for o in objs:
        for _ in range(rng.randrange(3)):
            o.refs.append(rng.choice(objs))
        if rng.random() < 0.2:
            o.refs.append((rng.choice(objs), 1, "x"))
        if rng.random() < 0.1:
            o.refs.append({"k": rng.choice(objs)})
    wrs = []
    for o in objs:
        if rng.random() < 0.3:
            cb = (lambda w, i=o.i: log.append(("cb", i))) if rng.random() < 0.5 else None
            wrs.append(weakref.ref(o, cb))
        if rng.random() < 0.05:
            o.refs.append(weakref.ref(rng.choice(objs), lambda w: log.append(("gcb",))))
    roots = [rng.choice(objs) for _ in range(rng.randrange(3))]
    return roots, wrs
gc.disable()
total = []
for rnd in range(40):
    roots, wrs = build(rng.randrange(5, 40))
    n = gc.collect()
    alive = sum(1 for w in wrs if w() is not None)
    total.append((n, alive, len(keep)))
    if rnd % 7 == 0:
        keep.clear()
        total.append(("k", gc.collect()))
print(total)
print(len(log), sorted(log, key=repr)[:50])
print(gc.collect(), gc.get_count()[1:])
