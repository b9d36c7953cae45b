# Recursion several hundred frames deep within the default limit, and tail-style accumulation.
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(900))
def sum_list(xs, acc=0):
    return acc if not xs else sum_list(xs[1:], acc + xs[0])
print(sum_list(list(range(500))))
def hanoi(n, src, dst, via, moves):
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append((src, dst))
        hanoi(n - 1, via, dst, src, moves)
    return moves
m = hanoi(10, "A", "C", "B", [])
print(len(m), m[:4], m[-1])
def perms(s):
    if len(s) <= 1:
        return [s]
    return [c + p for i, c in enumerate(s) for p in perms(s[:i] + s[i + 1:])]
print(perms("abc"), len(perms("abcde")))
