//! The exception being handled (`sys.exc_info()`): set by `PUSH_EXC_INFO`
//! when an `except` / `finally` handler starts, restored by `POP_EXCEPT`.

use crate::objects::object::{Ref, RefCellSlot};

thread_local! {
    static CURRENT: RefCellSlot = const { RefCellSlot::empty() };
}

/// The exception being handled, if any.
pub fn current() -> Option<Ref> {
    CURRENT.with(|c| c.get())
}

/// Set the handled exception, returning the previous one.
pub fn replace(e: Option<Ref>) -> Option<Ref> {
    CURRENT.with(|c| {
        let old = c.take();
        c.set(e);
        old
    })
}
