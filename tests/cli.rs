//! The `pyrite` binary's command line, compared with python3 (CPython 3.11)
//! wherever CPython has the same behaviour.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn pyrite() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pyrite"))
}

fn python3() -> Command {
    Command::new("python3")
}

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(name)
}

/// stderr with the executable's own name taken out of the one line that
/// names it (`python3: can't open file ...` / `pyrite: can't open file ...`).
fn stderr_of(out: &Output) -> String {
    let text = String::from_utf8_lossy(&out.stderr).into_owned();
    text.lines()
        .map(|l| match l.split_once(": can't open file") {
            Some((_, rest)) => format!("<exe>: can't open file{rest}"),
            None => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn same_as_cpython(args: &[&str]) {
    let ours = pyrite().args(args).output().unwrap();
    let theirs = python3().args(args).output().unwrap();
    assert_eq!(stderr_of(&ours), stderr_of(&theirs), "stderr for {args:?}");
    assert_eq!(
        ours.status.code(),
        theirs.status.code(),
        "status for {args:?}"
    );
}

#[test]
fn version_is_printed() {
    let out = pyrite().arg("--version").output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("pyrite {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn syntax_errors_in_scripts_are_reported_as_cpython_reports_them() {
    let dir = data("syntax");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "py") {
            let expected = std::fs::read_to_string(path.with_extension("expected")).unwrap();
            // CPython 3.11 measures this one error's range in bytes when it
            // reads a script file (5 carets under `b"é"`) but in characters
            // under compile() (4); pyrite follows compile() everywhere, the
            // golden file in tests/syntax/ checks that.
            let byte_quirk = path.ends_with("err_bytes_nonascii.py");
            if expected.starts_with("  File") && !byte_quirk {
                same_as_cpython(&["-X", "memstats", path.to_str().unwrap()]);
                checked += 1;
            }
        }
    }
    assert!(checked >= 40, "only {checked} error programs found");
}

#[test]
fn missing_script_is_reported_as_cpython_reports_it() {
    let missing = data("no such script.py");
    same_as_cpython(&[missing.to_str().unwrap()]);
}

#[test]
fn non_utf8_script_is_reported_as_cpython_reports_it() {
    let dir = std::env::temp_dir().join(format!("pyrite-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let script = dir.join("latin1.py");
    std::fs::write(&script, b"x = 1\ny = '\xe9'\n").unwrap();
    same_as_cpython(&[script.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_script_runs_with_its_arguments_and_exit_status() {
    let dir = std::env::temp_dir().join(format!("pyrite-cli-run-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let script = dir.join("args.py");
    std::fs::write(
        &script,
        "import sys\nprint(sys.argv[1], sys.argv[2])\nsys.exit(len(sys.argv))\n",
    )
    .unwrap();
    let args = [script.to_str().unwrap(), "a", "b c"];
    same_as_cpython(&args);
    let out = pyrite().args(args).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "a b c\n");
    assert_eq!(out.status.code(), Some(3));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn usage_errors_exit_with_status_2() {
    for args in [&["-X"][..], &["--frobnicate"][..], &[][..]] {
        let out = pyrite().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}
