//! Key equality and hashing that run no Python code, for the dict and set
//! lookups: two exact ints or two exact strs compare in place (CPython's
//! `unicode_eq` and `lookdict_unicode` shortcuts), and their hashes are
//! computed inline instead of through the `hash` slot. Any other key takes
//! the general path (`__eq__`, `__hash__`), which may run Python code.

use super::err::PyResult;
use super::int::IntObject;
use super::object::{PyObject, Ref};
use super::str::StrObject;

/// What one probed slot of a hash table says about the key looked for.
pub enum Probe {
    /// The slot holds the key.
    Found,
    /// It holds another key: probe on.
    Next,
    /// `__eq__` changed the table: start the lookup again.
    Restart,
}

/// Compare the key `k` of a probed slot (whose stored hash equals the
/// key's hash when `same_hash`) with `key`: identity, then native
/// equality, then `__eq__`, which may run Python code — after it,
/// `changed()` says whether the table moved under the probe.
#[inline(always)]
pub fn compare_key(
    k: &Ref,
    key: &PyObject,
    same_hash: bool,
    changed: impl FnOnce() -> bool,
) -> PyResult<Probe> {
    if k.is(key) {
        return Ok(Probe::Found);
    }
    if !same_hash {
        return Ok(Probe::Next);
    }
    match eq_native(k, key) {
        Some(true) => Ok(Probe::Found),
        Some(false) => Ok(Probe::Next),
        None => {
            let k = k.clone();
            let eq = super::protocol::eq(&k, key)?;
            Ok(if changed() {
                Probe::Restart
            } else if eq {
                Probe::Found
            } else {
                Probe::Next
            })
        }
    }
}

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
