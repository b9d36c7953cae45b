# Star and double-star unpacking in calls, list/tuple/set/dict displays.
def f(a, b, c=0, *rest, key=None, **kw):
    return a, b, c, rest, key, kw
print(f(*[1, 2]), f(*"xyz", 4, key="k"), f(1, *(2, 3), *[4, 5], z=6, **{"key": 7}))
args = (1, 2)
kwargs = {"c": 3, "extra": True}
print(f(*args, **kwargs))
print([*args, *args], (*args, 9), {*args, 2}, {**kwargs, "c": 30})
first, *middle, last = [*range(3), *"ab"]
print(first, middle, last)
try:
    f(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError", e)
try:
    f(*5)
except TypeError as e:
    print("TypeError", e)
