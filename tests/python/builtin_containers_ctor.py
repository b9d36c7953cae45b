# list(), tuple(), dict(), set(), frozenset() constructors from various iterables.
print(list(), list("abc"), list((1, 2)), list({"a": 1, "b": 2}), list(range(3)))
print(tuple(), tuple([1, 2]), tuple("xy"))
print(dict(), dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": 1}, z=0))
print(sorted(set("hello")), set(), sorted(frozenset([3, 1, 3])), frozenset())
d = dict.fromkeys(["a", "b"], 0)
print(d, dict.fromkeys("xy"))
print(list(dict(a=1).items()), dict(zip([1, 2], "ab")))
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError", e)
