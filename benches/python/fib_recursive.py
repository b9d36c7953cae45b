# Measures the cost of Python function calls and returns (frame setup, argument
# passing, small-int arithmetic, comparisons): naive doubly recursive
# Fibonacci, the classic call-overhead micro-benchmark, plus Takeuchi's tak
# function (from Gabriel's Lisp benchmarks) for nested three-argument calls.
# Usage: python3 fib_recursive.py [n]

import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def tak(x, y, z):
    if y >= x:
        return z
    return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 33
    f = fib(n)
    print("fib(" + str(n) + ") =", f)
    t = tak(24, 16, 8)
    print("tak(24, 16, 8) =", t)
    print("checksum:", f, t)


main()
