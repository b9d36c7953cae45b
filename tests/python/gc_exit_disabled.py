# With automatic collection disabled there is no first exit collection:
# cyclic garbage dies with __main__'s globals, whose weak references are
# garbage too, so no callback runs; finalizers still do.
import gc
import sys
import weakref

gc.disable()


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        sys.stdout.write("del %s\n" % self.name)


c = Noisy("cycle")
c.me = c
rc = weakref.ref(c, lambda r: sys.stdout.write("callback cycle\n"))
del c
print("end")
