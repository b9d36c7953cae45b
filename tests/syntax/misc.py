global a, b
def f():
    nonlocal x
    global y
del a, b[0], c.d
del (a, b), [c]
assert x
assert x, "msg"
pass; x = 1; y = 2;
raise
return
