# pyrite-args: -O
"""Module docstring (kept under -O)."""
import sys

print(sys.flags.optimize, __debug__, __doc__)


def f():
    "function doc"
    assert False, "never raised under -O"
    return "f ran"


class C:
    "class doc"


print(f(), f.__doc__, C.__doc__)
if __debug__:
    print("debug branch")
else:
    print("optimized branch")
print(eval("__debug__"), __builtins__.__debug__)
try:
    exec(compile("assert 0, 'kept'", "s", "exec", optimize=0))
except AssertionError as e:
    print("compile(optimize=0) keeps asserts:", e)
exec(compile("assert 0", "s", "exec"))
print("compile() inherits -O")
x = 0
assert (x := 1)
print("walrus in a removed assert:", x)
