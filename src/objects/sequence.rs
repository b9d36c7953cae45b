//! What the built-in sequences (list, tuple, range) share: decoding a
//! subscript into an index or a slice, repeat counts, the `start`/`stop`
//! arguments of `index()`, and the turn the other operand gets at `+` and
//! `*` before the sequence's own concatenation or repetition (CPython tries
//! `nb_add`/`nb_multiply` of the other operand before `sq_concat` /
//! `sq_repeat`).
//!
//! SEQ-1 (no mutual recursion): a sequence's `+`/`*` slot hands over to the
//! other operand's slot only when its own type is the *left* operand, and
//! returns `NotImplemented` at once when called reflected for a left
//! operand that is not its kind; two slots following this rule never call
//! each other back.

use super::err::{overflow_error, type_error, PyResult};
use super::int::{as_int, small_value, to_i64};
use super::none::not_implemented_ref;
use super::object::{PyObject, Ref};
use super::slice::{as_slice, SliceObject};
use super::typeobj::BinaryFn;
use crate::compile::opcode::BinaryOp;

/// A decoded subscript.
pub enum Subscript<'a> {
    /// An integer index (not yet normalised against the length).
    Index(i64),
    /// A slice.
    Slice(&'a SliceObject),
}

/// Decode `key` for `what[key]`: ints and `__index__` objects are indices,
/// slices are slices; anything else is CPython's TypeError ("list indices
/// must be integers or slices, not str").
#[inline]
pub fn subscript<'a>(key: &'a PyObject, what: &str) -> PyResult<Subscript<'a>> {
    if let Some(i) = small_value(key) {
        return Ok(Subscript::Index(i));
    }
    if let Some(s) = as_slice(key) {
        return Ok(Subscript::Slice(s));
    }
    if as_int(key).is_some() || key.ty().slots.index.get().is_some() {
        return Ok(Subscript::Index(super::protocol::index_i64(key)?));
    }
    Err(type_error(format!(
        "{what} indices must be integers or slices, not {}",
        key.ty().name()
    )))
}

/// Whether `obj` can be a repeat count (an int or has `__index__`).
#[inline]
pub fn is_index_like(obj: &PyObject) -> bool {
    as_int(obj).is_some() || obj.ty().slots.index.get().is_some()
}

/// The repeat count `n` of `seq * n` (CPython's `PyNumber_AsSsize_t` with
/// OverflowError); negative counts are 0.
pub fn repeat_count(n: &PyObject) -> PyResult<usize> {
    if let Some(v) = small_value(n) {
        return Ok(v.max(0) as usize);
    }
    let i = super::protocol::index(n)?;
    match as_int(&i).and_then(to_i64) {
        Some(v) => Ok(v.max(0) as usize),
        None => Err(overflow_error(format!(
            "cannot fit '{}' into an index-sized integer",
            n.ty().name()
        ))),
    }
}

/// "can't multiply sequence by non-int of type 'float'".
#[cold]
pub fn cant_multiply(n: &PyObject) -> super::err::PyErr {
    type_error(format!(
        "can't multiply sequence by non-int of type '{}'",
        n.ty().name()
    ))
}

/// Give `other`'s slot for `op` its turn at `a op b` (SEQ-1): `Some` when
/// it produced a result other than `NotImplemented`.
pub fn try_other_slot(
    a: &PyObject,
    b: &PyObject,
    other: &PyObject,
    op: BinaryOp,
    own: BinaryFn,
) -> PyResult<Option<Ref>> {
    if let Some(f) = other.ty().slots.binary[op as usize].get() {
        if f as usize != own as usize {
            let r = f(a, b)?;
            if !r.is(not_implemented_ref()) {
                return Ok(Some(r));
            }
        }
    }
    Ok(None)
}

/// A `start`/`stop` argument of `index()` (CPython's
/// `_PyEval_SliceIndexNotNone`): an int or `__index__` object, clamped to
/// the i64 range.
pub fn slice_index(v: &PyObject) -> PyResult<i64> {
    if let Some(i) = small_value(v) {
        return Ok(i);
    }
    if let Some(i) = as_int(v) {
        return Ok(if i.to_bigint().sign() == num_bigint::Sign::Minus {
            i64::MIN
        } else {
            i64::MAX
        });
    }
    match v.ty().slots.index.get() {
        Some(f) => slice_index(&*f(v)?),
        None => Err(type_error(
            "slice indices must be integers or have an __index__ method",
        )),
    }
}

/// Normalise the optional `start`/`stop` of `index()` against `len`
/// (negative values count from the end, then clamp to `0..=len`).
pub fn index_range(
    start: Option<&Ref>,
    stop: Option<&Ref>,
    len: usize,
) -> PyResult<(usize, usize)> {
    let norm = |v: i64| -> usize {
        let v = if v < 0 {
            v.saturating_add(len as i64)
        } else {
            v
        };
        v.clamp(0, len as i64) as usize
    };
    let lo = match start {
        Some(s) => norm(slice_index(s)?),
        None => 0,
    };
    let hi = match stop {
        Some(s) => norm(slice_index(s)?),
        None => len,
    };
    Ok((lo, hi))
}

/// The indices a slice selects from a sequence of `len` items:
/// `(start, step, count)`.
pub fn slice_indices(s: &SliceObject, len: usize) -> PyResult<(i64, i64, usize)> {
    let (start, _stop, step, n) = s.indices(len)?;
    Ok((start, step, n))
}
