"""Module docstring."""
pass
x = None
del x
def empty():
    ...
global_value = 3 if cond else 4
print(*range(3), sep=", ")
