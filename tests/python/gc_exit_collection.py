# At exit, with automatic collection enabled, a full collection runs first
# while __main__ is alive (CPython's _PyGC_CollectIfEnabled): gc.callbacks
# see it, and cyclic garbage left behind is finalized while the weak
# references to it still live, so their callbacks run. Then __main__'s
# globals die: their finalizers run, weakrefs held there get no callback.
import gc
import sys
import weakref

ending = False


def cb(phase, info):
    if ending:
        sys.stdout.write("gc callback %s %s\n" % (phase, info["generation"]))


gc.callbacks.append(cb)


class A:
    pass


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        sys.stdout.write("del %s\n" % self.name)


a = A()
ra = weakref.ref(a, lambda r: sys.stdout.write("callback a\n"))
c = Noisy("cycle")
c.me = c
rc = weakref.ref(c, lambda r: sys.stdout.write("callback cycle\n"))
del c
keep = Noisy("global")
print("end")
ending = True
