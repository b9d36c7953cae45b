# dict displays are presized as CPython's dict_new_presized: the same items,
# order and errors, and the table-size steps at 6 and 11 items.
import sys
x = 3
d = {1: 'a', 2: 'b', 3: 'c', 4: 'd', 5: 'e', 6: 'f', 1: 'A', x: 'X'}
print(d, len(d))
for i in range(7, 40):
    d[i] = i
print(len(d), list(d)[:10], d[39])
e = {'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5, 'f': 6, 'g': 7}
del e['a']; e['a'] = 0; print(e)
try:
    {1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, [7]: 7}
except TypeError as ex:
    print("TypeError:", ex)
big = {i: i for i in range(3)}
print({**big, 'z': 1, 'y': 2, 'x': 3, 'w': 4, 'v': 5, 'u': 6})
s6 = sys.getsizeof({1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6})
s10 = sys.getsizeof({1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 8: 8, 9: 9, 10: 10})
s11 = sys.getsizeof({1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 8: 8, 9: 9, 10: 10, 11: 11})
s5 = sys.getsizeof({1: 1, 2: 2, 3: 3, 4: 4, 5: 5})
print(s5 < s6 == s10 < s11)
