# Slicing strings and tuples: copies, empty results, negative indices, reversal tricks.
s = "Hello, World"
print(s[7:], s[:5], s[-5:-1], s[::-1], s[1::2], s[100:200] == "", s[-100:3])
t = (0, 1, 2, 3, 4, 5)
print(t[::2], t[-2:], t[3:1], t[::-2])
print(s[:], s[:] is s, t[:] is t)
def is_pal(w):
    w = w.lower()
    return w == w[::-1]
print([w for w in ["Level", "python", "Racecar", "ab"] if is_pal(w)])
print("/".join(s[i:i + 3] for i in range(0, len(s), 3)))
