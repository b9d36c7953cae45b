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
    new_complex_of_type(&COMPLEX_TYPE, re, im)
}

/// A complex of type `ty` (complex or a subclass).
pub fn new_complex_of_type(ty: &TypeObject, re: f64, im: f64) -> Ref {
    let obj = heap::alloc_object(ty, ty.basicsize);
    // SAFETY: the block has room for a ComplexObject (a subclass's
    // basicsize extends complex's: HEAP-2).
    unsafe {
        obj.cast::<ComplexObject>().as_ptr().write(ComplexObject {
            ob: PyObject::new(ty),
            re,
            im,
        })
    };
    // SAFETY: new object, we own it.
    let r = unsafe { Ref::from_raw(obj) };
    if ty.flags().contains(TypeFlags::HAS_GC) {
        heap::track(&r);
    }
    r
}

/// The (re, im) of a complex object.
pub fn as_complex(obj: &PyObject) -> Option<(f64, f64)> {
    obj.downcast::<ComplexObject>().map(|c| (c.re, c.im))
}

/// CPython's repr of a complex number: `repr`-style digits without a
/// trailing `.0`, parentheses unless the real part is +0.
pub fn complex_repr_str(re: f64, im: f64) -> String {
    use super::numfmt::{double_to_string, DtsFlags};
    let plain = DtsFlags::default();
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", double_to_string(im, 'r', 0, plain));
    }
    let signed = DtsFlags {
        sign: true,
        ..plain
    };
    format!(
        "({}{}j)",
        double_to_string(re, 'r', 0, plain),
        double_to_string(im, 'r', 0, signed)
    )
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
    &super::complex_ops::COMPLEX_METHODS,
    &super::complex_ops::COMPLEX_GETSETS,
);
