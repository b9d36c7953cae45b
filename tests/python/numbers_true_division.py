# int / int is correctly rounded (huge operands, subnormal results) or OverflowError.
cases = [(1, 3), (2, 3), (10, 4), (-7, 2), (7, -2), (0, -5), (2**60, 3), (2**60 + 1, 1),
         (-(2**80 + 1), 3), (10**30, 10**15), (2**100, 2**99), (3**200, 3**199),
         (10**400, 10**390), (1, 10**400), (1, 2**1100), (2**1100, 2**1099 + 1),
         (2**1074, 2**2148), (3, 2**1076), (2**53 + 1, 1), (2**54 + 3, 2), (10**22, 1),
         (123456789012345678901234567890, 987654321), (-(10**50), 7 * 10**49)]
for a, b in cases:
    print(a / b)
for a, b in [(10**400, 1), (2**1024, 1), (-(10**309), 1)]:
    try:
        print(a / b)
    except OverflowError as e:
        print("OverflowError:", e)
for a, b in [(1, 0), (10**30, 0), (0, 0)]:
    try:
        print(a / b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
print(1 / 2.0, 2.0 / 1, True / 2, 7 / True, -0.0 / 3, 0 / -3)
x = 10
x /= 4
print(x, type(x).__name__)
