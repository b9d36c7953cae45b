//! The compiler: from the syntax tree to [`code::CodeUnit`]s. Passes: the
//! [`symtable`] (which scope every name lives in, as CPython 3.11's
//! `Python/symtable.c` computes it), then code generation and assembly
//! against the one [`opcode`] table.

pub mod assemble;
pub mod code;
pub mod codegen;
pub mod dis;
pub mod flowgraph;
pub mod marshal;
pub mod opcode;
pub mod superinstr;
pub mod symtable;

/// The optimisation level of `-O` / `-OO` (CPython's `Py_OptimizeFlag`):
/// 1 removes `assert` statements and makes `__debug__` False, 2 also drops
/// docstrings. Set once at start-up, before any code is compiled.
static OPTIMIZE: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

thread_local! {
    /// `compile(..., optimize=N)`'s level while that call compiles.
    static OPTIMIZE_OVERRIDE: std::cell::Cell<Option<u8>> = const { std::cell::Cell::new(None) };
}

/// Set the interpreter's optimisation level (`-O`, `-OO`, `PYTHONOPTIMIZE`).
pub fn set_optimize(level: u8) {
    OPTIMIZE.store(level, std::sync::atomic::Ordering::Relaxed);
}

/// The interpreter's optimisation level (`sys.flags.optimize`).
pub fn interpreter_optimize() -> u8 {
    OPTIMIZE.load(std::sync::atomic::Ordering::Relaxed)
}

/// The level the code being compiled now is compiled with.
pub fn optimize() -> u8 {
    OPTIMIZE_OVERRIDE
        .with(std::cell::Cell::get)
        .unwrap_or_else(interpreter_optimize)
}

/// Run `f` (a compilation) at optimisation level `level` (`compile()`'s
/// `optimize` argument); `None` keeps the interpreter's.
pub fn with_optimize<R>(level: Option<u8>, f: impl FnOnce() -> R) -> R {
    let old = OPTIMIZE_OVERRIDE.with(|o| o.replace(level.or(o.get())));
    let r = f();
    OPTIMIZE_OVERRIDE.with(|o| o.set(old));
    r
}
