//! The singletons `None`, `NotImplemented` and `Ellipsis` and their types.

use std::cell::Cell;

use super::err::PyResult;
use super::object::{PyObject, Ref};
use super::str::new_str;
use super::typeobj::{Slots, TypeFlags, TypeObject};
use crate::compile::opcode::CompareOp;

/// `None`.
pub static NONE: PyObject = PyObject::new_static(&NONE_TYPE);
/// `NotImplemented`.
pub static NOT_IMPLEMENTED: PyObject = PyObject::new_static(&NOT_IMPLEMENTED_TYPE);
/// `Ellipsis` (`...`).
pub static ELLIPSIS: PyObject = PyObject::new_static(&ELLIPSIS_TYPE);

/// A new reference to `None`.
#[inline(always)]
pub fn none() -> Ref {
    NONE.to_ref()
}

/// `None`, borrowed.
#[inline(always)]
pub fn none_ref() -> &'static PyObject {
    &NONE
}

/// A new reference to `NotImplemented`.
#[inline(always)]
pub fn not_implemented() -> Ref {
    NOT_IMPLEMENTED.to_ref()
}

/// `NotImplemented`, borrowed.
#[inline(always)]
pub fn not_implemented_ref() -> &'static PyObject {
    &NOT_IMPLEMENTED
}

/// A new reference to `Ellipsis`.
pub fn ellipsis() -> Ref {
    ELLIPSIS.to_ref()
}

fn none_repr(_: &PyObject) -> PyResult {
    Ok(new_str("None"))
}

fn none_bool(_: &PyObject) -> PyResult<bool> {
    Ok(false)
}

fn identity_hash(obj: &PyObject) -> PyResult<i64> {
    Ok((obj.addr() >> 4) as i64)
}

fn identity_compare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    match op {
        CompareOp::Eq => Ok(super::bool::new_bool(a.is(b))),
        CompareOp::Ne => Ok(super::bool::new_bool(!a.is(b))),
        _ => Ok(not_implemented()),
    }
}

fn ni_repr(_: &PyObject) -> PyResult {
    Ok(new_str("NotImplemented"))
}

fn ellipsis_repr(_: &PyObject) -> PyResult {
    Ok(new_str("Ellipsis"))
}

/// `NoneType`.
pub static NONE_TYPE: TypeObject = TypeObject::new_static(
    "NoneType",
    std::mem::size_of::<PyObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags(0),
    Slots {
        repr: Cell::new(none_repr),
        bool: Cell::new(Some(none_bool)),
        hash: Cell::new(Some(identity_hash)),
        richcompare: Cell::new(Some(identity_compare)),
        ..Slots::empty()
    },
    &[],
    &[],
);

/// `NotImplementedType`.
pub static NOT_IMPLEMENTED_TYPE: TypeObject = TypeObject::new_static(
    "NotImplementedType",
    std::mem::size_of::<PyObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags(0),
    Slots {
        repr: Cell::new(ni_repr),
        hash: Cell::new(Some(identity_hash)),
        richcompare: Cell::new(Some(identity_compare)),
        ..Slots::empty()
    },
    &[],
    &[],
);

/// `ellipsis`.
pub static ELLIPSIS_TYPE: TypeObject = TypeObject::new_static(
    "ellipsis",
    std::mem::size_of::<PyObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags(0),
    Slots {
        repr: Cell::new(ellipsis_repr),
        hash: Cell::new(Some(identity_hash)),
        richcompare: Cell::new(Some(identity_compare)),
        ..Slots::empty()
    },
    &[],
    &[],
);
