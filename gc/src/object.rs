//! The object-model trait [`GcObject`]: everything the collector needs to
//! know about the caller's objects, and the numbered contract (`OBJ-1` …
//! `OBJ-8`) an implementation promises.

use core::ptr::NonNull;

use crate::visitor::Visitor;

/// The caller's reference-counted object, as the collector sees it.
///
/// The collector is generic over one object type `T: GcObject` — typically
/// the common header of all the caller's objects, dispatching to per-type
/// code inside each method. Methods receive `&self`: objects are shared and
/// mutated through interior mutability.
///
/// # Safety
///
/// An implementation promises, for every object the collector is handed
/// (tracked, reported by `traverse`, or reported by `clear_weakrefs_to`):
///
/// - **OBJ-1 (layout).** If `is_gc()` is true, a [`GcHeader`] written by
///   [`GcHeader::new`] sits immediately before the object in the same
///   allocation (GC-2), and stays valid while the object is alive; pointers
///   to it that the implementation hands out (`traverse`,
///   `clear_weakrefs_to`) may reach that header (derived from the
///   allocation, not from a `&Self`). `Self`'s alignment does not exceed
///   [`HEADER_ALIGN`].
/// - **OBJ-2 (refcount).** `refcount()` is the number of strong references to
///   the object; it is at least 1 while the object is tracked, and it counts
///   every reference that `traverse` of a tracked object reports.
/// - **OBJ-3 (traverse).** `traverse` calls [`Visitor::visit`] once per
///   strong reference the object holds (twice if it holds two references to
///   the same object), only with pointers to live objects, and reports the
///   same references on every call while no object-model code runs in
///   between.
/// - **OBJ-4 (purity).** `refcount`, `incref`, `is_gc`, `traverse`,
///   `has_finalizer`, `has_legacy_finalizer`, `may_untrack`, `type_name`,
///   `uncounted_referent`,
///   `clear_if_weakref` and `clear_weakrefs_to` run no other object-model
///   code: they do not free, track or untrack objects, do not change
///   refcounts (except `incref` on its own object), and do not call the
///   collector. (The two weakref hooks only detach weak references.)
/// - **OBJ-5 (lifetime).** `incref` adds one to the refcount; `decref`
///   subtracts one and, when the count reaches zero, deallocates the object,
///   and deallocation untracks a tracked object ([`Collector::untrack`])
///   before its header memory is released or reused.
/// - **OBJ-6 (arbitrary code).** `decref`, `clear`, `finalize` and
///   `call_weakref_callback` may run arbitrary object-model code — change
///   references, allocate and track, free objects (which untrack themselves
///   by OBJ-5). The collector calls `clear`, `finalize` and
///   `call_weakref_callback` while holding a strong reference to their
///   object, so that object outlives the call; `decref` may free it.
/// - **OBJ-7 (no unwinding).** No method unwinds into the collector. A panic
///   escaping a method during a collection aborts the process, because the
///   collector's lists cannot be restored.
/// - **OBJ-8 (weakrefs).** Weak references do not count in `refcount` and
///   are not reported by `traverse`. The weak-reference objects that
///   `clear_weakrefs_to` reports are live and satisfy OBJ-1.
///
/// [`GcHeader`]: crate::GcHeader
/// [`GcHeader::new`]: crate::GcHeader::new
/// [`HEADER_ALIGN`]: crate::HEADER_ALIGN
/// [`Collector::untrack`]: crate::Collector::untrack
pub unsafe trait GcObject: Sized {
    /// The object's reference count (OBJ-2).
    fn refcount(&self) -> usize;

    /// Add one strong reference (OBJ-5).
    fn incref(&self);

    /// Drop one strong reference, deallocating the object at zero (OBJ-5).
    ///
    /// # Safety
    ///
    /// `this` is a live object and the caller owns the reference it drops.
    unsafe fn decref(this: NonNull<Self>);

    /// Whether the object carries a GC header (OBJ-1). Objects without one
    /// (CPython's ints and strs) are never candidates; the collector reads
    /// this before touching a referent's header. Default: every object does.
    fn is_gc(&self) -> bool {
        true
    }

    /// Report every strong reference the object holds (OBJ-3).
    fn traverse(&self, visitor: &mut Visitor<'_, Self>);

    /// Drop the object's references, leaving it valid but empty (CPython's
    /// `tp_clear`); this breaks the cycles of garbage.
    fn clear(&self);

    /// Whether the object has a finalizer (PEP 442's `tp_finalize`, a Python
    /// `__del__`). Default: none.
    fn has_finalizer(&self) -> bool {
        false
    }

    /// Run the finalizer. Called at most once per object (GC-6); it may
    /// resurrect the object by storing a new reference to it (OBJ-6).
    fn finalize(&self) {}

    /// Whether the object has a legacy finalizer (CPython's `tp_del`) that
    /// makes a cycle through it uncollectable. Default: none.
    fn has_legacy_finalizer(&self) -> bool {
        false
    }

    /// If this object is itself a weak reference, clear it: its referent
    /// becomes none and its callback will never be called. Default: no-op.
    fn clear_if_weakref(&self) {}

    /// Clear every weak reference to this object, and push each cleared weak
    /// reference that has a callback onto `callbacks` (OBJ-8). The collector
    /// then calls the callbacks of those that are not garbage themselves.
    /// Default: the object cannot be weakly referenced.
    fn clear_weakrefs_to(&self, callbacks: &mut Vec<NonNull<Self>>) {
        let _ = callbacks;
    }

    /// Call this weak reference's callback (it was reported by
    /// `clear_weakrefs_to` and is now cleared). Default: no-op.
    fn call_weakref_callback(&self) {}

    /// Whether the collector may untrack this surviving object because it can
    /// never be part of a cycle (CPython untracks tuples whose items are all
    /// untracked or atomic on every collection, dicts likewise on full
    /// collections only). `full_collection` is true when generation 2 is
    /// collected. Default: never.
    fn may_untrack(&self, full_collection: bool) -> bool {
        let _ = full_collection;
        false
    }

    /// A referent that is an implementation detail of this object and
    /// should not be counted as an object of its own when both are garbage
    /// (pyrite's instance dict, which CPython 3.11 keeps inline until it is
    /// asked for): a collection counts it only if it is not collecting.
    /// OBJ-4-pure. Default: none.
    fn uncounted_referent(&self) -> Option<NonNull<Self>> {
        None
    }

    /// The object's type name, for the `DEBUG_COLLECTABLE` /
    /// `DEBUG_UNCOLLECTABLE` lines.
    fn type_name(&self) -> &str;
}
