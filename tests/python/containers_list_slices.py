# List slicing: reads with steps, assignment (simple and extended), deletion.
a = list(range(10))
print(a[2:8:3], a[::-3], a[-2:-8:-2], a[8:2], a[-100:100], a[::100])
print(a[slice(None, None, -1)], a[slice(3)], a[True:3])

b = a[:]
b[2:5] = "xy"
print(b)
b = a[:]
b[5:2] = [99]          # empty range at 5: an insertion
print(b)
b = a[:]
b[:] = b               # self-assignment copies first
print(b == a, b is a)
b[1:3] = b             # the list itself on the right
print(b)
b = a[:]
b[::2] = range(5)
print(b)
b[::-2] = "abcde"
print(b)
for bad in ([1, 2], [1] * 6):
    try:
        b[::2] = bad
    except ValueError as e:
        print("ValueError:", e)
try:
    b[::2] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    b[1:2] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    b[::0]
except ValueError as e:
    print("ValueError:", e)

c = list(range(12))
del c[::4]
print(c)
del c[-1:-6:-2]
print(c)
del c[2:4]
print(c)
del c[100:]
del c[:0]
print(c)
c[len(c):] = [7, 8]
print(c)
c[-1] = "last"
del c[0]
print(c)
for i in (len(c), -len(c) - 1):
    try:
        c[i] = 0
    except IndexError as e:
        print("IndexError:", e)
    try:
        del c[i]
    except IndexError as e:
        print("IndexError:", e)
try:
    c["1"]
except TypeError as e:
    print("TypeError:", e)
try:
    c[1.0] = 2
except TypeError as e:
    print("TypeError:", e)


class Idx:
    def __index__(self):
        return 2


print(c[Idx()], c[Idx():], a[:Idx()])
print(a[2**70:], a[:-2**70], a[-2**70::-1][:3])
