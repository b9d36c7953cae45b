# `x++` / `x--` statements (pyrite's extension): same as `x += 1` / `x -= 1`.
i = 0
i++
i++
i--
print(i)
class Box:
    def __init__(self):
        self.n = 10
        self.items = [1, 2, 3]
b = Box()
b.n++
b.items[0]--
b.items[-1]++; b.n++
print(b.n, b.items)
d = {'k': 1.5}
d['k']++
print(d)
class Counter:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, other):
        print('iadd', other)
        self.v += other
        return self
    def __isub__(self, other):
        print('isub', other)
        return Counter(self.v - other)
c = Counter(5)
keep = c
c++
print(c is keep, c.v)
c--
print(c is keep, c.v)
def loop(n):
    total = 0
    k = 0
    while k < n:
        total += k
        k++
    return total
print(loop(10))
s = 'ab'
try:
    s--
except TypeError as e:
    print('TypeError:', e)
g = 1
def bump():
    global g
    g++
bump(); bump()
print(g)
def outer():
    n = 0
    def inner():
        nonlocal n
        n++
    inner(); inner(); inner()
    return n
print(outer())
if True: i++  # a comment after the step
print(i)
