# weakref.finalize at interpreter exit: pending finalizers run newest
# first after the program ends (through atexit), unless detached or with
# atexit set false; atexit functions run last-registered first.
import weakref, atexit


class Res:
    def __init__(self, name):
        self.name = name


def close(name):
    print("closing", name)


atexit.register(print, "atexit registered before finalize")
keep = [Res("a"), Res("b"), Res("c"), Res("d")]
fa = weakref.finalize(keep[0], close, "a")
fb = weakref.finalize(keep[1], close, "b")
fc = weakref.finalize(keep[2], close, "c")
fd = weakref.finalize(keep[3], close, "d")
fb.detach()
fc.atexit = False
print(fa.atexit, fc.atexit, fb.alive, fa.alive)
print(fa.peek()[1] is close, fa.peek()[2])
atexit.register(print, "atexit registered after finalize", end="!\n")
def unreg(): print("never")
atexit.register(unreg)
atexit.unregister(unreg)
print(atexit.unregister(unreg))
f2 = weakref.finalize(Res("temp"), close, "temp")
print(f2.alive)
print("end of program")
