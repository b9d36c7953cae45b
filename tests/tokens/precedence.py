a = -x ** 2
b = not a == b
c = a or b and c
d = a + b * c - d / e // f % g @ h
e = a << b >> c & d ^ e | f
f = -~+x
g = a ** b ** c
h = a if b else c if d else e
i = (a + b) * c
j = not not x
k = a < b <= c != d
l = a is not b
m = a not in b
n = x in y is z
