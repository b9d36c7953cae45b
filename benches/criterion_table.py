#!/usr/bin/env python3
"""Turns the allocator benchmark's criterion results into the README table.

Run after `cargo bench -p pyrite-allocator --bench alloc`; reads
target/criterion/<group>/<contender>/new/{estimates,benchmark}.json and prints
a Markdown table of ns per operation and ratios (throughput of pyrite over
each other allocator: above 1 means pyrite is faster).
"""
import json
import os
import sys

ROOT = os.path.join(os.environ.get("CARGO_TARGET_DIR", "target"), "criterion")
WORKLOADS = [
    ("pair_32", "(a) alloc+free pair, 32 bytes"),
    ("churn", "(b) churn, 10 000 live blocks of 8–512 bytes"),
    ("build_drop_1M", "(c) build and drop 1 M blocks of 8–512 bytes"),
]
CONTENDERS = ["pyrite", "pyrite-cpython-geometry", "system", "mimalloc"]


def ns_per_op(group, name):
    base = os.path.join(ROOT, group, name, "new")
    try:
        with open(os.path.join(base, "estimates.json")) as f:
            mean = json.load(f)["mean"]["point_estimate"]
        with open(os.path.join(base, "benchmark.json")) as f:
            throughput = json.load(f).get("throughput") or {}
    except FileNotFoundError:
        return None
    return mean / throughput.get("Elements", 1)


def main():
    head = "| workload | " + " | ".join(f"{c} ns/op" for c in CONTENDERS)
    head += " | system ÷ pyrite | mimalloc ÷ pyrite |"
    print(head)
    print("|" + "---|" * (len(CONTENDERS) + 3))
    missing = False
    for group, label in WORKLOADS:
        times = {c: ns_per_op(group, c) for c in CONTENDERS}
        if any(t is None for t in times.values()):
            missing = True
            continue
        cells = [f"{times[c]:.2f}" for c in CONTENDERS]
        ratios = [f"{times[o] / times['pyrite']:.2f}×" for o in ("system", "mimalloc")]
        print(f"| {label} | " + " | ".join(cells + ratios) + " |")
    hook = {n: ns_per_op("hook_pair_32", n) for n in ("no_observer", "observer")}
    if None not in hook.values():
        print()
        print(
            f"Observer hook, pair workload: {hook['no_observer']:.2f} ns without an "
            f"observer, {hook['observer']:.2f} ns with a counting observer."
        )
    if missing:
        print("\n(some results are missing: run the whole bench first)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
