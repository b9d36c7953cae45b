//! `tuple`'s operations beyond the storage in `tuple.rs`: construction
//! (`tuple(iterable)`, subclasses such as named records), subscripts,
//! `+ *`, comparison, CPython 3.11's xxHash-based hash, `in`, the repr,
//! `count`/`index`, and the tuple iterator.

use std::cell::Cell;
use std::ptr::NonNull;

use pyrite_gc::Visitor;

use super::err::{index_error, memory_error, type_error, value_error, PyResult};
use super::int::new_int;
use super::list::wrap_index;
use super::method_args::{clinic, no_args, no_kw, one_arg};
use super::none::not_implemented;
use super::object::{PyObject, PyPayload, Ref, RefCellSlot};
use super::protocol;
use super::sequence::{self, Subscript};
use super::str::{as_str, from_string, new_str};
use super::tuple::{
    empty_tuple, items, new_tuple, new_tuple_of_type, tuple_from_slice, TUPLE_TYPE,
};
use super::typeobj::{KwNames, MethodDef, MethodKind, Slots, TypeFlags, TypeObject};
use super::{heap, iterators};
use crate::compile::opcode::{BinaryOp, CompareOp};

/// Set `tuple`'s operator slots (before its dunder wrappers are made).
pub fn install() {
    let s = &TUPLE_TYPE.slots;
    s.new.set(Some(tuple_new));
    s.repr.set(tuple_repr);
    s.hash.set(Some(tuple_hash));
    s.richcompare.set(Some(tuple_richcompare));
    s.iter.set(Some(tuple_iter));
    s.getitem.set(Some(tuple_getitem));
    s.contains.set(Some(tuple_contains));
    s.binary[BinaryOp::Add as usize].set(Some(tuple_add));
    s.binary[BinaryOp::Multiply as usize].set(Some(tuple_mul));
}

fn tuple_new(ty: &TypeObject, args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let exact = std::ptr::eq(ty, &TUPLE_TYPE);
    let nkw = kw.map_or(0, |k| items(k).len());
    if exact
        || ty.slots.init.get().map(|f| f as usize)
            == TUPLE_TYPE.slots.init.get().map(|f| f as usize)
    {
        no_kw("tuple", kw)?;
    }
    let npos = args.len() - nkw;
    if npos > 1 {
        return Err(type_error(format!(
            "tuple expected at most 1 argument, got {npos}"
        )));
    }
    let Some(arg) = args.first().filter(|_| npos == 1) else {
        return Ok(if exact {
            empty_tuple()
        } else {
            new_tuple_of_type(ty, Vec::new())
        });
    };
    if exact && std::ptr::eq(arg.ty(), &TUPLE_TYPE) {
        return Ok(arg.clone());
    }
    let v = protocol::to_vec(arg)?;
    Ok(new_tuple_of_type(ty, v))
}

fn tuple_getitem(obj: &PyObject, key: &PyObject) -> PyResult {
    let t = items(obj);
    match sequence::subscript(key, "tuple")? {
        Subscript::Index(i) => match wrap_index(i, t.len()) {
            Some(j) => Ok(t[j].clone()),
            None => Err(index_error("tuple index out of range")),
        },
        Subscript::Slice(s) => {
            let (start, step, n) = sequence::slice_indices(s, t.len())?;
            let t = items(obj);
            if step == 1 {
                if n == t.len() && std::ptr::eq(obj.ty(), &TUPLE_TYPE) {
                    return Ok(obj.to_ref());
                }
                let lo = (start.max(0) as usize).min(t.len());
                return Ok(tuple_from_slice(&t[lo..(lo + n).min(t.len())]));
            }
            let mut out = Vec::with_capacity(n);
            let mut i = start;
            for _ in 0..n {
                if let Some(v) = usize::try_from(i).ok().and_then(|j| t.get(j)) {
                    out.push(v.clone());
                }
                i += step;
            }
            Ok(new_tuple(out))
        }
    }
}

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// CPython 3.11's tuple hash (an xxHash variant) over item hashes.
pub fn hash_items(hashes: impl ExactSizeIterator<Item = PyResult<i64>>) -> PyResult<i64> {
    let len = hashes.len() as u64;
    let mut acc = XXPRIME_5;
    for h in hashes {
        let lane = h? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add(len ^ (XXPRIME_5 ^ 3527539));
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as i64)
}

fn tuple_hash(obj: &PyObject) -> PyResult<i64> {
    hash_items(items(obj).iter().map(|v| protocol::hash(v)))
}

fn tuple_repr(obj: &PyObject) -> PyResult {
    let t = items(obj);
    if t.is_empty() {
        return Ok(new_str("()"));
    }
    let Some(_guard) = super::repr_guard::enter(obj) else {
        return Ok(new_str("(...)"));
    };
    let mut out = String::from("(");
    for (i, v) in t.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let r = protocol::repr(v)?;
        out.push_str(as_str(&r).unwrap_or(""));
    }
    if t.len() == 1 {
        out.push(',');
    }
    out.push(')');
    Ok(from_string(out))
}

fn tuple_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    if !super::tuple::is_tuple(a) || !super::tuple::is_tuple(b) {
        return Ok(not_implemented());
    }
    let (ta, tb) = (items(a), items(b));
    super::list_methods::compare_sequences(
        &|i| ta.get(i).cloned(),
        &|i| tb.get(i).cloned(),
        &|| ta.len(),
        &|| tb.len(),
        op,
    )
}

fn tuple_contains(obj: &PyObject, x: &PyObject) -> PyResult<bool> {
    for v in items(obj) {
        if protocol::eq(v, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn tuple_add(a: &PyObject, b: &PyObject) -> PyResult {
    if !super::tuple::is_tuple(a) {
        return Ok(not_implemented()); // SEQ-1
    }
    if !super::tuple::is_tuple(b) {
        if let Some(r) = sequence::try_other_slot(a, b, b, BinaryOp::Add, tuple_add)? {
            return Ok(r);
        }
        return Err(type_error(format!(
            "can only concatenate tuple (not \"{}\") to tuple",
            b.ty().name()
        )));
    }
    let (ta, tb) = (items(a), items(b));
    if tb.is_empty() && std::ptr::eq(a.ty(), &TUPLE_TYPE) {
        return Ok(a.to_ref());
    }
    if ta.is_empty() && std::ptr::eq(b.ty(), &TUPLE_TYPE) {
        return Ok(b.to_ref());
    }
    let mut v = Vec::with_capacity(ta.len() + tb.len());
    v.extend_from_slice(ta);
    v.extend_from_slice(tb);
    Ok(new_tuple(v))
}

fn tuple_mul(a: &PyObject, b: &PyObject) -> PyResult {
    let (t, n) = if super::tuple::is_tuple(a) {
        if let Some(r) = sequence::try_other_slot(a, b, b, BinaryOp::Multiply, tuple_mul)? {
            return Ok(r);
        }
        if !sequence::is_index_like(b) {
            return Err(sequence::cant_multiply(b));
        }
        (a, b)
    } else if super::tuple::is_tuple(b) {
        if !sequence::is_index_like(a) {
            return Err(sequence::cant_multiply(a));
        }
        (b, a)
    } else {
        return Ok(not_implemented());
    };
    let n = sequence::repeat_count(n)?;
    let src = items(t);
    if n == 1 && std::ptr::eq(t.ty(), &TUPLE_TYPE) {
        return Ok(t.to_ref());
    }
    if src.is_empty() || n == 0 {
        return Ok(empty_tuple());
    }
    let total = src.len().checked_mul(n).ok_or_else(memory_error)?;
    if total > (isize::MAX as usize) / 16 {
        return Err(memory_error());
    }
    let mut v = Vec::new();
    if v.try_reserve_exact(total).is_err() {
        return Err(memory_error());
    }
    for _ in 0..n {
        v.extend_from_slice(src);
    }
    Ok(new_tuple(v))
}

fn m_count(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let x = one_arg("tuple.count", args, kw)?;
    let mut n = 0;
    for v in items(&args[0]) {
        if protocol::eq(v, x)? {
            n += 1;
        }
    }
    Ok(new_int(n))
}

fn m_index(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = clinic("index", "tuple.index", args, kw, 1, 3)?;
    let t = items(&args[0]);
    let (lo, hi) = sequence::index_range(a.get(1), a.get(2), t.len())?;
    for (i, v) in t.iter().enumerate().take(hi).skip(lo) {
        if protocol::eq(v, &a[0])? {
            return Ok(new_int(i as i64));
        }
    }
    Err(value_error("tuple.index(x): x not in tuple"))
}

fn m_getnewargs(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("tuple.__getnewargs__", args, kw)?;
    Ok(new_tuple(vec![tuple_from_slice(items(&args[0]))]))
}

/// `tuple`'s methods.
pub static TUPLE_METHODS: [MethodDef; 3] = [
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
        name: "__getnewargs__",
        func: m_getnewargs,
        kind: MethodKind::Instance,
    },
];

// ---------------------------------------------------------------------------
// The iterator

/// A tuple iterator: the tuple (released once exhausted) and the next
/// index.
#[repr(C)]
pub struct TupleIterObject {
    ob: PyObject,
    seq: RefCellSlot,
    index: Cell<usize>,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first.
unsafe impl PyPayload for TupleIterObject {
    fn static_type() -> &'static TypeObject {
        &TUPLE_ITER_TYPE
    }
}

fn tuple_iter(obj: &PyObject) -> PyResult {
    let o = heap::alloc_object(&TUPLE_ITER_TYPE, std::mem::size_of::<TupleIterObject>());
    let it = TupleIterObject {
        ob: PyObject::new(&TUPLE_ITER_TYPE),
        seq: RefCellSlot::new(Some(obj.to_ref())),
        index: Cell::new(0),
    };
    // SAFETY: the block has room for a TupleIterObject.
    unsafe { o.cast::<TupleIterObject>().as_ptr().write(it) };
    // SAFETY: a new object; we own its reference.
    let r = unsafe { Ref::from_raw(o) };
    heap::track(&r);
    Ok(r)
}

fn iter_payload(obj: &PyObject) -> &TupleIterObject {
    obj.downcast::<TupleIterObject>().expect("tuple_iterator")
}

fn tuple_iter_next(obj: &PyObject) -> PyResult<Option<Ref>> {
    let it = iter_payload(obj);
    let Some(p) = it.seq.peek() else {
        return Ok(None);
    };
    // SAFETY: the slot owns a reference to the tuple; it is not changed
    // while this borrow lives.
    let t = items(unsafe { p.as_ref() });
    let i = it.index.get();
    match t.get(i) {
        Some(v) => {
            let v = v.clone();
            it.index.set(i + 1);
            Ok(Some(v))
        }
        None => {
            it.seq.set(None);
            Ok(None)
        }
    }
}

fn m_length_hint(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    let it = iter_payload(&args[0]);
    let n = match it.seq.get() {
        Some(t) => items(&t).len().saturating_sub(it.index.get()),
        None => 0,
    };
    Ok(new_int(n as i64))
}

unsafe fn iter_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; payload per PAYLOAD-1.
    unsafe { std::ptr::drop_in_place(obj.cast::<TupleIterObject>().as_ptr()) }
}

fn iter_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    if let Some(p) = iter_payload(obj).seq.peek() {
        v.visit(p);
    }
}

fn iter_clear(obj: &PyObject) {
    iter_payload(obj).seq.set(None);
}

static TUPLE_ITER_METHODS: [MethodDef; 1] = [MethodDef {
    name: "__length_hint__",
    func: m_length_hint,
    kind: MethodKind::Instance,
}];

/// `tuple_iterator`.
pub static TUPLE_ITER_TYPE: TypeObject = TypeObject::new_static(
    "tuple_iterator",
    std::mem::size_of::<TupleIterObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags::HAS_GC,
    Slots {
        drop: iter_drop,
        traverse: Some(iter_traverse),
        clear: Some(iter_clear),
        iter: Cell::new(Some(iterators::self_iter)),
        next: Cell::new(Some(tuple_iter_next)),
        ..Slots::empty()
    },
    &TUPLE_ITER_METHODS,
    &[],
);
