//! The recursion limit: a depth counter checked on every frame and every
//! nested `repr`, plus a guard on the native stack itself, so deep
//! recursion raises `RecursionError` instead of overflowing the Rust stack.

use std::cell::Cell;

use crate::objects::err::{PyErr, PyResult};
use crate::objects::exceptions::RECURSION_ERROR;

/// The per-thread counters, in one thread-local so a frame entry costs one
/// TLS lookup.
struct Counters {
    depth: Cell<usize>,
    limit: Cell<usize>,
    /// Lowest stack address we allow (0: unknown, no native check).
    stack_floor: Cell<usize>,
}

thread_local! {
    static C: Counters = const {
        Counters { depth: Cell::new(0), limit: Cell::new(1000), stack_floor: Cell::new(0) }
    };
}

/// Bytes of native stack kept free below the floor check.
const STACK_MARGIN: usize = 256 * 1024;

/// Record the current thread's stack: `size` bytes below the current
/// position are usable.
pub fn set_stack_size(size: usize) {
    let here = approximate_sp();
    C.with(|c| c.stack_floor.set(here.saturating_sub(size) + STACK_MARGIN));
}

#[inline(always)]
fn approximate_sp() -> usize {
    let marker = 0u8;
    std::ptr::addr_of!(marker) as usize
}

/// `sys.getrecursionlimit()`.
pub fn limit() -> usize {
    C.with(|c| c.limit.get())
}

/// `sys.setrecursionlimit(n)`.
pub fn set_limit(n: usize) {
    C.with(|c| c.limit.set(n));
}

/// Current depth.
pub fn depth() -> usize {
    C.with(|c| c.depth.get())
}

/// Leaves one level when dropped.
pub struct DepthGuard(());

impl Drop for DepthGuard {
    fn drop(&mut self) {
        C.with(|c| c.depth.set(c.depth.get() - 1));
    }
}

/// Enter one level; `RecursionError` past the limit or near the end of
/// the native stack. `what` completes CPython's message
/// ("maximum recursion depth exceeded{what}").
#[inline]
pub fn enter(what: &str) -> PyResult<DepthGuard> {
    let too_deep_now = C.with(|c| {
        let n = c.depth.get() + 1;
        c.depth.set(n);
        n > c.limit.get() || approximate_sp() < c.stack_floor.get()
    });
    let guard = DepthGuard(());
    if too_deep_now {
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
