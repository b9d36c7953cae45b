# Slicing with explicit slice objects and __getitem__ receiving them.
class Show:
    def __getitem__(self, key):
        return key
s = Show()
print(s[1:2], s[::3], s[1:2, 3], s[...], s[:])
sl = slice(2, None, -1)
print(sl.start, sl.stop, sl.step)
print(list(range(10))[sl])
print(range(10)[2:8:2], range(10)[::-1][:3])
print("hello"[slice(1, 4)])
print(slice(1, 2) == slice(1, 2), slice(3))
