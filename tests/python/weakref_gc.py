# Weak references and the cycle collector: weakrefs to cyclic garbage are
# cleared before finalizers run; callbacks run only for weakrefs that are
# not garbage themselves.
import weakref, gc
gc.disable()


class A:
    pass


class Fin:
    def __del__(self):
        print("__del__ sees", self.wr())


# An external weakref with a callback to a cycle: called during collect.
a = A(); a.self = a
def cb(w): print("cb", w() is None)
w = weakref.ref(a, cb)
del a
print("collect", gc.collect() >= 1)
print("after", w())

# A weakref inside the garbage: its callback is never called.
b = A(); b.self = b
b.w = weakref.ref(b, lambda w: print("never"))
del b
print("collect2", gc.collect() >= 2)

# The finalizer of cyclic garbage sees its weakref already cleared.
f = Fin(); f.self = f
f.wr = weakref.ref(f)
del f
print("collect3", gc.collect() >= 1)

# Two-object cycle, external weakrefs with callbacks to both.
class N: pass
x = N(); y = N(); x.y = y; y.x = x
ws = [weakref.ref(x, lambda w: print("cbx")), weakref.ref(y, lambda w: print("cby"))]
del x, y
print("collect4", gc.collect() >= 2)
print([r() for r in ws])

# A proxy to garbage: callback called, then ReferenceError.
z = N(); z.z = z
pz = weakref.proxy(z, lambda p: print("proxy cb"))
del z
gc.collect()
try:
    pz.z
except ReferenceError as e:
    print(e)

# weakref.finalize on a cycle runs at collection.
c = N(); c.c = c
fz = weakref.finalize(c, print, "finalize ran")
del c
print("collect6", gc.collect() >= 1, fz.alive)

# WeakValueDictionary entries of cycles go away at collection.
d = weakref.WeakValueDictionary()
for i in range(3):
    n = N(); n.n = n; d[i] = n
del n
print(len(d)); gc.collect(); print(len(d))

# The callback of a weakref that is itself in a different cycle of garbage
# (the weakref's owner dies with the referent): not called.
p = N(); q = N(); p.q = q; q.p = p
q.w = weakref.ref(p, lambda w: print("never either"))
del p, q
print("collect8", gc.collect() >= 2)

# A callback may create new objects and weakrefs.
made = []
r = N(); r.r = r
def grow(w):
    made.append(N())
    made.append(weakref.ref(made[0]))
    print("grew", made[1]() is made[0])
wr = weakref.ref(r, grow)
del r
gc.collect()
print(len(made))
gc.enable()
