"""Regenerates the golden files of pyrite's symbol-table tests with CPython 3.11.

Usage (from the repository root):

    python3 tests/gen_symtable_expected.py

For every tests/symtable/NAME.py this writes tests/symtable/NAME.expected:

* valid programs: a canonical dump of ``symtable.symtable(source, NAME.py,
  'exec')``, one line per scope or symbol, indented by two spaces per level:
    - a scope is ``TYPE NAME line=LINENO``, plus `` nested`` when CPython
      marks it nested; a function scope then lists its parameters in
      order (``ste_varnames``) as ``params: a, b`` (``params: -`` if none);
    - then its symbols sorted by name (code point order), each as
      ``NAME: SCOPE FLAG...`` one level deeper, where SCOPE is the scope
      CPython's analysis resolved (``Symbol._Symbol__scope``: LOCAL, CELL,
      FREE, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT) and the FLAGs are the bits of
      ``Symbol._Symbol__flags`` in this order:
        global     DEF_GLOBAL     (a ``global`` statement or a walrus)
        assigned   DEF_LOCAL      (``is_assigned()``)
        parameter  DEF_PARAM      (``is_parameter()``)
        nonlocal   DEF_NONLOCAL   (``is_nonlocal()``)
        referenced USE            (``is_referenced()``)
        free_class DEF_FREE_CLASS (free in a method, bound in the class)
        imported   DEF_IMPORT     (``is_imported()``)
        annotated  DEF_ANNOT      (``is_annotated()``)
        comp_iter  DEF_COMP_ITER  (512: a comprehension's loop variable)
      The remaining ``is_*`` methods derive from SCOPE: ``is_local()`` is
      LOCAL or CELL, ``is_free()`` FREE, ``is_global()`` either GLOBAL,
      ``is_declared_global()`` GLOBAL_EXPLICIT; a cell is scope CELL. The raw
      bits are dumped rather than the methods because ``is_local()`` and
      ``is_global()`` special-case any table named ``top``;
    - then the child scopes in order, one level deeper.
  After the dump, a line ``codes:`` and, sorted, one line per code object
  that ``compile(source, NAME.py, 'exec')`` makes (the module's and every
  one in ``co_consts``, recursively), as the code generator must rebuild
  them from the symbol table: ``NAME params=[..] cellvars=[..]
  freevars=[..]``, with ``co_name``, the parameter names that open
  ``co_varnames`` (``co_argcount + co_kwonlyargcount`` plus one each for
  ``*args`` and ``**kwargs``), ``co_cellvars`` and ``co_freevars``.
* invalid programs (``err_*``): the tail CPython prints for the uncaught
  SyntaxError of ``compile(source, NAME.py, 'exec')``, run with
  tests/symtable as the working directory so that CPython finds the file and
  prints its line, as it does when running a script: File line, source line,
  carets, ``SyntaxError: message``.

Files whose name starts with ``err_`` must fail, all others must compile.
"""
import glob
import os
import sys

from cpython_oracle import error_tail
import symtable

SCOPES = {1: "LOCAL", 2: "GLOBAL_EXPLICIT", 3: "GLOBAL_IMPLICIT", 4: "FREE", 5: "CELL"}
FLAGS = [
    (1, "global"),
    (2, "assigned"),
    (4, "parameter"),
    (8, "nonlocal"),
    (16, "referenced"),
    (64, "free_class"),
    (128, "imported"),
    (256, "annotated"),
    (512, "comp_iter"),
]


def dump(table, depth, out):
    pad = "  " * depth
    raw = table._table
    head = "%s%s %s line=%d" % (pad, table.get_type(), table.get_name(), table.get_lineno())
    if table.is_nested():
        head += " nested"
    out.append(head)
    if table.get_type() == "function":
        out.append(pad + "  params: " + (", ".join(raw.varnames) or "-"))
    for name in sorted(raw.symbols):
        sym = table.lookup(name)
        flags = sym._Symbol__flags
        words = [SCOPES.get(sym._Symbol__scope, "NONE")]
        words += [w for bit, w in FLAGS if flags & bit]
        out.append("%s  %s: %s" % (pad, name, " ".join(words)))
    for child in table.get_children():
        dump(child, depth + 1, out)


def code_lines(code, out):
    nparams = code.co_argcount + code.co_kwonlyargcount
    nparams += bool(code.co_flags & 4) + bool(code.co_flags & 8)
    out.append(
        "%s params=[%s] cellvars=[%s] freevars=[%s]"
        % (
            code.co_name,
            ", ".join(code.co_varnames[:nparams]),
            ", ".join(code.co_cellvars),
            ", ".join(code.co_freevars),
        )
    )
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            code_lines(const, out)


def main():
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "symtable")
    for path in sorted(glob.glob(os.path.join(here, "*.py"))):
        name = os.path.basename(path)
        if name.startswith("err_"):
            text = error_tail(path)
        else:
            with open(path, encoding="utf-8") as f:
                source = f.read()
            out = []
            dump(symtable.symtable(source, name, "exec"), 0, out)
            codes = []
            code_lines(compile(source, name, "exec"), codes)
            out.append("codes:")
            out.extend(sorted(codes))
            text = "\n".join(out) + "\n"
        with open(path[:-3] + ".expected", "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
