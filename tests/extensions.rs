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

/// Runs `source` as a script with `program` (pyrite or python3):
/// (status, stdout, stderr).
fn run_script(program: &str, args: &[&str], path: &std::path::Path) -> (i32, String, String) {
    let out = std::process::Command::new(program)
        .args(args)
        .arg(path)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Tracebacks through superinstructions point where python3's do: a fused
/// pair keeps the position of the half that can raise (SUPER-4). Each
/// snippet ends in an uncaught exception; pyrite's output, with and
/// without superinstructions, must equal python3's.
#[test]
fn tracebacks_through_superinstructions_match_python3() {
    let snippets = [
        // LOAD_FAST x may raise: fused with the constant (LOAD_OTUS).
        "def f(flag):\n    if flag:\n        x = 1\n    return x + 1\nprint(f(True))\nf(False)\n",
        // b may be unbound: not the second half of a pair.
        "def f(flag):\n    a = 2\n    if flag:\n        b = 1\n    return a * b\nprint(f(True))\nf(False)\n",
        "def f(v):\n    w = v\n    del w\n    return v, w\nf(3)\n",
        // A bound parameter + LOAD_ATTR: the attribute's caret.
        "def f(obj):\n    return obj.missing\nf(5)\n",
        // LOAD_CONST + BINARY_OP: the operator's carets.
        "def f(s):\n    return s - 1\nf('s')\n",
        "def f(v):\n    t = v; return t / 0\nf(4)\n",
        "class T:\n    def __init__(self):\n        self.n = None\n    def go(self):\n        return self.n + self.n\nT().go()\n",
        "def f():\n    i = 0\n    while i < 3:\n        i = i + 1\n    return i + undefined_name\nf()\n",
        "def f(x):\n    try:\n        x = x + 1\n    except TypeError:\n        return x.nope\nf('a')\n",
    ];
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("ext_tracebacks");
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let pyrite = env!("CARGO_BIN_EXE_pyrite");
    for (i, src) in snippets.iter().enumerate() {
        let path = dir.join(format!("snippet{i}.py"));
        std::fs::write(&path, src).expect("write snippet");
        let want = run_script("python3", &[], &path);
        assert_eq!(want.0, 1, "python3 should fail on {src:?}");
        for args in [&[][..], &["-X", "nosuperinstructions"][..]] {
            let got = run_script(pyrite, args, &path);
            assert_eq!(got, want, "{args:?} {src}");
        }
    }
}
