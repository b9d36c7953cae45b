# Arbitrary-precision addition, subtraction, multiplication and division.
a = 123456789012345678901234567890
b = 987654321098765432109876543210
print(a + b)
print(a - b)
print(a * b)
print(b // a, b % a)
print(-a * b)
print(a * a * a)
f = 1
for i in range(1, 31):
    f *= i
print(f)
print(f // (2 ** 20))
print((2 ** 128 - 1) & (2 ** 64 + 5))
print(abs(-(10 ** 40)))
print(int("9" * 50) + 1)
