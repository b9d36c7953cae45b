# Comprehensions with multiple for/if clauses, walrus and nested comprehensions.
print([(a, b, c) for a in range(1, 20) for b in range(a, 20) for c in range(b, 20) if a * a + b * b == c * c])
print([w for w in "one two three four five".split() if len(w) > 3 if "e" in w])
print({n: [d for d in range(1, n + 1) if n % d == 0] for n in (6, 12, 13)})
print([y for x in [3, 8, 1] if (y := x * 3) > 5])
print([[c for c in w] for w in ["ab", "c"]])
flat = [x for row in [[1, 2], [3], [], [4, 5]] for x in row]
print(flat, [x for x in flat if x % 2] + [x for x in flat if not x % 2])
print(sorted({c.lower() for c in "Hello World" if c.isalpha()}))
print([i if i % 3 else "fizz" for i in range(1, 10)])
