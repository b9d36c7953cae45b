# pyrite-args: -OO
"""Module docstring (dropped under -OO)."""
import sys

print(sys.flags.optimize, __debug__, __doc__)


def f():
    "function doc"
    assert False
    return 1


class C:
    "class doc"

    def m(self):
        """method doc"""


print(f(), f.__doc__, C.__doc__, C.m.__doc__, f.__code__.co_consts[0])
lam = lambda: 1
print(lam.__doc__)
g = {}
exec(compile('def h():\n    "hdoc"\n', "s", "exec", optimize=0), g)
print(g["h"].__doc__)
