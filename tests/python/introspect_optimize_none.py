# Without -O: asserts run, __debug__ is True, docstrings kept.
import sys

print(sys.flags.optimize, __debug__)
try:
    assert 1 == 2, "asserted"
except AssertionError as e:
    print("AssertionError:", e)
g = {}
exec(compile('"""mdoc"""\ndef h():\n    "hdoc"\n    assert False\n', "s", "exec", optimize=2), g)
print(g.get("__doc__"), g["h"].__doc__, g["h"]())
exec(compile("assert False", "s", "exec", optimize=1))
print(eval(compile("__debug__", "s", "eval", optimize=1)), eval("__debug__"))
