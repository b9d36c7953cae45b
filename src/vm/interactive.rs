//! Running `__main__` from the command line's other sources — a `-c`
//! command, a program read from stdin, a `-m` module — and the interactive
//! prompt (REPL) that follows with `-i` or starts when stdin is a terminal.
//!
//! The prompt works as CPython's does with input piped in: `sys.ps1`
//! (`>>> `) and `sys.ps2` (`... `) go to stderr, each statement is
//! compiled in `single` mode (an expression statement prints its repr and
//! binds `_`), a compound statement runs after the blank line that ends
//! it, an uncaught exception prints its traceback and the prompt goes on,
//! and end of input ends the session (status 0) unless `SystemExit` ended
//! it first.

use crate::compile::codegen::Mode;
use crate::objects::dict::{get_item_str, set_item_str};
use crate::objects::err::PyErr;
use crate::objects::exceptions as exc;
use crate::objects::module::{module_dict, new_module};
use crate::objects::object::Ref;
use crate::objects::protocol;
use crate::objects::str::new_str;

/// The program `__main__` runs first.
pub enum MainSource {
    /// Source text (a script, a `-c` command, stdin's contents).
    Text(String),
    /// None: the interactive prompt only.
    Nothing,
}

/// How to run `__main__`.
pub struct MainOptions {
    /// The program.
    pub source: MainSource,
    /// The file name code objects and tracebacks show.
    pub filename: String,
    /// `__main__.__file__`, if it has one (`-c` has none).
    pub file_attr: Option<String>,
    /// Enter the prompt after the program.
    pub interactive: bool,
    /// No banner.
    pub quiet: bool,
}

/// Run `__main__` as `opts` says; returns the exit status.
pub fn run_main_with(opts: MainOptions) -> i32 {
    super::memstats::start();
    super::initialize();
    if let Err(status) = crate::modules::profiling::start() {
        return status;
    }
    let main = new_module("__main__");
    let d = module_dict(&main).expect("main dict");
    if let Some(f) = &opts.file_attr {
        set_item_str(&d, "__file__", new_str(f));
    }
    set_item_str(&d, "__builtins__", super::builtins_module());
    set_item_str(&super::modules(), "__main__", main.clone());
    let mut status = match &opts.source {
        MainSource::Text(src) => run_program(src, &opts.filename, &d, opts.interactive),
        MainSource::Nothing => Ok(0),
    };
    if opts.interactive && status.is_ok() {
        status = repl(&d, opts.quiet);
    }
    let status = status.unwrap_or_else(|s| s);
    crate::modules::profiling::before_shutdown();
    drop(main); // sys.modules keeps it; shutdown decides whether it lives on
    let status = super::main::shutdown(&d, status);
    crate::modules::sys::flush_stdout();
    crate::modules::profiling::finish();
    super::memstats::finish();
    status
}

/// Run a whole program. `Err(status)` when it ended by `SystemExit`
/// (no prompt follows then); `Ok(status)` otherwise. Before the prompt
/// (`-i`), SystemExit is reported like any other exception, as CPython
/// does.
fn run_program(source: &str, filename: &str, globals: &Ref, inspect: bool) -> Result<i32, i32> {
    match crate::compile::codegen::compile(source, filename, Mode::Exec) {
        Ok(unit) => match super::run_code(std::rc::Rc::new(unit), globals, None) {
            Ok(_) => Ok(0),
            Err(e) if inspect && e.matches(&exc::SYSTEM_EXIT) => {
                super::traceback::print_exception(&e);
                Ok(1)
            }
            Err(e) => uncaught(&e),
        },
        Err(e) => {
            let _ = crate::modules::sys::write_stderr(&format!("{e}\n"));
            Ok(1)
        }
    }
}

/// Report an uncaught exception; `Err(status)` for SystemExit.
fn uncaught(e: &PyErr) -> Result<i32, i32> {
    let status = super::main::handle_uncaught(e);
    if e.matches(&exc::SYSTEM_EXIT) {
        Err(status)
    } else {
        Ok(status)
    }
}

/// `sys.<name>`, if set.
fn sys_attr(name: &str) -> Option<Ref> {
    let sys = get_item_str(&super::modules(), "sys")?;
    protocol::getattr_str(&sys, name).ok()
}

fn set_sys_attr(name: &str, v: Ref) {
    if let Some(sys) = get_item_str(&super::modules(), "sys") {
        let _ = protocol::setattr(&sys, &crate::objects::str::intern(name), Some(v));
    }
}

/// Write the prompt `sys.<name>` (its str) to stderr.
fn prompt(name: &str, default: &str) {
    let text = sys_attr(name)
        .and_then(|p| protocol::to_string(&p).ok())
        .unwrap_or_else(|| default.to_string());
    crate::modules::sys::flush_stdout();
    let _ = crate::modules::sys::write_stderr(&text);
}

/// Whether a compile error means "the statement goes on in the next line".
fn is_incomplete(e: &crate::syntax::SyntaxError, source: &str) -> bool {
    let m = &e.msg;
    m.contains("was never closed")
        || m.starts_with("unterminated triple-quoted string")
        || m.starts_with("unexpected EOF")
        || m.starts_with("expected an indented block")
        || source.trim_end_matches('\n').ends_with('\\')
}

/// Whether `line` opens a compound statement, which the prompt runs only
/// after a blank line (as CPython's interactive parser does).
fn opens_block(line: &str) -> bool {
    let t = line.trim_start();
    if t.starts_with('@') {
        return true;
    }
    let word: String = t
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    match word.as_str() {
        "if" | "for" | "while" | "def" | "class" | "with" | "try" | "async" => true,
        "match" => t.trim_end().ends_with(':'),
        _ => false,
    }
}

/// The line-reading end of the prompt: `sys.__stdin__` (shared with
/// `input()`), or the process's stdin if that is gone.
fn read_line(stdin: &Option<Ref>) -> Option<String> {
    match stdin {
        Some(s) => match crate::objects::fileobj::read_line(s) {
            Ok(line) => line,
            Err(e) => {
                crate::vm::traceback::print_exception(&e);
                None
            }
        },
        None => {
            let mut line = String::new();
            match std::io::stdin().read_line(&mut line) {
                Ok(0) | Err(_) => None,
                Ok(_) => Some(line),
            }
        }
    }
}

/// The interactive loop over `globals`; `Err(status)` when SystemExit ended it.
fn repl(globals: &Ref, quiet: bool) -> Result<i32, i32> {
    if sys_attr("ps1").is_none() {
        set_sys_attr("ps1", new_str(">>> "));
    }
    if sys_attr("ps2").is_none() {
        set_sys_attr("ps2", new_str("... "));
    }
    if !quiet {
        let _ = crate::modules::sys::write_stderr(&format!(
            "pyrite {} (Python 3.11 language) on {}\n\
             Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n",
            env!("CARGO_PKG_VERSION"),
            std::env::consts::OS
        ));
    }
    let stdin = sys_attr("__stdin__").filter(|s| crate::objects::fileobj::as_file(s).is_some());
    let mut buffer = String::new();
    let mut block = false;
    loop {
        if buffer.is_empty() {
            prompt("ps1", ">>> ");
        } else {
            prompt("ps2", "... ");
        }
        let line = read_line(&stdin);
        let at_eof = line.is_none();
        if at_eof {
            let _ = crate::modules::sys::write_stderr("\n");
            if buffer.trim().is_empty() {
                return Ok(0);
            }
        }
        let line = line.unwrap_or_default();
        let blank = line.trim().is_empty();
        if buffer.is_empty() {
            if blank || line.trim_start().starts_with('#') {
                continue;
            }
            block = opens_block(&line);
        }
        buffer.push_str(&line);
        if !buffer.ends_with('\n') {
            buffer.push('\n');
        }
        if block && !blank && !at_eof {
            continue;
        }
        match crate::compile::codegen::compile(&buffer, "<stdin>", Mode::Single) {
            Ok(unit) => {
                buffer.clear();
                let code = match crate::objects::codeobj::new_code(std::rc::Rc::new(unit)) {
                    Ok(c) => c,
                    Err(e) => {
                        uncaught(&e)?;
                        continue;
                    }
                };
                if let Err(e) =
                    crate::modules::builtins_exec::run_code_object(&code, globals, globals.clone())
                {
                    uncaught(&e)?;
                }
            }
            Err(e) if !at_eof && !block && is_incomplete(&e, &buffer) => {}
            Err(e) => {
                buffer.clear();
                let _ = crate::modules::sys::write_stderr(&format!("{e}\n"));
            }
        }
        if at_eof {
            return Ok(0);
        }
    }
}
