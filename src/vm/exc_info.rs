//! The exception being handled (`sys.exc_info()`): set by `PUSH_EXC_INFO`
//! when an `except` / `finally` handler starts, restored by `POP_EXCEPT`.

use crate::objects::object::{Ref, RefCellSlot};

/// GLOBAL-1: one interpreter thread at a time.
static CURRENT: crate::objects::global::Global<RefCellSlot> =
    crate::objects::global::Global::new(RefCellSlot::empty());

/// The exception being handled, if any.
pub fn current() -> Option<Ref> {
    CURRENT.get().get()
}

/// Set the handled exception, returning the previous one.
pub fn replace(e: Option<Ref>) -> Option<Ref> {
    let c = CURRENT.get();
    let old = c.take();
    c.set(e);
    old
}
