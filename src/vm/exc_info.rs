//! The exception being handled (`sys.exc_info()`): set by `PUSH_EXC_INFO`
//! when an `except` / `finally` handler starts, restored by `POP_EXCEPT`.
//!
//! As CPython's chain of `_PyErr_StackItem`s: a running generator has a slot
//! of its own (its `gi_exc_state`), entered on resume and left on yield or
//! return; the slots of the frames that resumed it wait on a stack. The
//! exception being handled is the innermost one that is not None.

use std::cell::RefCell;

use crate::objects::object::{Ref, RefCellSlot};

/// GLOBAL-1: one interpreter thread at a time.
static CURRENT: crate::objects::global::Global<RefCellSlot> =
    crate::objects::global::Global::new(RefCellSlot::empty());

/// The slots of the frames that resumed the running generators, innermost
/// last (GLOBAL-1).
static OUTER: crate::objects::global::Global<RefCell<Vec<Option<Ref>>>> =
    crate::objects::global::Global::new(RefCell::new(Vec::new()));

/// The exception being handled, if any (CPython's
/// `_PyErr_GetTopmostException`).
pub fn current() -> Option<Ref> {
    if let Some(e) = CURRENT.get().get() {
        return Some(e);
    }
    OUTER.get().borrow().iter().rev().find_map(|e| e.clone())
}

/// A generator resumes with `state` as its handled exception.
pub fn enter_generator(state: Option<Ref>) {
    let outer = replace(state);
    OUTER.get().borrow_mut().push(outer);
}

/// The running generator yields or returns: its handled exception, to keep
/// until it resumes; the resumer's slot is current again.
pub fn leave_generator() -> Option<Ref> {
    let outer = OUTER.get().borrow_mut().pop().flatten();
    replace(outer)
}

/// Set the handled exception (in the innermost slot), returning the
/// previous one.
pub fn replace(e: Option<Ref>) -> Option<Ref> {
    let c = CURRENT.get();
    let old = c.take();
    c.set(e);
    old
}
