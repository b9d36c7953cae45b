a = x and y
b = x or y or z
c = x and (y or z)
if x and y:
    f()
if x or not y:
    g()
while a and b:
    h()
d = x if y else z
