//! `bool`: the two int-valued singletons `True` and `False`.

use std::cell::Cell;

use super::err::PyResult;
use super::int::{as_int, IntObject};
use super::object::{PyObject, Ref};
use super::str::new_str;
use super::typeobj::{KwNames, Slots, TypeFlags, TypeObject};

/// `True`.
pub static TRUE: IntObject = IntObject::new_static(&BOOL_TYPE, 1);
/// `False`.
pub static FALSE: IntObject = IntObject::new_static(&BOOL_TYPE, 0);

/// `True` or `False`.
#[inline(always)]
pub fn new_bool(b: bool) -> Ref {
    Ref::from_static(if b { &TRUE } else { &FALSE })
}

/// The value of a bool object, if `obj` is exactly a bool.
#[inline(always)]
pub fn as_bool(obj: &PyObject) -> Option<bool> {
    if std::ptr::eq(obj.ty(), &BOOL_TYPE) {
        Some(as_int(obj).and_then(IntObject::small) == Some(1))
    } else {
        None
    }
}

fn bool_repr(obj: &PyObject) -> PyResult {
    Ok(new_str(if as_bool(obj) == Some(true) {
        "True"
    } else {
        "False"
    }))
}

fn bool_new(_ty: &TypeObject, args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    match args.first() {
        None => Ok(new_bool(false)),
        Some(a) => Ok(new_bool(super::protocol::is_true(a)?)),
    }
}

fn logical(a: &PyObject, b: &PyObject, f: fn(bool, bool) -> bool, op: usize) -> PyResult {
    match (as_bool(a), as_bool(b)) {
        (Some(x), Some(y)) => Ok(new_bool(f(x, y))),
        _ => match super::int::INT_TYPE.slots.binary[op].get() {
            Some(g) => g(a, b),
            None => Ok(super::none::not_implemented()),
        },
    }
}

fn bool_and(a: &PyObject, b: &PyObject) -> PyResult {
    logical(a, b, |x, y| x & y, 1)
}
fn bool_or(a: &PyObject, b: &PyObject) -> PyResult {
    logical(a, b, |x, y| x | y, 7)
}
fn bool_xor(a: &PyObject, b: &PyObject) -> PyResult {
    logical(a, b, |x, y| x ^ y, 12)
}

/// `bool` (a subclass of int that cannot be subclassed).
pub static BOOL_TYPE: TypeObject = TypeObject::new_static(
    "bool",
    std::mem::size_of::<IntObject>(),
    Some(&super::int::INT_TYPE),
    TypeFlags::INT_SUBCLASS,
    Slots {
        repr: Cell::new(bool_repr),
        new: Cell::new(Some(bool_new)),
        ..Slots::empty()
    },
    &[],
    &[],
);

/// Install bool's slots that override int's (after int's are installed):
/// everything else is inherited from int at start-up.
pub fn install() {
    let s = &BOOL_TYPE.slots;
    s.binary[1].set(Some(bool_and));
    s.binary[7].set(Some(bool_or));
    s.binary[12].set(Some(bool_xor));
}
