# Containers built by displays, comprehensions, star-unpacking and calls.
xs = [3, 1, 2]
print([*xs, *range(2)], (*xs,), {*xs, 4}, {**{"a": 1}, "b": 2, **dict(c=3)})
first, *rest = xs
*init, last = "abc"
a, (b, *c), d = 1, [2, 3, 4], 5
print(first, rest, init, last, a, b, c, d)
print([x * y for x in range(3) for y in range(3) if x != y])
print({x: x % 3 for x in range(7)}, {x % 3 for x in range(7)}, sorted({c for c in "mississippi"}))
print([[row[i] for row in [[1, 2], [3, 4], [5, 6]]] for i in range(2)])
print(list(zip(*[[1, 2, 3], [4, 5, 6]])), dict(zip("abc", range(3))), list(map(list, zip("ab", "cd"))))
gen = (i * i for i in range(5))
print(list(gen), list(gen), sum(i for i in range(4)), max(len(w) for w in ["a", "abc"]))
pairs = [(1, "one"), (2, "two")]
for n, word in pairs:
    print(n, word)
for i, (n, word) in enumerate(pairs):
    print(i, n, word)
for (k, v), z in zip({"p": 1}.items(), "z"):
    print(k, v, z)
matrix = [[0] * 3 for _ in range(3)]
for i in range(3):
    matrix[i][i] = 1
print(matrix)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = (1, 2)
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    x, y = 5
except TypeError as e:
    print("TypeError:", e)


def f(*args, **kwargs):
    return args, sorted(kwargs.items())


print(f(*xs, *"ab", **{"k": 1}, j=2), f(*range(3)), f(**dict.fromkeys("xy", 0)))
print(sorted([*{1: 2}, *{3: 4}.values()]), [*reversed(xs)], [*enumerate("ab")])
