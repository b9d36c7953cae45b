//! `complex`: a pair of doubles.

use std::cell::Cell;

use super::err::PyResult;
use super::heap;
use super::object::{PyObject, PyPayload, Ref};
use super::typeobj::{Slots, TypeFlags, TypeObject};

/// A complex object.
#[repr(C)]
pub struct ComplexObject {
    ob: PyObject,
    /// Real part.
    pub re: f64,
    /// Imaginary part.
    pub im: f64,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first.
unsafe impl PyPayload for ComplexObject {
    fn static_type() -> &'static TypeObject {
        &COMPLEX_TYPE
    }
}

/// A new complex.
pub fn new_complex(re: f64, im: f64) -> Ref {
    let obj = heap::alloc_object(&COMPLEX_TYPE, std::mem::size_of::<ComplexObject>());
    // SAFETY: the block has room for a ComplexObject.
    unsafe {
        obj.cast::<ComplexObject>().as_ptr().write(ComplexObject {
            ob: PyObject::new(&COMPLEX_TYPE),
            re,
            im,
        })
    };
    // SAFETY: new object, we own it.
    unsafe { Ref::from_raw(obj) }
}

/// The (re, im) of a complex object.
pub fn as_complex(obj: &PyObject) -> Option<(f64, f64)> {
    obj.downcast::<ComplexObject>().map(|c| (c.re, c.im))
}

fn part(v: f64) -> String {
    if v.is_finite() && v == v.trunc() && v.abs() < 1e16 {
        format!("{}", v as i64)
    } else {
        super::float_repr::float_repr(v)
    }
}

/// CPython's repr of a complex number.
pub fn complex_repr_str(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", part(im));
    }
    let sign = if im < 0.0
        || (im == 0.0 && im.is_sign_negative())
        || (im.is_nan() && im.is_sign_negative())
    {
        "-"
    } else {
        "+"
    };
    format!("({}{}{}j)", part(re), sign, part(im.abs()))
}

fn complex_repr(obj: &PyObject) -> PyResult {
    let (re, im) = as_complex(obj).unwrap_or((0.0, 0.0));
    Ok(super::str::from_string(complex_repr_str(re, im)))
}

/// `complex`. Arithmetic slots are installed by the numeric modules.
pub static COMPLEX_TYPE: TypeObject = TypeObject::new_static(
    "complex",
    std::mem::size_of::<ComplexObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags::BASETYPE,
    Slots {
        repr: Cell::new(complex_repr),
        ..Slots::empty()
    },
    &[],
    &[],
);
