//! Golden tests of the code generator and disassembler: every
//! `tests/dis/NAME.py` is compiled and disassembled, and compared with
//! `NAME.dis`. The golden files are written by pyrite itself — regenerate
//! them with `PYRITE_REGENERATE_DIS=1 cargo test --release --test dis` — and
//! were reviewed against `python3 -m dis` (same sequences modulo the
//! differences `src/compile/opcode.rs` documents). Every compiled unit is
//! also checked with `assemble::check_invariants` (stack depth never
//! negative, jumps in range, exception table well formed).
//!
//! Then the corpus: every program of `tests/syntax/` and `tests/python/`
//! either compiles or fails with the SyntaxError (message, line, column)
//! python3's `compile()` gives, and nothing panics.

use std::path::{Path, PathBuf};
use std::process::Command;

use pyrite::compile::assemble::check_invariants;
use pyrite::compile::codegen::{compile, Mode};
use pyrite::compile::dis::disassemble;
use pyrite::syntax::SyntaxErrorKind;

fn render(source: &str, name: &str) -> String {
    match compile(source, name, Mode::Exec) {
        Ok(code) => {
            if let Err(e) = check_invariants(&code) {
                panic!("{name}: invariant broken: {e}");
            }
            disassemble(&code)
        }
        Err(e) => format!("{e}\n"),
    }
}

fn files(folder: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(folder);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = entries
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    v.sort();
    v
}

/// Runs `f` on a thread with a large stack (deeply nested inputs).
fn big_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("test thread");
}

#[test]
fn golden_disassembly() {
    big_stack(|| {
        let regenerate = std::env::var_os("PYRITE_REGENERATE_DIS").is_some();
        let inputs = files("dis");
        assert!(
            inputs.len() >= 20,
            "only {} programs in tests/dis",
            inputs.len()
        );
        let mut failures = Vec::new();
        for path in &inputs {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
            let source = std::fs::read_to_string(path).expect("utf-8 input");
            let got = render(&source, name);
            let golden = path.with_extension("dis");
            if regenerate {
                std::fs::write(&golden, &got).expect("write golden file");
                continue;
            }
            let expected = std::fs::read_to_string(&golden).unwrap_or_else(|_| {
                panic!(
                    "no {}; run PYRITE_REGENERATE_DIS=1 cargo test --release --test dis",
                    golden.display()
                )
            });
            if got != expected {
                failures.push(format!("--- {name}\nexpected:\n{expected}got:\n{got}"));
            }
        }
        assert!(
            failures.is_empty(),
            "{} golden files differ:\n{}",
            failures.len(),
            failures.join("\n")
        );
    });
}

/// Prints the disassembly of `PYRITE_DIS_FILE` (a development aid:
/// `PYRITE_DIS_FILE=x.py cargo test --release --test dis show -- --nocapture`).
#[test]
fn show() {
    if let Some(path) = std::env::var_os("PYRITE_DIS_FILE") {
        big_stack(move || {
            let source = std::fs::read_to_string(&path).expect("readable file");
            let name = Path::new(&path)
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("?")
                .to_owned();
            println!("{}", render(&source, &name));
        });
    }
}

/// Writes `OUT/NAME.dis` for every `NAME.py` of the folder
/// `PYRITE_DIS_BULK=FOLDER:OUT` (a development aid for comparing with
/// `python3 -m dis` over a corpus).
#[test]
fn bulk() {
    let Some(spec) = std::env::var_os("PYRITE_DIS_BULK") else {
        return;
    };
    big_stack(move || {
        let spec = spec.to_string_lossy().into_owned();
        let (dir, out) = spec.split_once(':').expect("FOLDER:OUT");
        std::fs::create_dir_all(out).expect("output folder");
        for entry in std::fs::read_dir(dir).expect("folder") {
            let path = entry.expect("entry").path();
            if path.extension().is_none_or(|x| x != "py") {
                continue;
            }
            let Ok(source) = std::fs::read_to_string(&path) else {
                continue;
            };
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
            let text = render(&source, name);
            let target = Path::new(out).join(name).with_extension("dis");
            std::fs::write(target, text).expect("write");
            if let Ok(code) = compile(&source, name, Mode::Exec) {
                let mut pos = String::new();
                positions(&code, &mut pos);
                let target = Path::new(out).join(name).with_extension("pos");
                std::fs::write(target, pos).expect("write");
            }
        }
    });
}

/// Each unit's instructions with their positions, depth first.
fn positions(code: &pyrite::compile::code::CodeUnit, out: &mut String) {
    use std::fmt::Write as _;
    let _ = writeln!(out, "code {}", code.qualname);
    let _ = writeln!(out, "stacksize {}", code.stacksize);
    for e in &code.exception_table {
        let _ = writeln!(
            out,
            "handler [{}]{}",
            e.depth,
            if e.push_lasti { " lasti" } else { "" }
        );
    }
    for (i, p) in code.instrs.iter().zip(&code.positions) {
        let _ = writeln!(
            out,
            "{} {} {} {} {}",
            i.op(),
            p.line,
            p.end_line,
            p.col,
            p.end_col
        );
    }
    for c in &code.consts {
        if let pyrite::compile::code::Constant::Code(inner) = c {
            positions(inner, out);
        }
    }
}

/// What python3 says of each file: `OK` or `msg|lineno|offset`.
fn python_verdicts(paths: &[PathBuf]) -> Option<Vec<String>> {
    let script = r#"
import sys, warnings
warnings.simplefilter("ignore")
for p in sys.argv[1:]:
    src = open(p, encoding="utf-8").read()
    try:
        compile(src, p.rsplit("/", 1)[-1], "exec")
        print("OK")
    except SyntaxError as e:
        print(f"{e.msg}|{e.lineno}|{e.offset}".replace("\n", " "))
    except Exception as e:
        print(f"other {type(e).__name__}")
"#;
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(paths)
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    Some(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_owned)
            .collect(),
    )
}

#[test]
fn corpus_compiles_like_python() {
    big_stack(|| {
        let mut paths = files("syntax");
        paths.extend(files("python"));
        // `ext_*` programs use pyrite's syntax extensions (python3 rejects
        // them; tests/extensions.rs covers them).
        paths.extend(files("dis").into_iter().filter(|p| {
            !p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("ext_"))
        }));
        let verdicts = python_verdicts(&paths);
        let mut failures = Vec::new();
        for (i, path) in paths.iter().enumerate() {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
            let Ok(source) = std::fs::read_to_string(path) else {
                continue;
            };
            // Parser errors are the syntax tests' business (tests/syntax.rs
            // checks them against python3 running the file).
            let arena = bumpalo::Bump::new();
            if pyrite::syntax::parse_module(&source, name, &arena).is_err() {
                continue;
            }
            let got = match compile(&source, name, Mode::Exec) {
                Ok(code) => {
                    if let Err(e) = check_invariants(&code) {
                        failures.push(format!("{name}: {e}"));
                    }
                    "OK".to_owned()
                }
                // Tokenizer errors (indentation) are located as a file run
                // locates them, which differs from compile() in the column.
                Err(e) if e.kind != SyntaxErrorKind::SyntaxError => {
                    format!("{}|{}|", e.msg, e.lineno)
                }
                Err(e) => format!("{}|{}|{}", e.msg, e.lineno, e.offset).replace('\n', " "),
            };
            if let Some(v) = &verdicts {
                let want = v.get(i).map(String::as_str).unwrap_or("?");
                if want.starts_with("other") {
                    continue;
                }
                let want = if got.ends_with('|') {
                    want.rsplit_once('|')
                        .map_or(want, |(head, _)| head)
                        .to_owned()
                        + "|"
                } else {
                    want.to_owned()
                };
                if got != want {
                    failures.push(format!("{name}: pyrite {got:?}, python3 {want:?}"));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    });
}

#[test]
fn eval_and_single_modes() {
    let code = compile("1 + x", "<eval>", Mode::Eval).expect("compiles");
    let text = disassemble(&code);
    assert!(text.contains("BINARY_OP                0 (+)"), "{text}");
    assert!(text.trim_end().ends_with("RETURN_VALUE"), "{text}");
    let code = compile("x\n", "<stdin>", Mode::Single).expect("compiles");
    assert!(disassemble(&code).contains("PRINT_EXPR"));
}

#[test]
fn no_panic_on_fragments() {
    big_stack(|| {
        let pieces = [
            "x", "1", "(", ")", "[", "]", ":", "=", "+", "*", "**", "lambda", "if", "else", "for",
            "in", "yield", "return", "break", "continue", "def", "class", "try", "except",
            "finally", "with", "as", "\n", "    ", ",", "not", "and", "global", "nonlocal", "del",
            "assert", "f'{x}'", "import", "from", ".", "await", "async", "{", "}", "**k", "*a",
            "...", "None",
        ];
        let mut seed: u64 = 0x9e3779b97f4a7c15;
        for _ in 0..3000 {
            let mut src = String::new();
            for _ in 0..(seed % 24) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                src.push_str(pieces[(seed % pieces.len() as u64) as usize]);
                src.push(' ');
            }
            src.push('\n');
            if let Ok(code) = compile(&src, "fuzz.py", Mode::Exec) {
                check_invariants(&code).unwrap_or_else(|e| panic!("{src:?}: {e}"));
            }
        }
    });
}

/// GEN-4: a 20 000-term chain is an error, not a stack overflow, on the
/// 8 MiB stack of a main thread (CPython raises RecursionError past about
/// 3 000).
#[test]
fn deep_chain_is_an_error() {
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(|| {
            let terms = vec!["a"; 20_000].join("+");
            let err = compile(&format!("x = {terms}\n"), "deep.py", Mode::Exec).unwrap_err();
            assert_eq!(
                err.msg,
                "maximum recursion depth exceeded during compilation"
            );
            let terms = vec!["a"; 2_000].join("+");
            compile(&format!("x = {terms}\n"), "deep.py", Mode::Exec).expect("2000 terms compile");
        })
        .expect("spawn")
        .join()
        .expect("no overflow");
}
