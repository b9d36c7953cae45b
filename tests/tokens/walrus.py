if (n := len(a)) > 10:
    pass
while (x := f()):
    pass
[y := f(x), y ** 2]
print(x := 1)
