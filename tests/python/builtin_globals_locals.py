# globals() and locals(): reading and writing module globals, function locals.
x = 10
g = globals()
print(g["x"], g["__name__"], "x" in g)
g["created_via_globals"] = "yes"
print(created_via_globals)
def f(a, b=2):
    c = a + b
    return locals()
print(f(1))
def g2():
    return sorted(locals())
print(g2())
user_names = sorted(k for k in globals() if not k.startswith("__"))
print(user_names)
