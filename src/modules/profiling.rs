//! The allocation profilers' start-up and exit: `-X tracemalloc[=N]` (and
//! `PYTHONTRACEMALLOC=N`) start tracemalloc before the program runs, as
//! CPython does; `-X allocprofile[=FILE.json]` records a DHAT profile of
//! the whole run, written when the program ends (default file
//! `pyrite-alloc.json`).

use std::sync::Mutex;

/// `-X tracemalloc[=N]`'s value ("" for the bare option).
static TRACEMALLOC: Mutex<Option<String>> = Mutex::new(None);
/// `-X allocprofile[=FILE]`'s file.
static ALLOCPROFILE: Mutex<Option<String>> = Mutex::new(None);

/// The profile's file when `-X allocprofile` names none.
pub const DEFAULT_PROFILE: &str = "pyrite-alloc.json";

/// Record a `-X` option if it is one of the profilers'; whether it was.
pub fn set_x_option(opt: &str) -> bool {
    let (name, value) = match opt.split_once('=') {
        Some((n, v)) => (n, Some(v)),
        None => (opt, None),
    };
    let slot = match name {
        "tracemalloc" => &TRACEMALLOC,
        "allocprofile" => &ALLOCPROFILE,
        _ => return false,
    };
    let value = match (name, value) {
        ("allocprofile", None | Some("")) => DEFAULT_PROFILE.to_string(),
        (_, v) => v.unwrap_or("").to_string(),
    };
    *slot.lock().unwrap_or_else(|e| e.into_inner()) = Some(value);
    true
}

/// Start what the options and environment ask for (after the interpreter
/// is initialised, before the program runs). `Err(status)` after
/// CPython's fatal-error report for a bad `-X tracemalloc` value.
pub fn start() -> Result<(), i32> {
    let x = TRACEMALLOC
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    if let Err(msg) = super::tracemalloc::start_from_config(x.as_deref()) {
        if msg.contains("\nPython runtime state") {
            eprintln!("Fatal Python error: {msg}\n");
        } else {
            eprintln!("Fatal Python error: {msg}\nPython runtime state: preinitialized\n");
        }
        return Err(1);
    }
    let profile = ALLOCPROFILE
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    if let Some(path) = profile {
        if !super::allocprofile::is_running() {
            super::allocprofile::start(&path);
        }
    }
    Ok(())
}

/// When the program has ended, before shutdown clears `__main__`: write
/// the allocation profile (its "at t-end" figures are what the program
/// still held).
pub fn before_shutdown() {
    super::allocprofile::finish();
}

/// At exit, after shutdown: stop tracing (and write the profile, if the
/// program ended some other way).
pub fn finish() {
    super::allocprofile::finish();
    super::tracemalloc::stop_tracing();
}
