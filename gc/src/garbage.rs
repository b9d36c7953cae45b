//! Passes 5–8 — what happens to the unreachable set: legacy finalizers set
//! aside, weak references cleared and their callbacks run, finalizers run
//! once, the resurrection check, and the clearing that frees the garbage.
//!
//! From pass 6 on, object-model code runs (OBJ-6): objects may be freed and
//! untracked at any moment, so every walk here re-reads the list head after
//! each call out instead of holding on to a next pointer.

use core::cell::RefCell;
use core::pin::pin;
use core::ptr::NonNull;

use crate::header::{HeaderRef, NEXT_UNREACHABLE};
use crate::list;
use crate::object::GcObject;
use crate::reachability::{
    clear_collecting_flags, clear_unreachable_mask, deduce_unreachable, Survivors,
};
use crate::visitor::{Action, Visitor};
use crate::GcHeader;

/// The object behind a header of a working list.
///
/// # Safety
///
/// `h` is an object's header (not a list head) and the object is alive (GC-2).
#[inline]
unsafe fn object<'a, T: GcObject>(h: HeaderRef) -> &'a T {
    // SAFETY: the caller guarantees `h` heads a live object (GC-2).
    unsafe { h.object::<T>().as_ref() }
}

/// Pass 5a. Clear `NEXT_UNREACHABLE` on every unreachable object, and move
/// those with a legacy finalizer to `finalizers`, clearing their
/// `PREV_COLLECTING`.
///
/// Post-condition: `unreachable` is an ordinary list (GC-4 over) of objects
/// without a legacy finalizer; `finalizers` holds those with one, no longer
/// collecting.
///
/// # Safety
///
/// `unreachable` comes from `move_unreachable`; `finalizers` is an
/// initialised list head.
pub(crate) unsafe fn move_legacy_finalizers<T: GcObject>(
    unreachable: HeaderRef,
    finalizers: HeaderRef,
) {
    // SAFETY: GC-1 — `unreachable` is initialised; its own next word carries
    // no flag after move_unreachable.
    let mut gc = unsafe { unreachable.next() };
    while gc != unreachable {
        debug_assert!(gc.is_unreachable(), "GC-4");
        gc.set_next_word(gc.next_word() & !NEXT_UNREACHABLE);
        // SAFETY: GC-1 — `gc` is linked.
        let next = unsafe { gc.next() };
        // SAFETY: GC-2 — `gc` heads a live object.
        if unsafe { object::<T>(gc) }.has_legacy_finalizer() {
            gc.clear_collecting();
            // SAFETY: `gc` is linked with address links; its predecessor's
            // flag was cleared on the previous step (GC-4).
            unsafe { list::move_to(gc, finalizers) };
        }
        gc = next;
    }
}

/// Pass 5b. Move every unreachable object reachable from `finalizers` into
/// `finalizers` too.
///
/// Post-condition: nothing in `finalizers` references an object still
/// collecting; all of `finalizers` is uncollectable.
///
/// # Safety
///
/// As after [`move_legacy_finalizers`].
pub(crate) unsafe fn move_legacy_finalizer_reachable<T: GcObject>(finalizers: HeaderRef) {
    let mut visitor = Visitor::new(Action::MoveCollecting { to: finalizers });
    // SAFETY: GC-1 — `finalizers` is initialised.
    let mut gc = unsafe { finalizers.next() };
    while gc != finalizers {
        // SAFETY: GC-2 — `gc` heads a live object; traverse is OBJ-4-pure
        // and the visits only append to the tail of `finalizers`.
        unsafe { object::<T>(gc) }.traverse(&mut visitor);
        // SAFETY: GC-1 — `gc` is still linked.
        gc = unsafe { gc.next() };
    }
}

/// Visit function of `move_legacy_finalizer_reachable`.
///
/// # Safety
///
/// `h` is collecting and linked outside the gc_refs window (GC-5);
/// `to` is an initialised list head.
#[inline]
pub(crate) unsafe fn visit_move(h: HeaderRef, to: HeaderRef) {
    // SAFETY: the caller's guarantees are move_to's.
    unsafe { list::move_to(h, to) };
    h.clear_collecting();
}

/// Pass 6. Clear every weak reference to an unreachable object, and every
/// unreachable weak reference, before any finalizer or callback runs; then
/// call the callbacks of the cleared weak references that are not garbage
/// themselves.
///
/// Post-condition: no weak reference reaches an unreachable object; the
/// callbacks of garbage weak references have not run and never will.
/// Returns the number of weak references freed after their callback.
///
/// # Safety
///
/// `unreachable` is an ordinary list (after pass 5) of collecting objects.
pub(crate) unsafe fn handle_weakrefs<T: GcObject>(unreachable: HeaderRef) -> usize {
    let mut reported: Vec<NonNull<T>> = Vec::new();
    let clear = |gc: HeaderRef| {
        // SAFETY: GC-2 — `gc` heads a live object of `unreachable`.
        let op = unsafe { object::<T>(gc) };
        op.clear_if_weakref();
        op.clear_weakrefs_to(&mut reported);
    };
    // SAFETY: `unreachable` is initialised; the two weakref hooks are
    // OBJ-4-pure, so the list is unchanged during the walk.
    unsafe { list::for_each(unreachable, clear) };
    let mut to_call = Vec::with_capacity(reported.len());
    for wr in reported {
        // SAFETY: OBJ-8 — reported weak references are live.
        let w = unsafe { wr.as_ref() };
        // SAFETY: OBJ-1 — a GC weak reference has a header.
        let is_garbage = w.is_gc() && unsafe { HeaderRef::of_object(wr) }.is_collecting();
        if !is_garbage {
            w.incref();
            to_call.push(wr);
        }
    }
    let mut freed = 0;
    for wr in to_call {
        // SAFETY: the incref above keeps `wr` alive until the decref below.
        let w = unsafe { wr.as_ref() };
        w.call_weakref_callback();
        if w.refcount() == 1 {
            freed += 1;
        }
        // SAFETY: drops the reference taken above.
        unsafe { T::decref(wr) };
    }
    freed
}

/// Pass 7a. Run each unreachable object's finalizer, unless it already ran
/// (PEP 442): set `PREV_FINALIZED`, then call it under a strong reference.
///
/// Post-condition: every object still in `unreachable` is finalized or has
/// no finalizer; objects freed by finalizers have left the list. Returns
/// `None` if any finalizer was called (only then can an object have been
/// resurrected: see [`handle_resurrected_objects`]); else
/// `Some(`[`count_garbage`]`(unreachable))`, counted on this walk, since
/// nothing changed the list or its flags.
///
/// # Safety
///
/// `unreachable` is an initialised ordinary list head that stays in place.
pub(crate) unsafe fn finalize_garbage<T: GcObject>(unreachable: HeaderRef) -> Option<usize> {
    let mut called = false;
    let mut counted = 0;
    let seen = pin!(GcHeader::new());
    // SAFETY: HR — `seen` is pinned on this frame and emptied into
    // `unreachable` before the frame ends.
    let seen = unsafe { HeaderRef::new(NonNull::from(&*seen)) };
    list::init(seen);
    while !list::is_empty(unreachable) {
        // SAFETY: GC-1 — a non-empty list's next is an element.
        let gc = unsafe { unreachable.next() };
        // SAFETY: `gc` is linked with address links; `seen` is initialised.
        unsafe { list::move_to(gc, seen) };
        if !called {
            // SAFETY: `gc` heads a live object of the list.
            counted += unsafe { garbage_weight::<T>(gc) };
        }
        if gc.is_finalized() {
            continue;
        }
        // SAFETY: GC-1, GC-2 — `gc` is linked, so its object is alive.
        let op = unsafe { gc.object::<T>() };
        // SAFETY: as above.
        if unsafe { op.as_ref() }.has_finalizer() {
            gc.set_finalized();
            called = true;
            // SAFETY: as above; the strong reference keeps the object alive
            // across the finalizer.
            unsafe { op.as_ref() }.incref();
            // SAFETY: as above.
            unsafe { op.as_ref() }.finalize();
            // SAFETY: drops the reference taken above; `gc` is not used after.
            unsafe { T::decref(op) };
        }
    }
    // SAFETY: both heads are initialised and distinct.
    unsafe { list::merge(seen, unreachable) };
    (!called).then_some(counted)
}

/// How much the object behind `h` counts in a collection's "collected":
/// 0 when its uncounted referent (`GcObject::uncounted_referent`) is
/// garbage too (that pair counts as one object, as CPython sees it), else 1.
///
/// # Safety
///
/// `h` heads a live object of a list of collecting objects (GC-2).
#[inline]
pub(crate) unsafe fn garbage_weight<T: GcObject>(h: HeaderRef) -> usize {
    // SAFETY: GC-2 — the caller's guarantee.
    let op = unsafe { h.object::<T>().as_ref() };
    if let Some(r) = op.uncounted_referent() {
        // SAFETY: OBJ-3 — a referent of a live object is live.
        let referent = unsafe { r.as_ref() };
        // SAFETY: OBJ-1 — a GC object has its header in front.
        if referent.is_gc() && unsafe { HeaderRef::of_object(r) }.is_collecting() {
            return 0;
        }
    }
    1
}

/// The number of objects of `list` a collection reports as collected: all
/// of them but the uncounted referents (`GcObject::uncounted_referent`)
/// that are garbage too.
///
/// # Safety
///
/// `list` is an initialised ordinary list of collecting objects.
pub(crate) unsafe fn count_garbage<T: GcObject>(list: HeaderRef) -> usize {
    let mut n = 0;
    // SAFETY: the caller's guarantee; garbage_weight runs only OBJ-4-pure
    // code, so the list is unchanged during the walk.
    unsafe { list::for_each(list, |h| n += garbage_weight::<T>(h)) };
    n
}

/// Pass 7b. CPython 3.11's `handle_resurrected_objects`: recompute gc_refs
/// on the unreachable set now that finalizers have run, and move every object
/// referenced from outside the set again — and everything it reaches — to
/// `old`.
///
/// Needed only when [`finalize_garbage`] called a finalizer. Otherwise no
/// code has run since `move_unreachable` that could reach the set: the
/// weak-reference callbacks of pass 6 run only after every weak reference
/// to the set was cleared, and nothing outside the set references it
/// (CPython: "they can't reference unreachable objects"); so the
/// recomputation would find every object still unreachable, and the
/// caller moves the set to `still_unreachable` as it is instead.
///
/// Post-condition: `still_unreachable` holds the objects that are garbage
/// after finalizers (collecting, ordinary links); `unreachable` is empty;
/// resurrected objects are in `old` without flags but `PREV_FINALIZED`.
///
/// # Safety
///
/// `unreachable` as after [`finalize_garbage`]; `still_unreachable` an
/// initialised empty head; `old` a generation head.
pub(crate) unsafe fn handle_resurrected_objects<T: GcObject>(
    unreachable: HeaderRef,
    still_unreachable: HeaderRef,
    old: HeaderRef,
    released: &[crate::reachability::Released],
) {
    // SAFETY: `unreachable` is an initialised list.
    unsafe { clear_collecting_flags(unreachable) };
    // SAFETY: flag-free but FINALIZED now, `unreachable` is a valid base;
    // `still_unreachable` is an initialised empty head on the caller's frame.
    unsafe { deduce_unreachable::<T>(unreachable, still_unreachable, released, Survivors::Keep) };
    // SAFETY: `still_unreachable` comes from move_unreachable.
    unsafe { clear_unreachable_mask(still_unreachable) };
    // SAFETY: distinct initialised heads; what is left in `unreachable` is
    // reachable again.
    unsafe { list::merge(unreachable, old) };
}

/// Pass 8. Break the cycles: clear each object (or, with `DEBUG_SAVEALL`,
/// append it to the garbage list), under a strong reference; the refcount
/// drops then free it. An object that survives its clear moves to `old`.
///
/// Post-condition: `collectable` is empty.
///
/// # Safety
///
/// `collectable` is an initialised ordinary list of collecting objects; `old`
/// a generation head.
pub(crate) unsafe fn delete_garbage<T: GcObject>(
    collectable: HeaderRef,
    old: HeaderRef,
    save_all: bool,
    garbage: &RefCell<Vec<NonNull<T>>>,
) {
    // With SAVEALL, an uncounted referent (GcObject::uncounted_referent) of
    // a saved object is not saved on its own: its owner keeps it.
    let owned = if save_all {
        // SAFETY: `collectable` is an initialised ordinary list.
        unsafe { crate::collect::uncounted_referents::<T>(collectable) }
    } else {
        Vec::new()
    };
    while !list::is_empty(collectable) {
        // SAFETY: GC-1 — a non-empty list's next is an element.
        let gc = unsafe { collectable.next() };
        // SAFETY: GC-2 — `gc` is linked, so its object is alive.
        let op = unsafe { gc.object::<T>() };
        if save_all && owned.binary_search(&(op.as_ptr() as usize)).is_ok() {
            gc.clear_collecting();
            // SAFETY: `gc` is linked (it heads the list).
            unsafe { list::move_to(gc, old) };
            continue;
        }
        // SAFETY: as above.
        unsafe { op.as_ref() }.incref();
        if save_all {
            garbage.borrow_mut().push(op);
        } else {
            // SAFETY: the strong reference keeps the object alive.
            unsafe { op.as_ref() }.clear();
            // SAFETY: drops the reference taken above (may free `op`).
            unsafe { T::decref(op) };
        }
        // Compare addresses only: `gc` may have been freed, but then it left
        // the list, and no new object is ever tracked into `collectable`.
        // SAFETY: GC-1 — re-read the head after the call out.
        if !list::is_empty(collectable) && unsafe { collectable.next() } == gc {
            gc.clear_collecting();
            // SAFETY: `gc` is still linked (it heads the list).
            unsafe { list::move_to(gc, old) };
        }
    }
}

/// Pass 8b. Put the uncollectable objects with a legacy finalizer (all of
/// them with `DEBUG_SAVEALL`) in the garbage list, each with a strong
/// reference, and move the whole set to `old`.
///
/// Post-condition: `finalizers` is empty.
///
/// # Safety
///
/// `finalizers` as after pass 5; `old` a generation head.
pub(crate) unsafe fn handle_legacy_finalizers<T: GcObject>(
    finalizers: HeaderRef,
    old: HeaderRef,
    save_all: bool,
    garbage: &RefCell<Vec<NonNull<T>>>,
) {
    let save = |gc: HeaderRef| {
        // SAFETY: GC-2 — `gc` heads a live object of `finalizers`.
        let op = unsafe { gc.object::<T>() };
        // SAFETY: as above.
        let live = unsafe { op.as_ref() };
        if save_all || live.has_legacy_finalizer() {
            live.incref();
            garbage.borrow_mut().push(op);
        }
    };
    // SAFETY: `finalizers` is initialised; `save` runs only OBJ-4-pure
    // object code, so the list is unchanged during the walk.
    unsafe { list::for_each(finalizers, save) };
    // SAFETY: distinct initialised heads.
    unsafe { list::merge(finalizers, old) };
}
