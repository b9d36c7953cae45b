# Bitwise and shift operators on small, negative and big ints.
print(12 & 10, 12 | 10, 12 ^ 10, ~12)
print(-12 & 10, -12 | 10, -12 ^ 10, ~-1)
print(1 << 100, (1 << 100) >> 98)
print(-1 >> 5, -16 >> 2, -17 >> 2)
print(0xFF & -256, (2 ** 70 | 1) ^ 2 ** 70)
print(5 << 0, 0 >> 10)
print(~(2 ** 65))
