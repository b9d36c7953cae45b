# Annotations are stored in __annotations__ and not enforced.
def f(a: int, b: "str" = "x", *args: float, c: bool = True, **kw: dict) -> list:
    return [a, b, args, c, kw]
print(f("not an int"))
print(f.__annotations__)
x: int = 5
y: str
print(x, __annotations__)
class P:
    name: str
    age: int = 0
print(P.__annotations__, P.age, hasattr(P, "name"))
