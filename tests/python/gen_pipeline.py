# Chained generators forming a pipeline.
def numbers(limit):
    for n in range(limit):
        yield n
def evens(src):
    for n in src:
        if n % 2 == 0:
            yield n
def squared(src):
    for n in src:
        yield n * n
def take(src, k):
    for i, v in enumerate(src):
        if i >= k:
            return
        yield v
print(list(take(squared(evens(numbers(100))), 5)))
def running_total(src):
    t = 0
    for v in src:
        t += v
        yield t
print(list(running_total([1, 2, 3, 4])))
def windows(seq, n):
    for i in range(len(seq) - n + 1):
        yield seq[i:i + n]
print(list(windows("abcde", 3)))
