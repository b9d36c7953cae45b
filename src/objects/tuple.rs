//! `tuple`: an immutable array of references stored inline after the header
//! (TUPLE-1: `len` initialised `Ref`s follow the fixed part), the shared
//! empty tuple, and CPython's per-length free lists of dead tuples' blocks.
//!
//! **TUPLE-2.** A block on free list `n - 1` is the whole block (GC header
//! included) of a dead exact tuple of length `n` (1 ≤ n ≤ [`MAX_SAVE_SIZE`]):
//! untracked, items dropped, nothing refers to it (FREELIST-1).

use std::cell::Cell;
use std::ptr::NonNull;

use pyrite_gc::Visitor;

use super::err::PyResult;
use super::freelist::FreeList;
use super::global::Global;
use super::heap;
use super::object::{PyObject, PyPayload, Ref};
use super::typeobj::{Slots, TypeFlags, TypeObject};

/// A tuple's fixed part; `len` references follow it (TUPLE-1).
#[repr(C)]
pub struct TupleObject {
    ob: PyObject,
    len: usize,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first; every tuple is laid out so.
unsafe impl PyPayload for TupleObject {
    fn static_type() -> &'static TypeObject {
        &TUPLE_TYPE
    }
}

const HEAD: usize = std::mem::size_of::<TupleObject>();

impl TupleObject {
    /// The items.
    #[inline(always)]
    pub fn items(&self) -> &[Ref] {
        // SAFETY: TUPLE-1 — `len` initialised references follow the header.
        unsafe {
            let p = (self as *const TupleObject as *const u8).add(HEAD) as *const Ref;
            std::slice::from_raw_parts(p, self.len)
        }
    }
}

/// The items of a tuple (empty for anything else).
#[inline(always)]
pub fn items(obj: &PyObject) -> &[Ref] {
    match obj.downcast::<TupleObject>() {
        Some(t) => t.items(),
        None => &[],
    }
}

/// Whether `obj` is a tuple (or subclass).
#[inline]
pub fn is_tuple(obj: &PyObject) -> bool {
    obj.ty().flags().contains(TypeFlags::TUPLE_SUBCLASS)
}

/// The shared empty tuple (GLOBAL-1).
static EMPTY: std::sync::OnceLock<super::global::Global<Ref>> = std::sync::OnceLock::new();

/// Longest tuples kept on free lists (CPython's `PyTuple_MAXSAVESIZE`).
pub const MAX_SAVE_SIZE: usize = 20;
/// Most blocks kept per length (CPython's `PyTuple_MAXFREELIST`).
pub const MAX_FREE_LIST: usize = 2000;

/// Free lists by length − 1 (TUPLE-2; GLOBAL-1).
static FREE_LISTS: Global<[FreeList; MAX_SAVE_SIZE]> =
    Global::new([const { FreeList::new(MAX_FREE_LIST) }; MAX_SAVE_SIZE]);

/// Blocks on the tuple free lists now, by length − 1 (statistics).
pub fn free_list_lens() -> [usize; MAX_SAVE_SIZE] {
    std::array::from_fn(|i| FREE_LISTS.get()[i].len())
}

/// Keep the block of a dead exact tuple whose own size is `size` on its
/// length's free list; `false` when that list is full or the length is
/// not kept (the caller then frees the block).
///
/// # Safety
///
/// `block` is the whole block of an exact tuple of own size `size` whose
/// refcount reached zero, untracked and with its items dropped; the caller
/// does not use it again when this returns `true` (TUPLE-2).
#[inline]
pub unsafe fn free_list_push(block: NonNull<u8>, size: usize) -> bool {
    let len = (size - HEAD) / std::mem::size_of::<Ref>();
    if len == 0 || len > MAX_SAVE_SIZE {
        return false;
    }
    // SAFETY: TUPLE-2 / FREELIST-1 — the caller's contract; the block is at
    // least a GC header long, room for the link.
    unsafe { FREE_LISTS.get()[len - 1].push(block.cast()) }
}

fn alloc_tuple(ty: &TypeObject, len: usize, items: &mut dyn Iterator<Item = Ref>) -> Ref {
    let size = HEAD + len * std::mem::size_of::<Ref>();
    let obj = if std::ptr::eq(ty, &TUPLE_TYPE) && (1..=MAX_SAVE_SIZE).contains(&len) {
        // SAFETY: TUPLE-2 — the list holds whole blocks of dead exact
        // tuples of this length: the size `alloc_object` would allocate.
        unsafe { heap::alloc_object_reusing(ty, size, &FREE_LISTS.get()[len - 1]) }
    } else {
        heap::alloc_object(ty, size)
    };
    // SAFETY: TUPLE-1 — the block has room for the header and `len` refs;
    // every slot is written before the tuple is visible.
    unsafe {
        obj.cast::<TupleObject>().as_ptr().write(TupleObject {
            ob: PyObject::new(ty),
            len,
        });
        let slots = obj.cast::<u8>().as_ptr().add(HEAD) as *mut Ref;
        let mut n = 0;
        for it in items.take(len) {
            slots.add(n).write(it);
            n += 1;
        }
        assert_eq!(n, len, "tuple built from fewer items than its length");
    }
    // SAFETY: a new object; we own its reference.
    let r = unsafe { Ref::from_raw(obj) };
    heap::track(&r);
    r
}

/// A new tuple of `items`.
pub fn new_tuple(items: Vec<Ref>) -> Ref {
    if items.is_empty() {
        return empty_tuple();
    }
    let len = items.len();
    alloc_tuple(&TUPLE_TYPE, len, &mut items.into_iter())
}

/// A new tuple with clones of `items`.
pub fn tuple_from_slice(items: &[Ref]) -> Ref {
    if items.is_empty() {
        return empty_tuple();
    }
    alloc_tuple(&TUPLE_TYPE, items.len(), &mut items.iter().cloned())
}

/// A tuple of type `ty` (a tuple subclass) with `items`.
pub fn new_tuple_of_type(ty: &TypeObject, items: Vec<Ref>) -> Ref {
    if std::ptr::eq(ty, &TUPLE_TYPE) {
        return new_tuple(items);
    }
    let len = items.len();
    alloc_tuple(ty, len, &mut items.into_iter())
}

/// The empty tuple (one shared object).
pub fn empty_tuple() -> Ref {
    EMPTY
        .get_or_init(|| {
            let t = alloc_tuple(&TUPLE_TYPE, 0, &mut std::iter::empty());
            heap::untrack(&t); // holds nothing: never part of a cycle (CPython's is static)
            super::global::Global::new(t)
        })
        .get()
        .clone()
}

unsafe fn tuple_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; TUPLE-1 — drop each item exactly once.
    unsafe {
        let len = (*obj.cast::<TupleObject>().as_ptr()).len;
        let slots = obj.cast::<u8>().as_ptr().add(HEAD) as *mut Ref;
        for i in 0..len {
            std::ptr::drop_in_place(slots.add(i));
        }
    }
}

fn tuple_sizeof(obj: &PyObject) -> usize {
    let t = obj.downcast::<TupleObject>().expect("tuple");
    HEAD + t.len * std::mem::size_of::<Ref>()
}

fn tuple_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    // Last item first, as CPython's tupletraverse: the order decides which
    // tuples a collection untracks (reachable objects are re-appended in
    // visit order).
    for it in items(obj).iter().rev() {
        v.visit(it.as_ptr());
    }
}

fn tuple_len(obj: &PyObject) -> PyResult<usize> {
    Ok(items(obj).len())
}

/// `tuple`: the type. Methods and the remaining slots live in
/// `tuple_methods.rs`.
pub static TUPLE_TYPE: TypeObject = TypeObject::new_static(
    "tuple",
    HEAD,
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags(TypeFlags::BASETYPE.0 | TypeFlags::HAS_GC.0 | TypeFlags::TUPLE_SUBCLASS.0),
    Slots {
        drop: tuple_drop,
        sizeof: tuple_sizeof,
        traverse: Some(tuple_traverse),
        len: Cell::new(Some(tuple_len)),
        ..Slots::empty()
    },
    &super::tuple_methods::TUPLE_METHODS,
    &[],
);

/// A tuple may be untracked once none of its items can be in a cycle
/// (CPython's `_PyTuple_MaybeUntrack`).
pub fn may_untrack(obj: &PyObject) -> bool {
    if obj.downcast_exact::<TupleObject>().is_none() {
        return false;
    }
    // CPython's `_PyObject_GC_MAY_BE_TRACKED`: a GC object keeps the tuple
    // tracked, unless it is an exact tuple that is itself untracked.
    items(obj).iter().all(|it| {
        !pyrite_gc::GcObject::is_gc(&**it)
            || (it.downcast_exact::<TupleObject>().is_some() && !heap::is_tracked(it))
    })
}
