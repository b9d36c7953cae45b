# Modulo takes the sign of the divisor; a == (a // b) * b + a % b always holds.
pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (5, 5), (-5, 5), (123456789, 1000)]
for a, b in pairs:
    q, r = a // b, a % b
    print(a, b, q, r, q * b + r == a)
print(-(2 ** 70) % 7, (2 ** 70) % -7)
print(divmod(-17, 5), divmod(17, -5), divmod(-17, -5))
