# Instance dicts: collect() counts and tracking as CPython 3.11, whose
# instance attributes are one object with the instance until __dict__ or
# vars() hands a dict out.
import gc
class A: pass
a = A(); a.x = 1; a.l = []
print(gc.is_tracked(a), len(gc.get_referents(a)))
b = A(); b.me = b
d = b.__dict__
del b
print(gc.collect(), d['me'].__dict__ is d)
d.clear()
c = A(); c.y = [c]
v = vars(c)
print(gc.is_tracked(v))
del c, v
print(gc.collect())
e = A(); e.z = 1
print(gc.is_tracked(e.__dict__))
e.w = []
print(gc.is_tracked(e.__dict__))
f = A(); f.s = f
del f
print(gc.collect())
# escaped then cycle through it
g = A(); h = A()
g.h = h; h.g = g
keep = g.__dict__
del g, h
print(gc.collect(), type(keep['h']).__name__, keep['h'].g.h is keep['h'])
