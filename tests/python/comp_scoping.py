# Comprehension variables don't leak; the first iterable is evaluated in the enclosing scope.
i = "unchanged"
squares = [i * i for i in range(4)]
print(squares, i)
def f():
    n = 3
    return [n * k for k in range(n)]
print(f())
class C:
    data = [1, 2, 3]
    total = [v * 2 for v in data]
print(C.total)
funcs = [lambda: k for k in range(3)]
print([fn() for fn in funcs])
print([[j for j in range(i)] for i in range(4)])
print({x: [y for y in range(x)] for x in range(3)})
