# bools are ints: arithmetic, sums and comparisons with True/False.
print(True + True, True * 10, False - 1, -True)
print(sum([True, False, True, True]))
print(True == 1, False == 0, True == 1 == 1.0)
print(isinstance(True, int), type(True + 0).__name__)
print(True & False, True | False, True ^ True, ~True)
print(str(True), repr(False), int(True))
print([1, 2, 3][True], {1: "one"}[True])
