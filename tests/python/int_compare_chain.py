# Comparison chains evaluate each operand once and short-circuit.
calls = []
def v(x):
    calls.append(x)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0)
print(1 == 1.0 == True, 1 < 2 > 0, 5 >= 5 <= 6)
print(v(1) < v(0) < v(5))
print(calls)
calls.clear()
print(v(1) < v(2) < v(3) != v(4))
print(calls)
print(2 ** 100 > 2 ** 99 > 0 > -(2 ** 100))
print("a" < "b" < "c", [1, 2] < [1, 3], (1, 2) < (1, 2, 0))
