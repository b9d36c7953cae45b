obj.method().attr[0].other(1, 2)
x = a.b.c.d
