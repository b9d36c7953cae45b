# Assignment expressions in if/while/comprehensions.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
i = 0
while (item := data[i]) != 9:
    print("item", item)
    i += 1
print("stopped at", item)
squares = [y for x in data if (y := x * x) > 10]
print(squares, y)
print((total := sum(data)), total)
def f():
    return [last := v for v in range(4)], last
print(f())
