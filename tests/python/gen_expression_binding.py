# The first iterable of a generator expression is evaluated immediately; the rest lazily.
def src(label, n):
    print("evaluating", label)
    return range(n)
g = (x * y for x in src("outer", 2) for y in src("inner", 3))
print("generator created")
print(list(g))
data = [1, 2, 3]
gen = (v * 2 for v in data)
data = [10, 20]
print(list(gen))
try:
    bad = (v for v in 5)
except TypeError as e:
    print("TypeError at creation:", e)
lazy_err = (1 / v for v in [1, 0])
print(next(lazy_err))
try:
    next(lazy_err)
except ZeroDivisionError as e:
    print("ZeroDivisionError on demand:", e)
