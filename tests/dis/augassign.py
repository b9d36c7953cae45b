x = 0
x += 1
x -= 2
x *= 3
x //= 4
x **= 5
x |= 6
o.a += 1
o[i] <<= 2
def f(n):
    n @= m
    return n
