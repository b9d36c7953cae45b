# Generator functions: lazy evaluation, state between yields, exhaustion.
def count_up(n):
    print("start")
    i = 0
    while i < n:
        print("yielding", i)
        yield i
        i += 1
    print("finished")
g = count_up(2)
print("created")
print(next(g))
print(next(g))
print(next(g, "exhausted"))
print(list(count_up(3)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(12)])
print(sum(x for x in count_up(0)))
