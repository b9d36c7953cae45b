# round(): ties to even on the exact value, ndigits positive, zero and negative.
for x in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 4.5, 1e16 + 2, 2.0**52 + 0.5]:
    print(x, round(x), type(round(x)).__name__)
for x, n in [(2.675, 2), (2.665, 2), (0.125, 2), (0.375, 2), (1.005, 2), (1234.5678, -2),
             (1250.0, -2), (1350.0, -2), (-1250.0, -2), (0.5, 0), (1.5, 0), (-0.4, 0),
             (1e-320, 320), (5e-324, 400), (1e300, -300), (1e300, -400), (-1e300, -400),
             (123.456, 1), (123.456, -1), (123.456, -3), (99999.5, -1), (float("inf"), 2),
             (float("nan"), 2), (-0.0, 2), (-1.5e-10, 2)]:
    print(x, n, round(x, n))
for n, d in [(5, -1), (15, -1), (25, -1), (35, -1), (-25, -1), (149, -2), (150, -2), (250, -2),
             (12345, -10), (10**30 + 5 * 10**20, -21), (7, 2), (7, 0), (-7, -1)]:
    print(n, d, round(n, d), type(round(n, d)).__name__)
print(round(True), round(False, 2), type(round(True)).__name__)
try:
    round(1.7976931348623157e308, -307)
except OverflowError as e:
    print("OverflowError:", e)
for bad in [float("inf"), float("-inf"), float("nan")]:
    try:
        round(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    round(1.5, "2")
except TypeError as e:
    print("TypeError:", e)
try:
    round("1.5")
except TypeError as e:
    print("TypeError:", e)
print(round(2.5, None), (2.5).__round__(), (7).__round__(-1))
