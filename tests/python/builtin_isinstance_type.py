# isinstance/issubclass with tuples and bool/int, type() comparisons.
class A: pass
class B(A): pass
b = B()
print(isinstance(b, A), isinstance(b, (int, str)), isinstance(b, (int, B)))
print(isinstance(True, int), isinstance(1, bool), isinstance(1.0, int))
print(issubclass(bool, int), issubclass(B, A), issubclass(A, B), issubclass(A, object))
print(type(b) is B, type(b) == A, type(True), type(1.5).__name__)
print(isinstance([], list), isinstance({}, dict), isinstance((), tuple), isinstance(None, type(None)))
print(isinstance(A, type), isinstance(type, object), issubclass(type, object))
try:
    isinstance(1, 1)
except TypeError as e:
    print("TypeError", e)
