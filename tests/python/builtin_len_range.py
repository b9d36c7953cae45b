# len() of builtin containers; range() arguments, indexing, slicing, membership.
print(len("hello"), len([1, 2]), len((1,)), len({"a": 1}), len({1, 2, 3}), len(range(10)), len(b"ab"))
print(list(range(5)), list(range(2, 8)), list(range(10, 0, -2)), list(range(0, -5, -1)))
r = range(3, 30, 4)
print(r, len(r), r[2], r[-1], r[1:3], 15 in r, 16 in r)
print(r.start, r.stop, r.step, r.index(11), r.count(7))
print(range(0) == range(5, 5), range(1, 4) == range(1, 4, 1), list(reversed(range(4))))
print(range(10 ** 20)[-1], 10 ** 19 in range(10 ** 20))
