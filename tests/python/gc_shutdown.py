# Objects alive at exit whose class has __del__ are finalized at shutdown:
# __main__'s globals become garbage and the exit collection runs the
# finalizers in collection order (a young collection first moves the
# objects only containers hold behind the others, in both runtimes).
import gc


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


gc.collect()
b = None
a = Noisy("a")
b = Noisy("b")
_private = Noisy("_private")
c1 = Noisy("cycle1")
c2 = Noisy("cycle2")
c1.other, c2.other = c2, c1
holder = [Noisy("in list 1"), Noisy("in list 2")]
d = {"k": Noisy("in dict")}
z = Noisy("z")
gc.collect(0)
print("end of program")
