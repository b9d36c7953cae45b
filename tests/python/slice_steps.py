# Slicing lists, strings and tuples with positive and negative steps.
a = list(range(10))
print(a[2:7], a[:3], a[7:], a[-3:], a[:-3])
print(a[::2], a[1::3], a[::-1], a[::-3], a[7:2:-2])
print(a[100:], a[-100:2], a[5:2], a[2:5:-1])
s = "abcdefghij"
print(s[::2], s[::-1], s[-2:-8:-2], s[3:3])
t = tuple(a)
print(t[1:4], t[::-4])
print(a[slice(1, 8, 3)], s[slice(None, None, -2)])
print(slice(1, 5, 2).indices(3), slice(None).indices(4))
