x = 1
a = b = x
a, b = b, a
a, b, c = c, b, a
first, *rest = [1, 2, 3]
*init, last = x
o.attr = x
o[k] = x
del o.attr, o[k], x
(p, q), r = x
