//! The `pyrite` command line: runs a Python script on pyrite's memory layer.
//!
//! The interpreter is not written yet (see the tracker's interpreter issue);
//! until then the binary answers `--version` and says plainly that it cannot
//! run scripts, exiting with status 2 as CPython does for usage errors.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("-V") | Some("--version") => {
            println!("pyrite {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!(
                "pyrite {}: the interpreter is not built yet; only the memory layer \
                 (crates pyrite-allocator and pyrite-gc) exists so far",
                env!("CARGO_PKG_VERSION")
            );
            ExitCode::from(2)
        }
    }
}
