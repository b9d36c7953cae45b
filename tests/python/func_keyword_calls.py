# Keyword arguments: order independence, mixing with positional, defaults skipped.
def box(width, height=1, depth=1, *, unit="cm"):
    return f"{width}x{height}x{depth} {unit}"
print(box(2), box(2, 3), box(2, depth=5), box(height=4, width=1), box(1, 2, 3, unit="m"))
print(box(*[7], **{"unit": "in", "depth": 9}))
def describe(**fields):
    return ", ".join(f"{k}={v!r}" for k, v in fields.items())
print(describe(z=1, a="x", m=[1]))
def order(a, b, c):
    return a, b, c
print(order(c=3, a=1, b=2), order(1, c=3, b=2))
print(int("ff", base=16), sorted([3, 1, 2], reverse=True), "x".center(5, "*"))
