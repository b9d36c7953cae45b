//! Passes 2–4 — deciding what is unreachable: `update_refs`,
//! `subtract_refs`, `move_unreachable` (with its visit function), and their
//! composition `deduce_unreachable`; `move_unreachable` also untracks the
//! survivors that can never be in a cycle, as it walks them.
//!
//! These passes open and close the gc_refs window (GC-3). Inside it they
//! call only OBJ-4 methods (`refcount`, `is_gc`, `traverse`), so no header
//! leaves or joins a list behind their back.

use crate::header::{HeaderRef, NEXT_UNREACHABLE, PREV_FINALIZED};
use crate::list;
use crate::object::GcObject;
use crate::visitor::{Action, Visitor};

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

/// References the caller of a releasing collection holds to an object and
/// wants treated as dropped: (object address, count), sorted by address.
pub(crate) type Released = (usize, usize);

/// How many of `h`'s object's references are released (0 if none).
#[cold]
fn released_refs<T: GcObject>(h: HeaderRef, released: &[Released]) -> usize {
    // SAFETY: GC-2 — `h` heads a live object (only its address is used).
    let addr = unsafe { h.object::<T>() }.as_ptr() as usize;
    released
        .binary_search_by_key(&addr, |r| r.0)
        .map_or(0, |i| released[i].1)
}

/// Pass 2. Copy each object's refcount into gc_refs.
///
/// Post-condition: every header of `young` has `PREV_COLLECTING` set and
/// gc_refs == refcount (> 0, less any released references); the gc_refs
/// window is open (GC-3). Returns the
/// number of objects in `young`.
///
/// # Safety
///
/// `young` is an initialised list head outside any collection (GC-5).
pub(crate) unsafe fn update_refs<T: GcObject>(young: HeaderRef, released: &[Released]) -> usize {
    let mut n = 0;
    // SAFETY: `young` is an initialised list (GC-1).
    let mut h = unsafe { young.next() };
    while h != young {
        // SAFETY: GC-1, GC-2 — elements of a list are headers of live objects.
        let mut refcount = unsafe { object::<T>(h) }.refcount();
        debug_assert!(refcount > 0, "OBJ-2: a tracked object has refcount 0");
        if !released.is_empty() {
            // The caller's released references are among the refcount; an
            // object held only by them starts at gc_refs 0.
            let r = released_refs::<T>(h, released);
            debug_assert!(r <= refcount, "more references released than held");
            refcount -= r;
        }
        h.reset_refs(refcount);
        n += 1;
        // SAFETY: GC-1 — `h` is linked; only next links are followed (GC-3).
        h = unsafe { h.next() };
    }
    n
}

/// Pass 3. For every object of `young`, decrement the gc_refs of each
/// referent that is in `young` too.
///
/// Post-condition: an object's gc_refs is the number of references to it
/// from outside `young` (other generations, the caller's roots); gc_refs > 0
/// means it is directly reachable from outside.
///
/// # Safety
///
/// `young` has just been through [`update_refs`] (GC-3, GC-5).
pub(crate) unsafe fn subtract_refs<T: GcObject>(young: HeaderRef) {
    let mut visitor = Visitor::new(Action::SubtractRefs);
    let subtract = |h: HeaderRef| {
        // SAFETY: GC-1, GC-2 — `h` heads a live object of the list.
        unsafe { object::<T>(h) }.traverse(&mut visitor)
    };
    // SAFETY: `young` is an initialised list; traverse is OBJ-4-pure, so the
    // links stay unchanged during the walk.
    unsafe { list::for_each(young, subtract) };
}

/// Visit function of `subtract_refs`: `h` is a collecting referent.
#[inline]
pub(crate) fn visit_decref(h: HeaderRef) {
    h.decrement_refs();
}

/// What [`move_unreachable`] does with the objects it finds reachable.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Survivors {
    /// Keep them all tracked (the second deduction over resurrected
    /// objects, where CPython untracks nothing).
    Keep,
    /// Untrack those whose `may_untrack(full)` says so (CPython's
    /// `untrack_tuples`, and `untrack_dicts` when `full`).
    Untrack {
        /// Whether generation 2 is collected.
        full: bool,
    },
}

/// Pass 4. Split `young` into the reachable and the tentatively unreachable,
/// untracking on the way the survivors that can never be in a cycle.
///
/// Walks `young` once. An object with gc_refs > 0 is reachable: its
/// referents in the set are marked reachable (gc_refs raised to 1, or moved
/// back from `unreachable` to the tail of `young`, where the walk will reach
/// them). An object with gc_refs == 0 moves to `unreachable` for now.
///
/// With [`Survivors::Untrack`], a reachable object is asked `may_untrack`
/// right after its traversal and, if it says yes, is untracked instead of
/// kept. The objects are asked in the order of the final `young` list and
/// each sees the tracking state of the ones asked before it, exactly as a
/// separate walk over `young` after this pass would (CPython's
/// `untrack_tuples` / `untrack_dicts`), but without that walk's second
/// round of cache misses over every survivor. `may_untrack` is OBJ-4-pure
/// and reads only tracking bits, which the gc_refs window leaves intact.
///
/// Post-condition: `young` holds exactly the objects reachable from outside
/// the set minus the untracked survivors, with prev links restored and
/// `PREV_COLLECTING` clear; no object left in `young` answers `may_untrack`
/// with true (with `Untrack`); every object of `unreachable` carries
/// `PREV_COLLECTING` and `NEXT_UNREACHABLE` (GC-4) and has valid prev links;
/// the gc_refs window is closed. Returns the number of objects left in
/// `young`.
///
/// # Safety
///
/// `young` has been through [`update_refs`] and [`subtract_refs`];
/// `unreachable` is an initialised empty list head.
pub(crate) unsafe fn move_unreachable<T: GcObject>(
    young: HeaderRef,
    unreachable: HeaderRef,
    survivors: Survivors,
) -> usize {
    let mut visitor = Visitor::new(Action::MarkReachable { young });
    let mut prev = young;
    let mut left = 0;
    // SAFETY: `young` is an initialised list (GC-1).
    let mut gc = unsafe { young.next() };
    while gc != young {
        if gc.refs() > 0 {
            // SAFETY: GC-1, GC-2 — `gc` heads a live object of `young`.
            let object = unsafe { object::<T>(gc) };
            object.traverse(&mut visitor);
            let untrack = match survivors {
                Survivors::Keep => false,
                Survivors::Untrack { full } => object.may_untrack(full),
            };
            if untrack {
                // Unlink by the forward link only (the prev words of the
                // objects not yet walked are gc_refs, GC-3), then leave it
                // untracked: next word 0, prev word only PREV_FINALIZED
                // (GC-1, GC-5, GC-6). `prev`'s next word carries no
                // NEXT_UNREACHABLE (GC-4), nor does `gc`'s (an element of
                // `young`).
                prev.set_next_word(gc.next_word());
                gc.set_next_word(0);
                gc.set_prev_word(gc.prev_word() & PREV_FINALIZED);
            } else {
                // Leave the gc_refs window for `gc`: prev becomes an address.
                gc.set_prev(prev);
                gc.clear_collecting();
                prev = gc;
                left += 1;
            }
        } else {
            // Tentatively unreachable: unlink from `young` (forward link only,
            // prev words of `young` are gc_refs), append to `unreachable`.
            prev.set_next_word(gc.next_word());
            // SAFETY: heads never carry gc_refs (GC-2): the head's prev word
            // is the address of its last element.
            let last = unsafe { unreachable.prev() };
            last.set_next_word(NEXT_UNREACHABLE | gc.addr());
            gc.set_prev(last);
            gc.set_next_word(NEXT_UNREACHABLE | unreachable.addr());
            unreachable.set_prev_word(gc.addr());
        }
        // SAFETY: `prev` is `young` or a reachable element: linked, and its
        // next word carries no NEXT_UNREACHABLE (GC-4).
        gc = unsafe { prev.next() };
    }
    young.set_prev_word(prev.addr());
    unreachable.set_next_word(unreachable.next_word() & !NEXT_UNREACHABLE);
    left
}

/// Visit function of `move_unreachable`: `gc` is a collecting referent of a
/// reachable object, so it is reachable too.
///
/// - On the unreachable list (GC-4): it was wrongly thought unreachable; move
///   it back to the tail of `young` with gc_refs 1, so the walk will traverse
///   it.
/// - In `young`, not yet walked, gc_refs 0: set gc_refs to 1, so the walk
///   will keep and traverse it.
/// - Otherwise (gc_refs > 0 or already walked): nothing to do.
///
/// # Safety
///
/// Called only from [`move_unreachable`]'s traversals with its `young`;
/// `gc` is collecting (GC-5).
#[inline]
pub(crate) unsafe fn visit_reachable(gc: HeaderRef, young: HeaderRef) {
    if gc.is_unreachable() {
        // SAFETY: GC-4 — `gc` is on the unreachable list, whose elements have
        // address prev links (set by move_unreachable).
        let prev = unsafe { gc.prev() };
        let next_word = gc.next_word();
        // SAFETY: GC-1 — `gc` is linked.
        let next = unsafe { gc.next() };
        prev.set_next_word(next_word); // keeps NEXT_UNREACHABLE for `prev`
        next.set_prev(prev);
        // SAFETY: `young` is a head (prev word is an address, GC-2); `gc` was
        // just unlinked.
        unsafe { list::append(gc, young) };
        gc.set_refs(1);
    } else if gc.refs() == 0 {
        gc.set_refs(1);
    }
}

/// Passes 2–4: `update_refs`, `subtract_refs`, `move_unreachable`.
///
/// Post-condition: as [`move_unreachable`]'s. Returns the number of objects
/// examined and the number left in `base` (the survivors still tracked).
///
/// # Safety
///
/// `base` is an initialised list head whose objects carry no flags but
/// `PREV_FINALIZED`; `unreachable` is an initialised empty list head; both
/// stay in place until the caller empties `unreachable`.
pub(crate) unsafe fn deduce_unreachable<T: GcObject>(
    base: HeaderRef,
    unreachable: HeaderRef,
    released: &[Released],
    survivors: Survivors,
) -> (usize, usize) {
    // SAFETY: the caller's guarantee on `base`.
    let candidates = unsafe { update_refs::<T>(base, released) };
    // SAFETY: `base` has just been through update_refs.
    unsafe { subtract_refs::<T>(base) };
    // SAFETY: `base` has been through both; the caller's guarantee on
    // `unreachable`.
    let left = unsafe { move_unreachable::<T>(base, unreachable, survivors) };
    (candidates, left)
}

/// Clear `NEXT_UNREACHABLE` on every element of `unreachable` (GC-4).
///
/// # Safety
///
/// `unreachable` is a list produced by [`move_unreachable`].
pub(crate) unsafe fn clear_unreachable_mask(unreachable: HeaderRef) {
    // SAFETY: GC-1 — `unreachable` is initialised; `next()` masks the flag.
    let mut gc = unsafe { unreachable.next() };
    while gc != unreachable {
        debug_assert!(gc.is_unreachable(), "GC-4");
        gc.set_next_word(gc.next_word() & !NEXT_UNREACHABLE);
        // SAFETY: GC-1 — `gc` is linked.
        gc = unsafe { gc.next() };
    }
}

/// Clear `PREV_COLLECTING` on every element of `list` (GC-5).
///
/// # Safety
///
/// `list` is an initialised list head.
pub(crate) unsafe fn clear_collecting_flags(list: HeaderRef) {
    // SAFETY: `list` is initialised; clearing a flag changes no link.
    unsafe { list::for_each(list, |h| h.clear_collecting()) };
}
