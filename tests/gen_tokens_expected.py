"""Regenerates the golden files of pyrite's tokenizer tests with CPython 3.11.

Usage (from the repository root):

    python3 tests/gen_tokens_expected.py

For every valid program of the syntax tests (tests/syntax/NAME.py whose
name does not start with ``err_``) and every tests/tokens/NAME.py, this
writes tests/tokens/NAME.expected, the token stream of CPython's
``tokenize`` module, one token per line:

* ``KIND 'text' line:col-line:col`` for NAME, NUMBER, STRING and OP tokens
  (columns count characters; the text is written as Rust's ``{:?}`` writes
  a str, which for these files is Python's repr with double quotes);
* the bare kind for NEWLINE, INDENT, DEDENT and ENDMARKER: the pure-Python
  ``tokenize`` places these differently from CPython's C tokenizer (which
  pyrite's follows), so only their order is compared;
* COMMENT, NL and ENCODING tokens are left out: the C tokenizer that feeds
  the parser does not produce them.
"""
import io
import os
import token
import tokenize

TESTS = os.path.dirname(os.path.abspath(__file__))
HERE = os.path.join(TESTS, "tokens")
SKIP = {token.COMMENT, token.NL, token.ENCODING}
BARE = {token.NEWLINE, token.INDENT, token.DEDENT, token.ENDMARKER}


def rust_debug(s):
    """Rust's `{:?}` of a str, for the printable text these tests use."""
    out = ['"']
    for c in s:
        if c == '"':
            out.append('\\"')
        elif c == "\\":
            out.append("\\\\")
        elif c == "\n":
            out.append("\\n")
        elif c == "\t":
            out.append("\\t")
        elif c == "\r":
            out.append("\\r")
        elif ord(c) < 0x20 or ord(c) == 0x7F:
            out.append("\\u{%x}" % ord(c))
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def dump(source):
    lines = []
    for t in tokenize.generate_tokens(io.StringIO(source).readline):
        if t.type in SKIP:
            continue
        kind = token.tok_name[t.type]
        if t.type in BARE:
            lines.append(kind)
            continue
        (sl, sc), (el, ec) = t.start, t.end
        lines.append(f"{kind} {rust_debug(t.string)} {sl}:{sc}-{el}:{ec}")
    return "\n".join(lines) + "\n"


def inputs():
    """The token tests' inputs: (name, path), as tests/tokens.rs lists them."""
    for folder in ("syntax", "tokens"):
        d = os.path.join(TESTS, folder)
        for name in sorted(os.listdir(d)):
            if name.endswith(".py") and not name.startswith("err_"):
                yield name[:-3], os.path.join(d, name)


def main():
    for stem, path in inputs():
        with open(path, encoding="utf-8", newline="") as f:
            source = f.read()
        with open(os.path.join(HERE, stem + ".expected"), "w", encoding="utf-8") as f:
            f.write(dump(source))


if __name__ == "__main__":
    main()
