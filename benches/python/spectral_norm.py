# Measures small-function calls inside nested loops, integer-to-float
# arithmetic and list comprehensions: the Computer Language Benchmarks Game
# "spectral-norm" (power method on the infinite matrix A(i,j) =
# 1/((i+j)(i+j+1)/2+i+1)), as in pyperformance's bm_spectral_norm.
# Usage: python3 spectral_norm.py [n]

import math
import sys


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def eval_a_times_u(u):
    n = len(u)
    result = []
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += eval_a(i, j) * u[j]
        result.append(total)
    return result


def eval_at_times_u(u):
    n = len(u)
    result = []
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += eval_a(j, i) * u[j]
        result.append(total)
    return result


def eval_ata_times_u(u):
    return eval_at_times_u(eval_a_times_u(u))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 280
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = eval_ata_times_u(u)
        u = eval_ata_times_u(v)
    vbv = 0.0
    vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    norm = math.sqrt(vbv / vv)
    print(f"{norm:.9f}")
    # Explicit loop, not sum(): float sum() changed algorithm in 3.12.
    usum = 0.0
    for x in [e * e for e in u]:
        usum += x
    print(f"checksum: {norm:.9f} {usum:.9f}")


main()
