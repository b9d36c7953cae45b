//! The `pyrite` command line: `pyrite [-X opt]... script.py [args]`.
//!
//! Today it reads and parses the script: a missing file and a syntax error
//! are reported exactly as CPython 3.11 reports them (status 2 and 1). The
//! compiler and VM are not written yet, so a script that parses is not run:
//! pyrite says so and exits with status 2, as CPython does for usage errors.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What the command line asked for.
enum Command {
    Version,
    Run { script: String, rest: Vec<String> },
    Usage(String),
}

fn parse_args(args: &[String]) -> Command {
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "-V" | "--version" => return Command::Version,
            // `-X opt` and `-Xopt`: implementation options such as memstats.
            "-X" => {
                if i + 1 >= args.len() {
                    return Command::Usage("Argument expected for the -X option".into());
                }
                pyrite::vm::main::set_x_option(&args[i + 1]);
                i += 2;
            }
            a if a.starts_with("-X") => {
                pyrite::vm::main::set_x_option(&a[2..]);
                i += 1;
            }
            a if a.starts_with('-') && a != "-" => {
                return Command::Usage(format!("Unknown option: {a}"));
            }
            script => {
                return Command::Run {
                    script: script.to_string(),
                    rest: args[i + 1..].to_vec(),
                }
            }
        }
    }
    Command::Usage("no script given (the interactive prompt is not written yet)".into())
}

/// CPython 3.11 reports and runs the script under its absolute path.
fn absolute(script: &str) -> PathBuf {
    let path = Path::new(script);
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().map_or_else(|_| path.to_path_buf(), |cwd| cwd.join(path))
    }
}

fn run(script: &str, rest: &[String]) -> ExitCode {
    let path = absolute(script);
    let shown = path.display().to_string();
    let source = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) => {
            let errno = e.raw_os_error().unwrap_or(0);
            let reason = e.to_string();
            let reason = reason.split(" (os error").next().unwrap_or(&reason);
            eprintln!("pyrite: can't open file '{shown}': [Errno {errno}] {reason}");
            return ExitCode::from(2);
        }
    };
    let source = match String::from_utf8(source) {
        Ok(s) => s,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let byte = e.as_bytes()[at];
            let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            eprintln!(
                "SyntaxError: Non-UTF-8 code starting with '\\x{byte:02x}' in file {shown} on line {line}, \
                 but no encoding declared; see https://peps.python.org/pep-0263/ for details"
            );
            return ExitCode::from(1);
        }
    };
    let dir = path
        .parent()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let argv: Vec<String> = std::iter::once(script.to_string())
        .chain(rest.iter().cloned())
        .collect();
    let status = on_big_stack(move || {
        pyrite::modules::sys::set_argv(argv, dir);
        pyrite::vm::main::run_main(&source, &shown)
    });
    ExitCode::from((status & 0xff) as u8)
}

/// Native stack for the interpreter thread: deep Python recursion is
/// stopped by the recursion limit and a stack guard long before this.
const STACK_SIZE: usize = 1 << 30;

/// Run `f` on a thread with a [`STACK_SIZE`] stack.
fn on_big_stack(f: impl FnOnce() -> i32 + Send + 'static) -> i32 {
    let handle = std::thread::Builder::new()
        .name("pyrite-main".into())
        .stack_size(STACK_SIZE)
        .spawn(move || {
            pyrite::vm::recursion::set_stack_size(STACK_SIZE);
            f()
        });
    match handle.map(|h| h.join()) {
        Ok(Ok(status)) => status,
        _ => 70,
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match parse_args(&args) {
        Command::Version => {
            println!("pyrite {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Command::Run { script, rest } => run(&script, &rest),
        Command::Usage(msg) => {
            eprintln!("pyrite: {msg}");
            eprintln!("usage: pyrite [-X option]... script.py [arg]...");
            ExitCode::from(2)
        }
    }
}
