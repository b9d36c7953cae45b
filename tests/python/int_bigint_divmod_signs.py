# Big-int floor division and modulo with all sign combinations, checked against the identity.
a = 10 ** 30 + 7
b = 3 ** 40
for x in (a, -a):
    for y in (b, -b, 7, -7):
        q, r = divmod(x, y)
        print(q, r, q * y + r == x, (r == 0) or ((r > 0) == (y > 0)))
print(-(10 ** 25) // 10 ** 12, -(10 ** 25) % (10 ** 12 + 1))
print((2 ** 200) // (2 ** 100 + 1), (2 ** 200) % (2 ** 100 + 1))
