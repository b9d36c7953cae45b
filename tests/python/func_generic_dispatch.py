# Functions as values: tables of functions, higher-order helpers.
def add(a, b):
    return a + b
def sub(a, b):
    return a - b
ops = {"+": add, "-": sub, "*": lambda a, b: a * b}
for sym in ("+", "-", "*"):
    print(sym, ops[sym](7, 3))
def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x
print(apply_n(lambda v: v * 2, 10, 1))
funcs = [str.upper, str.lower, str.title]
print([fn("hello WORLD") for fn in funcs])
print(sorted(["b", "A", "c"], key=str.lower))
