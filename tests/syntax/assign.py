x = 1
a = b = c
x, y = y, x
[a, *b] = c
x += 1
x: int = 5
y: list
(z): int = 1
a.b = 1
a[0] = 2
a, = b
