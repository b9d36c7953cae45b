# Big ints: arithmetic past the machine word, conversions, and the 4300-digit limit.
a = 2**64
b = 3**50
print(a + 1, a - 2**65, a * b, -a * b, a // 7, a % 7, (-a) // 7, (-a) % 7)
print(b ** 3, (b ** 3).bit_length(), (-b).bit_length(), (2**100 - 1).bit_count())
print(a << 100, (a << 100) >> 164, -a >> 3, -(a + 1) >> 70, ~a, -~a)
print(a & (a - 1), a | 1, a ^ -1, -a & 0xFFFF, (-a) | 5, (2**130 - 1) & -(2**70))
print(9223372036854775807 + 1, -9223372036854775808 - 1, 9223372036854775807 * 2)
print(-(-9223372036854775808), abs(-9223372036854775808), (-9223372036854775808) // -1)
f = 1
for i in range(1, 60):
    f *= i
print(f, len(str(f)), f // (f // 3), f % 1000003)
print(int("9" * 100) + 1 == 10**100, str(10**99)[:5], len(str(2**10000)))
print(hash(2**61 - 1), hash(2**61), hash(-(2**61)), hash(2**100), hash(-(2**100)))
print(sum(range(10**6)), sum(x * x for x in range(1000)))
print(10**18 * 10, 10**19 // 10, -(10**19) // 10, 2**63 // 2**62)
x = 1
for _ in range(200):
    x = x * 3 + 1
print(x % 10**20, x.bit_length())
try:
    int("1" * 4301)
except ValueError as e:
    print("ValueError:", e)
try:
    str(10**4300)
except ValueError as e:
    print("ValueError:", e)
print(len(str(10**4299)), int("1" * 4300) % 97, int("f" * 5000, 16).bit_length())
print(hex(2**100), oct(-2**70), bin(2**65 + 1))
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
try:
    1 << 10**20
except OverflowError as e:
    print("OverflowError:", e)
print((-1) >> 10**20, 5 >> 10**20, 0 << 10**20)
