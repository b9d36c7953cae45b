# Nested loops with flags, early exits, and loop variables after loops.
grid = [[1, 2, 3], [4, 50, 6], [7, 8, 90]]
found = None
for r, row in enumerate(grid):
    for c, v in enumerate(row):
        if v > 10:
            found = (r, c, v)
            break
    if found:
        break
print(found)
def first_pair_sum(nums, target):
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                return i, j
    return None
print(first_pair_sum([2, 7, 11, 15], 9), first_pair_sum([1, 2], 10))
total = 0
n = 0
while n < 10:
    n += 1
    if n % 2:
        continue
    k = 0
    while k < n:
        k += 3
    total += k
print(total, n, k)
