//! The `pyrite` command line, after CPython's:
//!
//! ```text
//! pyrite [option] ... [-c cmd | -m mod | file | -] [arg] ...
//! ```
//!
//! A script runs as `__main__`; `-c` runs a command; `-` (or no argument
//! with a non-terminal stdin) reads the program from stdin; no argument
//! with a terminal, or `-i`, starts the interactive prompt (after the
//! program, for `-i`). `-m mod` runs `mod.py` found on the path. Missing
//! files, bad source encodings and usage errors are reported as CPython
//! 3.11 reports them (status 2, 1 and 2).

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use pyrite::vm::interactive::{MainOptions, MainSource};

/// What the program to run is.
enum Target {
    /// A script file.
    Script(String),
    /// `-c cmd`.
    Command(String),
    /// `-m mod`.
    Module(String),
    /// `-`: the program is read from stdin.
    Stdin,
    /// No program argument.
    Nothing,
}

/// What the command line asked for.
enum Command {
    Version,
    Help,
    Run {
        target: Target,
        rest: Vec<String>,
        interactive: bool,
        quiet: bool,
    },
    Usage(String),
}

/// One-letter options that take no argument and change nothing in pyrite.
const IGNORED_FLAGS: &str = "bdEIsSuvxRP";

/// How many `-O` flags the command line had.
static OPTIMIZE_FLAGS: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// The optimisation level: the number of `-O` flags or PYTHONOPTIMIZE,
/// whichever is larger (as CPython), at most 2.
fn optimize_level() -> u8 {
    let flags = OPTIMIZE_FLAGS.load(std::sync::atomic::Ordering::Relaxed);
    let env = match std::env::var("PYTHONOPTIMIZE") {
        Ok(v) if !v.is_empty() => v.parse::<u8>().unwrap_or(1),
        _ => 0,
    };
    flags.max(env).min(2)
}

fn parse_args(args: &[String]) -> Command {
    let (mut interactive, mut quiet) = (false, false);
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        if a == "-" {
            return run(Target::Stdin, args[i + 1..].to_vec(), interactive, quiet);
        }
        if a == "--" {
            i += 1;
            break;
        }
        if let Some(long) = a.strip_prefix("--") {
            match long {
                "version" => return Command::Version,
                "help" | "help-env" | "help-xoptions" | "help-all" => return Command::Help,
                _ => return Command::Usage(format!("unknown option {a}")),
            }
        }
        let Some(cluster) = a.strip_prefix('-') else {
            break;
        };
        // A cluster of one-letter options: `-iq`, `-cCODE`, `-Xopt`.
        for (j, c) in cluster.char_indices() {
            let attached = &cluster[j + c.len_utf8()..];
            match c {
                'c' | 'm' | 'X' | 'W' => {
                    let value = if !attached.is_empty() {
                        attached.to_string()
                    } else if i + 1 < args.len() {
                        i += 1;
                        args[i].clone()
                    } else {
                        return Command::Usage(format!("Argument expected for the -{c} option"));
                    };
                    let rest = args[i + 1..].to_vec();
                    match c {
                        'c' => return run(Target::Command(value), rest, interactive, quiet),
                        'm' => return run(Target::Module(value), rest, interactive, quiet),
                        // `-X memstats` and other implementation options.
                        'X' => {
                            pyrite::vm::main::set_x_option(&value);
                            break;
                        }
                        _ => break, // -W: accepted, without effect
                    }
                }
                'V' => return Command::Version,
                'h' | '?' => return Command::Help,
                'i' => interactive = true,
                'B' => pyrite::vm::pycache::set_dont_write_bytecode(true),
                'q' => quiet = true,
                'O' => {
                    OPTIMIZE_FLAGS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                }
                c if IGNORED_FLAGS.contains(c) => {}
                c => return Command::Usage(format!("Unknown option: -{c}")),
            }
        }
        i += 1;
    }
    match args.get(i) {
        Some(script) => run(
            Target::Script(script.clone()),
            args[i + 1..].to_vec(),
            interactive,
            quiet,
        ),
        None => run(Target::Nothing, Vec::new(), interactive, quiet),
    }
}

fn run(target: Target, rest: Vec<String>, interactive: bool, quiet: bool) -> Command {
    Command::Run {
        target,
        rest,
        interactive,
        quiet,
    }
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

/// The source of a script file, or the exit status after reporting why it
/// cannot be read.
fn read_script(path: &Path, shown: &str) -> Result<String, u8> {
    let source = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            let errno = e.raw_os_error().unwrap_or(0);
            let reason = e.to_string();
            let reason = reason.split(" (os error").next().unwrap_or(&reason);
            eprintln!("pyrite: can't open file '{shown}': [Errno {errno}] {reason}");
            return Err(2);
        }
    };
    decode_source(source, shown)
}

/// Source bytes as UTF-8 text, or status 1 after CPython's SyntaxError.
fn decode_source(source: Vec<u8>, shown: &str) -> Result<String, u8> {
    match String::from_utf8(source) {
        Ok(s) => Ok(s),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let byte = e.as_bytes()[at];
            let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            eprintln!(
                "SyntaxError: Non-UTF-8 code starting with '\\x{byte:02x}' in file {shown} on line {line}, \
                 but no encoding declared; see https://peps.python.org/pep-0263/ for details"
            );
            Err(1)
        }
    }
}

/// Run a script file (`pyrite script.py args`).
fn run_script(script: &str, rest: &[String], interactive: bool, quiet: bool) -> ExitCode {
    let path = absolute(script);
    let shown = path.display().to_string();
    let source = match read_script(&path, &shown) {
        Ok(s) => s,
        Err(status) => return ExitCode::from(status),
    };
    let dir = path
        .parent()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let argv: Vec<String> = std::iter::once(script.to_string())
        .chain(rest.iter().cloned())
        .collect();
    if !interactive {
        let status = on_big_stack(move || {
            pyrite::modules::sys::set_argv(argv, dir);
            pyrite::vm::main::run_main(&source, &shown)
        });
        return pyrite::vm::main::exit_code(status);
    }
    run_with(
        MainOptions {
            source: MainSource::Text(source),
            filename: shown.clone(),
            file_attr: Some(shown),
            interactive,
            quiet,
        },
        argv,
        dir,
    )
}

/// Run `-c`, `-m`, stdin or the interactive prompt.
fn run_with(opts: MainOptions, argv: Vec<String>, path0: String) -> ExitCode {
    let status = on_big_stack(move || {
        pyrite::modules::sys::set_argv(argv, path0);
        pyrite::modules::sys_extra::set_inspect(opts.interactive);
        pyrite::vm::interactive::run_main_with(opts)
    });
    pyrite::vm::main::exit_code(status)
}

/// `-m mod`: `mod.py` (or `mod/__main__.py`) in the current directory.
fn run_module(name: &str, rest: &[String], interactive: bool, quiet: bool) -> ExitCode {
    let cwd = std::env::current_dir().unwrap_or_default();
    let rel = name.replace('.', "/");
    let candidates = [
        cwd.join(format!("{rel}.py")),
        cwd.join(&rel).join("__main__.py"),
    ];
    let Some(path) = candidates.iter().find(|p| p.is_file()) else {
        if let Some(source) = pyrite::modules::pylib::source(name) {
            // A bundled module (`-m dis`), run from its embedded source.
            let shown = format!("<frozen {name}>");
            let argv = std::iter::once(shown.clone())
                .chain(rest.iter().cloned())
                .collect();
            return run_with(
                MainOptions {
                    source: MainSource::Text(source.to_string()),
                    filename: shown,
                    file_attr: None,
                    interactive,
                    quiet,
                },
                argv,
                cwd.display().to_string(),
            );
        }
        eprintln!("pyrite: No module named {name}");
        return ExitCode::from(1);
    };
    let shown = path.display().to_string();
    let source = match read_script(path, &shown) {
        Ok(s) => s,
        Err(status) => return ExitCode::from(status),
    };
    let argv: Vec<String> = std::iter::once(shown.clone())
        .chain(rest.iter().cloned())
        .collect();
    run_with(
        MainOptions {
            source: MainSource::Text(source),
            filename: shown.clone(),
            file_attr: Some(shown),
            interactive,
            quiet,
        },
        argv,
        cwd.display().to_string(),
    )
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

const USAGE: &str = "usage: pyrite [option] ... [-c cmd | -m mod | file | -] [arg] ...";

const HELP: &str = "\
Options:
-c cmd : program passed in as string (terminates option list)
-h     : print this help message and exit (also -? or --help)
-B     : don't write __pycache__/NAME.pyrite-VERSION.pyc files on import;
         also PYTHONDONTWRITEBYTECODE=x
-i     : inspect interactively after running script; forces a prompt even
         if stdin does not appear to be a terminal
-m mod : run mod.py from the current directory as a script (terminates option list);
         the modules bundled in pyrite (dis, inspect, ...) are found too
-O     : remove assert and __debug__-dependent statements; also PYTHONOPTIMIZE=x
-OO    : do -O changes and also discard docstrings
-q     : don't print version and copyright messages on interactive startup
-V     : print the pyrite version number and exit (also --version)
-X opt : set implementation-specific option: memstats[=json] (allocator and GC
         tables at exit), memtimeline=FILE.svg (memory over time), dev,
         nosuperinstructions (compile without superinstructions)
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
";

/// `--features dhat-heap`: every Rust-heap allocation of the runtime goes
/// through DHAT's allocator (README.md, "Profiling").
#[cfg(feature = "dhat-heap")]
#[global_allocator]
static DHAT_ALLOC: dhat::Alloc = dhat::Alloc;

fn main() -> ExitCode {
    // Written to dhat-heap.json when dropped, at the end of `main`.
    #[cfg(feature = "dhat-heap")]
    let _dhat = dhat::Profiler::new_heap();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = parse_args(&args);
    pyrite::compile::set_optimize(optimize_level());
    match command {
        Command::Version => {
            println!("pyrite {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Command::Help => {
            print!("{USAGE}\n{HELP}");
            ExitCode::SUCCESS
        }
        Command::Run {
            target,
            rest,
            interactive,
            quiet,
        } => match target {
            Target::Script(script) => run_script(&script, &rest, interactive, quiet),
            Target::Module(name) => run_module(&name, &rest, interactive, quiet),
            Target::Command(code) => {
                let argv = std::iter::once("-c".to_string()).chain(rest).collect();
                let opts = MainOptions {
                    source: MainSource::Text(code),
                    filename: "<string>".into(),
                    file_attr: None,
                    interactive,
                    quiet,
                };
                run_with(opts, argv, String::new())
            }
            Target::Stdin | Target::Nothing => {
                let tty = std::io::stdin().is_terminal();
                let dash = matches!(target, Target::Stdin);
                let argv0 = if dash { "-" } else { "" };
                let argv = std::iter::once(argv0.to_string()).chain(rest).collect();
                let source = if !dash && (tty || interactive) {
                    MainSource::Nothing
                } else {
                    let mut bytes = Vec::new();
                    if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
                        eprintln!("pyrite: can't read stdin: {e}");
                        return ExitCode::from(2);
                    }
                    match decode_source(bytes, "<stdin>") {
                        Ok(s) => MainSource::Text(s),
                        Err(status) => return ExitCode::from(status),
                    }
                };
                let interactive = interactive || (!dash && tty);
                let opts = MainOptions {
                    source,
                    filename: "<stdin>".into(),
                    file_attr: Some("<stdin>".into()),
                    interactive,
                    quiet,
                };
                run_with(opts, argv, String::new())
            }
        },
        Command::Usage(msg) => {
            eprintln!("{msg}");
            eprintln!("{USAGE}");
            eprintln!("Try `pyrite -h' for more information.");
            ExitCode::from(2)
        }
    }
}
