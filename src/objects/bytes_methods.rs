//! The operator slots of `bytes` (construction, iteration yielding ints,
//! subscripts, `+`, `*`, `%`, comparisons, `in`) and the methods `bytes`
//! and `bytearray` share (decode, hex, fromhex, join, split, strip,
//! replace, find, count, the case and class methods …): each works on the
//! receiver's data and answers with the receiver's own type.

use std::borrow::Cow;
use std::cell::Cell;
use std::ptr::NonNull;

use pyrite_gc::Visitor;

use super::bytearray::{as_bytearray, bytes_like, new_bytearray};
use super::bytes::{as_bytes, new_bytes, new_bytes_of_type, BYTES_TYPE};
use super::err::{index_error, type_error, value_error, PyResult};
use super::heap;
use super::int::new_int;
use super::list::new_list;
use super::method_args::{self, with_keywords};
use super::none::not_implemented;
use super::object::{PyObject, PyPayload, Ref, RefCellSlot};
use super::str::{as_str, new_str};
use super::str_ops::{adjust_range, repeat_count, seq_index, slice_arg, slice_positions};
use super::tuple::{items, new_tuple};
use super::typeobj::{KwNames, MethodDef, MethodKind, Slots, TypeFlags, TypeObject};
use crate::compile::opcode::{BinaryOp, CompareOp};

// ---------------------------------------------------------------------------
// Slots of bytes.

fn bytes_new(ty: &TypeObject, args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let [src, enc, err] =
        super::str_ops::ctor_args("bytes", args, kw, &["source", "encoding", "errors"])?;
    if let (Some(s), None, None) = (&src, &enc, &err) {
        if std::ptr::eq(s.ty(), &BYTES_TYPE) && std::ptr::eq(ty, &BYTES_TYPE) {
            return Ok(s.clone());
        }
        if let Some(f) = s.ty().lookup_str("__bytes__") {
            let r = super::protocol::call_method_obj(&f, s, &[])?;
            let Some(data) = as_bytes(&r) else {
                return Err(type_error(format!(
                    "__bytes__ returned non-bytes (type {})",
                    r.ty().name()
                )));
            };
            if std::ptr::eq(ty, &BYTES_TYPE) {
                return Ok(r);
            }
            return Ok(new_bytes_of_type(ty, data));
        }
    }
    let data = super::bytearray::initial_data("bytes", src.as_ref(), &enc, &err)?;
    Ok(new_bytes_of_type(ty, &data))
}

/// `item in data` for bytes and bytearray: an int byte or a subsequence.
pub fn bytes_contains_in(data: &[u8], item: &PyObject) -> PyResult<bool> {
    if let Some(needle) = bytes_like(item) {
        return Ok(find_sub(data, &needle, 0).is_some());
    }
    if super::int::as_int(item).is_some() || item.ty().slots.index.get().is_some() {
        let b = super::bytearray::byte_value(item)?;
        return Ok(data.contains(&b));
    }
    Err(type_error(format!(
        "a bytes-like object is required, not '{}'",
        item.ty().name()
    )))
}

fn bytes_contains(container: &PyObject, item: &PyObject) -> PyResult<bool> {
    bytes_contains_in(as_bytes(container).unwrap_or(&[]), item)
}

fn bytes_getitem(obj: &PyObject, key: &PyObject) -> PyResult {
    let data = as_bytes(obj).unwrap_or(&[]);
    if let Some(i) = seq_index(key)? {
        return match super::list::wrap_index(i, data.len()) {
            Some(j) => Ok(new_int(data[j] as i64)),
            None => Err(index_error("index out of range")),
        };
    }
    if let Some(sl) = super::slice::as_slice(key) {
        let (start, _, step, n) = sl.indices(data.len())?;
        if step == 1 {
            if n == data.len() && std::ptr::eq(obj.ty(), &BYTES_TYPE) {
                return Ok(obj.to_ref());
            }
            let s = start as usize;
            return Ok(new_bytes(&data[s..s + n]));
        }
        let out: Vec<u8> = slice_positions(start, step, n).map(|i| data[i]).collect();
        return Ok(new_bytes(&out));
    }
    Err(type_error(format!(
        "byte indices must be integers or slices, not {}",
        key.ty().name()
    )))
}

fn bytes_add(a: &PyObject, b: &PyObject) -> PyResult {
    let Some(x) = as_bytes(a) else {
        return Ok(not_implemented());
    };
    if let Some(y) = bytes_like(b) {
        let mut v = Vec::with_capacity(x.len() + y.len());
        v.extend_from_slice(x);
        v.extend_from_slice(&y);
        return Ok(new_bytes(&v));
    }
    if let Some(f) = b.ty().slots.binary[BinaryOp::Add as usize].get() {
        if f as usize != bytes_add as *const () as usize {
            let r = f(a, b)?;
            if !r.is(super::none::not_implemented_ref()) {
                return Ok(r);
            }
        }
    }
    Err(type_error(format!(
        "can't concat {} to bytes",
        b.ty().name()
    )))
}

fn bytes_mul(a: &PyObject, b: &PyObject) -> PyResult {
    let (data, n) = match (as_bytes(a), as_bytes(b)) {
        (Some(x), _) => (x, b),
        (None, Some(x)) => (x, a),
        _ => return Ok(not_implemented()),
    };
    match repeat_count(n)? {
        Some(k) if k <= 0 => Ok(new_bytes(&[])),
        Some(k) => {
            if (data.len() as u128) * (k as u128) > (1 << 34) {
                return Err(super::err::memory_error());
            }
            Ok(new_bytes(&data.repeat(k as usize)))
        }
        None => Err(type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            n.ty().name()
        ))),
    }
}

fn bytes_mod(a: &PyObject, b: &PyObject) -> PyResult {
    match as_bytes(a) {
        Some(fmt) => Ok(new_bytes(&super::str_format::percent_format_bytes(fmt, b)?)),
        None => Ok(not_implemented()),
    }
}

fn bytes_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (as_bytes(a), as_bytes(b)) else {
        return Ok(not_implemented());
    };
    Ok(super::bool::new_bool(super::str_ops::ordering_holds(
        x.cmp(y),
        op,
    )))
}

// ---------------------------------------------------------------------------
// Iterators.

/// An iterator over the bytes of a bytes or bytearray object.
#[repr(C)]
pub struct ByteIterObject {
    ob: PyObject,
    seq: RefCellSlot,
    index: Cell<usize>,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first; both iterator types use
// this layout and `iter_payload` is only called from their slots.
unsafe impl PyPayload for ByteIterObject {
    fn static_type() -> &'static TypeObject {
        &BYTES_ITER_TYPE
    }
}

/// A new iterator of type `ty` over `seq`.
pub fn new_byte_iter(ty: &TypeObject, seq: &PyObject) -> Ref {
    let it = heap::alloc_object(ty, std::mem::size_of::<ByteIterObject>());
    // SAFETY: the block has room for a ByteIterObject.
    unsafe {
        it.cast::<ByteIterObject>().as_ptr().write(ByteIterObject {
            ob: PyObject::new(ty),
            seq: RefCellSlot::new(Some(seq.to_ref())),
            index: Cell::new(0),
        })
    };
    // SAFETY: new object, we own it.
    let r = unsafe { Ref::from_raw(it) };
    heap::track(&r);
    r
}

fn iter_payload(obj: &PyObject) -> &ByteIterObject {
    // SAFETY: PAYLOAD-1 — only called from the byte iterator types' slots.
    unsafe { &*(obj as *const PyObject as *const ByteIterObject) }
}

fn byte_iter_next(obj: &PyObject) -> PyResult<Option<Ref>> {
    let it = iter_payload(obj);
    let Some(seq) = it.seq.get() else {
        return Ok(None);
    };
    let i = it.index.get();
    let b = match as_bytes(&seq) {
        Some(d) => d.get(i).copied(),
        None => super::bytearray::item_at(&seq, i),
    };
    match b {
        Some(b) => {
            it.index.set(i + 1);
            Ok(Some(new_int(b as i64)))
        }
        None => {
            it.seq.set(None);
            Ok(None)
        }
    }
}

unsafe fn byte_iter_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; the payload is a ByteIterObject (PAYLOAD-1).
    unsafe { std::ptr::drop_in_place(obj.cast::<ByteIterObject>().as_ptr()) }
}

fn byte_iter_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    if let Some(p) = iter_payload(obj).seq.peek() {
        v.visit(p);
    }
}

fn byte_iter_clear(obj: &PyObject) {
    iter_payload(obj).seq.set(None);
}

const fn byte_iter_slots() -> Slots {
    Slots {
        drop: byte_iter_drop,
        traverse: Some(byte_iter_traverse),
        clear: Some(byte_iter_clear),
        iter: Cell::new(Some(super::iterators::self_iter)),
        next: Cell::new(Some(byte_iter_next)),
        ..Slots::empty()
    }
}

/// `bytes_iterator`.
pub static BYTES_ITER_TYPE: TypeObject = TypeObject::new_static(
    "bytes_iterator",
    std::mem::size_of::<ByteIterObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags::HAS_GC,
    byte_iter_slots(),
    &[],
    &[],
);

/// `bytearray_iterator`.
pub static BYTEARRAY_ITER_TYPE: TypeObject = TypeObject::new_static(
    "bytearray_iterator",
    std::mem::size_of::<ByteIterObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags::HAS_GC,
    byte_iter_slots(),
    &[],
    &[],
);

fn bytes_iter(obj: &PyObject) -> PyResult {
    Ok(new_byte_iter(&BYTES_ITER_TYPE, obj))
}

/// Install bytes' operator slots and bytearray's.
pub fn install() {
    let s = &BYTES_TYPE.slots;
    s.new.set(Some(bytes_new));
    s.iter.set(Some(bytes_iter));
    s.getitem.set(Some(bytes_getitem));
    s.richcompare.set(Some(bytes_richcompare));
    s.contains.set(Some(bytes_contains));
    s.binary[BinaryOp::Add as usize].set(Some(bytes_add));
    s.binary[BinaryOp::Multiply as usize].set(Some(bytes_mul));
    s.binary[BinaryOp::Remainder as usize].set(Some(bytes_mod));
    super::bytearray::install();
}

// ---------------------------------------------------------------------------
// Shared methods.

/// The receiver of a shared method: its data and type name.
struct Recv<'a> {
    data: Cow<'a, [u8]>,
    obj: &'a Ref,
    is_array: bool,
}

impl Recv<'_> {
    fn name(&self) -> &'static str {
        if self.is_array {
            "bytearray"
        } else {
            "bytes"
        }
    }

    /// A result of the receiver's kind.
    fn wrap(&self, data: &[u8]) -> Ref {
        if self.is_array {
            new_bytearray(data)
        } else {
            new_bytes(data)
        }
    }

    /// The receiver itself when unchanged (exact bytes), else a copy.
    fn same(&self) -> Ref {
        if std::ptr::eq(self.obj.ty(), &BYTES_TYPE) {
            self.obj.clone()
        } else {
            self.wrap(&self.data)
        }
    }
}

fn recv(args: &[Ref]) -> PyResult<Recv<'_>> {
    let obj = args
        .first()
        .ok_or_else(|| type_error("descriptor needs an argument"))?;
    let is_array = as_bytearray(obj).is_some();
    let data = bytes_like(obj).ok_or_else(|| type_error("descriptor requires a bytes object"))?;
    Ok(Recv {
        data,
        obj,
        is_array,
    })
}

fn no_args<'a>(name: &str, args: &'a [Ref], kw: KwNames<'_>) -> PyResult<Recv<'a>> {
    let r = recv(args)?;
    method_args::no_args_of(r.name(), name, args, kw)?;
    Ok(r)
}

fn one_arg<'a>(name: &str, args: &'a [Ref], kw: KwNames<'_>) -> PyResult<(Recv<'a>, &'a Ref)> {
    let r = recv(args)?;
    let a = method_args::one_arg_of(r.name(), name, args, kw)?;
    Ok((r, a))
}

fn clinic<'a>(
    name: &str,
    args: &'a [Ref],
    kw: KwNames<'_>,
    min: usize,
    max: usize,
) -> PyResult<(Recv<'a>, &'a [Ref])> {
    let r = recv(args)?;
    method_args::no_kw_of(r.name(), name, kw)?;
    method_args::clinic_count(name, args.len() - 1, min, max)?;
    Ok((r, &args[1..]))
}

fn tuple_style<'a>(
    name: &str,
    args: &'a [Ref],
    kw: KwNames<'_>,
    min: usize,
    max: usize,
) -> PyResult<(Recv<'a>, &'a [Ref])> {
    let r = recv(args)?;
    method_args::no_kw_of(r.name(), name, kw)?;
    method_args::tuple_count(name, args.len() - 1, min, max)?;
    Ok((r, &args[1..]))
}

/// A bytes-like argument ("a bytes-like object is required, not 'str'").
fn buf_arg(v: &PyObject) -> PyResult<Cow<'_, [u8]>> {
    bytes_like(v).ok_or_else(|| {
        type_error(format!(
            "a bytes-like object is required, not '{}'",
            v.ty().name()
        ))
    })
}

/// First index of `needle` in `hay` at or after `from`.
pub fn find_sub(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if from > hay.len() {
        return None;
    }
    if needle.is_empty() {
        return Some(from);
    }
    if needle.len() == 1 {
        return hay[from..]
            .iter()
            .position(|&b| b == needle[0])
            .map(|i| i + from);
    }
    hay[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

/// Last index of `needle` in `hay`.
fn rfind_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    if needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len())
        .rev()
        .find(|&i| &hay[i..i + needle.len()] == needle)
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn m_decode(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let v = with_keywords("decode", args, kw, &["encoding", "errors"])?;
    let enc = super::str_ops::text_arg("decode", "encoding", &v[0], "utf-8")?;
    let err = super::str_ops::text_arg("decode", "errors", &v[1], "strict")?;
    let codec = super::str_codecs::lookup(enc)?;
    super::str_codecs::decode(&recv(args)?.data, codec, err)
}

fn m_hex(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let v = with_keywords("hex", args, kw, &["sep", "bytes_per_sep"])?;
    let r = recv(args)?;
    let sep = match &v[0] {
        None => None,
        Some(s) => {
            let text: Vec<u8> = if let Some(t) = as_str(s) {
                if !t.is_ascii() {
                    return Err(value_error("sep must be ASCII."));
                }
                t.as_bytes().to_vec()
            } else if let Some(b) = bytes_like(s) {
                b.into_owned()
            } else {
                return Err(type_error(format!(
                    "object of type '{}' has no len()",
                    s.ty().name()
                )));
            };
            if text.len() != 1 {
                return Err(value_error("sep must be length 1."));
            }
            Some(text[0] as char)
        }
    };
    let per = match &v[1] {
        Some(n) => super::protocol::index_i64(n)?,
        None => 1,
    };
    let hex: Vec<String> = r.data.iter().map(|b| format!("{b:02x}")).collect();
    let Some(sep) = sep.filter(|_| per != 0) else {
        return Ok(new_str(&hex.concat()));
    };
    let k = per.unsigned_abs() as usize;
    let n = hex.len();
    let mut out = String::with_capacity(n * 3);
    for (i, h) in hex.iter().enumerate() {
        // Groups of `k` counted from the right (positive) or left.
        let boundary = if per > 0 {
            i > 0 && (n - i).is_multiple_of(k)
        } else {
            i > 0 && i.is_multiple_of(k)
        };
        if boundary {
            out.push(sep);
        }
        out.push_str(h);
    }
    Ok(new_str(&out))
}

fn m_fromhex(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    crate::modules::args::no_kwargs("fromhex", kw)?;
    if args.len() != 2 {
        return Err(type_error(format!(
            "fromhex() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    let cls = &args[0];
    let Some(s) = as_str(&args[1]) else {
        return Err(type_error(format!(
            "fromhex() argument must be str, not {}",
            args[1].ty().name()
        )));
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    let bad = |pos: usize| {
        value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {pos}"
        ))
    };
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16).ok_or_else(|| bad(i))?;
        let lo = chars
            .get(i + 1)
            .and_then(|c| c.to_digit(16))
            .ok_or_else(|| bad(i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    if cls.is(BYTES_TYPE.as_object()) {
        return Ok(new_bytes(&out));
    }
    if cls.is(super::bytearray::BYTEARRAY_TYPE.as_object()) {
        return Ok(new_bytearray(&out));
    }
    super::protocol::call(cls, &[new_bytes(&out)], None)
}

fn m_join(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let (r, it) = one_arg("join", args, kw)?;
    let parts = match super::protocol::to_vec(it) {
        Ok(p) => p,
        Err(e)
            if e.matches(&super::exceptions::TYPE_ERROR) && it.ty().slots.iter.get().is_none() =>
        {
            return Err(type_error("can only join an iterable"))
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    for (i, p) in parts.iter().enumerate() {
        let Some(d) = bytes_like(p) else {
            return Err(type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                p.ty().name()
            )));
        };
        if i > 0 {
            out.extend_from_slice(&r.data);
        }
        out.extend_from_slice(&d);
    }
    Ok(r.wrap(&out))
}

fn split_common(args: &[Ref], kw: KwNames<'_>, name: &str, right: bool) -> PyResult {
    let v = with_keywords(name, args, kw, &["sep", "maxsplit"])?;
    let r = recv(args)?;
    let sep = match &v[0] {
        Some(s) if !s.is(super::none::none_ref()) => {
            let d = buf_arg(s)?.into_owned();
            if d.is_empty() {
                return Err(value_error("empty separator"));
            }
            Some(d)
        }
        _ => None,
    };
    let maxsplit = match &v[1] {
        Some(m) => super::protocol::index_i64(m)?,
        None => -1,
    };
    let max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let data: &[u8] = &r.data;
    let mut pieces: Vec<&[u8]> = Vec::new();
    match sep {
        // Runs of white space; once `max` splits are made, the rest is one
        // piece that keeps its white space on the far side (CPython).
        None if !right => {
            let (mut i, n) = (0, data.len());
            let mut splits = 0;
            while i < n {
                while i < n && is_space(data[i]) {
                    i += 1;
                }
                if i >= n {
                    break;
                }
                if splits >= max {
                    pieces.push(&data[i..]);
                    break;
                }
                let s = i;
                while i < n && !is_space(data[i]) {
                    i += 1;
                }
                pieces.push(&data[s..i]);
                splits += 1;
            }
        }
        None => {
            let mut i = data.len();
            let mut splits = 0;
            while i > 0 {
                while i > 0 && is_space(data[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                if splits >= max {
                    pieces.push(&data[..i]);
                    break;
                }
                let e = i;
                while i > 0 && !is_space(data[i - 1]) {
                    i -= 1;
                }
                pieces.push(&data[i..e]);
                splits += 1;
            }
            pieces.reverse();
        }
        Some(sep) => {
            if right {
                let mut end = data.len();
                let mut n = 0;
                while n < max {
                    match rfind_sub(&data[..end], &sep) {
                        Some(k) => {
                            pieces.push(&data[k + sep.len()..end]);
                            end = k;
                            n += 1;
                        }
                        None => break,
                    }
                }
                pieces.push(&data[..end]);
                pieces.reverse();
            } else {
                let mut start = 0;
                let mut n = 0;
                while n < max {
                    match find_sub(data, &sep, start) {
                        Some(k) => {
                            pieces.push(&data[start..k]);
                            start = k + sep.len();
                            n += 1;
                        }
                        None => break,
                    }
                }
                pieces.push(&data[start..]);
            }
        }
    }
    Ok(new_list(pieces.iter().map(|p| r.wrap(p)).collect()))
}

fn m_split(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    split_common(args, kw, "split", false)
}

fn m_rsplit(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    split_common(args, kw, "rsplit", true)
}

fn m_splitlines(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let v = with_keywords("splitlines", args, kw, &["keepends"])?;
    let keep = match &v[0] {
        Some(k) => super::protocol::index_i64(k)? != 0,
        None => false,
    };
    let r = recv(args)?;
    let d: &[u8] = &r.data;
    let mut out = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < d.len() {
        if d[i] == b'\n' || d[i] == b'\r' {
            let mut end = i + 1;
            if d[i] == b'\r' && d.get(i + 1) == Some(&b'\n') {
                end += 1;
            }
            out.push(r.wrap(&d[start..if keep { end } else { i }]));
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < d.len() {
        out.push(r.wrap(&d[start..]));
    }
    Ok(new_list(out))
}

fn strip_common(args: &[Ref], kw: KwNames<'_>, name: &str, left: bool, right: bool) -> PyResult {
    let (r, rest) = clinic(name, args, kw, 0, 1)?;
    let set: Option<Vec<u8>> = match rest.first() {
        Some(c) if !c.is(super::none::none_ref()) => Some(buf_arg(c)?.into_owned()),
        _ => None,
    };
    let strip = |b: u8| match &set {
        Some(s) => s.contains(&b),
        None => is_space(b),
    };
    let d: &[u8] = &r.data;
    let (mut i, mut j) = (0, d.len());
    if left {
        while i < j && strip(d[i]) {
            i += 1;
        }
    }
    if right {
        while j > i && strip(d[j - 1]) {
            j -= 1;
        }
    }
    if i == 0 && j == d.len() {
        return Ok(r.same());
    }
    Ok(r.wrap(&d[i..j]))
}

fn m_strip(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    strip_common(args, kw, "strip", true, true)
}
fn m_lstrip(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    strip_common(args, kw, "lstrip", true, false)
}
fn m_rstrip(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    strip_common(args, kw, "rstrip", false, true)
}

fn m_replace(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let (r, rest) = clinic("replace", args, kw, 2, 3)?;
    let old = buf_arg(&rest[0])?.into_owned();
    let new = buf_arg(&rest[1])?.into_owned();
    let count = match rest.get(2) {
        Some(c) => super::protocol::index_i64(c)?,
        None => -1,
    };
    let max = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let d: &[u8] = &r.data;
    let mut out = Vec::with_capacity(d.len());
    let mut n = 0;
    if old.is_empty() {
        for (i, &b) in d.iter().enumerate() {
            if n < max {
                out.extend_from_slice(&new);
                n += 1;
            }
            out.push(b);
            let _ = i;
        }
        if n < max {
            out.extend_from_slice(&new);
        }
        return Ok(r.wrap(&out));
    }
    let mut start = 0;
    while n < max {
        match find_sub(d, &old, start) {
            Some(k) => {
                out.extend_from_slice(&d[start..k]);
                out.extend_from_slice(&new);
                start = k + old.len();
                n += 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&d[start..]);
    Ok(r.wrap(&out))
}

/// The needle of find / count / index: bytes-like or an int byte.
fn needle_arg(v: &PyObject) -> PyResult<Vec<u8>> {
    if let Some(d) = bytes_like(v) {
        return Ok(d.into_owned());
    }
    if super::int::as_int(v).is_some() || v.ty().slots.index.get().is_some() {
        return Ok(vec![super::bytearray::byte_value(v)?]);
    }
    Err(type_error(format!(
        "argument should be integer or bytes-like object, not '{}'",
        v.ty().name()
    )))
}

fn find_common(args: &[Ref], kw: KwNames<'_>, name: &str, right: bool, raise: bool) -> PyResult {
    let (r, rest) = tuple_style(name, args, kw, 1, 3)?;
    let needle = needle_arg(&rest[0])?;
    let (s, e) = adjust_range(
        slice_arg(rest.get(1))?,
        slice_arg(rest.get(2))?,
        r.data.len(),
    );
    let found = if s > e || e - s < needle.len() {
        None
    } else {
        let w = &r.data[s..e];
        if right {
            rfind_sub(w, &needle)
        } else {
            find_sub(w, &needle, 0)
        }
        .map(|k| k + s)
    };
    match found {
        Some(k) => Ok(new_int(k as i64)),
        None if raise => Err(value_error("subsection not found")),
        None => Ok(new_int(-1)),
    }
}

fn m_find(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    find_common(args, kw, "find", false, false)
}
fn m_rfind(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    find_common(args, kw, "rfind", true, false)
}
fn m_index(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    find_common(args, kw, "index", false, true)
}
fn m_rindex(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    find_common(args, kw, "rindex", true, true)
}

fn m_count(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let (r, rest) = tuple_style("count", args, kw, 1, 3)?;
    let needle = needle_arg(&rest[0])?;
    let (s, e) = adjust_range(
        slice_arg(rest.get(1))?,
        slice_arg(rest.get(2))?,
        r.data.len(),
    );
    if s > e {
        return Ok(new_int(0));
    }
    if needle.is_empty() {
        return Ok(new_int((e - s + 1) as i64));
    }
    let w = &r.data[s..e];
    let (mut n, mut at) = (0, 0);
    while let Some(k) = find_sub(w, &needle, at) {
        n += 1;
        at = k + needle.len();
    }
    Ok(new_int(n))
}

fn affix_common(args: &[Ref], kw: KwNames<'_>, name: &str, suffix: bool) -> PyResult {
    let (r, rest) = tuple_style(name, args, kw, 1, 3)?;
    let (s, e) = adjust_range(
        slice_arg(rest.get(1))?,
        slice_arg(rest.get(2))?,
        r.data.len(),
    );
    let test = |needle: &[u8]| -> bool {
        if s > e || e - s < needle.len() {
            return false;
        }
        let w = &r.data[s..e];
        if suffix {
            w.ends_with(needle)
        } else {
            w.starts_with(needle)
        }
    };
    let arg = &rest[0];
    if let Some(n) = bytes_like(arg) {
        return Ok(super::bool::new_bool(test(&n)));
    }
    if super::tuple::is_tuple(arg) {
        for it in items(arg) {
            let Some(n) = bytes_like(it) else {
                return Err(type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    it.ty().name()
                )));
            };
            if test(&n) {
                return Ok(super::bool::new_bool(true));
            }
        }
        return Ok(super::bool::new_bool(false));
    }
    Err(type_error(format!(
        "{name} first arg must be bytes or a tuple of bytes, not {}",
        arg.ty().name()
    )))
}

fn m_startswith(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    affix_common(args, kw, "startswith", false)
}
fn m_endswith(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    affix_common(args, kw, "endswith", true)
}

fn map_bytes(args: &[Ref], kw: KwNames<'_>, name: &str) -> PyResult {
    let r = no_args(name, args, kw)?;
    let d: &[u8] = &r.data;
    let out: Vec<u8> = match name {
        "upper" => d.to_ascii_uppercase(),
        "lower" => d.to_ascii_lowercase(),
        "swapcase" => d
            .iter()
            .map(|c| {
                if c.is_ascii_uppercase() {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                }
            })
            .collect(),
        "capitalize" => {
            let mut v = d.to_ascii_lowercase();
            if let Some(f) = v.first_mut() {
                f.make_ascii_uppercase();
            }
            v
        }
        _ => {
            let mut prev = false;
            d.iter()
                .map(|&c| {
                    let o = if prev {
                        c.to_ascii_lowercase()
                    } else {
                        c.to_ascii_uppercase()
                    };
                    prev = c.is_ascii_alphabetic();
                    o
                })
                .collect()
        }
    };
    Ok(r.wrap(&out))
}

fn m_upper(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    map_bytes(args, kw, "upper")
}
fn m_lower(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    map_bytes(args, kw, "lower")
}
fn m_swapcase(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    map_bytes(args, kw, "swapcase")
}
fn m_capitalize(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    map_bytes(args, kw, "capitalize")
}
fn m_title(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    map_bytes(args, kw, "title")
}

fn test_bytes(args: &[Ref], kw: KwNames<'_>, name: &str) -> PyResult {
    let r = no_args(name, args, kw)?;
    let d: &[u8] = &r.data;
    let all = |f: fn(&u8) -> bool| !d.is_empty() && d.iter().all(f);
    let v = match name {
        "isdigit" => all(u8::is_ascii_digit),
        "isalpha" => all(u8::is_ascii_alphabetic),
        "isalnum" => all(u8::is_ascii_alphanumeric),
        "isspace" => all(|b| is_space(*b)),
        "isascii" => d.is_ascii(),
        "isupper" => d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase),
        "islower" => d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase),
        _ => {
            // istitle
            let (mut cased, mut prev) = (false, false);
            let mut ok = true;
            for &c in d {
                if c.is_ascii_uppercase() {
                    if prev {
                        ok = false;
                        break;
                    }
                    prev = true;
                    cased = true;
                } else if c.is_ascii_lowercase() {
                    if !prev {
                        ok = false;
                        break;
                    }
                    prev = true;
                    cased = true;
                } else {
                    prev = false;
                }
            }
            ok && cased
        }
    };
    Ok(super::bool::new_bool(v))
}

fn m_isdigit(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    test_bytes(args, kw, "isdigit")
}
fn m_isalpha(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    test_bytes(args, kw, "isalpha")
}
fn m_isalnum(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    test_bytes(args, kw, "isalnum")
}
fn m_isspace(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    test_bytes(args, kw, "isspace")
}
fn m_isascii(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    test_bytes(args, kw, "isascii")
}
fn m_isupper(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    test_bytes(args, kw, "isupper")
}
fn m_islower(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    test_bytes(args, kw, "islower")
}
fn m_istitle(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    test_bytes(args, kw, "istitle")
}

fn partition_common(args: &[Ref], kw: KwNames<'_>, name: &str, right: bool) -> PyResult {
    let (r, sep) = one_arg(name, args, kw)?;
    let sep = buf_arg(sep)?.into_owned();
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    let d: &[u8] = &r.data;
    let found = if right {
        rfind_sub(d, &sep)
    } else {
        find_sub(d, &sep, 0)
    };
    Ok(match found {
        Some(k) => new_tuple(vec![
            r.wrap(&d[..k]),
            r.wrap(&sep),
            r.wrap(&d[k + sep.len()..]),
        ]),
        None if right => new_tuple(vec![r.wrap(&[]), r.wrap(&[]), r.wrap(d)]),
        None => new_tuple(vec![r.wrap(d), r.wrap(&[]), r.wrap(&[])]),
    })
}

fn m_partition(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    partition_common(args, kw, "partition", false)
}
fn m_rpartition(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    partition_common(args, kw, "rpartition", true)
}

fn pad_common(args: &[Ref], kw: KwNames<'_>, name: &str) -> PyResult {
    let (r, rest) = clinic(name, args, kw, 1, 2)?;
    let width = super::protocol::index_i64(&rest[0])?;
    let fill = match rest.get(1) {
        None => b' ',
        Some(f) => match bytes_like(f) {
            Some(d) if d.len() == 1 => d[0],
            _ => {
                return Err(type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    f.ty().name()
                )))
            }
        },
    };
    let len = r.data.len() as i64;
    if width <= len {
        return Ok(r.same());
    }
    let marg = (width - len) as usize;
    let (left, right) = match name {
        "ljust" => (0, marg),
        "rjust" => (marg, 0),
        _ => {
            let left = marg / 2 + (marg & width as usize & 1);
            (left, marg - left)
        }
    };
    let mut out = vec![fill; left];
    out.extend_from_slice(&r.data);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(r.wrap(&out))
}

fn m_center(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    pad_common(args, kw, "center")
}
fn m_ljust(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    pad_common(args, kw, "ljust")
}
fn m_rjust(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    pad_common(args, kw, "rjust")
}

fn m_zfill(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let (r, w) = one_arg("zfill", args, kw)?;
    let width = super::protocol::index_i64(w)?;
    let len = r.data.len() as i64;
    if width <= len {
        return Ok(r.same());
    }
    let fill = (width - len) as usize;
    let d: &[u8] = &r.data;
    let mut out = Vec::with_capacity(width as usize);
    let body = match d.first() {
        Some(&s @ (b'+' | b'-')) => {
            out.push(s);
            &d[1..]
        }
        _ => d,
    };
    out.extend(std::iter::repeat_n(b'0', fill));
    out.extend_from_slice(body);
    Ok(r.wrap(&out))
}

fn m_expandtabs(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let v = with_keywords("expandtabs", args, kw, &["tabsize"])?;
    let tab = match &v[0] {
        Some(t) => super::protocol::index_i64(t)?,
        None => 8,
    };
    let r = recv(args)?;
    let mut out = Vec::with_capacity(r.data.len());
    let mut col: i64 = 0;
    for &c in r.data.iter() {
        match c {
            b'\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(r.wrap(&out))
}

fn affix_remove(args: &[Ref], kw: KwNames<'_>, name: &str, suffix: bool) -> PyResult {
    let (r, a) = one_arg(name, args, kw)?;
    let x = buf_arg(a)?.into_owned();
    let d: &[u8] = &r.data;
    let out = if suffix {
        d.strip_suffix(&x[..])
    } else {
        d.strip_prefix(&x[..])
    };
    match out {
        Some(t) if !x.is_empty() => Ok(r.wrap(t)),
        _ => Ok(r.same()),
    }
}

fn m_removeprefix(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    affix_remove(args, kw, "removeprefix", false)
}
fn m_removesuffix(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    affix_remove(args, kw, "removesuffix", true)
}

fn m_translate(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let v = with_keywords("translate", args, kw, &["table", "delete"])?;
    let r = recv(args)?;
    let table = match &v[0] {
        Some(t) if !t.is(super::none::none_ref()) => {
            let t = buf_arg(t)?.into_owned();
            if t.len() != 256 {
                return Err(value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
        Some(_) => None,
        None => {
            return Err(type_error(
                "translate() missing required argument 'table' (pos 1)",
            ))
        }
    };
    let delete = match &v[1] {
        Some(d) => buf_arg(d)?.into_owned(),
        None => Vec::new(),
    };
    let out: Vec<u8> = r
        .data
        .iter()
        .filter(|b| !delete.contains(b))
        .map(|&b| table.as_ref().map_or(b, |t| t[b as usize]))
        .collect();
    Ok(r.wrap(&out))
}

fn m_maketrans(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    crate::modules::args::no_kwargs("maketrans", kw)?;
    if args.len() != 2 {
        return Err(type_error(format!(
            "maketrans expected 2 arguments, got {}",
            args.len()
        )));
    }
    let (from, to) = (buf_arg(&args[0])?, buf_arg(&args[1])?);
    if from.len() != to.len() {
        return Err(value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (a, b) in from.iter().zip(to.iter()) {
        table[*a as usize] = *b;
    }
    Ok(new_bytes(&table))
}

fn m_getnewargs(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let r = no_args("__getnewargs__", args, kw)?;
    Ok(new_tuple(vec![new_bytes(&r.data)]))
}

fn m_bytes_dunder(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let r = no_args("__bytes__", args, kw)?;
    Ok(if std::ptr::eq(r.obj.ty(), &BYTES_TYPE) {
        r.obj.clone()
    } else {
        new_bytes(&r.data)
    })
}

const fn def(name: &'static str, func: super::typeobj::NativeFn) -> MethodDef {
    MethodDef {
        name,
        func,
        kind: MethodKind::Instance,
    }
}

/// The methods of `bytes` and `bytearray` share, followed by `$extra`.
macro_rules! with_common {
    ($($extra:expr),* $(,)?) => {
        [
            def("decode", m_decode),
            def("hex", m_hex),
            MethodDef {
                name: "fromhex",
                func: m_fromhex,
                kind: MethodKind::Class,
            },
            def("join", m_join),
            def("split", m_split),
            def("rsplit", m_rsplit),
            def("splitlines", m_splitlines),
            def("strip", m_strip),
            def("lstrip", m_lstrip),
            def("rstrip", m_rstrip),
            def("replace", m_replace),
            def("find", m_find),
            def("rfind", m_rfind),
            def("index", m_index),
            def("rindex", m_rindex),
            def("count", m_count),
            def("startswith", m_startswith),
            def("endswith", m_endswith),
            def("upper", m_upper),
            def("lower", m_lower),
            def("swapcase", m_swapcase),
            def("capitalize", m_capitalize),
            def("title", m_title),
            def("isdigit", m_isdigit),
            def("isalpha", m_isalpha),
            def("isalnum", m_isalnum),
            def("isspace", m_isspace),
            def("isascii", m_isascii),
            def("isupper", m_isupper),
            def("islower", m_islower),
            def("istitle", m_istitle),
            def("partition", m_partition),
            def("rpartition", m_rpartition),
            def("center", m_center),
            def("ljust", m_ljust),
            def("rjust", m_rjust),
            def("zfill", m_zfill),
            def("expandtabs", m_expandtabs),
            def("removeprefix", m_removeprefix),
            def("removesuffix", m_removesuffix),
            def("translate", m_translate),
            MethodDef {
                name: "maketrans",
                func: m_maketrans,
                kind: MethodKind::Static,
            },
            $($extra),*
        ]
    };
}

/// The methods of `bytes`.
pub static BYTES_METHODS: [MethodDef; 44] = with_common![
    def("__getnewargs__", m_getnewargs),
    def("__bytes__", m_bytes_dunder),
];

/// The methods of `bytearray`.
pub static BYTEARRAY_METHODS: [MethodDef; 50] = with_common![
    def("append", super::bytearray::m_append),
    def("extend", super::bytearray::m_extend),
    def("pop", super::bytearray::m_pop),
    def("insert", super::bytearray::m_insert),
    def("remove", super::bytearray::m_remove),
    def("reverse", super::bytearray::m_reverse),
    def("clear", super::bytearray::m_clear),
    def("copy", super::bytearray::m_copy),
];
