//! Where the per-type operation modules register: each `*_ops` /
//! `*_methods` module adds its `install` (slots set before the dunder
//! wrappers are made) and any further static types here.

use super::object::Ref;
use super::typeobj::TypeObject;

/// `BUILD_SLICE`.
pub fn new_slice(start: Ref, stop: Ref, step: Option<Ref>) -> Ref {
    super::slice::new_slice(start, stop, step)
}

/// Set operator slots on the static types (called once at start-up,
/// before `init_static_type`).
pub fn install_slots() {
    super::bool::install();
}

/// Static types defined by the operation modules, bases first.
pub fn more_types() -> Vec<&'static TypeObject> {
    vec![&super::slice::SLICE_TYPE]
}
