# Uncaught RecursionError from unbounded recursion (repeated-frame summary line).
def down(n):
    return down(n + 1) + 1
down(0)
