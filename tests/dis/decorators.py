@dec
def f():
    pass

@a
@b(1)
def g(x):
    return x

@dataclass
class C:
    x: int = 0
