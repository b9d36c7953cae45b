# sum with start values, any/all on empty and mixed iterables.
print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.1] * 10), sum([]))
print(sum([[1], [2, 3]], []), sum(((1,), (2,)), ()))
print(sum(range(101)), sum(x * x for x in range(10)))
print(any([]), all([]), any([0, "", None]), all([1, "a", [0]]))
print(any(x > 5 for x in range(10)), all(x < 5 for x in range(10)))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError", e)
print(sum([1.5, 2.5]), sum([True, True, False]))
