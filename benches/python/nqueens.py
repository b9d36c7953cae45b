# Measures generators (a recursive chain of suspended generators per
# solution, yield from, generator expressions), set building and membership,
# tuple concatenation: all solutions of the n-queens problem for every board
# size up to N. Follows pyperformance's bm_nqueens, which also solves it with
# generators, but places queens row by row instead of filtering permutations.
# Usage: python3 nqueens.py [max_n [rounds]]

import sys


def queens(n):
    """Yield every solution as a tuple of column indexes, one per row."""
    columns = range(n)

    def place(row, cols, diag_down, diag_up):
        if row == n:
            yield ()
            return
        for c in columns:
            if c in cols or (row + c) in diag_down or (row - c) in diag_up:
                continue
            for rest in place(row + 1, cols | {c}, diag_down | {row + c}, diag_up | {row - c}):
                yield (c,) + rest

    return place(0, set(), set(), set())


def all_boards(max_n):
    for n in range(1, max_n + 1):
        yield from ((n, sol) for sol in queens(n))


def main():
    max_n = int(sys.argv[1]) if len(sys.argv) > 1 else 11
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    digest = 0
    for _ in range(rounds):
        counts = [0] * (max_n + 1)
        firsts = [None] * (max_n + 1)
        for n, sol in all_boards(max_n):
            if firsts[n] is None:
                firsts[n] = sol
            counts[n] += 1
            weight = 0
            for c in sol:
                weight = weight * n + c
            digest = (digest * 31 + weight) % 1000000007
    for n in range(1, max_n + 1):
        first = firsts[n]
        print(n, "queens:", counts[n], "solutions, first", list(first) if first is not None else None)
    total = 0
    for c in counts:
        total += c
    print("checksum:", total, digest)


main()
