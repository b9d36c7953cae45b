# Positional-only parameters before /.
def f(a, b, /, c, *, d=0):
    return a + b + c + d
print(f(1, 2, 3), f(1, 2, c=3), f(1, 2, 3, d=4))
try:
    f(1, b=2, c=3)
except TypeError as e:
    print("TypeError", e)
def kw_name_clash(x, /, **kwargs):
    return x, kwargs
print(kw_name_clash(1, x=2))
def pos(a, b=2, /):
    return a, b
print(pos(1), pos(1, 5))
