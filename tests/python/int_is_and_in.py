# `is`, `is not`, `in` and `not in` on common containers.
a = [1, 2, 3]
b = a
c = [1, 2, 3]
print(a is b, a is c, a == c, a is not c)
print(None is None, type(None) is type(None))
print(2 in a, 5 in a, 5 not in a)
print("ell" in "hello", "xyz" in "hello", "" in "abc")
print(3 in {1: "a", 3: "b"}, "b" in {1: "a", 3: "b"})
print(1 in {1, 2}, (1, 2) in [(1, 2)], 2.0 in [1, 2, 3])
print(True is True, not None)
x = None
print(x is None, x is not None)
