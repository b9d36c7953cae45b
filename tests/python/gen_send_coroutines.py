# Generator-based coroutines: a pipeline of consumers driven with send().
def printer(prefix):
    while True:
        item = yield
        print(prefix, item)
def filter_even(target):
    while True:
        item = yield
        if item % 2 == 0:
            target.send(item)
def scale(factor, target):
    while True:
        item = yield
        target.send(item * factor)
p = printer("got:")
next(p)
s = scale(10, p)
next(s)
f = filter_even(s)
next(f)
for i in range(6):
    f.send(i)
def running_max():
    best = None
    while True:
        x = yield best
        if best is None or x > best:
            best = x
rm = running_max()
next(rm)
print([rm.send(v) for v in [3, 1, 4, 1, 5, 9, 2, 6]])
f.close(); s.close(); p.close()
print("closed all")
