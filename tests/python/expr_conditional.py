# Conditional expressions, nested and with side effects only in the taken branch.
def f(x):
    return "neg" if x < 0 else "zero" if x == 0 else "pos"
print([f(x) for x in (-2, 0, 5)])
def loud(s):
    print("eval", s)
    return s
print(loud("a") if True else loud("b"))
print(loud("a") if False else loud("b"))
y = 10
z = (y * 2) if y > 5 else (y / 2)
print(z)
print((lambda n: "even" if n % 2 == 0 else "odd")(7))
