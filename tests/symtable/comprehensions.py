data = [1, 2, 3]
squares = [x * x for x in data]
evens = {x for x in data if x % 2 == 0}
pairs = {k: v for k, v in zip(data, data)}
gen = (x + 1 for x in data)
nested = [[y for y in range(x)] for x in data]
multi = [(a, b) for a in data for b in range(a) if b]
def f(n):
    return [i * n for i in range(n)]
def g(rows):
    return [c for r in rows for c in r if c != n]
