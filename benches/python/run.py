#!/usr/bin/env python3
"""Time pyrite against CPython on the Python benchmark programs.

Usage:
    python3 benches/python/run.py [--pyrite PATH] [--python PATH] [--runs N]
                                  [--timeout SECONDS] [--markdown-only]
                                  [programs...]

Programs are names from this directory (`nbody`, `nbody.py`) or paths; by
default all eight benchmarks run. `name:ARG` passes ARG (e.g. a smaller size)
to the program: `nbody:1000 fannkuch:7`.

For each program, pyrite and python3 run interleaved (pyrite, python3,
pyrite, python3, ...) N times each (default 3, at least 3). Per run the
script measures wall time (time.perf_counter around spawn and wait) and the
child's peak RSS, and reports the median of each. pyrite's stdout must equal
python3's exactly; a mismatch, a non-zero exit or a timeout marks the row
FAILED (with the first differing line or the error) and leaves it out of the
geometric mean of the time ratios.

Peak RSS: os.wait4 returns the rusage of exactly that child, but on Linux a
child's ru_maxrss also counts the peak RSS of the process it was forked from
(the kernel carries the old address space's high-water mark across exec, and
Python spawns with vfork/fork), so every reading would be at least this
script's own RSS (~14 MiB, as much as a small CPython run). When GNU time is
available (/usr/bin/time), each program therefore runs under
`/usr/bin/time -f %M`: time is a small process, so the figure it reports for
its own child is accurate to about 1 MiB. Otherwise the wait4 figure is used
and readings at or below this script's own peak are marked with `<=`.

Run from anywhere; pin to one core for steadier figures, for example
`taskset -c 1 python3 benches/python/run.py` (children inherit the affinity).
"""

import argparse
import math
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

PROGRAMS = [
    "nbody",
    "scheduler",
    "fannkuch",
    "spectral_norm",
    "nqueens",
    "fib_recursive",
    "strings_dicts",
    "tree_alloc",
]

GNU_TIME = "/usr/bin/time"
RSS_MARK = "@@peak-rss-kib "


def progress(msg):
    print(msg, file=sys.stderr, flush=True)


def gnu_time_available():
    if not os.access(GNU_TIME, os.X_OK):
        return False
    try:
        out = subprocess.run(
            [GNU_TIME, "--version"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            timeout=10,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return b"GNU" in out


class RunResult:
    def __init__(self):
        self.seconds = None
        self.rss_kib = None
        self.rss_is_floor = False
        self.exit_desc = None  # None: exited with status 0
        self.stdout = b""
        self.stderr = b""


def run_once(cmd, cwd, timeout, use_gnu_time):
    """Run cmd once; wall time, peak RSS, exit, stdout, stderr."""
    res = RunResult()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(mode="r", prefix="pyrite-bench-rss-") as rssf:
        full = cmd
        if use_gnu_time:
            full = [GNU_TIME, "-o", rssf.name, "-f", RSS_MARK + "%M", "--"] + cmd
        own_peak = resource_self_maxrss()
        timed_out = []

        t0 = time.perf_counter()
        try:
            proc = subprocess.Popen(
                full,
                cwd=cwd,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
                start_new_session=True,
            )
        except OSError as e:
            res.exit_desc = "cannot start: " + str(e)
            return res

        def kill():
            timed_out.append(True)
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, ru = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        t1 = time.perf_counter()
        # We reaped the child ourselves; tell Popen so it does not try again.
        proc.returncode = os.waitstatus_to_exitcode(status)

        res.seconds = t1 - t0
        out.seek(0)
        err.seek(0)
        res.stdout = out.read()
        res.stderr = err.read()

        code = proc.returncode
        if timed_out:
            res.exit_desc = "timed out after %gs" % timeout
        elif code < 0:
            res.exit_desc = "killed by signal %d" % -code
        elif code != 0:
            res.exit_desc = "exit status %d" % code

        if use_gnu_time:
            rss = None
            for line in rssf.read().splitlines():
                if line.startswith(RSS_MARK):
                    try:
                        rss = int(line[len(RSS_MARK):].strip())
                    except ValueError:
                        pass
            res.rss_kib = rss
        else:
            res.rss_kib = ru.ru_maxrss
            res.rss_is_floor = ru.ru_maxrss <= own_peak
    return res


def resource_self_maxrss():
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def first_difference(expected, got):
    """Describe the first line where got differs from expected."""
    exp_lines = expected.decode("utf-8", "replace").split("\n")
    got_lines = got.decode("utf-8", "replace").split("\n")
    for i in range(max(len(exp_lines), len(got_lines))):
        e = exp_lines[i] if i < len(exp_lines) else None
        g = got_lines[i] if i < len(got_lines) else None
        if e != g:
            if e is None:
                return "line %d: extra output %r" % (i + 1, g)
            if g is None:
                return "line %d: output ends, expected %r" % (i + 1, e)
            return "line %d: expected %r, got %r" % (i + 1, e, g)
    return "outputs differ"


def first_line(data):
    for line in data.decode("utf-8", "replace").splitlines():
        if line.strip():
            return line.strip()
    return ""


def resolve_program(spec):
    """'nbody', 'nbody.py', a path, optionally ':ARG,ARG' -> (label, path, args)."""
    name, args = spec, []
    if ":" in spec:
        name, argstr = spec.split(":", 1)
        args = [a for a in argstr.split(",") if a]
    candidates = [name, name + ".py", os.path.join(HERE, name), os.path.join(HERE, name + ".py")]
    for c in candidates:
        if os.path.isfile(c):
            path = os.path.abspath(c)
            label = os.path.basename(path)
            if label.endswith(".py"):
                label = label[:-3]
            if args:
                label += " " + " ".join(args)
            return label, path, args
    return None


def resolve_executable(path):
    """An executable given as a path or a name on PATH; a relative path is
    tried against the current directory, then the repository root."""
    found = shutil.which(path)
    if found is None and not os.path.isabs(path) and os.sep in path:
        found = shutil.which(os.path.join(ROOT, path))
    return os.path.abspath(found) if found is not None else None


def cell(text):
    text = text.replace("|", "\\|").replace("\n", " ")
    if len(text) > 160:
        text = text[:157] + "..."
    return text


def fmt_mib(kib, floor):
    if kib is None:
        return "?"
    s = "%.1f" % (kib / 1024.0)
    return "<=" + s if floor else s


def bench_program(label, path, args, pyrite, python, runs, timeout, use_gnu_time):
    cwd = os.path.dirname(path)
    py_cmd = [python, path] + args
    pr_cmd = [pyrite, path] + args
    py_results, pr_results = [], []
    failure = None
    reference = None
    for i in range(runs):
        if failure is None:
            r = run_once(pr_cmd, cwd, timeout, use_gnu_time)
            pr_results.append(r)
            if r.exit_desc is not None:
                msg = first_line(r.stderr)
                failure = "pyrite " + r.exit_desc + (": " + msg if msg else "")
        p = run_once(py_cmd, cwd, timeout, use_gnu_time)
        py_results.append(p)
        if p.exit_desc is not None:
            msg = first_line(p.stderr)
            failure = "python3 " + p.exit_desc + (": " + msg if msg else "")
            break
        if reference is None:
            reference = p.stdout
        elif p.stdout != reference:
            failure = "python3 output differs between runs (" + first_difference(reference, p.stdout) + ")"
            break
        progress("  %s run %d/%d: python3 %.3fs%s" % (
            label, i + 1, runs, p.seconds,
            "" if failure else ", pyrite %.3fs" % pr_results[-1].seconds))

    if failure is None:
        for r in pr_results:
            if r.stdout != reference:
                failure = "output mismatch, " + first_difference(reference, r.stdout)
                break

    row = {"label": label, "failure": failure}
    ok_py = [p for p in py_results if p.exit_desc is None]
    row["py_s"] = statistics.median([p.seconds for p in ok_py]) if ok_py else None
    rss = [p.rss_kib for p in ok_py if p.rss_kib is not None]
    row["py_kib"] = statistics.median(rss) if rss else None
    row["py_floor"] = any(p.rss_is_floor for p in ok_py)
    if failure is None:
        row["pr_s"] = statistics.median([r.seconds for r in pr_results])
        rss = [r.rss_kib for r in pr_results if r.rss_kib is not None]
        row["pr_kib"] = statistics.median(rss) if rss else None
        row["pr_floor"] = any(r.rss_is_floor for r in pr_results)
    else:
        row["pr_s"] = row["pr_kib"] = None
        row["pr_floor"] = False
    return row


def print_table(rows):
    print("| program | python3 s | pyrite s | time ratio (pyrite/python3) "
          "| python3 MiB | pyrite MiB | RSS ratio | checksum ok |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for row in rows:
        py_s = "%.3f" % row["py_s"] if row["py_s"] is not None else "—"
        py_m = fmt_mib(row["py_kib"], row["py_floor"]) if row["py_kib"] is not None else "—"
        if row["failure"] is None:
            pr_s = "%.3f" % row["pr_s"]
            ratio = "%.2f" % (row["pr_s"] / row["py_s"])
            pr_m = fmt_mib(row["pr_kib"], row["pr_floor"])
            if row["pr_kib"] and row["py_kib"]:
                rss_ratio = "%.2f" % (row["pr_kib"] / row["py_kib"])
            else:
                rss_ratio = "?"
            ok = "ok"
        else:
            pr_s = ratio = pr_m = rss_ratio = "—"
            ok = "FAILED: " + row["failure"]
        print("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
            cell(row["label"]), py_s, pr_s, ratio, py_m, pr_m, rss_ratio, cell(ok)))


def main(argv):
    ap = argparse.ArgumentParser(
        description="Time pyrite against CPython on benches/python programs.")
    ap.add_argument("programs", nargs="*",
                    help="program names or paths, optionally NAME:ARG (default: all eight)")
    ap.add_argument("--pyrite", default="target/release/pyrite",
                    help="pyrite binary (default: target/release/pyrite, "
                         "relative to the current directory or the repository root)")
    ap.add_argument("--python", default="python3",
                    help="the CPython to compare with (default: python3)")
    ap.add_argument("--runs", type=int, default=3,
                    help="runs per interpreter and program, at least 3 (default 3)")
    ap.add_argument("--timeout", type=float, default=300.0,
                    help="seconds before one run is killed and counted as failed (default 300)")
    ap.add_argument("--markdown-only", action="store_true",
                    help="print only the Markdown table")
    opts = ap.parse_args(argv)

    if opts.runs < 3:
        ap.error("--runs must be at least 3 (medians of fewer runs are not meaningful)")

    pyrite = resolve_executable(opts.pyrite)
    if pyrite is None:
        print("run.py: pyrite binary not found or not executable: %s\n"
              "Build it with `cargo build --release` (gives target/release/pyrite) "
              "or pass --pyrite PATH." % opts.pyrite, file=sys.stderr)
        return 2
    python = resolve_executable(opts.python)
    if python is None:
        print("run.py: python not found: %s (pass --python PATH)" % opts.python, file=sys.stderr)
        return 2

    specs = opts.programs or PROGRAMS
    programs = []
    for spec in specs:
        found = resolve_program(spec)
        if found is None:
            print("run.py: no such benchmark program: %s (known: %s)"
                  % (spec, ", ".join(PROGRAMS)), file=sys.stderr)
            return 2
        programs.append(found)

    use_gnu_time = gnu_time_available()

    rows = []
    for label, path, args in programs:
        progress("%s:" % label)
        rows.append(bench_program(label, path, args, pyrite, python,
                                  opts.runs, opts.timeout, use_gnu_time))

    if not opts.markdown_only:
        pyver = subprocess.run([python, "--version"], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT).stdout.decode().strip()
        try:
            prver = subprocess.run([pyrite, "--version"], stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, timeout=10).stdout.decode().strip()
        except (OSError, subprocess.SubprocessError):
            prver = "?"
        print("pyrite: %s (%s)" % (pyrite, first_line(prver.encode()) or "no --version output"))
        print("python3: %s (%s)" % (python, pyver))
        print("runs: %d each, interleaved; medians shown; peak RSS via %s"
              % (opts.runs, "GNU time %M" if use_gnu_time
                 else "os.wait4 ru_maxrss (<= marks readings at this script's own peak: a floor, not a measurement)"))
        print()

    print_table(rows)

    if not opts.markdown_only:
        ok = [r for r in rows if r["failure"] is None]
        print()
        if ok:
            gm = math.exp(sum(math.log(r["pr_s"] / r["py_s"]) for r in ok) / len(ok))
            print("geometric mean of time ratios (pyrite/python3): %.3f over %d of %d programs OK"
                  % (gm, len(ok), len(rows)))
        else:
            print("geometric mean of time ratios: n/a, 0 of %d programs OK" % len(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
