# int <-> str conversion of long numbers, and str of negative/zero values.
n = int("1234567890" * 30)
print(len(str(n)), str(n)[:15], str(n)[-5:], n % 1000003)
print(int(str(-n)) == -n, str(0), str(-0), int("-0"), int("000123"))
print(int("1" * 200, 2) == 2 ** 200 - 1, int("f" * 50, 16) == 16 ** 50 - 1)
print(hex(n)[:20], oct(n)[-10:])
print(3 ** 300)
