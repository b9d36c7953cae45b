# Floor division rounds toward negative infinity for every sign combination.
for a in (7, -7, 0, 1, -1, 13, -13):
    for b in (2, -2, 3, -3, 7):
        print(a, "//", b, "=", a // b)
print(10 ** 20 // 3, -(10 ** 20) // 3)
print(True // 2, 5 // True)
