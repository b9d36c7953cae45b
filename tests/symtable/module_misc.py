"""Docstring."""
assert x, msg
raise ValueError from cause
if a:
    b = 1
elif c:
    b = 2
print(*args)
obj.attr = 1
obj[key] = value
del obj[key], obj.attr
