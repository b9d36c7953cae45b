//! `float`: an IEEE double. `repr` is the shortest round-trip form exactly
//! as CPython prints it (`float_repr.rs`); the hash is CPython's.
//!
//! **FLOAT-1 (free list).** As CPython keeps up to 100 freed floats for
//! reuse, a [`FreeList`] (FREELIST-1) holds up to [`FREE_MAX`] blocks of
//! freed *exact* floats (no pre-header: float is neither GC nor has a
//! dict). `new_float` pops a block instead of allocating; `heap::dealloc`
//! pushes an exact float's block instead of freeing it while the list has
//! room. Measured on `benches/python/nbody.py`: see the commit that added
//! it.

use std::cell::Cell;
use std::ptr::NonNull;

use super::err::PyResult;
use super::freelist::FreeList;
use super::global::Global;
use super::heap;
use super::object::{PyObject, PyPayload, Ref};
use super::typeobj::{Slots, TypeFlags, TypeObject};

/// A float object.
#[repr(C)]
pub struct FloatObject {
    ob: PyObject,
    /// The value.
    pub value: f64,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first.
unsafe impl PyPayload for FloatObject {
    fn static_type() -> &'static TypeObject {
        &FLOAT_TYPE
    }
}

/// Most blocks the free list keeps (CPython's `PyFloat_MAXFREELIST`).
pub const FREE_MAX: usize = 100;

static FREE_LIST: Global<FreeList> = Global::new(FreeList::new(FREE_MAX));

/// Blocks on the float free list now (tests, statistics).
pub fn free_list_len() -> usize {
    FREE_LIST.get().len()
}

/// A new float.
#[inline]
pub fn new_float(v: f64) -> Ref {
    if let Some(obj) = FREE_LIST.get().pop() {
        // SAFETY: FLOAT-1 — a block from the list has an exact float's
        // size and no pre-header; we write a whole new object over it.
        unsafe {
            obj.cast::<FloatObject>().as_ptr().write(FloatObject {
                ob: PyObject::new(&FLOAT_TYPE),
                value: v,
            })
        };
        // SAFETY: a new object with refcount 1, owned by the new Ref.
        return unsafe { Ref::from_raw(obj) };
    }
    new_float_of_type(&FLOAT_TYPE, v)
}

/// Keep the block of an exact float whose refcount reached zero on the
/// free list instead of freeing it; `false` when the list is full (the
/// caller then frees it as usual).
///
/// # Safety
///
/// `obj` is an exact float with refcount zero, not used again by the
/// caller when this returns `true`.
#[inline]
pub unsafe fn free_list_push(obj: NonNull<PyObject>) -> bool {
    // SAFETY: FLOAT-1 — an exact float has no payload to drop, its block
    // is a float's size without pre-header; the caller's contract.
    unsafe { FREE_LIST.get().push(obj) }
}

/// A float of type `ty` (a float subclass).
pub fn new_float_of_type(ty: &TypeObject, v: f64) -> Ref {
    let obj = heap::alloc_object(ty, ty.basicsize);
    // SAFETY: the block has room for a FloatObject.
    unsafe {
        obj.cast::<FloatObject>().as_ptr().write(FloatObject {
            ob: PyObject::new(ty),
            value: v,
        })
    };
    // SAFETY: new object, we own it.
    let r = unsafe { Ref::from_raw(obj) };
    if ty.flags().contains(TypeFlags::HAS_GC) {
        heap::track(&r);
    }
    r
}

/// The value of a float (or subclass) object.
#[inline(always)]
pub fn as_float(obj: &PyObject) -> Option<f64> {
    obj.downcast::<FloatObject>().map(|f| f.value)
}

/// CPython's hash of a float (`_Py_HashDouble`).
pub fn hash_float(v: f64) -> i64 {
    if v.is_nan() {
        return 0; // CPython hashes NaN by identity; callers use the object's
    }
    if v.is_infinite() {
        return if v > 0.0 { 314159 } else { -314159 };
    }
    let modulus = super::int::HASH_MODULUS;
    let (mut m, mut e) = frexp(v.abs());
    let sign: i64 = if v < 0.0 { -1 } else { 1 };
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & modulus) | x >> (61 - 28);
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= modulus {
            x -= modulus;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    };
    x = ((x << e) & modulus) | x >> (61 - e);
    let h = x as i64 * sign;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `frexp`: mantissa in [0.5, 1) and exponent.
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

fn float_repr(obj: &PyObject) -> PyResult {
    Ok(super::str::from_string(super::float_repr::float_repr(
        as_float(obj).unwrap_or(0.0),
    )))
}

fn float_hash(obj: &PyObject) -> PyResult<i64> {
    let v = as_float(obj).unwrap_or(0.0);
    if v.is_nan() {
        return Ok((obj.addr() >> 4) as i64);
    }
    Ok(hash_float(v))
}

/// `float`. Arithmetic slots are installed by `float_ops::install`.
pub static FLOAT_TYPE: TypeObject = TypeObject::new_static(
    "float",
    std::mem::size_of::<FloatObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags::BASETYPE,
    Slots {
        repr: Cell::new(float_repr),
        hash: Cell::new(Some(float_hash)),
        ..Slots::empty()
    },
    &super::float_ops::FLOAT_METHODS,
    &super::float_ops::FLOAT_GETSETS,
);
