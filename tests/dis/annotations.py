x: int
y: list[int] = []
o.attr: str = "s"
d["k"]: int = 1
def f(a: int, b: "str" = "s", *args: tuple, **kw: dict) -> bool:
    local: int = 1
    return True
class C:
    field: float = 0.0
