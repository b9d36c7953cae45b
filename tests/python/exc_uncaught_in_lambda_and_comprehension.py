# Uncaught exception inside a comprehension calling a lambda.
inverse = lambda x: 1 / x
print([inverse(x) for x in (1, 2, 4)])
print([inverse(x) for x in (1, 0)])
