# Augmented assignment operators on ints, including big results.
x = 10
x += 5; print(x)
x -= 20; print(x)
x *= -3; print(x)
x //= 4; print(x)
x %= 7; print(x)
x **= 40; print(x)
x >>= 3; print(x)
x <<= 2; print(x)
x &= 0xFFFF; print(x)
x |= 0x10000; print(x)
x ^= 0x1; print(x)
y = 7
y /= 2; print(y)
