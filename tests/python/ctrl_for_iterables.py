# for over lists, strings, dicts, ranges, tuples and a changing loop variable.
for ch in "abc":
    print(ch, end=" ")
print()
d = {"x": 1, "y": 2, "z": 3}
for k in d:
    print(k, d[k])
for i in range(10, 0, -3):
    print(i, end=",")
print()
for i in range(3):
    i = i * 100
    print(i)
total = 0
for x, in [(1,), (2,), (3,)]:
    total += x
print(total)
for _ in ():
    print("never")
print(list(range(0)), list(range(5, 1)), list(range(-3, 3, 2)))
