# return with no value, several values, and early returns from loops.
def nothing():
    return
def implicit():
    pass
def many():
    return 1, "two", [3]
def first_neg(xs):
    for x in xs:
        if x < 0:
            return x
    return None
print(nothing(), implicit(), many())
a, b, c = many()
print(a, b, c)
print(first_neg([3, -1, -2]), first_neg([1]))
def fin():
    try:
        return "try"
    finally:
        print("finally runs before the return completes")
print(fin())
