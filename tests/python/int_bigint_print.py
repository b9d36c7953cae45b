# Printing big ints in decimal, hex, octal and binary, and their lengths.
n = 2 ** 200 + 12345
print(n)
print(hex(n))
print(oct(n))
print(bin(2 ** 70 - 1))
print(-n)
print(str(10 ** 60))
print(repr(-(10 ** 25) - 7))
print(len(str(2 ** 1000)))
print(int(str(n)) == n)
