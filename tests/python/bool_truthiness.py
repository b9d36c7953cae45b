# Truth values of builtin objects and of objects with __bool__ / __len__.
vals = [0, 1, -1, 0.0, 0.1, "", "a", [], [0], (), (0,), {}, {0: 0}, set(), None, range(0), range(2)]
print([bool(v) for v in vals])
class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        return self.v
class L:
    def __len__(self):
        return 3
class E:
    def __len__(self):
        return 0
print(bool(B(True)), bool(B(False)), bool(L()), bool(E()))
print("yes" if L() else "no", "yes" if E() else "no")
class Plain:
    pass
print(bool(Plain()))
