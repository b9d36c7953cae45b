//! `bytes`: an immutable byte string stored inline after the header
//! (BYTES-1: `len` bytes and a NUL follow the fixed part).

use std::cell::Cell;
use std::ptr::NonNull;

use super::err::PyResult;
use super::heap;
use super::object::{PyObject, PyPayload, Ref};
use super::typeobj::{Slots, TypeFlags, TypeObject};

/// A bytes object's fixed part; the data follows (BYTES-1).
#[repr(C)]
pub struct BytesObject {
    ob: PyObject,
    hash: Cell<i64>,
    len: usize,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first.
unsafe impl PyPayload for BytesObject {
    fn static_type() -> &'static TypeObject {
        &BYTES_TYPE
    }
}

const HEAD: usize = std::mem::size_of::<BytesObject>();

impl BytesObject {
    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        // SAFETY: BYTES-1 — `len` initialised bytes follow the header.
        unsafe {
            let p = (self as *const BytesObject as *const u8).add(HEAD);
            std::slice::from_raw_parts(p, self.len)
        }
    }

    /// The cached hash.
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = super::str::hash_bytes(self.as_bytes());
        self.hash.set(h);
        h
    }
}

/// A new bytes object.
pub fn new_bytes(data: &[u8]) -> Ref {
    new_bytes_of_type(&BYTES_TYPE, data)
}

/// A bytes object of type `ty` (a bytes subclass).
pub fn new_bytes_of_type(ty: &TypeObject, data: &[u8]) -> Ref {
    let obj = heap::alloc_object(ty, HEAD + data.len() + 1);
    // SAFETY: BYTES-1 — the block holds the header, the data and a NUL.
    unsafe {
        obj.cast::<BytesObject>().as_ptr().write(BytesObject {
            ob: PyObject::new(ty),
            hash: Cell::new(-1),
            len: data.len(),
        });
        let p = obj.cast::<u8>().as_ptr().add(HEAD);
        std::ptr::copy_nonoverlapping(data.as_ptr(), p, data.len());
        *p.add(data.len()) = 0;
    }
    // SAFETY: new object, we own it.
    let r = unsafe { Ref::from_raw(obj) };
    if ty.flags().contains(TypeFlags::HAS_GC) {
        heap::track(&r);
    }
    r
}

/// The data of a bytes object.
pub fn as_bytes(obj: &PyObject) -> Option<&[u8]> {
    obj.downcast::<BytesObject>().map(BytesObject::as_bytes)
}

/// CPython's repr of a byte string: `b'...'` with escapes.
pub fn bytes_repr_str(data: &[u8]) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::from("b");
    out.push(quote as char);
    for &c in data {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote as char);
    out
}

unsafe fn bytes_drop(_obj: NonNull<PyObject>) {}

fn bytes_sizeof(obj: &PyObject) -> usize {
    HEAD + obj.downcast::<BytesObject>().expect("bytes").len + 1
}

fn bytes_repr(obj: &PyObject) -> PyResult {
    Ok(super::str::from_string(bytes_repr_str(
        as_bytes(obj).unwrap_or(&[]),
    )))
}

fn bytes_hash(obj: &PyObject) -> PyResult<i64> {
    Ok(obj.downcast::<BytesObject>().expect("bytes").hash())
}

fn bytes_len(obj: &PyObject) -> PyResult<usize> {
    Ok(as_bytes(obj).unwrap_or(&[]).len())
}

/// `bytes`. Methods live in `bytes_methods.rs`.
pub static BYTES_TYPE: TypeObject = TypeObject::new_static(
    "bytes",
    HEAD,
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags::BASETYPE,
    Slots {
        drop: bytes_drop,
        sizeof: bytes_sizeof,
        repr: Cell::new(bytes_repr),
        hash: Cell::new(Some(bytes_hash)),
        len: Cell::new(Some(bytes_len)),
        ..Slots::empty()
    },
    &super::bytes_methods::BYTES_METHODS,
    &[],
);
