//! Shared by the golden-file tests: run a renderer over every `*.py` input
//! of a folder under `tests/` and compare with the `*.expected` file that
//! python3 wrote for it.

use std::path::Path;

/// Checks every `tests/<folder>/*.py` against its `.expected` file.
/// `render(source, file_name)` produces pyrite's output; inputs named
/// `err_*` count as invalid programs, the others as valid ones, and the
/// corpus must hold at least `min_valid` and `min_invalid` of each.
/// `generator` is the script that regenerates the expected files.
pub fn check_golden_files(
    folder: &str,
    generator: &str,
    (min_valid, min_invalid): (usize, usize),
    render: impl Fn(&str, &str) -> String,
) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(folder);
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    inputs.sort();
    let (mut valid, mut invalid) = (0, 0);
    let mut failures = Vec::new();
    for path in &inputs {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        let source = std::fs::read_to_string(path).expect("utf-8 input");
        let expected = std::fs::read_to_string(path.with_extension("expected"))
            .unwrap_or_else(|_| panic!("no expected file for {name}; run python3 {generator}"));
        if name.starts_with("err_") {
            invalid += 1;
        } else {
            valid += 1;
        }
        let got = render(&source, name);
        if got != expected {
            failures.push(format!("--- {name}\nexpected:\n{expected}got:\n{got}"));
        }
    }
    assert!(
        valid >= min_valid && invalid >= min_invalid,
        "corpus too small: {valid} valid, {invalid} invalid"
    );
    assert!(
        failures.is_empty(),
        "{} of {} golden files differ:\n{}",
        failures.len(),
        inputs.len(),
        failures.join("\n")
    );
}
