//! Running a program as `__main__`: compile, execute, report an uncaught
//! exception as CPython does (traceback and status 1, `SystemExit` codes),
//! then shut down (clear `__main__`, collect, flush).

use std::rc::Rc;

use crate::objects::dict::{as_dict, set_item_str};
use crate::objects::err::PyErr;
use crate::objects::exceptions as exc;
use crate::objects::int::small_value;
use crate::objects::module::{module_dict, new_module};
use crate::objects::object::Ref;
use crate::objects::protocol;
use crate::objects::str::{as_str, new_str};

/// Record one `-X` option (unknown ones are ignored, as CPython does).
pub fn set_x_option(opt: &str) {
    if crate::modules::profiling::set_x_option(opt) {
        return;
    }
    if opt == "nosuperinstructions" {
        crate::compile::superinstr::set_enabled(false);
    }
    super::memstats::set_x_option(opt);
}

/// Run `source` (from `filename`) as the main module; returns the exit
/// status.
pub fn run_main(source: &str, filename: &str) -> i32 {
    let _lock = crate::objects::global::lock_interpreter();
    super::memstats::start();
    super::initialize();
    if let Err(status) = crate::modules::profiling::start() {
        return status;
    }
    let main = new_module("__main__");
    let d = module_dict(&main).expect("main dict");
    set_item_str(&d, "__file__", new_str(filename));
    set_item_str(&d, "__builtins__", super::builtins_module());
    set_item_str(&super::modules(), "__main__", main.clone());
    let status = match crate::compile::codegen::compile(
        source,
        filename,
        crate::compile::codegen::Mode::Exec,
    ) {
        Ok(unit) if std::env::var_os("PYRITE_DIS").is_some() => {
            eprintln!("{}", crate::compile::dis::disassemble(&unit));
            match super::run_code(Rc::new(unit), &d, None) {
                Ok(_) => 0,
                Err(e) => handle_uncaught(&e),
            }
        }
        Ok(unit) => match super::run_code(Rc::new(unit), &d, None) {
            Ok(_) => 0,
            Err(e) => handle_uncaught(&e),
        },
        Err(e) => {
            let _ = crate::modules::sys::write_stderr(&format!("{e}\n"));
            1
        }
    };
    crate::modules::profiling::before_shutdown();
    drop(main); // sys.modules keeps it; shutdown decides whether it lives on
    let status = shutdown(&d, status);
    crate::modules::sys::flush_stdout();
    crate::modules::profiling::finish();
    super::memstats::finish();
    status
}

/// Print an uncaught exception (or honour SystemExit); the exit status.
pub fn handle_uncaught(e: &PyErr) -> i32 {
    if e.matches(&exc::SYSTEM_EXIT) {
        let code = protocol::getattr_str(e.value(), "code")
            .unwrap_or_else(|_| crate::objects::none::none());
        if code.is(crate::objects::none::none_ref()) {
            return 0;
        }
        if let Some(n) = small_value(&code) {
            return n as i32;
        }
        let text = protocol::to_string(&code).unwrap_or_default();
        let _ = crate::modules::sys::write_stderr(&format!("{text}\n"));
        return 1;
    }
    super::traceback::print_exception(e);
    if e.matches(&exc::KEYBOARD_INTERRUPT) {
        return EXIT_SIGINT;
    }
    1
}

/// The status [`handle_uncaught`] gives an uncaught KeyboardInterrupt: the
/// process should die of SIGINT, as CPython's does (a shell sees 130).
pub const EXIT_SIGINT: i32 = -2;

/// Leave the process with `status` from [`run_main`] and its kin: dying of
/// SIGINT for [`EXIT_SIGINT`], else the exit code `status & 0xff`.
pub fn exit_code(status: i32) -> std::process::ExitCode {
    if status == EXIT_SIGINT {
        crate::modules::sys::flush_stdout();
        die_of_sigint();
        return std::process::ExitCode::from(130);
    }
    std::process::ExitCode::from((status & 0xff) as u8)
}

/// Restore SIGINT's default action and raise it (CPython's `exit_sigint`).
fn die_of_sigint() {
    extern "C" {
        fn signal(signum: i32, handler: usize) -> usize;
        fn raise(sig: i32) -> i32;
    }
    const SIGINT: i32 = 2;
    const SIG_DFL: usize = 0;
    // SAFETY: libc's signal(2): installing the default action is always
    // valid; no Rust code relies on a SIGINT handler.
    unsafe { signal(SIGINT, SIG_DFL) };
    // SAFETY: libc's raise(3) with a valid signal number; with the default
    // action the process ends here.
    unsafe { raise(SIGINT) };
}

/// The end of a program, in CPython's `Py_FinalizeEx` order: the atexit
/// functions, a first full collection, `__main__` dropped (its globals die
/// as garbage or, if the module lives on, are cleared name by name), then
/// a last collection; finalizers run where CPython's do.
pub(crate) fn shutdown(d: &Ref, status: i32) -> i32 {
    // CPython's Py_FinalizeEx calls the atexit functions first.
    crate::modules::atexit::run_exitfuncs();
    crate::modules::gc::collect_if_enabled_at_exit();
    // CPython's finalize_modules: `__main__` leaves sys.modules; when no
    // other object keeps it, it and its globals are garbage, and the exit
    // collection finalizes what only they hold in collection order.
    let main = as_dict(&super::modules())
        .and_then(|m| m.remove(&crate::objects::str::intern("__main__")).ok())
        .flatten();
    match &main {
        Some(m) => crate::modules::gc::collect_releasing_at_shutdown(&[m, d]),
        None => crate::modules::gc::collect_releasing_at_shutdown(&[d]),
    }
    // CPython clears the globals of a module still alive after that
    // collection (finalize_modules_clear_weaklist). When only its dict
    // outlived it (a function kept somewhere holds the globals), nothing
    // clears them and what they hold is never finalized, as in CPython.
    let module_alive = main.as_ref().is_some_and(|m| m.refcount() > 1);
    drop(main);
    if module_alive {
        clear_module_dict(d);
    }
    crate::modules::gc::collect_at_shutdown();
    crate::objects::fileobj::flush_all();
    status
}

/// CPython's `_PyModule_ClearDict`: names starting with one underscore
/// become None first, then every other name but `__builtins__`.
fn clear_module_dict(d: &Ref) {
    let dict = as_dict(d).expect("main dict");
    let keys = dict.keys();
    for pass in 0..2 {
        for k in &keys {
            let Some(s) = as_str(k) else { continue };
            let underscore = s.starts_with('_') && !s.starts_with("__");
            if (pass == 0) != underscore || s == "__builtins__" {
                continue;
            }
            if pass == 1 && s.starts_with("__") {
                continue;
            }
            let _ = dict.set(k.clone(), crate::objects::none::none());
        }
    }
}

/// `-X memstats`: the allocator's table (CPython's `_debugmallocstats`
/// layout), its peaks and the collector's per-generation totals, on stderr
/// (`vm/memstats.rs`).
pub fn print_memstats() {
    crate::modules::sys::flush_stdout();
    eprint!("{}", super::memstats::to_text());
}
