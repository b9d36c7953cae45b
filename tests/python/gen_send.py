# send() passes values into a generator; the first send must be None.
def averager():
    total = 0
    count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count
a = averager()
print(next(a))
print(a.send(10), a.send(20), a.send(60))
def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    yield received
e = echo()
print(e.send(None), e.send("a"), e.send("b"), e.send(None))
g = averager()
try:
    g.send(5)
except TypeError as err:
    print("TypeError", err)
def delegating():
    r = yield from averager()
print(next(d := delegating()), d.send(4), d.send(8))
