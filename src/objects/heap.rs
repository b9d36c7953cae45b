//! The interpreter's heap: one `pyrite-allocator` [`Allocator`] and one
//! `pyrite-gc` [`Collector`] per interpreter thread, object allocation and
//! deallocation on them, and [`PyVec`], the growable buffer objects own.
//!
//! Object memory layout, from the start of the allocation:
//!
//! ```text
//! [weaklist, 8 B]    only for instances of types with MANAGED_WEAKREF
//! [member slots, 8 B each] `ty.nmembers` of them: a class's `__slots__`
//!                    (slot i is the i-th word before the values slot's place)
//! [values slot, 8 B] only for instances of types with MANAGED_DICT: the
//!                    inline attribute values (values.rs, VALUES-1)
//! [dict slot, 8 B]   only for instances of types with MANAGED_DICT
//! [GcHeader, 16 B]   only for types with HAS_GC (GC-2: right before the object)
//! [PyObject ...]     the object itself: header, then the type's payload
//! ```
//!
//! Invariants:
//! - **HEAP-1 (no re-entry).** Allocator calls never re-enter the heap: no
//!   allocator hook allocates or frees through it.
//! - **HEAP-2 (layout).** An object's pre-header size is a function of its
//!   type's flags ([`pre_header_size`]), and its own size is its type's
//!   `sizeof` slot; both stay the same from allocation to free, so the free
//!   gives back exactly the block that was allocated.
//! - **MEMBER-1 (member slots).** An instance of a type with `nmembers = n`
//!   has `n` member slots (`Cell<Option<Ref>>`, None when allocated) in its
//!   pre-header; a subclass has at least its base's, at the same numbers.

use std::cell::{Cell, UnsafeCell};
use std::marker::PhantomData;
use std::ptr::NonNull;

use pyrite_allocator::Allocator;
use pyrite_gc::{Collector, GcHeader, HEADER_SIZE};

use super::object::{PyObject, Ref, RefCellSlot};
use super::typeobj::{TypeFlags, TypeObject};

/// Size of the managed-dict slot in front of an instance of a heap type.
pub const DICT_SLOT_SIZE: usize = std::mem::size_of::<usize>();

/// Size of the inline-values slot, right in front of the dict slot.
pub const VALUES_SLOT_SIZE: usize = std::mem::size_of::<usize>();

/// Both words a MANAGED_DICT type adds in front of its instances.
const MANAGED_DICT_SIZE: usize = DICT_SLOT_SIZE + VALUES_SLOT_SIZE;

/// Size of one member slot (a `__slots__` entry) in front of an instance.
pub const MEMBER_SLOT_SIZE: usize = std::mem::size_of::<usize>();

/// Size of the weak-reference list head in front of an instance of a
/// weakly referenceable type (WEAKLIST-1 in weakref.rs).
pub const WEAKLIST_SLOT_SIZE: usize = std::mem::size_of::<usize>();

/// One interpreter's memory: its allocator and its collector.
pub struct Heap {
    alloc: UnsafeCell<Allocator>,
    /// The cycle collector over all container objects.
    pub gc: Collector<PyObject>,
    /// Set when an allocation made a collection due; the VM's eval breaker
    /// runs it at its next safe point.
    pub gc_due: Cell<bool>,
    /// Whether the allocator has an observer (`alloc_events.rs`).
    observed: Cell<bool>,
}

static HEAP: std::sync::OnceLock<super::global::Global<Heap>> = std::sync::OnceLock::new();

fn new_heap() -> Heap {
    Heap {
        alloc: UnsafeCell::new(
            if std::env::var("PYRITEMALLOC").is_ok_and(|v| v == "debug")
                || crate::vm::memstats::dev_mode()
            {
                let mut a = Allocator::new_debug();
                a.set_corruption_handler(Box::new(crate::vm::corruption::report_and_abort));
                a
            } else {
                Allocator::new()
            },
        ),
        gc: {
            let gc = Collector::new();
            crate::modules::gc::startup_threshold(&gc);
            gc
        },
        gc_due: Cell::new(false),
        observed: Cell::new(false),
    }
}

/// The process's heap (created on first use, never freed: objects may
/// outlive every Rust owner until the process exits). GLOBAL-1.
#[inline(always)]
pub fn heap() -> &'static Heap {
    HEAP.get_or_init(|| super::global::Global::new(new_heap()))
        .get()
}

impl Heap {
    /// Borrow the allocator mutably for one call.
    ///
    /// # Safety
    ///
    /// HEAP-1: the caller does not let the borrow overlap another one (no
    /// call inside it reaches the heap again).
    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    unsafe fn allocator(&self) -> &mut Allocator {
        // SAFETY: HEAP-1 and OBJ-H4 — one thread, no overlapping borrow.
        unsafe { &mut *self.alloc.get() }
    }

    /// Allocator statistics (sys._debugmallocstats, -X memstats).
    pub fn stats(&self) -> pyrite_allocator::Stats {
        // SAFETY: HEAP-1 — `stats` does not re-enter the heap.
        unsafe { self.allocator() }.stats()
    }

    /// Blocks in use (sys.getallocatedblocks).
    pub fn allocated_blocks(&self) -> usize {
        // SAFETY: HEAP-1.
        unsafe { self.allocator() }.allocated_blocks()
    }

    /// Set (or with `None` remove) the allocator's observer; only
    /// `alloc_events.rs` calls this (EVENTS-2).
    pub(crate) fn set_observer(&self, observer: Option<Box<dyn pyrite_allocator::AllocObserver>>) {
        self.observed.set(observer.is_some());
        // SAFETY: HEAP-1 — `set_observer` does not re-enter the heap; the
        // old observer is dropped after the borrow ends.
        let old = unsafe { self.allocator() }.set_observer(observer);
        drop(old);
    }

    /// Whether the allocator has an observer.
    pub(crate) fn has_observer(&self) -> bool {
        self.observed.get()
    }

    /// Check the collector's invariants (tests).
    pub fn check_collector(&self) -> Result<(), pyrite_gc::InvariantViolation> {
        self.gc.check_invariants()
    }

    /// Check the allocator's invariants (tests).
    pub fn check_allocator(&self) -> Result<(), pyrite_allocator::InvariantViolation> {
        // SAFETY: HEAP-1.
        unsafe { self.allocator() }.check_invariants()
    }
}

/// Allocate `size` bytes (object-owned buffers), aborting with a
/// MemoryError message when the system is out of memory.
#[inline]
pub fn alloc_bytes(size: usize) -> NonNull<u8> {
    // SAFETY: HEAP-1 — `alloc` does not re-enter the heap.
    match unsafe { heap().allocator() }.alloc(size) {
        Ok(p) => p,
        Err(_) => out_of_memory(size),
    }
}

/// Try to allocate `size` bytes; `None` when memory is exhausted.
#[inline]
pub fn try_alloc_bytes(size: usize) -> Option<NonNull<u8>> {
    // SAFETY: HEAP-1.
    unsafe { heap().allocator() }.alloc(size).ok()
}

/// Free a buffer from [`alloc_bytes`].
///
/// # Safety
///
/// `ptr` came from this heap with this `size` and is not used again.
#[inline]
pub unsafe fn free_bytes(ptr: NonNull<u8>, size: usize) {
    // SAFETY: the caller's contract is the allocator's; HEAP-1.
    unsafe { heap().allocator().free(ptr, size) }
}

/// Resize a buffer from [`alloc_bytes`] (the allocator keeps it in place
/// while the new size fits its size class); `None` when memory is
/// exhausted, the old block then untouched.
///
/// # Safety
///
/// `ptr` came from this heap with `old_size`; on success it is not used
/// again (use the returned pointer, with `new_size`).
#[inline]
pub unsafe fn realloc_bytes(
    ptr: NonNull<u8>,
    old_size: usize,
    new_size: usize,
) -> Option<NonNull<u8>> {
    // SAFETY: the caller's contract is the allocator's; HEAP-1.
    unsafe { heap().allocator().realloc(ptr, old_size, new_size) }.ok()
}

#[cold]
fn out_of_memory(size: usize) -> ! {
    eprintln!("MemoryError: out of memory allocating {size} bytes");
    std::process::exit(1)
}

/// Bytes in front of an object of type `ty` (HEAP-2).
#[inline(always)]
pub fn pre_header_size(ty: &TypeObject) -> usize {
    let flags = ty.flags();
    let mut n = 0;
    if flags.contains(TypeFlags::HAS_GC) {
        n += HEADER_SIZE;
    }
    if flags.contains(TypeFlags::MANAGED_DICT) {
        n += MANAGED_DICT_SIZE;
    }
    if flags.contains(TypeFlags::MANAGED_WEAKREF) {
        n += WEAKLIST_SLOT_SIZE;
    }
    n + ty.nmembers * MEMBER_SLOT_SIZE
}

/// Allocate a new object of type `ty` whose own size is `size` bytes
/// (header and payload). The memory is uninitialised except for the
/// pre-header; the caller writes the object (starting with
/// `PyObject::new(ty)`) and then calls [`track`] for GC types. A heap type
/// gets its reference here (OBJ-H2).
pub fn alloc_object(ty: &TypeObject, size: usize) -> NonNull<PyObject> {
    let pre = pre_header_size(ty);
    let block = alloc_bytes(pre + size);
    if ty.flags().contains(TypeFlags::HAS_GC) && heap().gc.note_allocation(pre + size) {
        heap().gc_due.set(true);
    }
    // SAFETY: a fresh block of `pre + size` bytes.
    unsafe { init_block(ty, block) }
}

/// Allocate an object as [`alloc_object`] does, reusing a dead object's
/// whole block from `free` when it has one. A reused block is not counted
/// for the collector: CPython's tuple, list and dict free lists hand out
/// objects without `_PyObject_GC_Link`, and [`dealloc`] keeps blocks
/// without `PyObject_GC_Del`, so `gc.get_count()` moves as CPython's does.
///
/// # Safety
///
/// Every block on `free` is a whole block (pre-header included) of
/// `pre_header_size(ty) + size` bytes that nothing uses (FREELIST-1).
#[inline]
pub unsafe fn alloc_object_reusing(
    ty: &TypeObject,
    size: usize,
    free: &super::freelist::FreeList,
) -> NonNull<PyObject> {
    match free.pop() {
        // SAFETY: the caller's guarantee on the list's blocks.
        Some(block) => unsafe { init_block(ty, block.cast()) },
        None => alloc_object(ty, size),
    }
}

/// A block taken from a free list starts a new object: tracemalloc gives
/// its trace the current traceback (CPython's `_PyTraceMalloc_NewReference`
/// from `_Py_NewReference`). Free while nothing observes the allocator.
#[inline(always)]
pub fn note_reused_block(block: NonNull<u8>) {
    if heap().has_observer() {
        crate::modules::tracemalloc::new_reference(block.as_ptr() as usize);
    }
}

/// Lay a new object of type `ty` out in `block`: write its pre-header and
/// take the heap type's reference.
///
/// # Safety
///
/// `block` is an allocated block of `pre_header_size(ty) + size` bytes
/// that nothing else uses.
unsafe fn init_block(ty: &TypeObject, block: NonNull<u8>) -> NonNull<PyObject> {
    let pre = pre_header_size(ty);
    let flags = ty.flags();
    // SAFETY: the block holds `pre + size` bytes; offsets below stay inside.
    let obj = unsafe { block.add(pre) };
    let mut zeroed = ty.nmembers * MEMBER_SLOT_SIZE;
    if flags.contains(TypeFlags::MANAGED_DICT) {
        zeroed += MANAGED_DICT_SIZE; // no values, no dict (VALUES-1)
    }
    if flags.contains(TypeFlags::MANAGED_WEAKREF) {
        zeroed += WEAKLIST_SLOT_SIZE; // null: no weak references (WEAKLIST-1)
    }
    // SAFETY: the member slots, the values slot and the dict slot are the
    // first words of the block; zero is `None`/null for each (MEMBER-1).
    unsafe { block.write_bytes(0, zeroed) };
    if flags.contains(TypeFlags::HAS_GC) {
        // SAFETY: the GC header sits right before the object (GC-2).
        unsafe {
            obj.sub(HEADER_SIZE)
                .cast::<GcHeader>()
                .write(GcHeader::new())
        };
    }
    if flags.contains(TypeFlags::HEAPTYPE) {
        ty.as_object().incref();
    }
    obj.cast()
}

/// Start tracking a new container object (after its fields are written).
#[inline]
pub fn track(obj: &PyObject) {
    // SAFETY: OBJ-1 — GC types are allocated with a header in front by
    // `alloc_object`; the object is alive and fully written.
    unsafe { heap().gc.track(NonNull::from(obj)) }
}

/// Stop tracking `obj` if it is tracked.
pub fn untrack(obj: &PyObject) {
    let p = NonNull::from(obj);
    // SAFETY: `obj` is alive and laid out as OBJ-1 requires.
    if unsafe { heap().gc.is_tracked(p) } {
        // SAFETY: it is tracked by this collector.
        unsafe { heap().gc.untrack(p) };
    }
}

/// Whether `obj` is tracked by the collector.
pub fn is_tracked(obj: &PyObject) -> bool {
    // SAFETY: `obj` is alive and laid out as OBJ-1 requires.
    unsafe { heap().gc.is_tracked(NonNull::from(obj)) }
}

/// The managed-dict slot of an instance of a MANAGED_DICT type.
///
/// # Safety
///
/// `obj`'s type has `MANAGED_DICT` (HEAP-2: the slot is in front).
pub unsafe fn dict_slot(obj: &PyObject) -> &Cell<Option<Ref>> {
    let gc = if obj.ty().flags().contains(TypeFlags::HAS_GC) {
        HEADER_SIZE
    } else {
        0
    };
    let p = obj as *const PyObject as *const u8;
    // SAFETY: HEAP-2 — the slot is `gc + 8` bytes before the object, and
    // `Cell<Option<Ref>>` is one nullable word.
    unsafe { &*(p.sub(gc + DICT_SLOT_SIZE) as *const Cell<Option<Ref>>) }
}

/// The inline-values word of an instance of a MANAGED_DICT type: null, or
/// its attribute values (values.rs, VALUES-1).
///
/// # Safety
///
/// `obj`'s type has `MANAGED_DICT` (HEAP-2: the word is in front).
#[inline(always)]
pub unsafe fn values_slot(obj: &PyObject) -> &Cell<*mut u8> {
    let gc = if obj.ty().flags().contains(TypeFlags::HAS_GC) {
        HEADER_SIZE
    } else {
        0
    };
    let p = obj as *const PyObject as *const u8;
    // SAFETY: HEAP-2 — the word is `gc + 16` bytes before the object, right
    // in front of the dict slot; `Cell<*mut u8>` is one word.
    unsafe { &*(p.sub(gc + MANAGED_DICT_SIZE) as *const Cell<*mut u8>) }
}

/// The weak-reference list head of an instance of a MANAGED_WEAKREF type:
/// the first word of its block (HEAP-2), null while nothing refers to it
/// weakly. Static objects have no such slot (see weakref.rs, WEAKLIST-1).
///
/// # Safety
///
/// `obj` was allocated by [`alloc_object`] for a type with `MANAGED_WEAKREF`.
pub unsafe fn weaklist_slot(obj: &PyObject) -> &Cell<*mut PyObject> {
    let ty = obj.ty();
    let flags = ty.flags();
    let mut before = ty.nmembers * MEMBER_SLOT_SIZE + WEAKLIST_SLOT_SIZE;
    if flags.contains(TypeFlags::HAS_GC) {
        before += HEADER_SIZE;
    }
    if flags.contains(TypeFlags::MANAGED_DICT) {
        before += MANAGED_DICT_SIZE;
    }
    let p = obj as *const PyObject as *const u8;
    // SAFETY: HEAP-2 — the slot is the first word of the object's block,
    // `before` bytes in front of the object; a `Cell<*mut _>` is one word.
    unsafe { &*(p.sub(before) as *const Cell<*mut PyObject>) }
}

/// Member slot `i` (a `__slots__` entry) of `obj`.
///
/// # Safety
///
/// `i < obj.ty().nmembers` (MEMBER-1: the slot is in front).
pub unsafe fn member_slot(obj: &PyObject, i: usize) -> &RefCellSlot {
    let ty = obj.ty();
    let mut before = (i + 1) * MEMBER_SLOT_SIZE;
    if ty.flags().contains(TypeFlags::HAS_GC) {
        before += HEADER_SIZE;
    }
    if ty.flags().contains(TypeFlags::MANAGED_DICT) {
        before += MANAGED_DICT_SIZE;
    }
    let p = obj as *const PyObject as *const u8;
    // SAFETY: MEMBER-1 / HEAP-2 — slot `i` lies `before` bytes in front of
    // the object, inside its block; `RefCellSlot` is one nullable word.
    unsafe { &*(p.sub(before) as *const RefCellSlot) }
}

/// Deallocate an object whose refcount reached zero: finalize a heap
/// instance's `__del__` (which may resurrect it), untrack it, drop its
/// payload, free its memory, release its heap type.
///
/// # Safety
///
/// `obj` is live with refcount 0 and nothing else refers to it.
pub unsafe fn dealloc(obj: NonNull<PyObject>) {
    // SAFETY: the object is still valid memory until freed below.
    let o = unsafe { obj.as_ref() };
    let ty_ptr = NonNull::from(o.ty());
    // SAFETY: OBJ-H2 — the type is alive at least until we drop its ref.
    let ty = unsafe { ty_ptr.as_ref() };
    if std::ptr::eq(ty, &super::float::FLOAT_TYPE) {
        // SAFETY: an exact float at refcount zero, not used below if kept
        // (FLOAT-1).
        if unsafe { super::float::free_list_push(obj) } {
            return;
        }
    } else if std::ptr::eq(ty, &super::int::INT_TYPE) {
        // SAFETY: an exact int at refcount zero, not used below if kept
        // (INT-2).
        if unsafe { super::int::free_list_push(obj) } {
            return;
        }
    }
    let flags = ty.flags();
    if flags.contains(TypeFlags::HAS_FINALIZER) && !super::typeobj::finalize_on_dealloc(o) {
        return; // resurrected by __del__
    }
    if flags.contains(TypeFlags::HAS_GC) {
        untrack(o);
    }
    if flags.contains(TypeFlags::MANAGED_WEAKREF) {
        // WEAK-2: weak references die (and their callbacks run) before any
        // of the object's fields is dropped, as in CPython's subtype_dealloc.
        super::weakref::clear_on_dealloc(o);
    }
    let size = (ty.slots.sizeof)(o);
    let pre = pre_header_size(ty);
    if flags.contains(TypeFlags::MANAGED_DICT) {
        super::attr::clear_instance_attrs(o);
    }
    for i in 0..ty.nmembers {
        // SAFETY: MEMBER-1 — `i < nmembers`.
        unsafe { member_slot(o, i) }.set(None);
    }
    // SAFETY: refcount 0: the payload is dropped exactly once.
    unsafe { (ty.slots.drop)(obj) };
    // SAFETY: HEAP-2 — the block starts `pre` bytes before the object.
    let block = unsafe { obj.cast::<u8>().sub(pre) };
    // A block kept on a free list is not a free for the collector's count
    // (see `alloc_object_reusing`).
    let kept = if std::ptr::eq(ty, &super::tuple::TUPLE_TYPE) {
        // SAFETY: a dead exact tuple's whole block, not used below if kept
        // (TUPLE-2).
        unsafe { super::tuple::free_list_push(block, size) }
    } else if std::ptr::eq(ty, &super::list::LIST_TYPE) {
        // SAFETY: LIST-2 / FREELIST-1 — a dead exact list's whole block (at
        // least a GC header long, room for the link), not used below if kept.
        unsafe { super::list::FREE_LIST.get().push(block.cast()) }
    } else if std::ptr::eq(ty, &super::dict::DICT_TYPE) {
        // SAFETY: DICT-7 / FREELIST-1 — a dead exact dict's whole block,
        // not used below if kept.
        unsafe { super::dict::FREE_LIST.get().push(block.cast()) }
    } else {
        false
    };
    if kept {
        return;
    }
    if flags.contains(TypeFlags::HAS_GC) {
        heap().gc.note_free(pre + size);
    }
    // SAFETY: HEAP-2 — same block, same size as `alloc_object` gave.
    unsafe { free_bytes(block, pre + size) };
    if flags.contains(TypeFlags::HEAPTYPE) {
        // SAFETY: the instance owned a reference to its heap type (OBJ-H2).
        unsafe { ty.as_object().decref() };
    }
}

/// A growable array of `T` in the interpreter's heap: the item buffers of
/// lists, dict tables and the like. Not itself an object.
///
/// **VEC-1.** `ptr` points to `cap` slots from [`alloc_bytes`] (dangling
/// when `cap == 0`), the first `len` initialised.
pub struct PyVec<T> {
    ptr: NonNull<T>,
    len: usize,
    cap: usize,
    _owns: PhantomData<T>,
}

impl<T> Default for PyVec<T> {
    fn default() -> Self {
        PyVec::new()
    }
}

impl<T> PyVec<T> {
    /// An empty vector (no allocation).
    pub const fn new() -> PyVec<T> {
        PyVec {
            ptr: NonNull::dangling(),
            len: 0,
            cap: 0,
            _owns: PhantomData,
        }
    }

    /// An empty vector with room for `cap` items; `None` if memory runs out.
    pub fn with_capacity(cap: usize) -> Option<PyVec<T>> {
        let mut v = PyVec::new();
        v.try_grow_to(cap)?;
        Some(v)
    }

    /// Number of items.
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether empty.
    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Allocated slots.
    #[inline(always)]
    pub fn capacity(&self) -> usize {
        self.cap
    }

    /// The items.
    #[inline(always)]
    pub fn as_slice(&self) -> &[T] {
        // SAFETY: VEC-1.
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }

    /// The items, mutably.
    #[inline(always)]
    pub fn as_mut_slice(&mut self) -> &mut [T] {
        // SAFETY: VEC-1.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len) }
    }

    /// Reallocate to exactly `new_cap` slots (>= len); `None` on exhaustion
    /// or overflow.
    pub fn try_grow_to(&mut self, new_cap: usize) -> Option<()> {
        debug_assert!(new_cap >= self.len);
        if new_cap == self.cap {
            return Some(());
        }
        let bytes = new_cap.checked_mul(std::mem::size_of::<T>())?;
        if bytes > isize::MAX as usize / 2 {
            return None;
        }
        let new_ptr = if new_cap == 0 {
            NonNull::dangling()
        } else {
            let p = try_alloc_bytes(bytes)?.cast::<T>();
            // SAFETY: VEC-1 — moving `len` initialised items to the new block.
            unsafe { std::ptr::copy_nonoverlapping(self.ptr.as_ptr(), p.as_ptr(), self.len) };
            p
        };
        self.free_buffer();
        self.ptr = new_ptr;
        self.cap = new_cap;
        Some(())
    }

    fn free_buffer(&mut self) {
        if self.cap != 0 && std::mem::size_of::<T>() != 0 {
            // SAFETY: VEC-1 — the buffer came from `alloc_bytes` with this size.
            unsafe { free_bytes(self.ptr.cast(), self.cap * std::mem::size_of::<T>()) };
        }
    }

    /// Make room for `extra` more items with CPython's list growth rule
    /// (`new + new/8 + 6`, rounded down to a multiple of 4).
    pub fn try_reserve(&mut self, extra: usize) -> Option<()> {
        let need = self.len.checked_add(extra)?;
        if need <= self.cap {
            return Some(());
        }
        let mut new_cap = need.checked_add((need >> 3) + 6)? & !3;
        if need - self.cap > new_cap - need {
            new_cap = (need + 3) & !3;
        }
        self.try_grow_to(new_cap)
    }

    /// Append an item (aborts with MemoryError when out of memory).
    #[inline]
    pub fn push(&mut self, item: T) {
        if self.len == self.cap && self.try_reserve(1).is_none() {
            out_of_memory(self.len + 1);
        }
        // SAFETY: VEC-1 — slot `len` is allocated and uninitialised.
        unsafe { self.ptr.as_ptr().add(self.len).write(item) };
        self.len += 1;
    }

    /// Remove and return the last item.
    pub fn pop(&mut self) -> Option<T> {
        if self.len == 0 {
            return None;
        }
        self.len -= 1;
        // SAFETY: VEC-1 — slot `len` was initialised and is now outside.
        Some(unsafe { self.ptr.as_ptr().add(self.len).read() })
    }

    /// Insert at `index` (<= len).
    pub fn insert(&mut self, index: usize, item: T) {
        assert!(index <= self.len);
        if self.len == self.cap && self.try_reserve(1).is_none() {
            out_of_memory(self.len + 1);
        }
        // SAFETY: VEC-1 — shifting the tail one slot right inside capacity.
        unsafe {
            let p = self.ptr.as_ptr().add(index);
            std::ptr::copy(p, p.add(1), self.len - index);
            p.write(item);
        }
        self.len += 1;
    }

    /// Remove the item at `index` (< len).
    pub fn remove(&mut self, index: usize) -> T {
        assert!(index < self.len);
        // SAFETY: VEC-1 — read the item, then shift the tail left.
        unsafe {
            let p = self.ptr.as_ptr().add(index);
            let item = p.read();
            std::ptr::copy(p.add(1), p, self.len - index - 1);
            self.len -= 1;
            item
        }
    }

    /// Drop items from `new_len` on.
    pub fn truncate(&mut self, new_len: usize) {
        while self.len > new_len {
            drop(self.pop());
        }
    }

    /// Take all items out, leaving an empty vector with no buffer.
    pub fn take(&mut self) -> PyVec<T> {
        std::mem::take(self)
    }

    /// Shrink the buffer when it is more than twice the length (CPython's
    /// list rule), keeping the growth margin.
    pub fn shrink_if_sparse(&mut self) {
        if self.cap > 8 && self.len < self.cap / 2 {
            let cap = self.len + (self.len >> 3) + 6;
            let _ = self.try_grow_to(cap.min(self.cap));
        }
    }
}

impl<T: Copy> PyVec<T> {
    /// Append copies of `items` with one copy (file and byte buffers);
    /// `None` if memory runs out.
    pub fn try_extend_from_slice(&mut self, items: &[T]) -> Option<()> {
        self.try_reserve(items.len())?;
        // SAFETY: VEC-1 — slots `len..len + items.len()` are allocated and
        // uninitialised after the reserve; `items` cannot overlap them.
        unsafe {
            std::ptr::copy_nonoverlapping(
                items.as_ptr(),
                self.ptr.as_ptr().add(self.len),
                items.len(),
            )
        };
        self.len += items.len();
        Some(())
    }
}

impl<T: Clone> PyVec<T> {
    /// A vector holding clones of `items`; `None` if memory runs out.
    pub fn from_slice(items: &[T]) -> Option<PyVec<T>> {
        let mut v = PyVec::with_capacity(items.len())?;
        for it in items {
            v.push(it.clone());
        }
        Some(v)
    }
}

impl<T> Drop for PyVec<T> {
    fn drop(&mut self) {
        self.truncate(0);
        self.free_buffer();
    }
}
