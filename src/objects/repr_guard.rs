//! The recursion guard of container reprs (CPython's `Py_ReprEnter` /
//! `Py_ReprLeave`): a container already being repr'd further up the stack
//! prints as `[...]`, `{...}` or `set(...)` instead of recursing forever.
//!
//! REPR-1: the active set holds the address of every container whose repr
//! is running on this thread, each once; a [`ReprGuard`] removes its entry
//! when dropped, so an exception leaves the set as it found it.

use std::cell::RefCell;

use super::object::PyObject;

thread_local! {
    static ACTIVE: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Marks one container as being repr'd until dropped (REPR-1).
pub struct ReprGuard(usize);

/// Enter the repr of `obj`: `None` when its repr is already running (the
/// caller prints the `...` form).
pub fn enter(obj: &PyObject) -> Option<ReprGuard> {
    let addr = obj.addr();
    ACTIVE.with(|a| {
        let mut a = a.borrow_mut();
        if a.contains(&addr) {
            None
        } else {
            a.push(addr);
            Some(ReprGuard(addr))
        }
    })
}

impl Drop for ReprGuard {
    fn drop(&mut self) {
        ACTIVE.with(|a| {
            let mut a = a.borrow_mut();
            if let Some(i) = a.iter().rposition(|&x| x == self.0) {
                a.remove(i);
            }
        });
    }
}
