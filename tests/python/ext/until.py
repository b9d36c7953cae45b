# `until COND:` loops (pyrite's extension): run the body while COND is false.
i = 0
until i >= 3:
    print('i =', i)
    i += 1
else:
    print('else after', i)
n = 0
until n == 10:
    n += 1
    if n % 2:
        continue
    if n == 8:
        break
    print('even', n)
else:
    print('not reached')
print('n', n)
until True:
    print('never')
else:
    print('else at once')
def first_power_over(limit):
    p = 1
    until p > limit: p *= 2
    return p
print(first_power_over(1000))
items = [3, 1, 4, 1, 5]
until (x := items.pop()) == 4:
    print('popped', x)
print('found', x, items)
until = 5
print('until is a name:', until)
k = 0
until k >= 2:
    j = 0
    until j >= 2:
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
until f:
    pass
print('bool calls', f.calls)
def gen():
    m = 0
    until m == 3:
        yield m
        m += 1
print(list(gen()))
