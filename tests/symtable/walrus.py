def f(data):
    if any((hit := x) > 2 for x in data):
        return hit
    return [last := y for y in data], last

total = [s := 0 for z in range(3)]
values = [(w := v) for v in range(4)]

def g():
    global gw
    return [gw := q for q in range(2)]

def h():
    return [[inner := a for a in range(b)] for b in range(3)]
x = (y := 10)
