# Measures the eval loop on local-variable-heavy integer loops — the code
# shapes pyrite's superinstructions fuse (LOAD_FAST + LOAD_CONST as
# LOAD_OTUS, LOAD_FAST + LOAD_FAST, STORE_FAST + LOAD_FAST, LOAD_CONST +
# BINARY_OP, LOAD_FAST + LOAD_ATTR): Collatz chain lengths, a sieve,
# a digit-sum loop and a small linear congruential generator over an
# object's attributes. README.md compares `pyrite` with and without
# `-X nosuperinstructions`.
# Usage: python3 loops.py [n]

import sys


def collatz_lengths(limit):
    best, best_n = 0, 0
    n = 1
    while n < limit:
        steps = 0
        k = n
        while k != 1:
            if k % 2 == 0:
                k = k // 2
            else:
                k = 3 * k + 1
            steps += 1
        if steps > best:
            best, best_n = steps, n
        n += 1
    return best * 1000003 + best_n


def sieve_count(limit):
    flags = [True] * limit
    count = 0
    i = 2
    while i < limit:
        if flags[i]:
            count += 1
            j = i * i
            while j < limit:
                flags[j] = False
                j += i
        i += 1
    return count


def digit_sums(limit):
    total = 0
    for n in range(limit):
        s = 0
        while n > 0:
            s += n % 10
            n //= 10
        total += s
    return total


class Lcg:
    def __init__(self, seed):
        self.state = seed
        self.calls = 0

    def next(self):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        self.calls += 1
        return self.state


def lcg_mix(rounds):
    g = Lcg(42)
    acc = 0
    for _ in range(rounds):
        x = g.next()
        acc = (acc ^ x) + g.calls
    return acc % 1000000007


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 60000
    checksum = collatz_lengths(n)
    checksum = (checksum * 31 + sieve_count(n * 10)) % 1000000007
    checksum = (checksum * 31 + digit_sums(n * 2)) % 1000000007
    checksum = (checksum * 31 + lcg_mix(n * 2)) % 1000000007
    print("checksum:", checksum)


main()
