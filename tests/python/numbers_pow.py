# ** and pow(): ints, negative exponents, 3-argument modular pow, float special cases.
print(2 ** 10, 2 ** 100, (-3) ** 3, (-2) ** 64, 0 ** 0, 7 ** 0, 1 ** -5, (-1) ** -3)
print(2 ** -1, 2 ** -2, (-2) ** -3, 10 ** -3, 4 ** 0.5, 8 ** (1 / 3), 2.0 ** 3, 2 ** 3.0)
print(pow(2, 10), pow(2, 100, 1000), pow(3, 4, -5), pow(-3, 3, 5), pow(2, 0, 1), pow(0, 0, 7))
print(pow(3, -1, 7), pow(38, -1, 97), pow(2, -3, 11), pow(-2, -1, 7), pow(5, -2, -13))
print(pow(2, 10**6, 10**9 + 7), pow(10**30, 3, 10**40 + 1), pow(7, 2**70, 13))
print(pow(base=2, exp=5), pow(2, exp=3, mod=5))
for args in [(2, 3, 0), (2, -1, 4), (0, -1, 5)]:
    try:
        pow(*args)
    except ValueError as e:
        print("ValueError:", e)
for args in [(2.0, 3, 5), (2, 3.0, 5), (2, 3, 5.0), ("2", 3, 5)]:
    try:
        pow(*args)
    except TypeError as e:
        print("TypeError:", e)
for expr in ["0 ** -1", "0.0 ** -1", "0.0 ** -2.5", "10.0 ** 400", "(-2.0) ** 10001", "1e300 ** 2"]:
    try:
        print(eval(expr))
    except (ZeroDivisionError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
inf, nan = float("inf"), float("nan")
for b, e in [(inf, -1), (-inf, 3), (-inf, -3), (-inf, 2), (1.0, nan), (nan, 0), (-1.0, inf),
             (0.5, -inf), (2.0, -inf), (-0.0, 3), (0.0, 0.0), (1.5, 2)]:
    print(b, e, b ** e)
print((-8) ** (1 / 3), (-1) ** 0.5, (-2.0) ** 1.5, (-4) ** 0.5)
print(2 ** 0.5, 10 ** 0.1, 1.0000001 ** 1e7)
x = 3
x **= 40
print(x, pow(x, 1, 10**9))
