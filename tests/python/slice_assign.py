# Assignment through slices: growing, shrinking and extended-slice replacement.
a = list(range(8))
a[2:4] = ["x", "y", "z"]
print(a)
a[:0] = [-1]
print(a)
a[len(a):] = [100, 101]
print(a)
a[1:6] = []
print(a)
b = list(range(10))
b[::2] = "ABCDE"
print(b)
b[::-3] = [0, 0, 0, 0]
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print("ValueError", e)
c = [1, 2, 3]
c[:] = c + c
print(c)
