//! `list`: a growable array of references in a [`PyVec`] (CPython's
//! over-allocation rule). LIST-1: the item buffer is borrowed mutably only
//! in sections that run no Python code; an item about to be dropped is
//! moved out first, so `__del__` sees a consistent list.
//!
//! **LIST-2.** A block on the free list is the whole block (GC header
//! included) of a dead exact list: untracked, items dropped, buffer freed,
//! nothing refers to it (FREELIST-1). CPython keeps 80 such lists.

use std::cell::{Cell, UnsafeCell};
use std::ptr::NonNull;

use pyrite_gc::Visitor;

use super::err::{index_error, PyResult};
use super::freelist::FreeList;
use super::global::Global;
use super::heap::{self, PyVec};
use super::object::{PyObject, PyPayload, Ref};
use super::typeobj::{Slots, TypeFlags, TypeObject};

/// A list object.
#[repr(C)]
pub struct ListObject {
    ob: PyObject,
    items: UnsafeCell<PyVec<Ref>>,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first; lists are laid out so.
unsafe impl PyPayload for ListObject {
    fn static_type() -> &'static TypeObject {
        &LIST_TYPE
    }
}

impl ListObject {
    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    fn vec(&self) -> &mut PyVec<Ref> {
        // SAFETY: LIST-1 and OBJ-H4.
        unsafe { &mut *self.items.get() }
    }

    /// Number of items.
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.vec().len()
    }

    /// Whether empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A new reference to item `i`, if in range.
    #[inline(always)]
    pub fn get(&self, i: usize) -> Option<Ref> {
        self.vec().as_slice().get(i).cloned()
    }

    /// A snapshot of the items.
    pub fn to_vec(&self) -> Vec<Ref> {
        self.vec().as_slice().to_vec()
    }

    /// Run `f` over the items without cloning them; `f` must not run
    /// Python code (LIST-1).
    pub fn with_items<R>(&self, f: impl FnOnce(&[Ref]) -> R) -> R {
        f(self.vec().as_slice())
    }

    /// Append.
    #[inline]
    pub fn push(&self, v: Ref) {
        self.vec().push(v);
    }

    /// Replace item `i` (< len); the old item is dropped after.
    pub fn set(&self, i: usize, v: Ref) {
        let old = std::mem::replace(&mut self.vec().as_mut_slice()[i], v);
        drop(old);
    }

    /// Replace item `i` (< len), returning the old item for the caller to
    /// drop once the list is consistent.
    pub fn replace(&self, i: usize, v: Ref) -> Ref {
        std::mem::replace(&mut self.vec().as_mut_slice()[i], v)
    }

    /// Insert at `i` (clamped to len).
    pub fn insert(&self, i: usize, v: Ref) {
        let n = self.len();
        self.vec().insert(i.min(n), v);
    }

    /// Remove and return item `i` (< len).
    pub fn remove(&self, i: usize) -> Ref {
        let v = self.vec().remove(i);
        self.vec().shrink_if_sparse();
        v
    }

    /// Remove and return the last item.
    pub fn pop(&self) -> Option<Ref> {
        let v = self.vec().pop();
        self.vec().shrink_if_sparse();
        v
    }

    /// Replace all items; the old ones are dropped after.
    pub fn replace_all(&self, items: Vec<Ref>) {
        let mut v = PyVec::with_capacity(items.len()).unwrap_or_default();
        for it in items {
            v.push(it);
        }
        let old = std::mem::replace(self.vec(), v);
        drop(old);
    }

    /// Remove every item.
    pub fn clear(&self) {
        let old = self.vec().take();
        drop(old);
    }

    /// Make room for `extra` more items; false when memory is exhausted.
    pub fn reserve(&self, extra: usize) -> bool {
        self.vec().try_reserve(extra).is_some()
    }

    /// Allocated item slots (sys.getsizeof).
    pub fn capacity(&self) -> usize {
        self.vec().capacity()
    }

    /// Reverse in place.
    pub fn reverse(&self) {
        self.vec().as_mut_slice().reverse();
    }

    /// Make room for exactly `cap` items in all (CPython allocates
    /// exactly for repetition); false when memory is exhausted.
    pub fn reserve_exact(&self, cap: usize) -> bool {
        let v = self.vec();
        cap <= v.capacity() || v.try_grow_to(cap).is_some()
    }

    /// Replace items `lo..hi` (clamped to the length, `hi >= lo`) with
    /// `new`; the removed items are dropped after the list is consistent
    /// (LIST-1). False when memory is exhausted.
    pub fn splice(&self, lo: usize, hi: usize, mut new: Vec<Ref>) -> bool {
        let old_len = self.len();
        let lo = lo.min(old_len);
        let hi = hi.clamp(lo, old_len);
        if hi - lo == new.len() {
            // Same length: swap in place; `new` then holds the old items.
            let slice = self.vec().as_mut_slice();
            for (slot, v) in slice[lo..hi].iter_mut().zip(new.iter_mut()) {
                std::mem::swap(slot, v);
            }
            drop(new);
            return true;
        }
        let Some(mut v) = PyVec::with_capacity(old_len - (hi - lo) + new.len()) else {
            return false;
        };
        {
            let old = self.vec().as_slice();
            for it in &old[..lo] {
                v.push(it.clone());
            }
            for it in new {
                v.push(it);
            }
            for it in &old[hi..] {
                v.push(it.clone());
            }
        }
        let old = std::mem::replace(self.vec(), v);
        drop(old);
        true
    }

    /// Move every item out, leaving the list empty with no buffer.
    pub fn take_all(&self) -> Vec<Ref> {
        let old = self.vec().take();
        let items = old.as_slice().to_vec();
        drop(old);
        items
    }
}

/// A new list of `items`.
pub fn new_list(items: Vec<Ref>) -> Ref {
    let r = new_list_of_type(&LIST_TYPE);
    as_list(&r).expect("list").replace_all(items);
    r
}

/// A new list of the `n` items `items` yields (fewer if it ends early):
/// one item buffer of `n` slots filled in place, no Rust `Vec` between
/// (slices, copies). `items` must not run Python code.
pub fn new_list_from_iter(n: usize, items: impl Iterator<Item = Ref>) -> Ref {
    let r = new_list_of_type(&LIST_TYPE);
    let mut v = PyVec::with_capacity(n).unwrap_or_default();
    for it in items.take(n) {
        v.push(it);
    }
    let old = std::mem::replace(as_list(&r).expect("list").vec(), v);
    drop(old); // the new list's empty buffer
    r
}

/// Most dead exact lists kept for reuse (CPython's `PyList_MAXFREELIST`).
pub const MAX_FREE_LIST: usize = 80;

/// Blocks of dead exact lists (LIST-2; GLOBAL-1); `heap::dealloc` keeps
/// them here.
pub static FREE_LIST: Global<FreeList> = Global::new(FreeList::new(MAX_FREE_LIST));

/// A new empty list of type `ty` (a list subclass).
pub fn new_list_of_type(ty: &TypeObject) -> Ref {
    let obj = if std::ptr::eq(ty, &LIST_TYPE) {
        // SAFETY: LIST-2 — the free list holds whole blocks of dead exact
        // lists, the size `alloc_object` would allocate.
        unsafe { heap::alloc_object_reusing(ty, ty.basicsize, FREE_LIST.get()) }
    } else {
        heap::alloc_object(ty, ty.basicsize)
    };
    let l = ListObject {
        ob: PyObject::new(ty),
        items: UnsafeCell::new(PyVec::new()),
    };
    // SAFETY: the block has room for a ListObject.
    unsafe { obj.cast::<ListObject>().as_ptr().write(l) };
    // SAFETY: new object, we own it.
    let r = unsafe { Ref::from_raw(obj) };
    heap::track(&r);
    r
}

/// The list payload of `obj`, if it is a list.
#[inline(always)]
pub fn as_list(obj: &PyObject) -> Option<&ListObject> {
    if obj.ty().flags().contains(TypeFlags::LIST_SUBCLASS) {
        // SAFETY: PAYLOAD-1 — list subclasses are laid out as ListObject.
        Some(unsafe { &*(obj as *const PyObject as *const ListObject) })
    } else {
        None
    }
}

unsafe fn list_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; the payload is a ListObject (PAYLOAD-1).
    unsafe { std::ptr::drop_in_place(obj.cast::<ListObject>().as_ptr()) }
}

fn list_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    // Last item first, as CPython's list_traverse (get_referents order).
    for it in as_list(obj).expect("list").vec().as_slice().iter().rev() {
        v.visit(it.as_ptr());
    }
}

fn list_clear(obj: &PyObject) {
    as_list(obj).expect("list").clear();
}

fn list_len(obj: &PyObject) -> PyResult<usize> {
    Ok(as_list(obj).expect("list").len())
}

/// Normalise a Python index against `len`: `None` when out of range.
#[inline]
pub fn wrap_index(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        None
    } else {
        Some(j as usize)
    }
}

/// `list[i]` for an int index.
pub fn list_item(l: &ListObject, i: i64) -> PyResult {
    match wrap_index(i, l.len()) {
        Some(j) => Ok(l.get(j).expect("in range")),
        None => Err(index_error("list index out of range")),
    }
}

/// `list`: the type. Methods and the slice-aware slots live in
/// `list_methods.rs`.
pub static LIST_TYPE: TypeObject = TypeObject::new_static(
    "list",
    std::mem::size_of::<ListObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags(TypeFlags::BASETYPE.0 | TypeFlags::HAS_GC.0 | TypeFlags::LIST_SUBCLASS.0),
    Slots {
        drop: list_drop,
        traverse: Some(list_traverse),
        clear: Some(list_clear),
        len: Cell::new(Some(list_len)),
        hash: Cell::new(Some(super::protocol::hash_not_implemented)),
        ..Slots::empty()
    },
    &super::list_methods::LIST_METHODS,
    &[],
);
