# enumerate with start; zip of unequal lengths and unzipping.
print(list(enumerate("abc")))
print(list(enumerate(["x", "y"], start=10)))
for i, (a, b) in enumerate(zip("pq", [1, 2]), 1):
    print(i, a, b)
print(list(zip([1, 2, 3], "ab")))
print(list(zip()), list(zip([1, 2])))
pairs = [(1, "one"), (2, "two"), (3, "three")]
nums, names = zip(*pairs)
print(nums, names)
print(dict(zip("abc", range(3))))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print("ValueError", e)
