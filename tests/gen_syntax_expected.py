"""Regenerates the golden files of pyrite's syntax tests with CPython 3.11.

Usage (from the repository root):

    python3 tests/gen_syntax_expected.py

For every tests/syntax/NAME.py this writes tests/syntax/NAME.expected:

* valid programs: a canonical dump of ``ast.parse(source)``, one node or
  field per line, indented by one space per level:
    - a node is ``Kind @line:col-end_line:end_col`` (the position only for
      nodes that have one; nodes inside an f-string print none, since
      CPython 3.11's positions there are approximate);
    - then each field in ``_fields`` order, one level deeper:
      ``name=VALUE`` for None, constants, strings and field-less nodes
      (``ctx=Load``, ``op=Add``), ``name=[]`` for an empty list, and
      ``name:`` followed by the items (nodes or values) one level deeper;
    - skipped fields: ``type_comment``, ``type_ignores``, ``kind``,
      ``is_async``;
    - values: ints in decimal, floats as ``repr``, imaginary numbers as
      ``repr`` of the complex, strings as ``'...'`` with only printable
      ASCII kept and every other character, backslash and quote written
      ``\\u{hex}``, bytes as ``b'...'`` with ``\\xNN`` for the rest.
* invalid programs: the tail CPython prints for the uncaught SyntaxError of
  ``compile(source, NAME.py, 'exec')``: File line, source line, carets,
  ``Kind: message``.

Files whose name starts with ``err_`` must fail, all others must parse.
"""
import ast
import glob
import os
import sys

from cpython_oracle import error_tail

SKIP = {"type_comment", "type_ignores", "kind", "is_async"}


def fmt_str(s):
    out = []
    for ch in s:
        if 0x20 <= ord(ch) < 0x7F and ch not in "\\'":
            out.append(ch)
        else:
            out.append("\\u{%x}" % ord(ch))
    return "'" + "".join(out) + "'"


def fmt_value(v):
    if v is None or v is True or v is False or v is Ellipsis:
        return repr(v)
    if isinstance(v, str):
        return fmt_str(v)
    if isinstance(v, bytes):
        return "b'" + "".join(
            chr(b) if 0x20 <= b < 0x7F and chr(b) not in "\\'" else "\\x%02x" % b for b in v
        ) + "'"
    return repr(v)


def is_leaf_node(v):
    return isinstance(v, ast.AST) and not v._fields and not hasattr(v, "lineno")


def dump(node, depth, out, in_fstring):
    pad = " " * depth
    head = pad + type(node).__name__
    if hasattr(node, "lineno") and not in_fstring:
        head += " @%d:%d-%d:%d" % (node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)
    out.append(head)
    inner = in_fstring or isinstance(node, ast.JoinedStr)
    for name in node._fields:
        if name in SKIP:
            continue
        v = getattr(node, name)
        fpad = " " * (depth + 1)
        if isinstance(v, list):
            if not v:
                out.append(fpad + name + "=[]")
                continue
            out.append(fpad + name + ":")
            for item in v:
                if isinstance(item, ast.AST) and not is_leaf_node(item):
                    dump(item, depth + 2, out, inner)
                elif is_leaf_node(item):
                    out.append(" " * (depth + 2) + type(item).__name__)
                else:
                    out.append(" " * (depth + 2) + fmt_value(item))
        elif is_leaf_node(v):
            out.append(fpad + name + "=" + type(v).__name__)
        elif isinstance(v, ast.AST):
            out.append(fpad + name + ":")
            dump(v, depth + 2, out, inner)
        else:
            out.append(fpad + name + "=" + fmt_value(v))


def main():
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "syntax")
    for path in sorted(glob.glob(os.path.join(here, "*.py"))):
        name = os.path.basename(path)
        if name.startswith("err_"):
            text = error_tail(path)
        else:
            with open(path, encoding="utf-8") as f:
                tree = ast.parse(f.read(), name)
            out = []
            dump(tree, 0, out, False)
            text = "\n".join(out) + "\n"
        with open(path[:-3] + ".expected", "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
