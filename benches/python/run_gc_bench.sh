#!/bin/sh
# Full-collection cost per object, pyrite-gc against CPython, on the same
# shape (N objects in one doubly linked ring, all live / all garbage; see
# gc/benches/collect.rs and benches/python/gc_collect.py). Prints ns per
# object for both and the ratio pyrite-gc / CPython (below 1: pyrite-gc is
# cheaper per object).
#
# Usage: benches/python/run_gc_bench.sh    (from anywhere; honours
#        CARGO_TARGET_DIR, PYTHON (default python3))
set -eu
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
target="${CARGO_TARGET_DIR:-$root/target}"
python="${PYTHON:-python3}"

echo "== cargo bench -p pyrite-gc --bench collect" >&2
cargo bench -p pyrite-gc --bench collect >&2

echo "== $python benches/python/gc_collect.py" >&2
cpython_out="$("$python" benches/python/gc_collect.py)"
echo "$cpython_out" >&2

CRITERION_DIR="$target/criterion/full_collection" CPYTHON_OUT="$cpython_out" "$python" - <<'PY'
import json, os

crit = os.environ["CRITERION_DIR"]
cpython = {}
for line in os.environ["CPYTHON_OUT"].splitlines():
    if line.startswith("#") or not line.strip():
        continue
    shape, n, ns = line.split()
    cpython[(shape, int(n))] = float(ns)

print(f"{'shape':<8} {'objects':>9} {'pyrite-gc ns/obj':>17} {'CPython ns/obj':>15} {'ratio':>6}")
for n in (10**5, 10**6):
    for shape in ("live", "garbage"):
        with open(os.path.join(crit, shape, str(n), "new", "estimates.json")) as f:
            ns = json.load(f)["median"]["point_estimate"] / n
        py = cpython[(shape, n)]
        print(f"{shape:<8} {n:>9} {ns:>17.2f} {py:>15.2f} {ns / py:>6.2f}")
PY
