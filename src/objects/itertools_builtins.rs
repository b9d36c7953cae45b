//! The iterator types among the builtins: `enumerate`, `zip` (with
//! `strict=`), `map`, `filter` and `reversed` (over `__reversed__` or the
//! sequence protocol). Each is a type, as in CPython (`type(zip)` is
//! `<class 'type'>`), subclassable, and its own iterator.
//!
//! ITERB-1: each holds its inputs in `RefCellSlot`s, reported by
//! `traverse` and dropped by `clear`; an emptied slot reads as exhausted.

use std::cell::Cell;
use std::ptr::NonNull;

use num_bigint::BigInt;
use pyrite_gc::Visitor;

use super::err::{type_error, value_error, PyErr, PyResult};
use super::exceptions as exc;
use super::int::{as_int, new_bigint, new_int};
use super::method_args::no_kw;
use super::object::{PyObject, PyPayload, Ref, RefCellSlot};
use super::protocol;
use super::str::as_str;
use super::tuple::{items, new_tuple};
use super::typeobj::{KwNames, MethodDef, MethodKind, Slots, TypeFlags, TypeObject};
use super::{heap, iterators};

const FLAGS: TypeFlags = TypeFlags(TypeFlags::BASETYPE.0 | TypeFlags::HAS_GC.0);

/// Allocate an instance of `ty` holding `payload` (written after the
/// header), tracked by the collector.
fn alloc<T>(ty: &TypeObject, make: impl FnOnce(PyObject) -> T) -> Ref {
    let obj = heap::alloc_object(ty, ty.basicsize);
    // SAFETY: `ty.basicsize` is at least `size_of::<T>()` (the static
    // types below are declared with it, and subclasses keep it), and the
    // block is fresh.
    unsafe { obj.cast::<T>().as_ptr().write(make(PyObject::new(ty))) };
    // SAFETY: a new object; we own its reference.
    let r = unsafe { Ref::from_raw(obj) };
    heap::track(&r);
    r
}

fn kw_pairs(args: &[Ref], kw: KwNames<'_>) -> (usize, Vec<(String, Ref)>) {
    let kwn: &[Ref] = kw.map(items).unwrap_or(&[]);
    let npos = args.len() - kwn.len();
    let pairs = kwn
        .iter()
        .zip(&args[npos..])
        .map(|(k, v)| (as_str(k).unwrap_or("").to_string(), v.clone()))
        .collect();
    (npos, pairs)
}

fn visit_slots(v: &mut Visitor<'_, PyObject>, slots: &[&RefCellSlot]) {
    for s in slots {
        if let Some(p) = s.peek() {
            v.visit(p);
        }
    }
}

// ---------------------------------------------------------------------------
// enumerate

/// `enumerate`: the iterator and the next count (an i64 until it would
/// overflow or when `start` is big; then an int object in `big`).
#[repr(C)]
pub struct EnumerateObject {
    ob: PyObject,
    it: RefCellSlot,
    index: Cell<i64>,
    big: RefCellSlot,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first.
unsafe impl PyPayload for EnumerateObject {
    fn static_type() -> &'static TypeObject {
        &ENUMERATE_TYPE
    }
}

fn enumerate_new(ty: &TypeObject, args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let (npos, pairs) = kw_pairs(args, kw);
    let mut iterable = args[..npos].first().cloned();
    let mut start = args[..npos].get(1).cloned();
    if npos > 2 {
        return Err(type_error(format!(
            "enumerate() takes at most 2 arguments ({} given)",
            npos + pairs.len()
        )));
    }
    for (k, v) in pairs {
        let slot = match k.as_str() {
            "iterable" => &mut iterable,
            "start" => &mut start,
            _ => {
                return Err(type_error(format!(
                    "'{k}' is an invalid keyword argument for enumerate()"
                )))
            }
        };
        if slot.is_some() {
            let pos = if k == "iterable" { 1 } else { 2 };
            return Err(type_error(format!(
                "argument for enumerate() given by name ('{k}') and position ({pos})"
            )));
        }
        *slot = Some(v);
    }
    let Some(iterable) = iterable else {
        return Err(type_error(
            "enumerate() missing required argument 'iterable'",
        ));
    };
    let (index, big) = match start {
        None => (0, None),
        Some(s) => {
            let i = protocol::index(&s)?;
            match super::int::small_value(&i) {
                Some(v) => (v, None),
                None => (0, Some(i)),
            }
        }
    };
    let it = protocol::iter(&iterable)?;
    Ok(alloc(ty, |ob| EnumerateObject {
        ob,
        it: RefCellSlot::new(Some(it)),
        index: Cell::new(index),
        big: RefCellSlot::new(big),
    }))
}

fn enumerate_next(obj: &PyObject) -> PyResult<Option<Ref>> {
    let e = obj.downcast::<EnumerateObject>().expect("enumerate");
    let Some(it) = e.it.get() else {
        return Ok(None);
    };
    let Some(item) = protocol::next(&it)? else {
        return Ok(None);
    };
    let count = match e.big.get() {
        Some(b) => {
            let next = as_int(&b).map(|i| i.to_bigint()).unwrap_or_default() + 1u32;
            e.big.set(Some(new_bigint(next)));
            b
        }
        None => {
            let i = e.index.get();
            match i.checked_add(1) {
                Some(n) => e.index.set(n),
                None => e.big.set(Some(new_bigint(BigInt::from(i) + 1u32))),
            }
            new_int(i)
        }
    };
    Ok(Some(new_tuple(vec![count, item])))
}

unsafe fn enumerate_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; payload per PAYLOAD-1.
    unsafe { std::ptr::drop_in_place(obj.cast::<EnumerateObject>().as_ptr()) }
}

fn enumerate_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    let e = obj.downcast::<EnumerateObject>().expect("enumerate");
    visit_slots(v, &[&e.it, &e.big]);
}

fn enumerate_clear(obj: &PyObject) {
    let e = obj.downcast::<EnumerateObject>().expect("enumerate");
    e.it.set(None);
    e.big.set(None);
}

/// `enumerate`.
pub static ENUMERATE_TYPE: TypeObject = TypeObject::new_static(
    "enumerate",
    std::mem::size_of::<EnumerateObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    FLAGS,
    Slots {
        drop: enumerate_drop,
        traverse: Some(enumerate_traverse),
        clear: Some(enumerate_clear),
        new: Cell::new(Some(enumerate_new)),
        iter: Cell::new(Some(iterators::self_iter)),
        next: Cell::new(Some(enumerate_next)),
        ..Slots::empty()
    },
    &[],
    &[],
);

// ---------------------------------------------------------------------------
// zip

/// `zip`: a tuple of iterators and the `strict` flag.
#[repr(C)]
pub struct ZipObject {
    ob: PyObject,
    iters: RefCellSlot,
    strict: bool,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first.
unsafe impl PyPayload for ZipObject {
    fn static_type() -> &'static TypeObject {
        &ZIP_TYPE
    }
}

fn zip_new(ty: &TypeObject, args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let (npos, pairs) = kw_pairs(args, kw);
    let mut strict = false;
    for (k, v) in pairs {
        if k != "strict" {
            return Err(type_error(format!(
                "'{k}' is an invalid keyword argument for zip()"
            )));
        }
        strict = protocol::is_true(&v)?;
    }
    let mut iters = Vec::with_capacity(npos);
    for a in &args[..npos] {
        iters.push(protocol::iter(a)?);
    }
    let iters = new_tuple(iters);
    Ok(alloc(ty, |ob| ZipObject {
        ob,
        iters: RefCellSlot::new(Some(iters)),
        strict,
    }))
}

fn argument_range(i: usize) -> String {
    if i == 1 {
        " 1".to_string()
    } else {
        format!("s 1-{i}")
    }
}

fn zip_next(obj: &PyObject) -> PyResult<Option<Ref>> {
    let z = obj.downcast::<ZipObject>().expect("zip");
    let Some(iters) = z.iters.get() else {
        return Ok(None);
    };
    let its = items(&iters);
    if its.is_empty() {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(its.len());
    for (i, it) in its.iter().enumerate() {
        match protocol::next(it)? {
            Some(v) => out.push(v),
            None => {
                if !z.strict {
                    return Ok(None);
                }
                if i > 0 {
                    return Err(value_error(format!(
                        "zip() argument {} is shorter than argument{}",
                        i + 1,
                        argument_range(i)
                    )));
                }
                for (j, other) in its.iter().enumerate().skip(1) {
                    if protocol::next(other)?.is_some() {
                        return Err(value_error(format!(
                            "zip() argument {} is longer than argument{}",
                            j + 1,
                            argument_range(j)
                        )));
                    }
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(new_tuple(out)))
}

unsafe fn zip_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; payload per PAYLOAD-1.
    unsafe { std::ptr::drop_in_place(obj.cast::<ZipObject>().as_ptr()) }
}

fn zip_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    visit_slots(v, &[&obj.downcast::<ZipObject>().expect("zip").iters]);
}

fn zip_clear(obj: &PyObject) {
    obj.downcast::<ZipObject>().expect("zip").iters.set(None);
}

/// `zip`.
pub static ZIP_TYPE: TypeObject = TypeObject::new_static(
    "zip",
    std::mem::size_of::<ZipObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    FLAGS,
    Slots {
        drop: zip_drop,
        traverse: Some(zip_traverse),
        clear: Some(zip_clear),
        new: Cell::new(Some(zip_new)),
        iter: Cell::new(Some(iterators::self_iter)),
        next: Cell::new(Some(zip_next)),
        ..Slots::empty()
    },
    &[],
    &[],
);

// ---------------------------------------------------------------------------
// map

/// `map`: the function and a tuple of iterators.
#[repr(C)]
pub struct MapObject {
    ob: PyObject,
    func: RefCellSlot,
    iters: RefCellSlot,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first.
unsafe impl PyPayload for MapObject {
    fn static_type() -> &'static TypeObject {
        &MAP_TYPE
    }
}

fn map_new(ty: &TypeObject, args: &[Ref], kw: KwNames<'_>) -> PyResult {
    if std::ptr::eq(ty, &MAP_TYPE) {
        no_kw("map", kw)?;
    }
    let npos = args.len() - kw.map_or(0, |k| items(k).len());
    if npos < 2 {
        return Err(type_error("map() must have at least two arguments."));
    }
    let mut iters = Vec::with_capacity(npos - 1);
    for a in &args[1..npos] {
        iters.push(protocol::iter(a)?);
    }
    let iters = new_tuple(iters);
    let func = args[0].clone();
    Ok(alloc(ty, |ob| MapObject {
        ob,
        func: RefCellSlot::new(Some(func)),
        iters: RefCellSlot::new(Some(iters)),
    }))
}

fn map_next(obj: &PyObject) -> PyResult<Option<Ref>> {
    let m = obj.downcast::<MapObject>().expect("map");
    let (Some(func), Some(iters)) = (m.func.get(), m.iters.get()) else {
        return Ok(None);
    };
    let its = items(&iters);
    if let [it] = its {
        return match protocol::next(it)? {
            Some(v) => protocol::call(&func, &[v], None).map(Some),
            None => Ok(None),
        };
    }
    let mut vals = Vec::with_capacity(its.len());
    for it in its {
        match protocol::next(it)? {
            Some(v) => vals.push(v),
            None => return Ok(None),
        }
    }
    protocol::call(&func, &vals, None).map(Some)
}

unsafe fn map_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; payload per PAYLOAD-1.
    unsafe { std::ptr::drop_in_place(obj.cast::<MapObject>().as_ptr()) }
}

fn map_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    let m = obj.downcast::<MapObject>().expect("map");
    visit_slots(v, &[&m.func, &m.iters]);
}

fn map_clear(obj: &PyObject) {
    let m = obj.downcast::<MapObject>().expect("map");
    m.func.set(None);
    m.iters.set(None);
}

/// `map`.
pub static MAP_TYPE: TypeObject = TypeObject::new_static(
    "map",
    std::mem::size_of::<MapObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    FLAGS,
    Slots {
        drop: map_drop,
        traverse: Some(map_traverse),
        clear: Some(map_clear),
        new: Cell::new(Some(map_new)),
        iter: Cell::new(Some(iterators::self_iter)),
        next: Cell::new(Some(map_next)),
        ..Slots::empty()
    },
    &[],
    &[],
);

// ---------------------------------------------------------------------------
// filter

/// `filter`: the predicate (None: truth) and the iterator.
#[repr(C)]
pub struct FilterObject {
    ob: PyObject,
    func: RefCellSlot,
    it: RefCellSlot,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first.
unsafe impl PyPayload for FilterObject {
    fn static_type() -> &'static TypeObject {
        &FILTER_TYPE
    }
}

fn filter_new(ty: &TypeObject, args: &[Ref], kw: KwNames<'_>) -> PyResult {
    if std::ptr::eq(ty, &FILTER_TYPE) {
        no_kw("filter", kw)?;
    }
    let npos = args.len() - kw.map_or(0, |k| items(k).len());
    if npos != 2 {
        return Err(type_error(format!(
            "filter expected 2 arguments, got {npos}"
        )));
    }
    let it = protocol::iter(&args[1])?;
    let func = args[0].clone();
    Ok(alloc(ty, |ob| FilterObject {
        ob,
        func: RefCellSlot::new(Some(func)),
        it: RefCellSlot::new(Some(it)),
    }))
}

fn filter_next(obj: &PyObject) -> PyResult<Option<Ref>> {
    let f = obj.downcast::<FilterObject>().expect("filter");
    let (Some(func), Some(it)) = (f.func.get(), f.it.get()) else {
        return Ok(None);
    };
    let truth_only =
        func.is(super::none::none_ref()) || func.is(super::bool::BOOL_TYPE.as_object());
    while let Some(v) = protocol::next(&it)? {
        let keep = if truth_only {
            protocol::is_true(&v)?
        } else {
            let r = protocol::call(&func, std::slice::from_ref(&v), None)?;
            protocol::is_true(&r)?
        };
        if keep {
            return Ok(Some(v));
        }
    }
    Ok(None)
}

unsafe fn filter_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; payload per PAYLOAD-1.
    unsafe { std::ptr::drop_in_place(obj.cast::<FilterObject>().as_ptr()) }
}

fn filter_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    let f = obj.downcast::<FilterObject>().expect("filter");
    visit_slots(v, &[&f.func, &f.it]);
}

fn filter_clear(obj: &PyObject) {
    let f = obj.downcast::<FilterObject>().expect("filter");
    f.func.set(None);
    f.it.set(None);
}

/// `filter`.
pub static FILTER_TYPE: TypeObject = TypeObject::new_static(
    "filter",
    std::mem::size_of::<FilterObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    FLAGS,
    Slots {
        drop: filter_drop,
        traverse: Some(filter_traverse),
        clear: Some(filter_clear),
        new: Cell::new(Some(filter_new)),
        iter: Cell::new(Some(iterators::self_iter)),
        next: Cell::new(Some(filter_next)),
        ..Slots::empty()
    },
    &[],
    &[],
);

// ---------------------------------------------------------------------------
// reversed

/// `reversed` over the sequence protocol: the sequence and the next index
/// (-1 once exhausted).
#[repr(C)]
pub struct ReversedObject {
    ob: PyObject,
    seq: RefCellSlot,
    index: Cell<isize>,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first.
unsafe impl PyPayload for ReversedObject {
    fn static_type() -> &'static TypeObject {
        &REVERSED_TYPE
    }
}

#[cold]
fn not_reversible(seq: &PyObject) -> PyErr {
    type_error(format!("'{}' object is not reversible", seq.ty().name()))
}

/// `reversed(seq)`: `seq.__reversed__()` when the type has one, else an
/// iterator over `__len__` and `__getitem__`.
pub fn reversed_of(ty: &TypeObject, seq: &PyObject) -> PyResult {
    let exact = std::ptr::eq(ty, &REVERSED_TYPE);
    if exact && std::ptr::eq(seq.ty(), &super::list::LIST_TYPE) {
        return Ok(super::list_methods::new_reverse_iter(seq.to_ref()));
    }
    if let Some(m) = seq.ty().lookup_str("__reversed__") {
        if m.is(super::none::none_ref()) {
            return Err(not_reversible(seq));
        }
        return protocol::call_method_obj(&m, seq, &[]);
    }
    if seq.ty().slots.getitem.get().is_none() || super::dict::as_dict(seq).is_some() {
        return Err(not_reversible(seq));
    }
    let n = protocol::len(seq)? as isize;
    Ok(alloc(ty, |ob| ReversedObject {
        ob,
        seq: RefCellSlot::new(Some(seq.to_ref())),
        index: Cell::new(n - 1),
    }))
}

fn reversed_new(ty: &TypeObject, args: &[Ref], kw: KwNames<'_>) -> PyResult {
    if std::ptr::eq(ty, &REVERSED_TYPE) {
        no_kw("reversed", kw)?;
    }
    let npos = args.len() - kw.map_or(0, |k| items(k).len());
    if npos != 1 {
        return Err(type_error(format!(
            "reversed expected 1 argument, got {npos}"
        )));
    }
    reversed_of(ty, &args[0])
}

fn reversed_next(obj: &PyObject) -> PyResult<Option<Ref>> {
    let r = obj.downcast::<ReversedObject>().expect("reversed");
    let i = r.index.get();
    if i >= 0 {
        if let Some(seq) = r.seq.get() {
            match protocol::getitem(&seq, &new_int(i as i64)) {
                Ok(v) => {
                    r.index.set(i - 1);
                    return Ok(Some(v));
                }
                Err(e) if e.matches(&exc::INDEX_ERROR) || e.matches(&exc::STOP_ITERATION) => {}
                Err(e) => return Err(e),
            }
        }
    }
    r.index.set(-1);
    r.seq.set(None);
    Ok(None)
}

fn m_reversed_length_hint(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    let r = args[0].downcast::<ReversedObject>().expect("reversed");
    let n = match r.seq.get() {
        Some(seq) => {
            let len = protocol::len(&seq)? as isize;
            if r.index.get() < len {
                r.index.get() + 1
            } else {
                0
            }
        }
        None => 0,
    };
    Ok(new_int(n.max(0) as i64))
}

unsafe fn reversed_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; payload per PAYLOAD-1.
    unsafe { std::ptr::drop_in_place(obj.cast::<ReversedObject>().as_ptr()) }
}

fn reversed_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    visit_slots(
        v,
        &[&obj.downcast::<ReversedObject>().expect("reversed").seq],
    );
}

fn reversed_clear(obj: &PyObject) {
    obj.downcast::<ReversedObject>()
        .expect("reversed")
        .seq
        .set(None);
}

static REVERSED_METHODS: [MethodDef; 1] = [MethodDef {
    name: "__length_hint__",
    func: m_reversed_length_hint,
    kind: MethodKind::Instance,
}];

/// `reversed`.
pub static REVERSED_TYPE: TypeObject = TypeObject::new_static(
    "reversed",
    std::mem::size_of::<ReversedObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    FLAGS,
    Slots {
        drop: reversed_drop,
        traverse: Some(reversed_traverse),
        clear: Some(reversed_clear),
        new: Cell::new(Some(reversed_new)),
        iter: Cell::new(Some(iterators::self_iter)),
        next: Cell::new(Some(reversed_next)),
        ..Slots::empty()
    },
    &REVERSED_METHODS,
    &[],
);
