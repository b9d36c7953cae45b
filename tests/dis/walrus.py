if (n := len(a)) > 10:
    print(n)
while chunk := read():
    process(chunk)
ys = [y for x in xs if (y := f(x))]
