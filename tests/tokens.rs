//! Golden tests of the tokenizer: every valid program of the syntax tests
//! (`tests/syntax/NAME.py`, not `err_*`) and every `tests/tokens/NAME.py` is
//! tokenized and compared with `tests/tokens/NAME.expected`, the token
//! stream CPython 3.11's `tokenize` module gives (regenerate with
//! `python3 tests/gen_tokens_expected.py`; the format is described there).

use std::path::Path;

#[test]
fn token_streams_match_cpython() {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut failures = Vec::new();
    let mut count = 0;
    for folder in ["syntax", "tokens"] {
        let mut inputs: Vec<_> = std::fs::read_dir(tests.join(folder))
            .expect("test folder")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "py"))
            .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with("err_"))
            .collect();
        inputs.sort();
        for path in inputs {
            let stem = path.file_stem().unwrap().to_string_lossy().to_string();
            let source = std::fs::read_to_string(&path).expect("utf-8 input");
            let expected =
                std::fs::read_to_string(tests.join("tokens").join(format!("{stem}.expected")))
                    .unwrap_or_else(|_| {
                        panic!(
                            "no tokens/{stem}.expected; run python3 tests/gen_tokens_expected.py"
                        )
                    });
            let got = pyrite::syntax::dump_tokens(&source);
            if got != expected {
                failures.push(format!("--- {stem}\nexpected:\n{expected}got:\n{got}"));
            }
            count += 1;
        }
    }
    assert!(count >= 20, "only {count} token tests");
    assert!(
        failures.is_empty(),
        "{} of {count} token streams differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
