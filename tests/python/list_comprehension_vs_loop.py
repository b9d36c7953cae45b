# Equivalent loops and comprehensions; list mutation during iteration via index.
squares_loop = []
for i in range(6):
    if i % 2 == 0:
        squares_loop.append(i * i)
print(squares_loop == [i * i for i in range(6) if i % 2 == 0], squares_loop)
nums = [5, 3, 8, 1]
i = 0
while i < len(nums):
    if nums[i] < 4:
        nums.pop(i)
    else:
        i += 1
print(nums)
acc = [1]
for x in acc:
    if x < 50:
        acc.append(x * 3)
print(acc)
m = [[1, 2], [3, 4]]
copy = [row[:] for row in m]
copy[0][0] = 99
print(m, copy)
