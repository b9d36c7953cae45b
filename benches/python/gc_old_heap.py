# Measures the collector with a large long-lived heap and a steady stream of
# young garbage: a table of 200 000 records (instances holding lists and
# tuples) stays alive the whole run while each step makes and drops small
# temporaries, some of them cyclic. Young collections must stay cheap and
# full collections rare (CPython's 25 % rule for generation 2).
# Usage: python3 gc_old_heap.py [steps]

import sys


class Record:
    def __init__(self, key, tags):
        self.key = key
        self.tags = tags
        self.history = [key, key * 2]


def make_heap(n):
    table = {}
    for i in range(n):
        table[i] = Record(i, (i % 7, i % 11, str(i % 13)))
    return table


def churn(table, steps):
    checksum = 0
    n = len(table)
    for s in range(steps):
        rec = table[(s * 7919) % n]
        tmp = [rec.key, rec.tags, {"s": s}]
        pair = [tmp, None]
        pair[1] = pair
        box = Record(s, (s, s + 1))
        box.history.append(box)
        checksum = (checksum + rec.key * len(tmp) + box.key) % 1000000007
        if s % 1000 == 0:
            rec.history.append(s)
    return checksum


def main(steps):
    table = make_heap(200000)
    c = churn(table, steps)
    total = sum(len(r.history) for r in table.values())
    print("checksum:", c, total)


main(int(sys.argv[1]) if len(sys.argv) > 1 else 200000)
