# list comparison, membership, nested lists, aliasing, and common idioms.
a = [1, 2, 3]
print(a == [1, 2, 3], a < [1, 2, 4], [1, 2] < [1, 2, 0], [] < [0], a != (1, 2, 3))
b = a
b.append(4)
print(a, a is b)
matrix = [[0] * 3 for _ in range(2)]
matrix[0][1] = 5
print(matrix)
print(list(reversed(a)), a[::-1], a[-1], len(a))
stack = []
stack.append(1); stack.append(2)
print(stack.pop(), stack)
queue = [1, 2, 3]
print(queue.pop(0), queue)
print([x for x in a if x % 2 == 0], sum(a), a.index(3))
print(a * 0, [None] * 3, [[]] * 2)
