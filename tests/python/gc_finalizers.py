# PEP 442: __del__ of objects in cycles runs once; resurrection; is_finalized.
import gc

log = []


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(self.name)


a, b = D("a"), D("b")
a.other, b.other = b, a
del a, b
print(gc.collect(), sorted(log))
log.clear()

saved = []


class R:
    def __del__(self):
        log.append("R.__del__")
        saved.append(self)


r = R()
r.me = r
print(gc.is_finalized(r))
del r
print(gc.collect(), log)
print(len(saved), gc.is_finalized(saved[0]))
r = saved.pop()
del r
print(gc.collect(), log)
r2 = R()
del r2
print(log, len(saved), gc.is_finalized(saved[0]))
saved.clear()
print(gc.collect(), log)


class Plain:
    pass


print(gc.is_finalized(Plain()), gc.is_finalized(1), gc.is_finalized([]))


class P:
    def __del__(self):
        log.append("P")


p = P()
p.self = p
q = [p]
del p
print(gc.collect(), log[-1:])
q.clear()
print(gc.collect(), log.count("P"))
