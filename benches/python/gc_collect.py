"""Time CPython's gc.collect() on the shapes of gc/benches/collect.rs.

Shape: N small objects in one doubly linked ring (each holds `next` and
`prev`, like the Rust bench's nodes: 48 bytes with the GC header on both
sides). "live": one outside reference keeps the ring alive, so a full
collection examines every node and frees nothing. "garbage": the ring is
unreachable, so the collection finds and frees every node.

Prints one line per case: `<shape> <n> <ns per object>`, the time of one
full collection (minus the time of a collection of the interpreter's own
objects, measured the same way) divided by N; best of the repeats.

Usage: python3 gc_collect.py [--quick]
"""

import gc
import sys
import time


class Node:
    __slots__ = ("next", "prev")


def ring(n):
    first = Node()
    prev = first
    for _ in range(n - 1):
        node = Node()
        node.prev = prev
        prev.next = node
        prev = node
    prev.next = first
    first.prev = prev
    return first


def timed_collect():
    t0 = time.perf_counter_ns()
    gc.collect()
    return time.perf_counter_ns() - t0


def baseline(repeats):
    gc.collect()
    return min(timed_collect() for _ in range(repeats))


def live(n, repeats):
    keep = ring(n)
    gc.collect()  # settle: everything in generation 2
    best = min(timed_collect() for _ in range(repeats))
    del keep
    gc.collect()
    return best


def garbage(n, repeats):
    best = None
    for _ in range(repeats):
        r = ring(n)
        del r
        t = timed_collect()
        best = t if best is None else min(best, t)
    return best


def main():
    quick = "--quick" in sys.argv
    gc.disable()  # only the timed, explicit collections run
    repeats = 3 if quick else 7
    base = baseline(repeats)
    print(f"# CPython {sys.version.split()[0]}; baseline full collection "
          f"of the interpreter's own objects: {base / 1e6:.3f} ms (subtracted)")
    for n in (10**5, 10**6):
        for shape, fn in (("live", live), ("garbage", garbage)):
            t = fn(n, repeats)
            print(f"{shape} {n} {max(t - base, 0) / n:.2f}")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
