# Real program: memoized recursive functions with an explicit dict cache.
calls = {"fib": 0, "paths": 0, "part": 0}
fib_cache = {}

def fib(n):
    calls["fib"] += 1
    if n in fib_cache:
        return fib_cache[n]
    result = n if n < 2 else fib(n - 1) + fib(n - 2)
    fib_cache[n] = result
    return result

print(fib(100), calls["fib"], len(fib_cache))
path_cache = {}

def grid_paths(r, c):
    calls["paths"] += 1
    if r == 0 or c == 0:
        return 1
    key = (r, c)
    if key not in path_cache:
        path_cache[key] = grid_paths(r - 1, c) + grid_paths(r, c - 1)
    return path_cache[key]

print(grid_paths(16, 16), calls["paths"])

def partitions(n, max_part=None, cache={}):
    calls["part"] += 1
    if max_part is None:
        max_part = n
    if n == 0:
        return 1
    if n < 0 or max_part == 0:
        return 0
    key = (n, max_part)
    if key not in cache:
        cache[key] = partitions(n - max_part, max_part) + partitions(n, max_part - 1)
    return cache[key]

print([partitions(i) for i in range(1, 16)], partitions(60))

def edit_distance(a, b):
    memo = {}
    def d(i, j):
        if (i, j) in memo:
            return memo[i, j]
        if i == 0:
            r = j
        elif j == 0:
            r = i
        elif a[i - 1] == b[j - 1]:
            r = d(i - 1, j - 1)
        else:
            r = 1 + min(d(i - 1, j), d(i, j - 1), d(i - 1, j - 1))
        memo[i, j] = r
        return r
    return d(len(a), len(b))

for a, b in [("kitten", "sitting"), ("flaw", "lawn"), ("", "abc"), ("same", "same")]:
    print(a, b, edit_distance(a, b))
