# exec and eval with default and explicit namespaces.
print(eval("1 + 2 * 3"), eval("[x * 2 for x in range(3)]"))
ns = {"a": 5}
print(eval("a * a", ns), eval("b + 1", {"b": 1}, {"b": 10}))
exec("y = 42", ns)
print(ns["y"])
exec("def sq(n):\n    return n * n\nres = sq(9)", ns)
print(ns["res"], ns["sq"](3))
exec("z = 7")
print(z)
code = "total = 0\nfor i in range(5):\n    total += i\n"
scope = {}
exec(code, scope)
print(scope["total"])
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    eval("undefined_in_eval")
except NameError as e:
    print("NameError", e)
print(eval("len('abc')"), eval("x", {"x": "from dict"}))
