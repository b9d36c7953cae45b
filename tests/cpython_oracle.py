"""Helpers shared by the scripts that write golden files with python3."""

import os
import subprocess
import sys


def error_tail(path):
    """The tail of the traceback CPython prints when `compile()` of the file
    at `path` raises a SyntaxError: the `File` line, source line, caret line
    and `Kind: message`. Runs in the file's folder under its base name, so
    the traceback names it as the golden tests do, and CPython can read the
    source line back from disk (the symbol table's errors need that)."""
    name = os.path.basename(path)
    code = "import sys; f=sys.argv[1]; compile(open(f, encoding='utf-8').read(), f, 'exec')"
    r = subprocess.run(
        [sys.executable, "-c", code, name],
        capture_output=True,
        text=True,
        cwd=os.path.dirname(path),
    )
    lines = r.stderr.splitlines()
    starts = [i for i, l in enumerate(lines) if l.startswith('  File "%s"' % name)]
    if not starts:
        sys.exit("%s: expected a SyntaxError, got:\n%s" % (path, r.stderr))
    return "\n".join(lines[starts[-1]:]) + "\n"
