# min/max with iterables, several arguments, key and default.
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"))
print(max(["aa", "b", "ccc"], key=len), min(["aa", "b", "ccc"], key=len))
print(max([], default="empty"), min((), default=None))
print(max([(1, "b"), (1, "a")]), min([[2], [1, 5]]))
print(max([1, 3, 3, 2], key=lambda x: x % 3))
print(max([-3, 2, -5], key=abs), min(-3, 2, -5, key=abs))
print(max({"x": 1, "y": 0}), max(2.5, 2, key=int))
try:
    max([])
except ValueError as e:
    print("ValueError", e)
