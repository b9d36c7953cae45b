# True division of ints always gives a float, correctly rounded.
print(7 / 2, -7 / 2, 6 / 3, 1 / 3, 2 / 3)
print(10 / 4, 0 / 5, -0 / 5)
print(10 ** 30 / 10 ** 10)
print(1 / 7 * 7)
print(type(4 / 2).__name__)
print(2 ** 53 / 1, (2 ** 53 + 1) / 1)
print(123456789123456789 / 1000)
