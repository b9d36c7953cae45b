# Operator precedence and associativity.
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, -3 ** 2)
print(10 - 4 - 3, 100 // 10 // 3, 2 * 3 % 4)
print(1 + 2 << 3, 1 | 2 ^ 3 & 4, not 1 == 2)
print(True or False and False, (True or False) and False)
print(-5 % 3, -(5 % 3), ~5 + 1)
print(3 < 4 == True, 1 if 0 else 2 if 1 else 3)
print(2 * -3, 2 ** -1, - - 4)
