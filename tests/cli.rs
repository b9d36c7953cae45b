//! The `pyrite` binary's command line, as far as it exists today.

use std::process::Command;

fn pyrite() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pyrite"))
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
fn running_a_script_says_the_interpreter_is_missing() {
    let out = pyrite()
        .args(["-X", "memstats", "script.py"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("interpreter is not built yet"));
}
