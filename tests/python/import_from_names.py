# from-import of names, aliases and star-import that skips _private names.
from mod_geometry import Vec, manhattan as dist, PI_ISH
print(Vec(1, 2) + Vec(3, 4), dist((1, 1), (4, 5)), PI_ISH)
from mod_counter import *
print(bump(), count)
print("_private" in dir(), "bump" in dir())
import mod_counter
print(mod_counter.count, count)
try:
    from mod_geometry import nothing_here
except ImportError as e:
    print("ImportError", e.name, "cannot import name 'nothing_here'" in str(e))
