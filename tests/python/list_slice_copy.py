# list slices and list.copy build the new list's buffer in place: items, types
# (subclasses give lists), shared references, empty and huge steps.
import sys
a = list(range(10))
print(a[:], a[2:5], a[::-1], a[8:2:-2], a[::3], a[100:], a[-3:], a[5:2], a[::-4], a[-100:100:7])
class L(list): pass
l = L([1, 2, 3]); print(type(l[:]).__name__, l[::-1], type(l.copy()).__name__, l.copy())
b = [[1], [2]]; c = b[:]; c[0].append(9); print(b)
print([][:], [][::-1], [1][::10**18], [1, 2, 3][::-10**18])
perm = [3, 1, 0, 2]; k = perm[0]
perm[: k + 1] = perm[k::-1]; print(perm)
