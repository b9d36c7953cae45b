# *args collects extra positional arguments as a tuple; call-site unpacking.
def f(first, *rest):
    return first, rest
print(f(1), f(1, 2, 3))
args = [4, 5, 6]
print(f(*args), f(0, *args, 7))
def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s
print(total(), total(1, 2), total(*range(10)))
print(max(*[3, 9, 2]), print(*"abc", sep="|"))
def both(*a, **k):
    return len(a), sorted(k)
print(both(*"xy", *[1], **{"p": 1}, q=2))
