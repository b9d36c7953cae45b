//! Iterators over the sequence protocol (`__getitem__` with 0, 1, 2, …
//! until IndexError) and over callables (`iter(f, sentinel)`).

use std::cell::Cell;
use std::ptr::NonNull;

use pyrite_gc::Visitor;

use super::err::PyResult;
use super::exceptions as exc;
use super::heap;
use super::object::{PyObject, PyPayload, Ref, RefCellSlot};
use super::typeobj::{Slots, TypeFlags, TypeObject};

/// An iterator holding one object and a position.
#[repr(C)]
pub struct SeqIterObject {
    ob: PyObject,
    /// The sequence (None once exhausted).
    pub seq: RefCellSlot,
    /// The sentinel of `iter(f, sentinel)`.
    pub sentinel: RefCellSlot,
    /// The next index.
    pub index: Cell<usize>,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first.
unsafe impl PyPayload for SeqIterObject {
    fn static_type() -> &'static TypeObject {
        &SEQ_ITER_TYPE
    }
}

fn new_iter(ty: &TypeObject, seq: Ref, sentinel: Option<Ref>) -> Ref {
    let obj = heap::alloc_object(ty, std::mem::size_of::<SeqIterObject>());
    let it = SeqIterObject {
        ob: PyObject::new(ty),
        seq: RefCellSlot::new(Some(seq)),
        sentinel: RefCellSlot::new(sentinel),
        index: Cell::new(0),
    };
    // SAFETY: the block has room for a SeqIterObject.
    unsafe { obj.cast::<SeqIterObject>().as_ptr().write(it) };
    // SAFETY: new object, we own it.
    let r = unsafe { Ref::from_raw(obj) };
    heap::track(&r);
    r
}

/// `iter(seq)` for an object with only `__getitem__`.
pub fn new_seq_iter(seq: Ref) -> Ref {
    new_iter(&SEQ_ITER_TYPE, seq, None)
}

/// `iter(callable, sentinel)`.
pub fn new_callable_iter(callable: Ref, sentinel: Ref) -> Ref {
    new_iter(&CALLABLE_ITER_TYPE, callable, Some(sentinel))
}

fn payload(obj: &PyObject) -> &SeqIterObject {
    // SAFETY: PAYLOAD-1 — only called from this file's types' slots.
    unsafe { &*(obj as *const PyObject as *const SeqIterObject) }
}

unsafe fn iter_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; payload per PAYLOAD-1.
    unsafe { std::ptr::drop_in_place(obj.cast::<SeqIterObject>().as_ptr()) }
}

fn iter_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    let p = payload(obj);
    for s in [&p.seq, &p.sentinel] {
        if let Some(x) = s.peek() {
            v.visit(x);
        }
    }
}

fn iter_clear(obj: &PyObject) {
    let p = payload(obj);
    p.seq.set(None);
    p.sentinel.set(None);
}

/// `iter` slot of an iterator: itself.
pub fn self_iter(obj: &PyObject) -> PyResult {
    Ok(obj.to_ref())
}

fn seq_next(obj: &PyObject) -> PyResult<Option<Ref>> {
    let p = payload(obj);
    let Some(seq) = p.seq.get() else {
        return Ok(None);
    };
    let i = p.index.get();
    match super::protocol::getitem(&seq, &super::int::new_int(i as i64)) {
        Ok(v) => {
            p.index.set(i + 1);
            Ok(Some(v))
        }
        Err(e) if e.matches(&exc::INDEX_ERROR) || e.matches(&exc::STOP_ITERATION) => {
            p.seq.set(None);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

fn callable_next(obj: &PyObject) -> PyResult<Option<Ref>> {
    let p = payload(obj);
    let (Some(f), Some(sentinel)) = (p.seq.get(), p.sentinel.get()) else {
        return Ok(None);
    };
    match super::protocol::call(&f, &[], None) {
        Ok(v) => {
            if super::protocol::eq(&v, &sentinel)? {
                p.seq.set(None);
                p.sentinel.set(None);
                return Ok(None);
            }
            Ok(Some(v))
        }
        Err(e) if e.matches(&exc::STOP_ITERATION) => {
            p.seq.set(None);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// `iterator` (the sequence-protocol iterator).
pub static SEQ_ITER_TYPE: TypeObject = TypeObject::new_static(
    "iterator",
    std::mem::size_of::<SeqIterObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags::HAS_GC,
    Slots {
        drop: iter_drop,
        traverse: Some(iter_traverse),
        clear: Some(iter_clear),
        iter: Cell::new(Some(self_iter)),
        next: Cell::new(Some(seq_next)),
        ..Slots::empty()
    },
    &[],
    &[],
);

/// `callable_iterator`.
pub static CALLABLE_ITER_TYPE: TypeObject = TypeObject::new_static(
    "callable_iterator",
    std::mem::size_of::<SeqIterObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags::HAS_GC,
    Slots {
        drop: iter_drop,
        traverse: Some(iter_traverse),
        clear: Some(iter_clear),
        iter: Cell::new(Some(self_iter)),
        next: Cell::new(Some(callable_next)),
        ..Slots::empty()
    },
    &[],
    &[],
);
