# list.sort in place: key, reverse, stability, sorting mixed ints and floats.
a = [5, 2, 8, 1, 9, 3]
r = a.sort()
print(a, r)
a.sort(reverse=True)
print(a)
words = ["kiwi", "Fig", "apple", "date", "banana", "cherry"]
words.sort(key=len)
print(words)
words.sort(key=lambda w: (len(w), w.lower()))
print(words)
recs = [("x", 2), ("y", 1), ("z", 2), ("w", 1)]
recs.sort(key=lambda r: r[1])
print(recs)
nums = [3, 1.5, -2, 2.0, 0]
nums.sort()
print(nums)
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
pairs.sort()
print(pairs)
