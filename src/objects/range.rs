//! `range` and its iterators. A range keeps its `start`, `stop`, `step`
//! and length as int objects (any size); when all four fit an `i64` it
//! also keeps them as machine words (`small`), and every operation takes
//! that path first. `for i in range(n)` — the hottest loop of most
//! programs — runs on [`RangeIterObject`], whose `next` costs one add, one
//! decrement and the int result (a small-int-cache hit or one allocation).
//!
//! RANGE-1: `small` is `Some((start, stop, step, len))` exactly when the
//! four values fit an `i64`; the iterator made from a small range never
//! produces a value outside `start..stop` (its position may wrap only
//! after the last item).

use std::cell::{Cell, RefCell};
use std::ptr::NonNull;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::bool::new_bool;
use super::err::{index_error, overflow_error, type_error, value_error, PyResult};
use super::int::{as_int, new_bigint, new_int, INT_TYPE};
use super::method_args::{no_args, one_arg};
use super::none::{none, not_implemented};
use super::object::{PyObject, PyPayload, Ref};
use super::protocol;
use super::sequence::{self, Subscript};
use super::str::from_string;
use super::typeobj::{GetSetDef, KwNames, MethodDef, MethodKind, Slots, TypeFlags, TypeObject};
use super::{heap, iterators};
use crate::compile::opcode::CompareOp;

/// A range object.
#[repr(C)]
pub struct RangeObject {
    ob: PyObject,
    start: Ref,
    stop: Ref,
    step: Ref,
    length: Ref,
    /// RANGE-1.
    small: Option<(i64, i64, i64, i64)>,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first.
unsafe impl PyPayload for RangeObject {
    fn static_type() -> &'static TypeObject {
        &RANGE_TYPE
    }
}

fn big(obj: &PyObject) -> BigInt {
    as_int(obj).map(|i| i.to_bigint()).unwrap_or_default()
}

/// The number of items of `range(start, stop, step)` (`step != 0`).
fn range_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    if step.is_positive() {
        if start < stop {
            (stop - start - 1u32) / step + 1u32
        } else {
            BigInt::zero()
        }
    } else if start > stop {
        (start - stop - 1u32) / (-step) + 1u32
    } else {
        BigInt::zero()
    }
}

fn small_len(start: i64, stop: i64, step: i64) -> i128 {
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    if step > 0 {
        if start < stop {
            (stop - start - 1) / step + 1
        } else {
            0
        }
    } else if start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    }
}

/// A new range from three int objects (`step != 0`).
fn make_range(start: Ref, stop: Ref, step: Ref) -> Ref {
    let small = match (
        super::int::small_value(&start),
        super::int::small_value(&stop),
        super::int::small_value(&step),
    ) {
        (Some(a), Some(b), Some(c)) => i64::try_from(small_len(a, b, c)).ok().map(|n| (a, b, c, n)),
        _ => None,
    };
    let length = match small {
        Some((_, _, _, n)) => new_int(n),
        None => new_bigint(range_len(&big(&start), &big(&stop), &big(&step))),
    };
    let obj = heap::alloc_object(&RANGE_TYPE, std::mem::size_of::<RangeObject>());
    let r = RangeObject {
        ob: PyObject::new(&RANGE_TYPE),
        start,
        stop,
        step,
        length,
        small,
    };
    // SAFETY: the block has room for a RangeObject.
    unsafe { obj.cast::<RangeObject>().as_ptr().write(r) };
    // SAFETY: a new object; we own its reference.
    unsafe { Ref::from_raw(obj) }
}

/// `range(start, stop, step)` from machine words (`step != 0`).
pub fn new_range(start: i64, stop: i64, step: i64) -> Ref {
    make_range(new_int(start), new_int(stop), new_int(step))
}

fn payload(obj: &PyObject) -> &RangeObject {
    obj.downcast::<RangeObject>().expect("range")
}

/// The range payload of `obj`, if it is a range.
pub fn as_range(obj: &PyObject) -> Option<&RangeObject> {
    obj.downcast_exact::<RangeObject>()
}

impl RangeObject {
    /// `(start, stop, step, len)` when they fit machine words (RANGE-1).
    #[inline]
    pub fn small(&self) -> Option<(i64, i64, i64, i64)> {
        self.small
    }
}

fn range_new(_ty: &TypeObject, args: &[Ref], kw: KwNames<'_>) -> PyResult {
    super::method_args::no_kw("range", kw)?;
    let int_arg = |v: &Ref| protocol::index(v);
    match args.len() {
        0 => Err(type_error("range expected at least 1 argument, got 0")),
        1 => Ok(make_range(new_int(0), int_arg(&args[0])?, new_int(1))),
        2 | 3 => {
            let start = int_arg(&args[0])?;
            let stop = int_arg(&args[1])?;
            let step = match args.get(2) {
                Some(s) => int_arg(s)?,
                None => new_int(1),
            };
            if super::int::small_value(&step) == Some(0) {
                return Err(value_error("range() arg 3 must not be zero"));
            }
            Ok(make_range(start, stop, step))
        }
        n => Err(type_error(format!(
            "range expected at most 3 arguments, got {n}"
        ))),
    }
}

fn range_len_slot(obj: &PyObject) -> PyResult<usize> {
    let r = payload(obj);
    match super::int::small_value(&r.length) {
        Some(n) => Ok(n as usize),
        None => Err(overflow_error(
            "Python int too large to convert to C ssize_t",
        )),
    }
}

fn range_bool(obj: &PyObject) -> PyResult<bool> {
    let r = payload(obj);
    Ok(super::int::small_value(&r.length) != Some(0))
}

fn range_repr(obj: &PyObject) -> PyResult {
    let r = payload(obj);
    let s = |v: &Ref| protocol::repr_string(v);
    let text = if super::int::small_value(&r.step) == Some(1) {
        format!("range({}, {})", s(&r.start)?, s(&r.stop)?)
    } else {
        format!("range({}, {}, {})", s(&r.start)?, s(&r.stop)?, s(&r.step)?)
    };
    Ok(from_string(text))
}

/// Item `i` (already known to be in `0..len`) as an int object.
fn item_at(r: &RangeObject, i: &BigInt) -> Ref {
    if let (Some((start, _, step, _)), Some(i)) = (r.small, i.to_i64()) {
        // In range by RANGE-1, so it fits an i64.
        return new_int((start as i128 + i as i128 * step as i128) as i64);
    }
    new_bigint(big(&r.start) + i * big(&r.step))
}

fn range_getitem(obj: &PyObject, key: &PyObject) -> PyResult {
    let r = payload(obj);
    match sequence::subscript(key, "range") {
        Ok(Subscript::Index(i)) => {
            if let Some((start, _, step, len)) = r.small {
                let j = if i < 0 {
                    i as i128 + len as i128
                } else {
                    i as i128
                };
                if j < 0 || j >= len as i128 {
                    return Err(index_error("range object index out of range"));
                }
                return Ok(new_int((start as i128 + j * step as i128) as i64));
            }
            index_big(r, &BigInt::from(i))
        }
        Ok(Subscript::Slice(s)) => slice_range(r, s),
        Err(e) => {
            // Indices past i64 are still fine for a range.
            if let Some(i) = as_int(key) {
                return index_big(r, &i.to_bigint());
            }
            if key.ty().slots.index.get().is_some() {
                let v = protocol::index(key)?;
                return index_big(r, &big(&v));
            }
            Err(e)
        }
    }
}

fn index_big(r: &RangeObject, i: &BigInt) -> PyResult {
    let len = big(&r.length);
    let j = if i.is_negative() { i + &len } else { i.clone() };
    if j.is_negative() || j >= len {
        return Err(index_error("range object index out of range"));
    }
    Ok(item_at(r, &j))
}

/// A slice component as a BigInt (`None` stays `None`).
fn slice_part(v: &PyObject) -> PyResult<Option<BigInt>> {
    if v.is(super::none::none_ref()) {
        return Ok(None);
    }
    if let Some(i) = as_int(v) {
        return Ok(Some(i.to_bigint()));
    }
    match v.ty().slots.index.get() {
        Some(f) => Ok(Some(big(&*f(v)?))),
        None => Err(type_error(
            "slice indices must be integers or None or have an __index__ method",
        )),
    }
}

/// `range[slice]` (CPython's `compute_slice` over `_PySlice_GetLongIndices`).
fn slice_range(r: &RangeObject, s: &super::slice::SliceObject) -> PyResult {
    let len = big(&r.length);
    let step = slice_part(&s.step)?.unwrap_or_else(BigInt::one);
    if step.is_zero() {
        return Err(value_error("slice step cannot be zero"));
    }
    let neg = step.is_negative();
    let (lower, upper) = if neg {
        (BigInt::from(-1), &len - 1u32)
    } else {
        (BigInt::zero(), len.clone())
    };
    let clamp = |v: Option<BigInt>, default: &BigInt| -> BigInt {
        match v {
            None => default.clone(),
            Some(mut x) => {
                if x.is_negative() {
                    x += &len;
                    if x < lower {
                        x = lower.clone();
                    }
                } else if x > upper {
                    x = upper.clone();
                }
                x
            }
        }
    };
    let start = clamp(slice_part(&s.start)?, if neg { &upper } else { &lower });
    let stop = clamp(slice_part(&s.stop)?, if neg { &lower } else { &upper });
    let (rstart, rstep) = (big(&r.start), big(&r.step));
    Ok(make_range(
        new_bigint(&rstart + &start * &rstep),
        new_bigint(&rstart + &stop * &rstep),
        new_bigint(&step * &rstep),
    ))
}

fn is_exact_int(obj: &PyObject) -> bool {
    std::ptr::eq(obj.ty(), &INT_TYPE) || super::bool::as_bool(obj).is_some()
}

/// The position of int `x` in the range, if it is an item (O(1)).
fn int_position(r: &RangeObject, x: &PyObject) -> Option<BigInt> {
    if let (Some((start, stop, step, _)), Some(v)) = (r.small, super::int::small_value(x)) {
        let inside = if step > 0 {
            start <= v && v < stop
        } else {
            stop < v && v <= start
        };
        let off = v as i128 - start as i128;
        if inside && off % step as i128 == 0 {
            return Some(BigInt::from(off / step as i128));
        }
        return None;
    }
    let (start, stop, step) = (big(&r.start), big(&r.stop), big(&r.step));
    let v = big(x);
    let inside = if step.is_positive() {
        start <= v && v < stop
    } else {
        stop < v && v <= start
    };
    let off = v - &start;
    if inside && off.mod_floor(&step).is_zero() {
        Some(off / step)
    } else {
        None
    }
}

fn range_contains(obj: &PyObject, x: &PyObject) -> PyResult<bool> {
    let r = payload(obj);
    if is_exact_int(x) {
        return Ok(int_position(r, x).is_some());
    }
    let it = protocol::iter(obj)?;
    while let Some(v) = protocol::next(&it)? {
        if protocol::eq(&v, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn range_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (as_range(a), as_range(b)) else {
        return Ok(not_implemented());
    };
    let eq = match op {
        CompareOp::Eq => true,
        CompareOp::Ne => false,
        _ => return Ok(not_implemented()),
    };
    let same = a.is(b) || ranges_equal(x, y);
    Ok(new_bool(same == eq))
}

fn ranges_equal(x: &RangeObject, y: &RangeObject) -> bool {
    let len = big(&x.length);
    if len != big(&y.length) {
        return false;
    }
    if len.is_zero() {
        return true;
    }
    if big(&x.start) != big(&y.start) {
        return false;
    }
    len.is_one() || big(&x.step) == big(&y.step)
}

fn range_hash(obj: &PyObject) -> PyResult<i64> {
    let r = payload(obj);
    let len = big(&r.length);
    let (start, step) = if len.is_zero() {
        (none(), none())
    } else if len.is_one() {
        (r.start.clone(), none())
    } else {
        (r.start.clone(), r.step.clone())
    };
    let parts = [r.length.clone(), start, step];
    super::tuple_methods::hash_items(parts.iter().map(|v| protocol::hash(v)))
}

fn m_count(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let x = one_arg("range.count", args, kw)?;
    let r = payload(&args[0]);
    if is_exact_int(x) {
        return Ok(new_int(int_position(r, x).is_some() as i64));
    }
    let it = protocol::iter(&args[0])?;
    let mut n = 0;
    while let Some(v) = protocol::next(&it)? {
        if protocol::eq(&v, x)? {
            n += 1;
        }
    }
    Ok(new_int(n))
}

fn m_index(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let x = one_arg("range.index", args, kw)?;
    let r = payload(&args[0]);
    if is_exact_int(x) {
        if let Some(i) = int_position(r, x) {
            return Ok(new_bigint(i));
        }
    } else {
        let it = protocol::iter(&args[0])?;
        let mut i = 0i64;
        while let Some(v) = protocol::next(&it)? {
            if protocol::eq(&v, x)? {
                return Ok(new_int(i));
            }
            i += 1;
        }
    }
    Err(value_error(format!(
        "{} is not in range",
        protocol::repr_string(x)?
    )))
}

fn m_reversed(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("range.__reversed__", args, kw)?;
    let r = payload(&args[0]);
    if let Some((start, _, step, len)) = r.small {
        if let Some(neg) = step.checked_neg() {
            let last = if len == 0 {
                start
            } else {
                (start as i128 + (len as i128 - 1) * step as i128) as i64
            };
            return Ok(new_small_iter(last, neg, len as u64));
        }
    }
    let len = big(&r.length);
    let step = big(&r.step);
    let last = if len.is_zero() {
        big(&r.start)
    } else {
        big(&r.start) + (&len - 1u32) * &step
    };
    Ok(new_long_iter(last, -step, len))
}

fn m_reduce(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("range.__reduce__", args, kw)?;
    let r = payload(&args[0]);
    let t = super::tuple::new_tuple(vec![r.start.clone(), r.stop.clone(), r.step.clone()]);
    Ok(super::tuple::new_tuple(vec![RANGE_TYPE.to_ref(), t]))
}

static RANGE_METHODS: [MethodDef; 4] = [
    MethodDef {
        name: "count",
        func: m_count,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "index",
        func: m_index,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "__reversed__",
        func: m_reversed,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "__reduce__",
        func: m_reduce,
        kind: MethodKind::Instance,
    },
];

static RANGE_GETSETS: [GetSetDef; 3] = [
    GetSetDef {
        name: "start",
        get: |o| Ok(payload(o).start.clone()),
        set: None,
    },
    GetSetDef {
        name: "stop",
        get: |o| Ok(payload(o).stop.clone()),
        set: None,
    },
    GetSetDef {
        name: "step",
        get: |o| Ok(payload(o).step.clone()),
        set: None,
    },
];

unsafe fn range_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; payload per PAYLOAD-1.
    unsafe { std::ptr::drop_in_place(obj.cast::<RangeObject>().as_ptr()) }
}

fn range_iter(obj: &PyObject) -> PyResult {
    let r = payload(obj);
    Ok(match r.small {
        Some((start, _, step, len)) => new_small_iter(start, step, len as u64),
        None => new_long_iter(big(&r.start), big(&r.step), big(&r.length)),
    })
}

/// `range`.
pub static RANGE_TYPE: TypeObject = TypeObject::new_static(
    "range",
    std::mem::size_of::<RangeObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags(0),
    Slots {
        drop: range_drop,
        repr: Cell::new(range_repr),
        hash: Cell::new(Some(range_hash)),
        richcompare: Cell::new(Some(range_richcompare)),
        iter: Cell::new(Some(range_iter)),
        new: Cell::new(Some(range_new)),
        bool: Cell::new(Some(range_bool)),
        len: Cell::new(Some(range_len_slot)),
        getitem: Cell::new(Some(range_getitem)),
        contains: Cell::new(Some(range_contains)),
        ..Slots::empty()
    },
    &RANGE_METHODS,
    &RANGE_GETSETS,
);

// ---------------------------------------------------------------------------
// Iterators

/// The iterator of a small range (RANGE-1): the next value, the step and
/// how many values are left.
#[repr(C)]
pub struct RangeIterObject {
    ob: PyObject,
    next: Cell<i64>,
    step: i64,
    remaining: Cell<u64>,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first.
unsafe impl PyPayload for RangeIterObject {
    fn static_type() -> &'static TypeObject {
        &RANGE_ITER_TYPE
    }
}

fn new_small_iter(start: i64, step: i64, len: u64) -> Ref {
    let obj = heap::alloc_object(&RANGE_ITER_TYPE, std::mem::size_of::<RangeIterObject>());
    let it = RangeIterObject {
        ob: PyObject::new(&RANGE_ITER_TYPE),
        next: Cell::new(start),
        step,
        remaining: Cell::new(len),
    };
    // SAFETY: the block has room for a RangeIterObject.
    unsafe { obj.cast::<RangeIterObject>().as_ptr().write(it) };
    // SAFETY: a new object; we own its reference.
    unsafe { Ref::from_raw(obj) }
}

/// `next` of a small range iterator: no allocation beyond the result.
#[inline]
fn range_iter_next(obj: &PyObject) -> PyResult<Option<Ref>> {
    // SAFETY: PAYLOAD-1 — this slot is only installed on RANGE_ITER_TYPE.
    let it = unsafe { &*(obj as *const PyObject as *const RangeIterObject) };
    let left = it.remaining.get();
    if left == 0 {
        return Ok(None);
    }
    let v = it.next.get();
    it.remaining.set(left - 1);
    it.next.set(v.wrapping_add(it.step)); // RANGE-1: may wrap only after the last
    Ok(Some(new_int(v)))
}

fn m_iter_length_hint(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    let it = args[0]
        .downcast::<RangeIterObject>()
        .expect("range_iterator");
    Ok(new_bigint(BigInt::from(it.remaining.get())))
}

static RANGE_ITER_METHODS: [MethodDef; 1] = [MethodDef {
    name: "__length_hint__",
    func: m_iter_length_hint,
    kind: MethodKind::Instance,
}];

unsafe fn noop_drop(_obj: NonNull<PyObject>) {}

/// `range_iterator`.
pub static RANGE_ITER_TYPE: TypeObject = TypeObject::new_static(
    "range_iterator",
    std::mem::size_of::<RangeIterObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags(0),
    Slots {
        drop: noop_drop,
        iter: Cell::new(Some(iterators::self_iter)),
        next: Cell::new(Some(range_iter_next)),
        ..Slots::empty()
    },
    &RANGE_ITER_METHODS,
    &[],
);

/// The iterator of a range past machine words: next value, step, count
/// left.
#[repr(C)]
pub struct LongRangeIterObject {
    ob: PyObject,
    state: RefCell<(BigInt, BigInt, BigInt)>,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first.
unsafe impl PyPayload for LongRangeIterObject {
    fn static_type() -> &'static TypeObject {
        &LONG_RANGE_ITER_TYPE
    }
}

fn new_long_iter(start: BigInt, step: BigInt, len: BigInt) -> Ref {
    let obj = heap::alloc_object(
        &LONG_RANGE_ITER_TYPE,
        std::mem::size_of::<LongRangeIterObject>(),
    );
    let it = LongRangeIterObject {
        ob: PyObject::new(&LONG_RANGE_ITER_TYPE),
        state: RefCell::new((start, step, len)),
    };
    // SAFETY: the block has room for a LongRangeIterObject.
    unsafe { obj.cast::<LongRangeIterObject>().as_ptr().write(it) };
    // SAFETY: a new object; we own its reference.
    unsafe { Ref::from_raw(obj) }
}

fn long_iter_next(obj: &PyObject) -> PyResult<Option<Ref>> {
    let it = obj
        .downcast::<LongRangeIterObject>()
        .expect("longrange_iterator");
    let mut st = it.state.borrow_mut();
    if !st.2.is_positive() {
        return Ok(None);
    }
    let v = st.0.clone();
    st.0 = &v + &st.1;
    st.2 -= 1u32;
    Ok(Some(new_bigint(v)))
}

fn m_long_length_hint(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    let it = args[0]
        .downcast::<LongRangeIterObject>()
        .expect("longrange_iterator");
    let n = it.state.borrow().2.clone();
    Ok(new_bigint(n))
}

static LONG_RANGE_ITER_METHODS: [MethodDef; 1] = [MethodDef {
    name: "__length_hint__",
    func: m_long_length_hint,
    kind: MethodKind::Instance,
}];

unsafe fn long_iter_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; payload per PAYLOAD-1.
    unsafe { std::ptr::drop_in_place(obj.cast::<LongRangeIterObject>().as_ptr()) }
}

/// `longrange_iterator`.
pub static LONG_RANGE_ITER_TYPE: TypeObject = TypeObject::new_static(
    "longrange_iterator",
    std::mem::size_of::<LongRangeIterObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags(0),
    Slots {
        drop: long_iter_drop,
        iter: Cell::new(Some(iterators::self_iter)),
        next: Cell::new(Some(long_iter_next)),
        ..Slots::empty()
    },
    &LONG_RANGE_ITER_METHODS,
    &[],
);
