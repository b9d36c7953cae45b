//! The course's syntax extensions (README "Extensions"): `i++` / `i--`
//! statements and `until` loops. Their error messages and positions, and
//! the rule that keeps valid Python unchanged (the running programs are in
//! `tests/python/ext/` and `tests/python/ext_*.py`; the disassembly in
//! `tests/dis/ext_*.dis`).

use pyrite::compile::codegen::{compile, Mode};
use pyrite::syntax::parse_module;

/// The SyntaxError for `source` as pyrite renders it (CPython's layout).
fn error_of(source: &str) -> String {
    let arena = bumpalo::Bump::new();
    match parse_module(source, "t.py", &arena) {
        Ok(_) => match compile(source, "t.py", Mode::Exec) {
            Ok(_) => "OK".to_owned(),
            Err(e) => e.to_string(),
        },
        Err(e) => e.to_string(),
    }
}

fn check(source: &str, expected: &str) {
    let got = error_of(source);
    assert_eq!(got.trim_end(), expected.trim_end(), "source: {source:?}");
}

#[test]
fn step_inside_an_expression_is_an_error_at_the_operator() {
    check(
        "x = i++\n",
        "  File \"t.py\", line 1\n    x = i++\n         ^^\nSyntaxError: '++' is only allowed as a statement",
    );
    check(
        "print(i--)\n",
        "  File \"t.py\", line 1\n    print(i--)\n           ^^\nSyntaxError: '--' is only allowed as a statement",
    );
    check(
        "def f():\n    return n++\n",
        "  File \"t.py\", line 2\n    return n++\n            ^^\nSyntaxError: '++' is only allowed as a statement",
    );
    check(
        "y = [a.b++, 1]\n",
        "  File \"t.py\", line 1\n    y = [a.b++, 1]\n            ^^\nSyntaxError: '++' is only allowed as a statement",
    );
    check(
        "if i++: pass\n",
        "  File \"t.py\", line 1\n    if i++: pass\n        ^^\nSyntaxError: '++' is only allowed as a statement",
    );
    check(
        "f(x)++\n",
        "  File \"t.py\", line 1\n    f(x)++\n    ^^^^\nSyntaxError: 'function call' is an illegal expression for augmented assignment",
    );
    check(
        "a, b--\n",
        "  File \"t.py\", line 1\n    a, b--\n    ^^^^\nSyntaxError: 'tuple' is an illegal expression for augmented assignment",
    );
    check(
        "1++\n",
        "  File \"t.py\", line 1\n    1++\n    ^\nSyntaxError: 'literal' is an illegal expression for augmented assignment",
    );
}

#[test]
fn step_statements_compile() {
    for src in [
        "i++\n",
        "i--\n",
        "o.a++\n",
        "o[k]--\n",
        "o.a.b[1][2]++; j--\n",
        "if x: i++\n",
        "i++  # comment\n",
        "i++",
        "while i: i--\n",
    ] {
        assert_eq!(error_of(src), "OK", "{src:?}");
    }
}

#[test]
fn valid_python_with_plus_plus_is_python() {
    // `++`/`--` followed by an operand is two unary operators (python3
    // agrees that these compile).
    for src in [
        "x = a ++b\n",
        "x = a--b\n",
        "print(i++1)\n",
        "y = i++ + 1\n",
        "y = i-- -1\n",
        "z = (i\n++\nb)\n",
    ] {
        assert_eq!(error_of(src), "OK", "{src:?}");
    }
    // Still invalid, with Python's own message.
    check(
        "x = i + +\n",
        "  File \"t.py\", line 1\n    x = i + +\n             ^\nSyntaxError: invalid syntax",
    );
}

#[test]
fn until_is_a_loop_only_where_python_has_no_meaning() {
    for src in [
        "until x:\n    pass\n",
        "until x: pass\n",
        "until (x): pass\nelse: pass\n",
        "until [0]:\n    pass\n",
        "until -x:\n    pass\n",
        "until (n := n - 1) < 0:\n    break\n",
        // Python: the name `until`.
        "until = 3\n",
        "until(x)\n",
        "until [0]: int = 5\n",
        "until.a: int\n",
        "def until(): pass\n",
        "class until: pass\n",
        "until += 1\n",
    ] {
        assert_eq!(error_of(src), "OK", "{src:?}");
    }
    check(
        "until x\n",
        "  File \"t.py\", line 1\n    until x\n          ^\nSyntaxError: invalid syntax",
    );
    check(
        "until x:\npass\n",
        "  File \"t.py\", line 2\n    pass\n    ^\nIndentationError: expected an indented block after 'until' statement on line 1",
    );
    check(
        "until x:\n    continue\nelse:\n    break\n",
        "  File \"t.py\", line 4\n    break\n    ^^^^^\nSyntaxError: 'break' outside loop",
    );
}
