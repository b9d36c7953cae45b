# compile() in its three modes, exec/eval of code objects, and the errors
# CPython gives.
co = compile("x = 1\ny = x + 1\n", "fn.py", "exec")
print(type(co).__name__, co.co_filename, co.co_name, co.co_firstlineno)
ns = {}
print(exec(co, ns), ns['y'], '__builtins__' in ns)

e = compile("1 + 2 * 3", "<expr>", "eval")
print(eval(e), eval(e, {}), e.co_filename, e.co_name)
print(eval(compile("a * 2", "e", "eval"), {"a": 21}))
print(eval(compile("a * b", "e", "eval"), {"a": 2}, {"b": 5}))

for src in ["1 + 1\n", "None\n", "'text'\n"]:
    exec(compile(src, "<single>", "single"))
try:
    compile("1 + 1\n2\n", "<single>", "single")
except SyntaxError as err:
    print("SyntaxError:", err.msg)
s2 = compile("for i in range(2): i\n", "<single>", "single")
exec(s2)

b = compile(b"z = 'bytes source'", "b.py", "exec")
nsb = {}
exec(b, nsb)
print(nsb['z'])

for bad_mode in ["bad", "", "Exec"]:
    try:
        compile("x", "a", bad_mode)
    except ValueError as err:
        print("ValueError:", err)

try:
    compile("x", "a", 1)
except TypeError as err:
    print("TypeError:", err)

try:
    compile("x = ", "zz.py", "exec")
except SyntaxError as err:
    print("SyntaxError:", err.msg, err.filename, err.lineno, err.offset, repr(err.text))

try:
    compile("def f(:\n    pass\n", "defs.py", "exec")
except SyntaxError as err:
    print("SyntaxError:", err.msg, err.filename, err.lineno)

try:
    compile("a = 1", "e.py", "eval")
except SyntaxError as err:
    print("SyntaxError:", err.msg, err.filename, err.lineno)

try:
    compile("x = 1\0", "n.py", "exec")
except SyntaxError as err:
    print("SyntaxError:", err)

try:
    compile(5, "n.py", "exec")
except TypeError as err:
    print("TypeError:", err)

for opt in [3, -2]:
    try:
        compile("1", "a", "exec", optimize=opt)
    except ValueError as err:
        print("ValueError:", err)

try:
    exec(compile("raise KeyError('k')", "raiser.py", "exec"))
except KeyError as err:
    tb = err.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print("KeyError from", tb.tb_frame.f_code.co_filename, tb.tb_lineno)

# A code object runs again and again; compile() returns code objects as is.
counter = compile("n += 1", "c", "exec")
g = {"n": 0}
for _ in range(3):
    exec(counter, g)
print(g["n"])
try:
    compile(counter, "other", "exec")
except TypeError as err:
    print("TypeError:", err)

# Functions compiled through compile() report its file name.
exec(compile("def made():\n    return 42\n", "made.py", "exec"), g)
print(g["made"](), g["made"].__code__.co_filename, g["made"].__code__.co_firstlineno)

# exec/eval of code objects with a closure need one.
def outer():
    v = 1
    def inner():
        return v
    return inner


try:
    exec(outer().__code__)
except TypeError as err:
    print("TypeError:", err)
try:
    eval(outer().__code__)
except TypeError as err:
    print("TypeError:", err)

print(eval("__name__"), eval("__name__", {"__name__": "custom"}))
print(eval(compile("[x * x for x in range(4)]", "lc", "eval")))
