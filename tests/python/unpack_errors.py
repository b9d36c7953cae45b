# Messages of failed unpacking.
cases = [
    lambda: exec("a, b = [1, 2, 3]"),
    lambda: exec("a, b, c = [1, 2]"),
    lambda: exec("a, *b, c = [1]"),
    lambda: exec("a, b = 5"),
    lambda: exec("a, b = 'x'"),
]
for c in cases:
    try:
        c()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
def f():
    x, y = {"one": 1}
try:
    f()
except ValueError as e:
    print("ValueError", e)
