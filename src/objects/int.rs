//! `int`: arbitrary precision with a machine-word fast path. A value that
//! fits an `i64` is stored inline (`Small`); larger ones hold a `BigInt`
//! (num-bigint; its digit buffer lives on the Rust heap, not in pyrite's
//! arenas — a known difference from CPython's inline digits). Small ints
//! −5..=256 are preallocated statics, as in CPython.
//!
//! INT-1: a `Big` value never fits an `i64` (values are normalised), so
//! `Small` vs `Big` decides equality quickly.
//!
//! INT-2 (free list): ints outside the preallocated range are made and
//! dropped at a high rate (loop counters, indexes, sums), so blocks of dead
//! exact ints are kept for reuse as floats' are (FREELIST-1, at most
//! [`FREE_MAX`]); `heap::dealloc` hands an exact int to [`free_list_push`],
//! which drops its value and keeps the block. CPython has no int free list
//! (its allocator is cheaper than ours); the benefit is measured in the
//! commit that added it.

use std::cell::Cell;
use std::mem::ManuallyDrop;
use std::ptr::NonNull;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::err::PyResult;
use super::freelist::FreeList;
use super::global::Global;
use super::heap;
use super::object::{PyObject, PyPayload, Ref};
use super::typeobj::{Slots, TypeFlags, TypeObject};

/// An int's value (INT-1).
#[derive(Clone, Debug, PartialEq)]
pub enum IntValue {
    /// Fits a machine word.
    Small(i64),
    /// Does not fit a machine word.
    Big(BigInt),
}

/// An int object (also the layout of `bool`).
#[repr(C)]
pub struct IntObject {
    ob: PyObject,
    value: ManuallyDrop<IntValue>,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first; ints and bools are laid
// out so.
unsafe impl PyPayload for IntObject {
    fn static_type() -> &'static TypeObject {
        &INT_TYPE
    }
}

impl IntObject {
    /// The value.
    #[inline(always)]
    pub fn value(&self) -> &IntValue {
        &self.value
    }

    /// The value if it fits an i64.
    #[inline(always)]
    pub fn small(&self) -> Option<i64> {
        match &*self.value {
            IntValue::Small(v) => Some(*v),
            IntValue::Big(_) => None,
        }
    }

    /// The value as a BigInt.
    pub fn to_bigint(&self) -> BigInt {
        match &*self.value {
            IntValue::Small(v) => BigInt::from(*v),
            IntValue::Big(b) => b.clone(),
        }
    }

    pub(super) const fn new_static(ty: &'static TypeObject, v: i64) -> IntObject {
        IntObject {
            ob: PyObject::new_static(ty),
            value: ManuallyDrop::new(IntValue::Small(v)),
        }
    }
}

/// Smallest preallocated int.
pub const SMALL_MIN: i64 = -5;
/// Largest preallocated int.
pub const SMALL_MAX: i64 = 256;
const NSMALL: usize = (SMALL_MAX - SMALL_MIN + 1) as usize;

static SMALL_INTS: [IntObject; NSMALL] = {
    #[allow(clippy::declare_interior_mutable_const)] // only a template for the array repeat
    const ZERO: IntObject = IntObject::new_static(&INT_TYPE, 0);
    let mut a = [ZERO; NSMALL];
    let mut i = 0;
    while i < NSMALL {
        a[i] = IntObject::new_static(&INT_TYPE, i as i64 + SMALL_MIN);
        i += 1;
    }
    a
};

/// A new int.
#[inline]
pub fn new_int(v: i64) -> Ref {
    if (SMALL_MIN..=SMALL_MAX).contains(&v) {
        return Ref::from_static(&SMALL_INTS[(v - SMALL_MIN) as usize]);
    }
    alloc_int(&INT_TYPE, IntValue::Small(v))
}

/// A new int from a BigInt (normalised: INT-1).
pub fn new_bigint(v: BigInt) -> Ref {
    match v.to_i64() {
        Some(s) => new_int(s),
        None => alloc_int(&INT_TYPE, IntValue::Big(v)),
    }
}

/// A new int from an IntValue.
pub fn new_from_value(v: IntValue) -> Ref {
    match v {
        IntValue::Small(s) => new_int(s),
        IntValue::Big(b) => new_bigint(b),
    }
}

/// An int of type `ty` (an int subclass) with value `v`.
pub fn new_int_of_type(ty: &TypeObject, v: IntValue) -> Ref {
    let v = match v {
        IntValue::Big(b) => match b.to_i64() {
            Some(s) => IntValue::Small(s),
            None => IntValue::Big(b),
        },
        s => s,
    };
    alloc_int(ty, v)
}

/// Most blocks the int free list keeps (INT-2).
pub const FREE_MAX: usize = 100;

static FREE_LIST: Global<FreeList> = Global::new(FreeList::new(FREE_MAX));

/// Blocks on the int free list now (statistics).
pub fn free_list_len() -> usize {
    FREE_LIST.get().len()
}

/// Keep the block of an exact int whose refcount reached zero on the free
/// list (dropping its value) instead of freeing it; `false` when the list
/// is full (the caller then frees it as usual).
///
/// # Safety
///
/// `obj` is an exact int with refcount zero, not used again by the caller
/// when this returns `true`.
#[inline]
pub unsafe fn free_list_push(obj: NonNull<PyObject>) -> bool {
    let fl = FREE_LIST.get();
    if fl.len() >= FREE_MAX {
        return false;
    }
    // SAFETY: refcount zero: the value is dropped exactly once, here.
    unsafe { int_drop(obj) };
    // SAFETY: INT-2 — the object is dead, its payload dropped, its block an
    // exact int's size without pre-header; the caller's contract.
    unsafe { fl.push(obj) }
}

fn alloc_int(ty: &TypeObject, v: IntValue) -> Ref {
    let obj = if std::ptr::eq(ty, &INT_TYPE) {
        match FREE_LIST.get().pop() {
            Some(block) => block,
            None => heap::alloc_object(ty, ty.basicsize),
        }
    } else {
        heap::alloc_object(ty, ty.basicsize)
    };
    let o = IntObject {
        ob: PyObject::new(ty),
        value: ManuallyDrop::new(v),
    };
    // SAFETY: the block has room for an IntObject.
    unsafe { obj.cast::<IntObject>().as_ptr().write(o) };
    // SAFETY: new object, we own it.
    let r = unsafe { Ref::from_raw(obj) };
    if ty.flags().contains(TypeFlags::HAS_GC) {
        heap::track(&r);
    }
    r
}

/// The int payload of `obj` (ints, bools and subclasses).
#[inline(always)]
pub fn as_int(obj: &PyObject) -> Option<&IntObject> {
    if obj.ty().flags().contains(TypeFlags::INT_SUBCLASS) {
        // SAFETY: PAYLOAD-1 — int subclasses are laid out as IntObject.
        Some(unsafe { &*(obj as *const PyObject as *const IntObject) })
    } else {
        None
    }
}

/// The int as an i64, if it fits.
#[inline]
pub fn to_i64(i: &IntObject) -> Option<i64> {
    i.small()
}

/// The int value of `obj` as i64 if `obj` is an int that fits.
#[inline(always)]
pub fn small_value(obj: &PyObject) -> Option<i64> {
    as_int(obj).and_then(IntObject::small)
}

/// CPython's modulus for numeric hashes: 2**61 - 1.
pub const HASH_MODULUS: u64 = (1 << 61) - 1;

/// CPython's hash of an int: the value modulo 2**61 - 1, sign kept, -1
/// mapped to -2. Fast path: a value already below the modulus in magnitude
/// is its own hash (one compare instead of a 64-bit division).
#[inline]
pub fn hash_int(i: &IntObject) -> i64 {
    if let IntValue::Small(v) = i.value() {
        if v.unsigned_abs() < HASH_MODULUS {
            return if *v == -1 { -2 } else { *v };
        }
    }
    hash_int_slow(i)
}

#[inline(never)]
fn hash_int_slow(i: &IntObject) -> i64 {
    let h = match i.value() {
        IntValue::Small(v) => {
            let m = (v.unsigned_abs() % HASH_MODULUS) as i64;
            if *v < 0 {
                -m
            } else {
                m
            }
        }
        IntValue::Big(b) => {
            let m = BigInt::from(HASH_MODULUS);
            let r = (b.magnitude() % m.magnitude()).to_i64().unwrap_or(0);
            if b.sign() == num_bigint::Sign::Minus {
                -r
            } else {
                r
            }
        }
    };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// The decimal text of an int.
pub fn int_to_string(i: &IntObject) -> String {
    match i.value() {
        IntValue::Small(v) => v.to_string(),
        IntValue::Big(b) => b.to_string(),
    }
}

unsafe fn int_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; the value is dropped exactly once, here.
    unsafe { ManuallyDrop::drop(&mut (*obj.cast::<IntObject>().as_ptr()).value) }
}

fn int_sizeof(obj: &PyObject) -> usize {
    obj.ty().basicsize
}

/// `int`. Arithmetic slots are installed by `int_ops::install` at start-up.
pub static INT_TYPE: TypeObject = TypeObject::new_static(
    "int",
    std::mem::size_of::<IntObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags(TypeFlags::BASETYPE.0 | TypeFlags::INT_SUBCLASS.0),
    Slots {
        drop: int_drop,
        sizeof: int_sizeof,
        repr: Cell::new(super::int_methods::int_repr),
        hash: Cell::new(Some(int_hash)),
        ..Slots::empty()
    },
    &super::int_methods::INT_METHODS,
    &super::int_methods::INT_GETSETS,
);

fn int_hash(obj: &PyObject) -> PyResult<i64> {
    Ok(hash_int(as_int(obj).expect("int")))
}
