T = int
def f(a: T, *b: list, c: "S" = 1, **d: dict) -> R:
    x: int = 1
    y: str
    z: T
    return x

class C:
    attr: int
    other: str = "s"
    (paren): int = 2
    obj.attr: int = 3

v: int
w: int = 4
def g():
    (q): int
    (r): int = 1
