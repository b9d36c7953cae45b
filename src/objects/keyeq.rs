//! Key equality and hashing that run no Python code, for the dict and set
//! lookups: two exact ints or two exact strs compare in place (CPython's
//! `unicode_eq` and `lookdict_unicode` shortcuts), and their hashes are
//! computed inline instead of through the `hash` slot. Any other key takes
//! the general path (`__eq__`, `__hash__`), which may run Python code.

use super::err::PyResult;
use super::int::IntObject;
use super::object::PyObject;
use super::str::StrObject;

/// Equality of two keys that runs no Python code: `Some(equal)` when both
/// are exact ints (INT-1: one representation per value) or both exact
/// strs; `None` for any other pair (the caller compares with `__eq__`).
#[inline(always)]
pub fn eq_native(a: &PyObject, b: &PyObject) -> Option<bool> {
    if let (Some(x), Some(y)) = (
        a.downcast_exact::<IntObject>(),
        b.downcast_exact::<IntObject>(),
    ) {
        return Some(x.value() == y.value());
    }
    if let (Some(x), Some(y)) = (
        a.downcast_exact::<StrObject>(),
        b.downcast_exact::<StrObject>(),
    ) {
        return Some(super::str::str_eq(x, y));
    }
    None
}

/// The hash of a key: exact strs and ints inline (their hash runs no
/// Python code), the `hash` slot otherwise.
#[inline(always)]
pub fn key_hash(key: &PyObject) -> PyResult<i64> {
    if let Some(s) = key.downcast_exact::<StrObject>() {
        return Ok(s.hash());
    }
    if let Some(i) = key.downcast_exact::<IntObject>() {
        return Ok(super::int::hash_int(i));
    }
    super::protocol::hash(key)
}
