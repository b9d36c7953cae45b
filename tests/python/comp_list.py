# List comprehensions with conditions, nesting and expressions.
print([x * 2 for x in range(5)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in "ab"])
print([[i * j for j in range(4)] for i in range(3)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for i in range(3) for row in matrix])
print([[row[i] for row in matrix] for i in range(3)])
print([s.upper() for s in "hello world".split()])
print([x if x > 0 else 0 for x in [-1, 2, -3, 4]])
x = "outer"
print([x for x in range(3)], x)
