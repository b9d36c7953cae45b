//! The [`Collector`]: its state, tracking and untracking objects, and the
//! garbage list.
//!
//! Every method takes `&self`: finalizers, weakref callbacks and `clear` run
//! object-model code in the middle of a collection (OBJ-6), and that code
//! allocates, tracks, frees and untracks through the same collector. The
//! state is therefore in cells, and the collector is neither `Send` nor
//! `Sync` — one per interpreter, as the allocator.

use core::cell::{Cell, RefCell};
use core::marker::PhantomData;
use core::ptr::NonNull;

use crate::debug::DebugFlags;
use crate::events::Callbacks;
use crate::generation::{Generation, Lists};
use crate::header::HeaderRef;
use crate::list;
use crate::object::GcObject;
use crate::stats::Stats;
use crate::trigger::Trigger;

/// A three-generation cycle collector for objects of type `T`.
///
/// # Embedding
///
/// The caller allocates each tracked object with a [`GcHeader`] in front
/// (GC-2), then tracks it:
///
/// ```
/// use pyrite_gc::{Collector, GcHeader, GcObject, Generation, Visitor, HEADER_SIZE};
/// use std::cell::Cell;
/// use std::ptr::NonNull;
///
/// struct Leaf { refcnt: Cell<usize> }
/// // SAFETY: a leaf holds no references; its refcount is exact (OBJ-1..8).
/// unsafe impl GcObject for Leaf {
///     fn refcount(&self) -> usize { self.refcnt.get() }
///     fn incref(&self) { self.refcnt.set(self.refcnt.get() + 1) }
///     unsafe fn decref(this: NonNull<Self>) {
///         // SAFETY: the caller owns a reference to the live object.
///         let leaf = unsafe { this.as_ref() };
///         leaf.refcnt.set(leaf.refcnt.get() - 1);
///     }
///     fn traverse(&self, _visitor: &mut Visitor<'_, Self>) {}
///     fn clear(&self) {}
///     fn type_name(&self) -> &str { "Leaf" }
/// }
///
/// #[repr(C)]
/// struct Slot { header: GcHeader, leaf: Leaf }
/// assert_eq!(std::mem::offset_of!(Slot, leaf), HEADER_SIZE);
///
/// let gc = Collector::<Leaf>::new();
/// let slot = Box::into_raw(Box::new(Slot {
///     header: GcHeader::new(),
///     leaf: Leaf { refcnt: Cell::new(1) },
/// }));
/// // A raw pointer derived from the whole allocation can reach the header.
/// // SAFETY: `slot` is a valid, uniquely owned allocation.
/// let leaf = unsafe { NonNull::new_unchecked(std::ptr::addr_of_mut!((*slot).leaf)) };
/// // SAFETY: `slot` puts the header right before the leaf and outlives tracking.
/// unsafe { gc.track(leaf) };
/// // SAFETY: `leaf` is alive and derived from the whole slot.
/// assert!(unsafe { gc.is_tracked(leaf) });
/// let record = gc.collect(Generation::Old).unwrap();
/// assert_eq!(record.collected, 0); // referenced from outside: survives
/// // SAFETY: tracked by this collector.
/// unsafe { gc.untrack(leaf) };
/// // SAFETY: untracked; allocated by `Box` above.
/// drop(unsafe { Box::from_raw(slot) });
/// ```
///
/// Dropping the collector walks the objects it still tracks and leaves them
/// untracked, so drop it before freeing their memory (GC-2). The garbage
/// list's references are not dropped (no object-model code runs from a
/// destructor): call [`take_garbage`](Collector::take_garbage) first.
///
/// [`GcHeader`]: crate::GcHeader
pub struct Collector<T: GcObject> {
    pub(crate) lists: Lists,
    pub(crate) trigger: Trigger,
    pub(crate) stats: RefCell<Stats>,
    pub(crate) debug: Cell<DebugFlags>,
    /// Strong references to uncollectable (and, with `SAVEALL`, all
    /// unreachable) objects: CPython's `gc.garbage`.
    pub(crate) garbage: RefCell<Vec<NonNull<T>>>,
    pub(crate) callbacks: RefCell<Callbacks>,
    /// A collection is running (CPython's `gcstate->collecting`).
    pub(crate) collecting: Cell<bool>,
    _objects: PhantomData<*const T>,
}

impl<T: GcObject> Collector<T> {
    /// A collector with empty generations, CPython's default thresholds
    /// (700, 10, 10), automatic collection enabled and no debug flags.
    pub fn new() -> Collector<T> {
        Collector {
            lists: Lists::new(),
            trigger: Trigger::new(),
            stats: RefCell::new(Stats::default()),
            debug: Cell::new(DebugFlags::NONE),
            garbage: RefCell::new(Vec::new()),
            callbacks: RefCell::new(Callbacks::default()),
            collecting: Cell::new(false),
            _objects: PhantomData,
        }
    }

    /// Track `object`: link its header at the tail of generation 0. O(1).
    /// Count 0 is not changed: that is [`note_allocation`]'s job, as in
    /// CPython, where allocation and tracking are separate steps.
    ///
    /// # Safety
    ///
    /// `object` is alive, satisfies OBJ-1 (its header is initialised and
    /// untracked) and stays alive until untracked; its header belongs to no
    /// other collector.
    ///
    /// [`note_allocation`]: Collector::note_allocation
    pub unsafe fn track(&self, object: NonNull<T>) {
        // SAFETY: OBJ-1 — the caller guarantees the header in front.
        let h = unsafe { HeaderRef::of_object(object) };
        debug_assert!(!h.is_tracked(), "GC-1: object already tracked");
        // SAFETY: generation 0's head is initialised; `h` is unlinked.
        unsafe { list::append(h, self.lists.generation(Generation::Young)) };
    }

    /// Untrack `object`: unlink its header from whatever list holds it (a
    /// generation, the permanent generation, or a working list of a running
    /// collection). O(1). Keeps the finalized flag. Deallocation of a
    /// tracked object must call this (OBJ-5).
    ///
    /// # Safety
    ///
    /// `object` is alive and tracked by this collector.
    pub unsafe fn untrack(&self, object: NonNull<T>) {
        // SAFETY: OBJ-1 — the caller guarantees the header in front.
        let h = unsafe { HeaderRef::of_object(object) };
        debug_assert!(h.is_tracked(), "GC-1: untracking an untracked object");
        // SAFETY: object-model code never runs inside the gc_refs window
        // (GC-3) or while NEXT_UNREACHABLE is set (GC-4), so `h` has address
        // links.
        unsafe { list::unlink(h) };
    }

    /// Whether `object` is tracked (`gc.is_tracked()`).
    ///
    /// # Safety
    ///
    /// `object` is alive and, if a GC object, laid out as OBJ-1 requires
    /// (its pointer may reach the header).
    pub unsafe fn is_tracked(&self, object: NonNull<T>) -> bool {
        // SAFETY: the caller guarantees `object` is alive.
        let live = unsafe { object.as_ref() };
        // SAFETY: OBJ-1 — a live GC object has a header in front.
        live.is_gc() && unsafe { HeaderRef::of_object(object) }.is_tracked()
    }

    /// Whether `object`'s finalizer has run (`gc.is_finalized()`).
    ///
    /// # Safety
    ///
    /// As for [`is_tracked`](Collector::is_tracked).
    pub unsafe fn is_finalized(&self, object: NonNull<T>) -> bool {
        // SAFETY: the caller guarantees `object` is alive.
        let live = unsafe { object.as_ref() };
        // SAFETY: OBJ-1 — a live GC object has a header in front.
        live.is_gc() && unsafe { HeaderRef::of_object(object) }.is_finalized()
    }

    /// The debug flags (`gc.get_debug()`).
    pub fn debug(&self) -> DebugFlags {
        self.debug.get()
    }

    /// Set the debug flags (`gc.set_debug()`).
    pub fn set_debug(&self, flags: DebugFlags) {
        self.debug.set(flags);
    }

    /// Whether a collection is running.
    pub fn is_collecting(&self) -> bool {
        self.collecting.get()
    }

    /// The garbage list (`gc.garbage`): objects the collector keeps a strong
    /// reference to — uncollectable objects with a legacy finalizer and, with
    /// `DEBUG_SAVEALL`, every unreachable object. The references stay owned
    /// by the collector.
    pub fn garbage(&self) -> Vec<NonNull<T>> {
        self.garbage.borrow().clone()
    }

    /// Take the garbage list: the caller now owns one strong reference per
    /// entry.
    pub fn take_garbage(&self) -> Vec<NonNull<T>> {
        std::mem::take(&mut self.garbage.borrow_mut())
    }
}

impl<T: GcObject> Default for Collector<T> {
    fn default() -> Collector<T> {
        Collector::new()
    }
}
