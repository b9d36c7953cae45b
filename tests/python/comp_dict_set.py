# Dict and set comprehensions.
words = ["apple", "banana", "cherry", "avocado"]
print({w: len(w) for w in words})
print({w[0]: w for w in words})
print(sorted({len(w) for w in words}))
print({k: v for k, v in zip("abc", range(3)) if v != 1})
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv)
print(sorted({x % 4 for x in range(20)}))
print({(i, j): i * j for i in range(2) for j in range(2)})
