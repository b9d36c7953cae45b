# abs, divmod, pow with two and three arguments.
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-(2 ** 80)), abs(-0.0))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(2 ** 65, 7))
print(pow(2, 10), pow(2, -2), pow(2.0, 3), pow(-8, 1))
print(pow(3, 200, 1000), pow(2, 10 ** 6, 10 ** 9 + 7), pow(7, -1, 13))
print(pow(-3, 3, 5), pow(3, 0, 1), pow(5, 3, -7))
try:
    pow(2, 3.0, 5)
except TypeError as e:
    print("TypeError", e)
try:
    pow(0, -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
