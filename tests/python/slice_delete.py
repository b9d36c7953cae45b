# del with slices and steps.
a = list(range(12))
del a[3:5]
print(a)
del a[::3]
print(a)
del a[-2:]
print(a)
del a[::-2]
print(a)
b = list(range(5))
del b[:]
print(b, len(b))
c = list("abcdef")
del c[10:]
del c[1]
print(c)
d = bytearray(b"hello world")
del d[5:]
print(d)
