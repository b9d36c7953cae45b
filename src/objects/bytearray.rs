//! `bytearray`: a mutable byte string in a [`PyVec<u8>`] — construction,
//! subscripts with slice assignment and deletion, `+`, `+=`, `*`,
//! comparisons, and the mutating methods (append, extend, pop, insert,
//! remove, reverse, clear, copy); the methods it shares with `bytes` live
//! in `bytes_methods.rs`. Also [`bytes_like`], the data of either type.
//!
//! BYTEARRAY-1: the buffer is borrowed only inside this file's short
//! sections that run no Python code; callers see copies.

use std::borrow::Cow;
use std::cell::{Cell, UnsafeCell};
use std::ptr::NonNull;

use super::bytes::{as_bytes, bytes_repr_str};
use super::err::{index_error, type_error, value_error, PyResult};
use super::heap::{self, PyVec};
use super::int::new_int;
use super::none::{none, not_implemented};
use super::object::{PyObject, PyPayload, Ref};
use super::str::new_str;
use super::str_ops::{repeat_count, seq_index, slice_positions};
use super::typeobj::{KwNames, Slots, TypeFlags, TypeObject};
use crate::compile::opcode::{BinaryOp, CompareOp};

/// A bytearray object.
#[repr(C)]
pub struct ByteArrayObject {
    ob: PyObject,
    data: UnsafeCell<PyVec<u8>>,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first; bytearray subclasses are
// laid out so.
unsafe impl PyPayload for ByteArrayObject {
    fn static_type() -> &'static TypeObject {
        &BYTEARRAY_TYPE
    }
}

impl ByteArrayObject {
    #[inline]
    #[allow(clippy::mut_from_ref)]
    fn buf(&self) -> &mut PyVec<u8> {
        // SAFETY: BYTEARRAY-1 and OBJ-H4: one thread, and no borrow of the
        // buffer outlives a section that runs no Python code.
        unsafe { &mut *self.data.get() }
    }

    /// A copy of the bytes.
    pub fn to_vec(&self) -> Vec<u8> {
        self.buf().as_slice().to_vec()
    }

    /// Number of bytes.
    pub fn len(&self) -> usize {
        self.buf().len()
    }

    /// Whether empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Replace the contents.
    pub fn set_data(&self, data: &[u8]) {
        let mut v = PyVec::with_capacity(data.len()).unwrap_or_default();
        for &b in data {
            v.push(b);
        }
        *self.buf() = v;
    }

    /// Append bytes.
    pub fn extend_from(&self, data: &[u8]) {
        let b = self.buf();
        for &x in data {
            b.push(x);
        }
    }

    fn get(&self, i: usize) -> Option<u8> {
        self.buf().as_slice().get(i).copied()
    }
}

/// The bytearray payload of `obj`.
pub fn as_bytearray(obj: &PyObject) -> Option<&ByteArrayObject> {
    obj.downcast::<ByteArrayObject>()
}

/// The data of a bytes-like object (bytes, bytearray): borrowed for bytes,
/// a copy for bytearray (BYTEARRAY-1).
pub fn bytes_like(obj: &PyObject) -> Option<Cow<'_, [u8]>> {
    if let Some(b) = as_bytes(obj) {
        return Some(Cow::Borrowed(b));
    }
    as_bytearray(obj).map(|ba| Cow::Owned(ba.to_vec()))
}

/// A new bytearray of type `ty` holding `data`.
pub fn new_bytearray_of_type(ty: &TypeObject, data: &[u8]) -> Ref {
    let obj = heap::alloc_object(ty, ty.basicsize);
    let b = ByteArrayObject {
        ob: PyObject::new(ty),
        data: UnsafeCell::new(PyVec::new()),
    };
    // SAFETY: the block has room for a ByteArrayObject.
    unsafe { obj.cast::<ByteArrayObject>().as_ptr().write(b) };
    // SAFETY: new object, we own it.
    let r = unsafe { Ref::from_raw(obj) };
    as_bytearray(&r).expect("bytearray").set_data(data);
    if ty.flags().contains(TypeFlags::HAS_GC) {
        heap::track(&r);
    }
    r
}

/// A new bytearray holding `data`.
pub fn new_bytearray(data: &[u8]) -> Ref {
    new_bytearray_of_type(&BYTEARRAY_TYPE, data)
}

fn this(obj: &PyObject) -> &ByteArrayObject {
    as_bytearray(obj).expect("bytearray")
}

unsafe fn bytearray_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; the payload is a ByteArrayObject (PAYLOAD-1).
    unsafe { std::ptr::drop_in_place(obj.cast::<ByteArrayObject>().as_ptr()) }
}

fn bytearray_repr(obj: &PyObject) -> PyResult {
    let name = obj.ty().name().to_string();
    // CPython's bytearray repr escapes `'` even inside double quotes.
    let inner = bytes_repr_str(&this(obj).to_vec());
    let inner = match inner.strip_prefix("b\"") {
        Some(rest) => format!("b\"{}\"", rest[..rest.len() - 1].replace('\'', "\\'")),
        None => inner,
    };
    Ok(new_str(&format!("{name}({inner})")))
}

fn bytearray_len(obj: &PyObject) -> PyResult<usize> {
    Ok(this(obj).len())
}

/// A value stored into a bytearray: an int in range(256).
pub fn byte_value(v: &PyObject) -> PyResult<u8> {
    let i = super::protocol::index(v)?;
    match super::int::small_value(&i) {
        Some(x @ 0..=255) => Ok(x as u8),
        _ => Err(value_error("byte must be in range(0, 256)")),
    }
}

/// The bytes of an iterable of ints (`bytes([1, 2])`, `extend`).
pub fn bytes_from_iterable(it: &PyObject) -> PyResult<Vec<u8>> {
    let iter = super::protocol::iter(it)?;
    bytes_from_iter(&iter)
}

/// The bytes an iterator of ints yields.
fn bytes_from_iter(iter: &PyObject) -> PyResult<Vec<u8>> {
    let mut out = Vec::new();
    while let Some(v) = super::protocol::next(iter)? {
        out.push(byte_value(&v)?);
    }
    Ok(out)
}

/// The initial data of `bytes(...)` / `bytearray(...)` from
/// `(source, encoding, errors)`; `what` names the type in messages.
pub fn initial_data(
    what: &str,
    source: Option<&Ref>,
    encoding: &Option<Ref>,
    errors: &Option<Ref>,
) -> PyResult<Vec<u8>> {
    let Some(src) = source else {
        if encoding.is_some() {
            return Err(type_error("encoding without a string argument"));
        }
        if errors.is_some() {
            return Err(type_error("errors without a string argument"));
        }
        return Ok(Vec::new());
    };
    if let Some(s) = super::str::as_str(src) {
        if encoding.is_none() {
            return Err(type_error("string argument without an encoding"));
        }
        let enc = super::str_ops::text_arg(what, "encoding", encoding, "utf-8")?;
        let err = super::str_ops::text_arg(what, "errors", errors, "strict")?;
        let codec = super::str_codecs::lookup(enc)?;
        let b = super::str_codecs::encode(s, codec, err)?;
        return Ok(as_bytes(&b).unwrap_or(&[]).to_vec());
    }
    if encoding.is_some() {
        return Err(type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(type_error("errors without a string argument"));
    }
    if let Some(d) = bytes_like(src) {
        return Ok(d.into_owned());
    }
    if super::int::as_int(src).is_some() || src.ty().slots.index.get().is_some() {
        let n = super::protocol::index_i64(src)?;
        if n < 0 {
            return Err(value_error("negative count"));
        }
        if n > (1 << 34) {
            return Err(super::err::memory_error());
        }
        return Ok(vec![0; n as usize]);
    }
    let iter = match super::protocol::iter(src) {
        Ok(it) => it,
        Err(e) if e.matches(&super::exceptions::TYPE_ERROR) => {
            return Err(type_error(format!(
                "cannot convert '{}' object to {what}",
                src.ty().name()
            )))
        }
        Err(e) => return Err(e),
    };
    // bytes() says "bytes must be …" where bytearray says "byte must be …".
    match bytes_from_iter(&iter) {
        Err(e) if what == "bytes" && e.matches(&super::exceptions::VALUE_ERROR) => {
            Err(value_error("bytes must be in range(0, 256)"))
        }
        r => r,
    }
}

fn bytearray_new(ty: &TypeObject, _args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    Ok(new_bytearray_of_type(ty, &[]))
}

fn bytearray_init(obj: &PyObject, args: &[Ref], kw: KwNames<'_>) -> PyResult<()> {
    let [src, enc, err] =
        super::str_ops::ctor_args("bytearray", args, kw, &["source", "encoding", "errors"])?;
    let data = initial_data("bytearray", src.as_ref(), &enc, &err)?;
    this(obj).set_data(&data);
    Ok(())
}

fn bytearray_getitem(obj: &PyObject, key: &PyObject) -> PyResult {
    let ba = this(obj);
    if let Some(i) = seq_index(key)? {
        return match super::list::wrap_index(i, ba.len()) {
            Some(j) => Ok(new_int(ba.get(j).unwrap_or(0) as i64)),
            None => Err(index_error("bytearray index out of range")),
        };
    }
    if let Some(sl) = super::slice::as_slice(key) {
        let data = ba.to_vec();
        let (start, _, step, n) = sl.indices(data.len())?;
        let out: Vec<u8> = slice_positions(start, step, n).map(|i| data[i]).collect();
        return Ok(new_bytearray(&out));
    }
    Err(type_error(format!(
        "bytearray indices must be integers or slices, not {}",
        key.ty().name()
    )))
}

/// The bytes assigned to a bytearray slice.
fn slice_source(v: &PyObject) -> PyResult<Vec<u8>> {
    if let Some(d) = bytes_like(v) {
        return Ok(d.into_owned());
    }
    if super::int::as_int(v).is_some() || super::str::as_str(v).is_some() {
        return Err(type_error(
            "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
        ));
    }
    bytes_from_iterable(v)
}

fn bytearray_setitem(obj: &PyObject, key: &PyObject, value: Option<Ref>) -> PyResult<()> {
    let ba = this(obj);
    if let Some(i) = seq_index(key)? {
        let Some(j) = super::list::wrap_index(i, ba.len()) else {
            return Err(index_error("bytearray index out of range"));
        };
        match value {
            Some(v) => {
                let b = byte_value(&v)?;
                ba.buf().as_mut_slice()[j] = b;
            }
            None => {
                ba.buf().remove(j);
            }
        }
        return Ok(());
    }
    let Some(sl) = super::slice::as_slice(key) else {
        return Err(type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            key.ty().name()
        )));
    };
    let src = match &value {
        Some(v) => Some(slice_source(v)?),
        None => None,
    };
    let mut data = ba.to_vec();
    let (start, stop, step, n) = sl.indices(data.len())?;
    match (src, step) {
        (Some(src), 1) => {
            let s = start as usize;
            let e = (stop as usize).max(s);
            data.splice(s..e, src);
        }
        (Some(src), _) => {
            if src.len() != n {
                return Err(value_error(format!(
                    "attempt to assign bytes of size {} to extended slice of size {n}",
                    src.len()
                )));
            }
            for (k, i) in slice_positions(start, step, n).enumerate() {
                data[i] = src[k];
            }
        }
        (None, _) => {
            let mut drop_at = vec![false; data.len()];
            for i in slice_positions(start, step, n) {
                drop_at[i] = true;
            }
            let mut k = 0;
            data.retain(|_| {
                k += 1;
                !drop_at[k - 1]
            });
        }
    }
    ba.set_data(&data);
    Ok(())
}

fn bytearray_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (bytes_like(a), bytes_like(b)) else {
        return Ok(not_implemented());
    };
    Ok(super::bool::new_bool(super::str_ops::ordering_holds(
        x.as_ref().cmp(y.as_ref()),
        op,
    )))
}

fn concat_error(a: &PyObject, b: &PyObject) -> super::err::PyErr {
    type_error(format!(
        "can't concat {} to {}",
        b.ty().name(),
        a.ty().name()
    ))
}

fn bytearray_add(a: &PyObject, b: &PyObject) -> PyResult {
    let Some(x) = as_bytearray(a) else {
        return Ok(not_implemented());
    };
    let Some(y) = bytes_like(b) else {
        return Err(concat_error(a, b));
    };
    let mut data = x.to_vec();
    data.extend_from_slice(&y);
    Ok(new_bytearray(&data))
}

fn bytearray_iadd(a: &PyObject, b: &PyObject) -> PyResult {
    let Some(y) = bytes_like(b) else {
        return Err(concat_error(a, b));
    };
    let y = y.into_owned();
    this(a).extend_from(&y);
    Ok(a.to_ref())
}

fn repeated(data: &[u8], n: i64) -> PyResult<Vec<u8>> {
    if n <= 0 {
        return Ok(Vec::new());
    }
    if (data.len() as u128) * (n as u128) > (1 << 34) {
        return Err(super::err::memory_error());
    }
    Ok(data.repeat(n as usize))
}

fn bytearray_mul(a: &PyObject, b: &PyObject) -> PyResult {
    let (ba, n) = match (as_bytearray(a), as_bytearray(b)) {
        (Some(x), _) => (x, b),
        (None, Some(x)) => (x, a),
        _ => return Ok(not_implemented()),
    };
    match repeat_count(n)? {
        Some(k) => Ok(new_bytearray(&repeated(&ba.to_vec(), k)?)),
        None => Err(type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            n.ty().name()
        ))),
    }
}

fn bytearray_imul(a: &PyObject, b: &PyObject) -> PyResult {
    match repeat_count(b)? {
        Some(k) => {
            let ba = this(a);
            let d = repeated(&ba.to_vec(), k)?;
            ba.set_data(&d);
            Ok(a.to_ref())
        }
        None => Err(type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            b.ty().name()
        ))),
    }
}

fn bytearray_mod(a: &PyObject, b: &PyObject) -> PyResult {
    match as_bytearray(a) {
        Some(x) => Ok(new_bytearray(&super::str_format::percent_format_bytes(
            &x.to_vec(),
            b,
        )?)),
        None => Ok(not_implemented()),
    }
}

fn bytearray_contains(a: &PyObject, item: &PyObject) -> PyResult<bool> {
    super::bytes_methods::bytes_contains_in(&this(a).to_vec(), item)
}

fn bytearray_iter(obj: &PyObject) -> PyResult {
    Ok(super::bytes_methods::new_byte_iter(
        &super::bytes_methods::BYTEARRAY_ITER_TYPE,
        obj,
    ))
}

/// The byte at `i` of a bytearray (for its iterator), if in range.
pub fn item_at(obj: &PyObject, i: usize) -> Option<u8> {
    as_bytearray(obj).and_then(|b| b.get(i))
}

// ---------------------------------------------------------------------------
// Mutating methods.

fn self_arg(args: &[Ref]) -> PyResult<&ByteArrayObject> {
    args.first()
        .and_then(|a| as_bytearray(a))
        .ok_or_else(|| type_error("descriptor requires a 'bytearray' object"))
}

fn exactly_one<'a>(name: &str, args: &'a [Ref], kw: KwNames<'_>) -> PyResult<&'a Ref> {
    crate::modules::args::no_kwargs(&format!("bytearray.{name}"), kw)?;
    if args.len() != 2 {
        return Err(type_error(format!(
            "bytearray.{name}() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    Ok(&args[1])
}

fn no_args(name: &str, args: &[Ref], kw: KwNames<'_>) -> PyResult<()> {
    crate::modules::args::no_kwargs(&format!("bytearray.{name}"), kw)?;
    if args.len() != 1 {
        return Err(type_error(format!(
            "bytearray.{name}() takes no arguments ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    Ok(())
}

/// `bytearray.append`.
pub fn m_append(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let v = exactly_one("append", args, kw)?;
    let b = byte_value(v)?;
    self_arg(args)?.buf().push(b);
    Ok(none())
}

/// `bytearray.extend`.
pub fn m_extend(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let v = exactly_one("extend", args, kw)?;
    let data = match bytes_like(v) {
        Some(d) => d.into_owned(),
        None => match super::protocol::iter(v) {
            Ok(it) => bytes_from_iter(&it)?,
            Err(e) if e.matches(&super::exceptions::TYPE_ERROR) => {
                return Err(type_error(format!(
                    "can't extend bytearray with {}",
                    v.ty().name()
                )))
            }
            Err(e) => return Err(e),
        },
    };
    self_arg(args)?.extend_from(&data);
    Ok(none())
}

/// `bytearray.pop`.
pub fn m_pop(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    crate::modules::args::no_kwargs("bytearray.pop", kw)?;
    if args.len() > 2 {
        return Err(type_error(format!(
            "pop expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let ba = self_arg(args)?;
    let i = match args.get(1) {
        Some(v) => super::protocol::index_i64(v)?,
        None => -1,
    };
    if ba.is_empty() {
        return Err(index_error("pop from empty bytearray"));
    }
    match super::list::wrap_index(i, ba.len()) {
        Some(j) => Ok(new_int(ba.buf().remove(j) as i64)),
        None => Err(index_error("pop index out of range")),
    }
}

/// `bytearray.insert`.
pub fn m_insert(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    crate::modules::args::no_kwargs("bytearray.insert", kw)?;
    if args.len() != 3 {
        return Err(type_error(format!(
            "insert expected 2 arguments, got {}",
            args.len().saturating_sub(1)
        )));
    }
    let ba = self_arg(args)?;
    let i = super::protocol::index_i64(&args[1])?;
    let b = byte_value(&args[2])?;
    let n = ba.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    ba.buf().insert(at as usize, b);
    Ok(none())
}

/// `bytearray.remove`.
pub fn m_remove(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let v = exactly_one("remove", args, kw)?;
    let b = byte_value(v)?;
    let ba = self_arg(args)?;
    match ba.buf().as_slice().iter().position(|&x| x == b) {
        Some(j) => {
            ba.buf().remove(j);
            Ok(none())
        }
        None => Err(value_error("value not found in bytearray")),
    }
}

/// `bytearray.reverse`.
pub fn m_reverse(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("reverse", args, kw)?;
    self_arg(args)?.buf().as_mut_slice().reverse();
    Ok(none())
}

/// `bytearray.clear`.
pub fn m_clear(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("clear", args, kw)?;
    self_arg(args)?.set_data(&[]);
    Ok(none())
}

/// `bytearray.copy`.
pub fn m_copy(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("copy", args, kw)?;
    Ok(new_bytearray(&self_arg(args)?.to_vec()))
}

/// Install bytearray's operator slots.
pub fn install() {
    let s = &BYTEARRAY_TYPE.slots;
    s.new.set(Some(bytearray_new));
    s.init.set(Some(bytearray_init));
    s.getitem.set(Some(bytearray_getitem));
    s.setitem.set(Some(bytearray_setitem));
    s.richcompare.set(Some(bytearray_richcompare));
    s.contains.set(Some(bytearray_contains));
    s.iter.set(Some(bytearray_iter));
    s.binary[BinaryOp::Add as usize].set(Some(bytearray_add));
    s.inplace[BinaryOp::Add as usize].set(Some(bytearray_iadd));
    s.binary[BinaryOp::Multiply as usize].set(Some(bytearray_mul));
    s.inplace[BinaryOp::Multiply as usize].set(Some(bytearray_imul));
    s.binary[BinaryOp::Remainder as usize].set(Some(bytearray_mod));
}

/// `bytearray`.
pub static BYTEARRAY_TYPE: TypeObject = TypeObject::new_static(
    "bytearray",
    std::mem::size_of::<ByteArrayObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags::BASETYPE,
    Slots {
        drop: bytearray_drop,
        repr: Cell::new(bytearray_repr),
        len: Cell::new(Some(bytearray_len)),
        hash: Cell::new(Some(super::protocol::hash_not_implemented)),
        ..Slots::empty()
    },
    &super::bytes_methods::BYTEARRAY_METHODS,
    &[],
);
