# exec/eval/compile: namespaces, code objects, modes, errors.
g = {"x": 10}
exec("y = x + 1", g)
print(g["y"], "__builtins__" in g)
l = {}
exec("z = x * 2", g, l)
print(l, "z" in g)
print(eval("x + y", g), eval("x", g, {"x": 99}))

def f():
    a = 3
    b = eval("a + 4")
    exec("a = 100")
    return a, b, sorted(locals())
print(f())

code = compile("total = sum(range(n))", "<calc>", "exec")
print(type(code).__name__, code.co_filename)
ns = {"n": 5}
exec(code, ns)
print(ns["total"])

expr = compile("n * n", "<sq>", "eval")
print(eval(expr, {"n": 7}), eval(expr, {"n": 8}))

single = compile("40 + 2", "<single>", "single")
exec(single)

src = """
def make(k):
    def add(v):
        return v + k
    return add
adder = make(5)
"""
space = {}
exec(src, space)
print(space["adder"](10), space["make"].__name__)

class Holder:
    exec("attr = 'set by exec'")
print(Holder.attr)

print(eval("  [i * i for i in range(4)]"))
print(eval(b"'bytes source'"))
print(eval("__name__"), eval("__name__", {}))

for bad in ["1 +", "def", "x = = 1"]:
    try:
        compile(bad, "<bad>", "exec")
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.filename, e.lineno)
try:
    eval("a = 1")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    exec("raise ValueError('from exec')")
except ValueError as e:
    print("ValueError", e)
for fn, args in [(exec, (42,)), (eval, (None,)), (compile, ("1", "f", "weird"))]:
    try:
        fn(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    eval("1", [])
except TypeError as e:
    print("TypeError", e)
