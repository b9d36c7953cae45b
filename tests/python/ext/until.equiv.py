# `until COND:` loops (pyrite's extension): run the body while COND is false.
i = 0
while not (i >= 3):
    print('i =', i)
    i += 1
else:
    print('else after', i)
n = 0
while not (n == 10):
    n += 1
    if n % 2:
        continue
    if n == 8:
        break
    print('even', n)
else:
    print('not reached')
print('n', n)
while not True:
    print('never')
else:
    print('else at once')
def first_power_over(limit):
    p = 1
    while not (p > limit): p *= 2
    return p
print(first_power_over(1000))
items = [3, 1, 4, 1, 5]
while not ((x := items.pop()) == 4):
    print('popped', x)
print('found', x, items)
until = 5
print('until is a name:', until)
k = 0
while not (k >= 2):
    j = 0
    while not (j >= 2):
        print(k, j)
        j += 1
    k += 1
class Flag:
    def __init__(self):
        self.calls = 0
    def __bool__(self):
        self.calls += 1
        return self.calls > 3
f = Flag()
while not f:
    pass
print('bool calls', f.calls)
def gen():
    m = 0
    while not (m == 3):
        yield m
        m += 1
print(list(gen()))
