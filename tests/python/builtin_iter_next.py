# iter() and next() with defaults; iter(callable, sentinel).
it = iter([10, 20])
print(next(it), next(it), next(it, "done"), next(it, None))
s = iter("ab")
print(list(s), list(s))
d = iter({"x": 1, "y": 2})
print(next(d), next(d))
vals = [3, 2, 1, 0, 5]
def pop_front():
    return vals.pop(0)
print(list(iter(pop_front, 0)), vals)
it2 = iter(range(3))
print(iter(it2) is it2, list(it2))
try:
    next([1, 2])
except TypeError as e:
    print("TypeError", e)
