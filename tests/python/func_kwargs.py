# **kwargs collects extra keyword arguments as a dict in call order.
def f(a, **kw):
    return a, kw
print(f(1), f(1, x=2, y=3))
opts = {"color": "red", "size": 3}
print(f(0, **opts))
print(f(**{"a": 9, "z": 1}))
def show(**kw):
    for k, v in kw.items():
        print(k, "=", v)
show(b=2, a=1, c=3)
try:
    f(1, **{"a": 2})
except TypeError as e:
    print("TypeError", e)
def merge(**kw):
    return kw
print(merge(**{"a": 1}, **{"b": 2}))
