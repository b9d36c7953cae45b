try:
    pass
except:
    pass

try:
    x
except ValueError as e:
    raise
except (A, B):
    raise X from e
else:
    pass
finally:
    pass

try:
    pass
finally:
    pass

with a:
    pass
with a as b, c as (d, e):
    pass
with (a as b, c):
    pass
with (a, b) as c:
    pass
with (a):
    pass
