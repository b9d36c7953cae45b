//! The recursion limit: a depth counter checked on every frame and every
//! nested `repr`, plus a guard on the native stack itself, so deep
//! recursion raises `RecursionError` instead of overflowing the Rust stack.

use std::cell::Cell;

use crate::objects::err::{PyErr, PyResult};
use crate::objects::exceptions::RECURSION_ERROR;

thread_local! {
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    static LIMIT: Cell<usize> = const { Cell::new(1000) };
    /// Lowest stack address we allow (0: unknown, no native check).
    static STACK_FLOOR: Cell<usize> = const { Cell::new(0) };
}

/// Bytes of native stack kept free below the floor check.
const STACK_MARGIN: usize = 256 * 1024;

/// Record the current thread's stack: `size` bytes below the current
/// position are usable.
pub fn set_stack_size(size: usize) {
    let here = approximate_sp();
    STACK_FLOOR.with(|f| f.set(here.saturating_sub(size) + STACK_MARGIN));
}

#[inline(always)]
fn approximate_sp() -> usize {
    let marker = 0u8;
    std::ptr::addr_of!(marker) as usize
}

/// `sys.getrecursionlimit()`.
pub fn limit() -> usize {
    LIMIT.with(Cell::get)
}

/// `sys.setrecursionlimit(n)`.
pub fn set_limit(n: usize) {
    LIMIT.with(|l| l.set(n));
}

/// Current depth.
pub fn depth() -> usize {
    DEPTH.with(Cell::get)
}

/// Leaves one level when dropped.
pub struct DepthGuard(());

impl Drop for DepthGuard {
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get() - 1));
    }
}

/// Enter one level; `RecursionError` past the limit or near the end of
/// the native stack. `what` completes CPython's message
/// ("maximum recursion depth exceeded{what}").
#[inline]
pub fn enter(what: &str) -> PyResult<DepthGuard> {
    let d = DEPTH.with(|d| {
        let n = d.get() + 1;
        d.set(n);
        n
    });
    let guard = DepthGuard(());
    if d > LIMIT.with(Cell::get) || approximate_sp() < STACK_FLOOR.with(Cell::get) {
        return Err(too_deep(what));
    }
    Ok(guard)
}

#[cold]
fn too_deep(what: &str) -> PyErr {
    PyErr::new(
        &RECURSION_ERROR,
        format!("maximum recursion depth exceeded{what}"),
    )
}
