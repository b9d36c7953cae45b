# Infinite generators consumed partially with zip and manual counting.
def naturals():
    n = 1
    while True:
        yield n
        n += 1
def primes():
    found = []
    for n in naturals():
        if n < 2:
            continue
        if all(n % p for p in found):
            found.append(n)
            yield n
print(list(zip(range(5), primes())))
def collatz(n):
    while n != 1:
        yield n
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    yield 1
print(list(collatz(27))[:10], len(list(collatz(27))))
def cycle(items):
    while True:
        yield from items
c = cycle("xyz")
print("".join(next(c) for _ in range(8)))
