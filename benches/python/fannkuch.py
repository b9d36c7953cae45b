# Measures list indexing, slicing and in-place reversal in integer loops:
# the Computer Language Benchmarks Game "fannkuch-redux" (pancake flipping
# over all permutations, with the alternating-sign checksum), as in
# pyperformance's bm_fannkuch.
# Usage: python3 fannkuch.py [n]

import sys


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    perm_count = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1

        # Count the flips of this permutation.
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[: k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        if perm_count % 2 == 0:
            checksum += flips
        else:
            checksum -= flips
        perm_count += 1

        # Next permutation in the benchmark's rotation order.
        while True:
            if r == n:
                return checksum, max_flips, perm_count
            perm0 = perm1[0]
            i = 0
            while i < r:
                j = i + 1
                perm1[i] = perm1[j]
                i = j
            perm1[r] = perm0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    checksum, max_flips, perms = fannkuch(n)
    print(checksum)
    print("Pfannkuchen(" + str(n) + ") = " + str(max_flips))
    print("checksum:", checksum, max_flips, perms)


main()
