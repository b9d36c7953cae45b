//! The operator slots of `str`: construction (`str()`, `str(x)`,
//! `str(b, encoding)`, subclasses), iteration (`str_ascii_iterator` /
//! `str_iterator`), subscripts with ints and slices, `+` (with the in-place
//! append of an unshared left operand), `*`, `%`, comparisons by code point
//! and `in`; plus the index-argument helpers `str` and `bytes` share.

use std::cell::Cell;
use std::ptr::NonNull;

use pyrite_gc::Visitor;

use super::err::{index_error, overflow_error, type_error, PyResult};
use super::heap;
use super::int::{as_int, to_i64};
use super::none::not_implemented;
use super::object::{PyObject, PyPayload, Ref, RefCellSlot};
use super::str::{
    as_str, as_str_object, build_str, char_str, is_exact_str, new_str, new_str_of_type, StrObject,
    STR_TYPE,
};
use super::tuple::items;
use super::typeobj::{KwNames, Slots, TypeFlags, TypeObject};
use crate::compile::opcode::{BinaryOp, CompareOp};

// ---------------------------------------------------------------------------
// Index arguments shared by str, bytes and bytearray.

/// `key` as a sequence index: `Ok(None)` when it is neither an int nor has
/// `__index__`; IndexError "cannot fit 'int' into an index-sized integer"
/// past the machine word.
pub fn seq_index(key: &PyObject) -> PyResult<Option<i64>> {
    if let Some(i) = as_int(key) {
        return match to_i64(i) {
            Some(v) => Ok(Some(v)),
            None => Err(index_error(format!(
                "cannot fit '{}' into an index-sized integer",
                key.ty().name()
            ))),
        };
    }
    if key.ty().slots.index.get().is_some() {
        return super::protocol::index_i64(key).map(Some);
    }
    Ok(None)
}

/// The count of a sequence repetition (`s * n`): `Ok(None)` when `n` is not
/// an integer; OverflowError past the machine word.
pub fn repeat_count(n: &PyObject) -> PyResult<Option<i64>> {
    if as_int(n).is_none() && n.ty().slots.index.get().is_none() {
        return Ok(None);
    }
    let v = super::protocol::index(n)?;
    match to_i64(as_int(&v).expect("index returns int")) {
        Some(x) => Ok(Some(x)),
        None => Err(overflow_error(format!(
            "cannot fit '{}' into an index-sized integer",
            n.ty().name()
        ))),
    }
}

/// A `start` / `end` argument of `find`, `count`, `startswith`…: None or
/// absent means "not given"; ints are clamped to the machine word
/// (CPython's `_PyEval_SliceIndex`).
pub fn slice_arg(v: Option<&Ref>) -> PyResult<Option<i64>> {
    let Some(v) = v else { return Ok(None) };
    if v.is(super::none::none_ref()) {
        return Ok(None);
    }
    let i = if let Some(i) = as_int(v) {
        i
    } else if v.ty().slots.index.get().is_some() {
        let r = super::protocol::index(v)?;
        return slice_arg(Some(&r));
    } else {
        return Err(type_error(
            "slice indices must be integers or None or have an __index__ method",
        ));
    };
    Ok(Some(match to_i64(i) {
        Some(x) => x,
        None if i.to_bigint().sign() == num_bigint::Sign::Minus => i64::MIN,
        None => i64::MAX,
    }))
}

/// CPython's `ADJUST_INDICES`: negative `start` / `end` count from the
/// end (clamped at 0), `end` is clamped to `len`; `start` may stay past
/// `len` (then nothing matches, not even "").
pub fn adjust_range(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let len_i = len as i64;
    let from_end = |v: i64| -> i64 {
        if v < 0 {
            v.saturating_add(len_i).max(0)
        } else {
            v
        }
    };
    let s = start.map_or(0, from_end);
    let e = end.map_or(len_i, |v| from_end(v).min(len_i));
    (
        usize::try_from(s).unwrap_or(usize::MAX),
        usize::try_from(e).unwrap_or(0),
    )
}

/// Collect the positions `start, start+step, …` (`n` of them) of a slice.
pub fn slice_positions(start: i64, step: i64, n: usize) -> impl Iterator<Item = usize> {
    (0..n).map(move |k| (start + step * k as i64) as usize)
}

// ---------------------------------------------------------------------------
// Construction.

fn check_kwnames(fname: &str, kw: KwNames<'_>, names: &[&str]) -> PyResult<usize> {
    let kwn: &[Ref] = kw.map(items).unwrap_or(&[]);
    for k in kwn {
        let k = as_str(k).unwrap_or("");
        if !names.contains(&k) {
            return Err(type_error(format!(
                "'{k}' is an invalid keyword argument for {fname}()"
            )));
        }
    }
    Ok(kwn.len())
}

/// Bind `(object, encoding, errors)`-style constructor arguments.
pub fn ctor_args(
    fname: &str,
    args: &[Ref],
    kw: KwNames<'_>,
    names: &[&str; 3],
) -> PyResult<[Option<Ref>; 3]> {
    check_kwnames(fname, kw, names)?;
    let npos = args.len() - kw.map(items).map_or(0, <[Ref]>::len);
    if npos > 3 {
        return Err(type_error(format!(
            "{fname}() takes at most 3 arguments ({} given)",
            args.len()
        )));
    }
    let v = super::super::modules::args::parse(fname, args, kw, names, 0, 0)?;
    Ok([v[0].clone(), v[1].clone(), v[2].clone()])
}

/// An `encoding` / `errors` argument: a str, or TypeError naming `what`.
pub fn text_arg<'a>(
    fname: &str,
    what: &str,
    v: &'a Option<Ref>,
    default: &'a str,
) -> PyResult<&'a str> {
    match v {
        None => Ok(default),
        Some(s) => as_str(s).ok_or_else(|| {
            type_error(format!(
                "{fname}() argument '{what}' must be str, not {}",
                s.ty().name()
            ))
        }),
    }
}

/// `str(x)` with the check that `__str__` gave a str.
pub fn str_of_checked(v: &PyObject) -> PyResult {
    let s = super::protocol::str_of(v)?;
    if as_str(&s).is_none() {
        return Err(type_error(format!(
            "__str__ returned non-string (type {})",
            s.ty().name()
        )));
    }
    Ok(s)
}

fn str_new(ty: &TypeObject, args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let [obj, encoding, errors] = ctor_args("str", args, kw, &["object", "encoding", "errors"])?;
    let text = match (&obj, encoding.is_some() || errors.is_some()) {
        (None, _) => new_str(""),
        (Some(o), false) => str_of_checked(o)?,
        (Some(o), true) => {
            let enc = text_arg("str", "encoding", &encoding, "utf-8")?;
            let err = text_arg("str", "errors", &errors, "strict")?;
            if as_str(o).is_some() {
                return Err(type_error("decoding str is not supported"));
            }
            let Some(data) = super::bytearray::bytes_like(o) else {
                return Err(type_error(format!(
                    "decoding to str: need a bytes-like object, {} found",
                    o.ty().name()
                )));
            };
            let codec = super::str_codecs::lookup(enc)?;
            super::str_codecs::decode(&data, codec, err)?
        }
    };
    if std::ptr::eq(ty, &STR_TYPE) {
        if is_exact_str(&text) {
            return Ok(text);
        }
        return Ok(new_str(as_str(&text).unwrap_or("")));
    }
    Ok(new_str_of_type(ty, as_str(&text).unwrap_or("")))
}

// ---------------------------------------------------------------------------
// Iteration.

/// A str iterator: the str and the next code-point index.
#[repr(C)]
pub struct StrIterObject {
    ob: PyObject,
    seq: RefCellSlot,
    index: Cell<usize>,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first; both iterator types
// share this layout and `payload` is only used from their slots.
unsafe impl PyPayload for StrIterObject {
    fn static_type() -> &'static TypeObject {
        &STR_ITER_TYPE
    }
}

fn str_iter(obj: &PyObject) -> PyResult {
    let so = as_str_object(obj).expect("str");
    let ty: &TypeObject = if so.is_ascii() {
        &STR_ASCII_ITER_TYPE
    } else {
        &STR_ITER_TYPE
    };
    let it = heap::alloc_object(ty, std::mem::size_of::<StrIterObject>());
    // SAFETY: the block has room for a StrIterObject.
    unsafe {
        it.cast::<StrIterObject>().as_ptr().write(StrIterObject {
            ob: PyObject::new(ty),
            seq: RefCellSlot::new(Some(obj.to_ref())),
            index: Cell::new(0),
        })
    };
    // SAFETY: new object, we own it.
    let r = unsafe { Ref::from_raw(it) };
    heap::track(&r);
    Ok(r)
}

fn iter_payload(obj: &PyObject) -> &StrIterObject {
    // SAFETY: PAYLOAD-1 — only called from the str iterator types' slots.
    unsafe { &*(obj as *const PyObject as *const StrIterObject) }
}

fn str_iter_next(obj: &PyObject) -> PyResult<Option<Ref>> {
    let it = iter_payload(obj);
    let Some(p) = it.seq.peek() else {
        return Ok(None);
    };
    // SAFETY: the slot holds a strong reference to the str while set.
    let s = unsafe { p.as_ref() };
    let so = as_str_object(s).expect("str");
    let i = it.index.get();
    if i < so.char_len() {
        it.index.set(i + 1);
        return Ok(Some(char_str(so.char_at(i))));
    }
    it.seq.set(None);
    Ok(None)
}

unsafe fn str_iter_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; the payload is a StrIterObject (PAYLOAD-1).
    unsafe { std::ptr::drop_in_place(obj.cast::<StrIterObject>().as_ptr()) }
}

fn str_iter_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    if let Some(p) = iter_payload(obj).seq.peek() {
        v.visit(p);
    }
}

fn str_iter_clear(obj: &PyObject) {
    iter_payload(obj).seq.set(None);
}

const fn iter_slots() -> Slots {
    Slots {
        drop: str_iter_drop,
        traverse: Some(str_iter_traverse),
        clear: Some(str_iter_clear),
        iter: Cell::new(Some(super::iterators::self_iter)),
        next: Cell::new(Some(str_iter_next)),
        ..Slots::empty()
    }
}

/// `str_iterator` (over non-ASCII text).
pub static STR_ITER_TYPE: TypeObject = TypeObject::new_static(
    "str_iterator",
    std::mem::size_of::<StrIterObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags::HAS_GC,
    iter_slots(),
    &[],
    &[],
);

/// `str_ascii_iterator` (over ASCII text).
pub static STR_ASCII_ITER_TYPE: TypeObject = TypeObject::new_static(
    "str_ascii_iterator",
    std::mem::size_of::<StrIterObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags::HAS_GC,
    iter_slots(),
    &[],
    &[],
);

// ---------------------------------------------------------------------------
// Subscripts.

/// `s[i]` for an int index.
#[inline]
pub fn str_item(so: &StrObject, i: i64) -> PyResult {
    match super::list::wrap_index(i, so.char_len()) {
        Some(j) => Ok(char_str(so.char_at(j))),
        None => Err(index_error("string index out of range")),
    }
}

/// The code points `start, start+step, …` (`n` of them) as a new str.
pub fn str_slice(so: &StrObject, start: i64, step: i64, n: usize) -> Ref {
    if n == 0 {
        return new_str("");
    }
    if step == 1 {
        let s = start as usize;
        if so.is_ascii() {
            return new_str(&so.as_str()[s..s + n]);
        }
        if s == 0 && n == so.char_len() && is_exact_str(so_obj(so)) {
            return so_obj(so).to_ref();
        }
        return so.substring(s, s + n);
    }
    if so.is_ascii() {
        let b = so.as_str().as_bytes();
        let out: Vec<u8> = slice_positions(start, step, n).map(|i| b[i]).collect();
        return new_str(std::str::from_utf8(&out).unwrap_or(""));
    }
    let out: String = slice_positions(start, step, n)
        .map(|i| so.char_at(i))
        .collect();
    new_str(&out)
}

fn so_obj(so: &StrObject) -> &PyObject {
    // SAFETY: PAYLOAD-1 — a StrObject starts with its header.
    unsafe { &*(so as *const StrObject as *const PyObject) }
}

fn str_getitem(obj: &PyObject, key: &PyObject) -> PyResult {
    let so = as_str_object(obj).expect("str");
    if let Some(i) = seq_index(key)? {
        return str_item(so, i);
    }
    if let Some(sl) = super::slice::as_slice(key) {
        let (start, _, step, n) = sl.indices(so.char_len())?;
        if start == 0 && step == 1 && n == so.char_len() && is_exact_str(obj) {
            return Ok(obj.to_ref());
        }
        return Ok(str_slice(so, start, step, n));
    }
    Err(type_error(format!(
        "string indices must be integers, not '{}'",
        key.ty().name()
    )))
}

// ---------------------------------------------------------------------------
// Operators.

/// `a + b` for two str objects: a new exact str. When `a` is an exact str
/// nobody else holds (refcount 1), ASCII text is appended in place by
/// resizing its block — `s += t` in a loop is then amortised O(len(t)).
pub fn concat(a: Ref, b: &PyObject) -> Ref {
    let sb = as_str_object(b).expect("str");
    let (a_empty, a_plain) = {
        let sa = as_str_object(&a).expect("str");
        (sa.as_str().is_empty(), sa.is_ascii() && !sa.is_interned())
    };
    if sb.as_str().is_empty() && is_exact_str(&a) {
        return a;
    }
    if a_empty && is_exact_str(b) {
        return b.to_ref();
    }
    let a = if a_plain && sb.is_ascii() && a.refcount() == 1 {
        match super::str::append_in_place(a, sb.as_str()) {
            Ok(r) => return r,
            Err(a) => a,
        }
    } else {
        a
    };
    let sa = as_str_object(&a).expect("str");
    let byte_len = sa.as_str().len() + sb.as_str().len();
    let char_len = sa.char_len() + sb.char_len();
    build_str(&STR_TYPE, [sa.as_str(), sb.as_str()], byte_len, char_len)
}

fn str_add(a: &PyObject, b: &PyObject) -> PyResult {
    if as_str_object(a).is_none() {
        return Ok(not_implemented());
    }
    if as_str_object(b).is_some() {
        return Ok(concat(a.to_ref(), b));
    }
    // CPython tries the right operand's `__radd__` before the sequence
    // concatenation reports the error.
    if let Some(f) = b.ty().slots.binary[BinaryOp::Add as usize].get() {
        if f as usize != str_add as *const () as usize {
            let r = f(a, b)?;
            if !r.is(super::none::not_implemented_ref()) {
                return Ok(r);
            }
        }
    }
    Err(type_error(format!(
        "can only concatenate str (not \"{}\") to str",
        b.ty().name()
    )))
}

/// `text * n` as a new str.
pub fn repeat(so: &StrObject, n: i64) -> PyResult {
    if n <= 0 || so.char_len() == 0 {
        return Ok(new_str(""));
    }
    if n == 1 && is_exact_str(so_obj(so)) {
        return Ok(so_obj(so).to_ref());
    }
    let n = n as usize;
    let s = so.as_str();
    let total = s
        .len()
        .checked_mul(n)
        .filter(|t| *t <= isize::MAX as usize / 4)
        .ok_or_else(|| overflow_error("repeated string is too long"))?;
    if total > (1 << 34) {
        return Err(super::err::memory_error());
    }
    Ok(build_str(
        &STR_TYPE,
        std::iter::repeat_n(s, n),
        total,
        so.char_len() * n,
    ))
}

fn str_mul(a: &PyObject, b: &PyObject) -> PyResult {
    let (so, n) = match (as_str_object(a), as_str_object(b)) {
        (Some(so), _) => (so, b),
        (None, Some(so)) => (so, a),
        _ => return Ok(not_implemented()),
    };
    if let Some(k) = repeat_count(n)? {
        return repeat(so, k);
    }
    if as_str_object(a).is_some() {
        if let Some(f) = b.ty().slots.binary[BinaryOp::Multiply as usize].get() {
            if f as usize != str_mul as *const () as usize {
                let r = f(a, b)?;
                if !r.is(super::none::not_implemented_ref()) {
                    return Ok(r);
                }
            }
        }
    }
    Err(type_error(format!(
        "can't multiply sequence by non-int of type '{}'",
        n.ty().name()
    )))
}

fn str_mod(a: &PyObject, b: &PyObject) -> PyResult {
    match as_str(a) {
        Some(fmt) => super::str_format::percent_format(fmt, b),
        None => Ok(not_implemented()),
    }
}

/// Whether `op` holds for the ordering `o`.
pub fn ordering_holds(o: std::cmp::Ordering, op: CompareOp) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CompareOp::Lt => o == Less,
        CompareOp::Le => o != Greater,
        CompareOp::Eq => o == Equal,
        CompareOp::Ne => o != Equal,
        CompareOp::Gt => o == Greater,
        CompareOp::Ge => o != Less,
    }
}

fn str_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (as_str_object(a), as_str_object(b)) else {
        return Ok(not_implemented());
    };
    let r = match op {
        CompareOp::Eq => super::str::str_eq(x, y),
        CompareOp::Ne => !super::str::str_eq(x, y),
        // UTF-8 byte order is code-point order.
        _ => ordering_holds(x.as_str().cmp(y.as_str()), op),
    };
    Ok(super::bool::new_bool(r))
}

fn str_contains(container: &PyObject, item: &PyObject) -> PyResult<bool> {
    let hay = as_str(container).expect("str");
    match as_str(item) {
        Some(needle) => Ok(hay.contains(needle)),
        None => Err(type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            item.ty().name()
        ))),
    }
}

/// Install str's operator slots (before the dunder wrappers are made).
pub fn install() {
    let s = &STR_TYPE.slots;
    s.new.set(Some(str_new));
    s.iter.set(Some(str_iter));
    s.getitem.set(Some(str_getitem));
    s.richcompare.set(Some(str_richcompare));
    s.contains.set(Some(str_contains));
    s.binary[BinaryOp::Add as usize].set(Some(str_add));
    s.binary[BinaryOp::Multiply as usize].set(Some(str_mul));
    s.binary[BinaryOp::Remainder as usize].set(Some(str_mod));
}
