"""Writes the expected results of pyrite's program tests with CPython 3.11.

Usage (from anywhere):

    python3 tests/gen_python_expected.py            # every program
    python3 tests/gen_python_expected.py NAME ...   # only these (stem or file name)
    python3 tests/gen_python_expected.py --no-recheck

Test programs are the files ``tests/python/*.py`` directly in that folder,
except helper modules named ``mod_*.py``; subfolders (``pkg_demo/``) hold
helper packages. Programs may import helpers by plain ``import``, since the
script's folder is ``sys.path[0]``. A program that writes files writes them
in its working directory under names starting ``_scratch_<program name>``;
the generator and the cargo test remove those after each run (they are also
git-ignored).

A program whose first line is ``# pyrite-args: ARGS`` runs as
``python3 ARGS NAME.py`` (interpreter options such as ``-O``; pyrite's test
runs it as ``pyrite ARGS NAME.py``).

Each program is run as ``python3 NAME.py`` with the working directory
``tests/python``, no stdin, and the environment PATH, PYTHONHASHSEED=0,
PYTHONDONTWRITEBYTECODE=1, PYTHONIOENCODING=utf-8, PYTHONUTF8=1, LC_ALL=C.UTF-8.
Its stdout and stderr are decoded as UTF-8 and normalised: the absolute path
of ``tests/python`` followed by ``/`` is removed everywhere (CPython prints
``File "/abs/.../tests/python/x.py"`` in tracebacks; after normalisation it
reads ``File "x.py"``). pyrite's output is normalised the same way by
``tests/python_programs.rs``.

For every program ``tests/python/NAME.py`` this writes
``tests/python/NAME.expected``:

    status: N
    ==== stdout ====
    <stdout, verbatim>
    ==== stderr ====
    <stderr, verbatim>

``N`` is the exit status. A section's text follows its header line verbatim;
when the text is not empty and does not end in a newline, the header reads
``==== stdout (no final newline) ====`` (likewise for stderr) and one newline
is added after the text, so the next header starts a line. The two header
lines (in either form) never occur as a line of a program's output: the
generator refuses to write such output.

Checks, each of which stops the generator with a message:

* a program runs longer than 10 s, or is killed by a signal;
* its output is not UTF-8, contains a header line, or an object address
  (`` at 0x...>``, the sign of a default repr);
* a second run with PYTHONHASHSEED=1 gives different output (str hashing
  order leaked into the output; skipped with ``--no-recheck``);
* a program left a file behind other than its ``_scratch_`` files.

Programs using pyrite's syntax extensions (``i++``, ``until``) live in
``tests/python/ext/``: CPython cannot run ``ext/X.py``, so ``ext/X.expected``
is CPython's result for the equivalent plain-Python program
``ext/X.equiv.py`` (run in ``tests/python/ext`` the same way).

Running the generator twice gives identical files; it only rewrites files
whose contents change, and deletes ``.expected`` files without a program.
"""
import concurrent.futures
import glob
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, "python")
EXT = os.path.join(PROGRAMS, "ext")
TIMEOUT = 10
STDOUT_HEADER = "==== stdout ===="
STDERR_HEADER = "==== stderr ===="
HEADER_LINES = {
    STDOUT_HEADER,
    STDERR_HEADER,
    "==== stdout (no final newline) ====",
    "==== stderr (no final newline) ====",
}
ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+>")


def program_names():
    """Stems of the test programs, sorted."""
    names = []
    for path in glob.glob(os.path.join(PROGRAMS, "*.py")):
        stem = os.path.basename(path)[:-3]
        if not stem.startswith("mod_"):
            names.append(stem)
    return sorted(names)


def child_env(hash_seed):
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONHASHSEED": hash_seed,
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONUTF8": "1",
        "LC_ALL": "C.UTF-8",
    }


def normalise(text):
    for d in {PROGRAMS, os.path.realpath(PROGRAMS)}:
        text = text.replace(d + "/", "")
    return text


def remove_scratch(name):
    for path in glob.glob(os.path.join(PROGRAMS, "_scratch_" + glob.escape(name) + "*")):
        os.remove(path)


def program_args(folder, name):
    """The interpreter options of a ``# pyrite-args:`` first line."""
    try:
        with open(os.path.join(folder, name + ".py"), encoding="utf-8") as f:
            first = f.readline()
    except (OSError, UnicodeDecodeError):
        return []
    prefix = "# pyrite-args:"
    return first[len(prefix):].split() if first.startswith(prefix) else []


def run(name, hash_seed="0", folder=PROGRAMS):
    """(status, stdout, stderr) of `python3 NAME.py`, normalised."""
    try:
        r = subprocess.run(
            [sys.executable] + program_args(folder, name) + [name + ".py"],
            cwd=folder,
            env=child_env(hash_seed),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        sys.exit("%s.py: still running after %d s" % (name, TIMEOUT))
    finally:
        remove_scratch(name)
    if r.returncode < 0:
        sys.exit("%s.py: killed by signal %d" % (name, -r.returncode))
    try:
        out = normalise(r.stdout.decode("utf-8").replace(EXT + "/", ""))
        err = normalise(r.stderr.decode("utf-8").replace(EXT + "/", ""))
    except UnicodeDecodeError as e:
        sys.exit("%s.py: output is not UTF-8: %s" % (name, e))
    return r.returncode, out, err


def section(label, text):
    if text and not text.endswith("\n"):
        return "==== %s (no final newline) ====\n%s\n" % (label, text)
    return "==== %s ====\n%s" % (label, text)


def render(name, status, out, err):
    for label, text in (("stdout", out), ("stderr", err)):
        for line in text.splitlines():
            if line in HEADER_LINES:
                sys.exit("%s.py: %s contains the line %r" % (name, label, line))
        m = ADDRESS.search(text)
        if m:
            sys.exit("%s.py: %s shows an object address (%r)" % (name, label, m.group()))
    return "status: %d\n%s%s" % (status, section("stdout", out), section("stderr", err))


def expected_for(name, recheck):
    first = run(name)
    if recheck:
        second = run(name, hash_seed="1")
        if second != first:
            sys.exit("%s.py: output differs between PYTHONHASHSEED=0 and 1" % name)
    return render(name, *first)


def main(argv):
    if sys.version_info[:2] != (3, 11):
        sys.exit("the expected files come from CPython 3.11; this is %s" % sys.version.split()[0])
    recheck = "--no-recheck" not in argv
    wanted = [a[:-3] if a.endswith(".py") else a for a in argv if not a.startswith("--")]
    names = program_names()
    unknown = sorted(set(wanted) - set(names))
    if unknown:
        sys.exit("no such program: %s" % ", ".join(unknown))
    todo = wanted or names
    before = set(os.listdir(PROGRAMS))
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(zip(todo, pool.map(lambda n: expected_for(n, recheck), todo)))
    left = sorted(set(os.listdir(PROGRAMS)) - before - {n + ".expected" for n in todo})
    if left:
        sys.exit("programs left files behind in tests/python: %s" % ", ".join(left))
    changed = 0
    for name in todo:
        path = os.path.join(PROGRAMS, name + ".expected")
        old = None
        if os.path.exists(path):
            with open(path, encoding="utf-8", newline="") as f:
                old = f.read()
        if old != results[name]:
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(results[name])
            changed += 1
    stale = 0
    if not wanted:
        for path in glob.glob(os.path.join(PROGRAMS, "*.expected")):
            if os.path.basename(path)[: -len(".expected")] not in results:
                os.remove(path)
                stale += 1
    if not wanted:
        write_ext_expected()
    failing = sum(1 for r in results.values() if not r.startswith("status: 0\n"))
    print(
        "%d programs (%d exit with a non-zero status), %d expected files written, %d stale removed"
        % (len(todo), failing, changed, stale)
    )


def write_ext_expected():
    """``ext/X.expected`` from ``python3 X.equiv.py`` for every ``ext/X.py``."""
    for path in sorted(glob.glob(os.path.join(EXT, "*.equiv.py"))):
        name = os.path.basename(path)[: -len(".equiv.py")]
        text = render(name, *run(name + ".equiv", folder=EXT))
        target = os.path.join(EXT, name + ".expected")
        old = None
        if os.path.exists(target):
            with open(target, encoding="utf-8", newline="") as f:
                old = f.read()
        if old != text:
            with open(target, "w", encoding="utf-8", newline="") as f:
                f.write(text)


if __name__ == "__main__":
    main(sys.argv[1:])
