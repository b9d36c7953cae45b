//! [`Visitor`]: what `GcObject::traverse` reports references to, and the
//! per-pass action taken on each reported referent.

use core::ptr::NonNull;

use crate::header::HeaderRef;
use crate::object::GcObject;
use crate::{garbage, reachability};

/// Receives the references an object reports from [`GcObject::traverse`].
///
/// Only the collector creates visitors; an object model just calls
/// [`visit`](Visitor::visit) once per strong reference (OBJ-3).
pub struct Visitor<'a, T: GcObject> {
    action: Action<'a, T>,
}

/// What a visit does; one variant per pass or query that traverses.
pub(crate) enum Action<'a, T> {
    /// `subtract_refs`: decrement gc_refs of every referent in the set.
    SubtractRefs,
    /// `move_unreachable`: mark every referent in the set reachable, pulling
    /// it back from the tentatively unreachable list onto `young`.
    MarkReachable { young: HeaderRef },
    /// `move_legacy_finalizer_reachable`: move every referent still in the
    /// unreachable set to `to`, clearing its collecting flag.
    MoveCollecting { to: HeaderRef },
    /// `referents`: collect every referent.
    CollectReferents { out: &'a mut Vec<NonNull<T>> },
    /// `referrers`: note whether any referent's address is in `targets`
    /// (sorted).
    FindReferent { targets: &'a [usize], found: bool },
    /// `collect_releasing`: count the references to each of `targets`
    /// (sorted) in `counts`.
    CountReferences {
        targets: &'a [usize],
        counts: &'a mut [usize],
    },
}

impl<'a, T: GcObject> Visitor<'a, T> {
    pub(crate) fn new(action: Action<'a, T>) -> Visitor<'a, T> {
        Visitor { action }
    }

    /// For `FindReferent`: whether a target was seen.
    pub(crate) fn found(&self) -> bool {
        matches!(self.action, Action::FindReferent { found: true, .. })
    }

    /// Reset a `FindReferent` visitor for the next object.
    pub(crate) fn reset_found(&mut self) {
        if let Action::FindReferent { found, .. } = &mut self.action {
            *found = false;
        }
    }

    /// Report one strong reference held by the object being traversed.
    #[inline]
    pub fn visit(&mut self, referent: NonNull<T>) {
        match &mut self.action {
            Action::SubtractRefs => {
                if let Some(h) = collecting_header(referent) {
                    reachability::visit_decref(h);
                }
            }
            Action::MarkReachable { young } => {
                if let Some(h) = collecting_header(referent) {
                    // SAFETY: GC-3/GC-4 — this action exists only inside
                    // move_unreachable, whose working lists `h` belongs to.
                    unsafe { reachability::visit_reachable(h, *young) };
                }
            }
            Action::MoveCollecting { to } => {
                if let Some(h) = collecting_header(referent) {
                    // SAFETY: GC-5 — a collecting header outside the gc_refs
                    // window is linked on the unreachable list.
                    unsafe { garbage::visit_move(h, *to) };
                }
            }
            Action::CollectReferents { out } => out.push(referent),
            Action::CountReferences { targets, counts } => {
                if let Ok(i) = targets.binary_search(&(referent.as_ptr() as usize)) {
                    counts[i] += 1;
                }
            }
            Action::FindReferent { targets, found } => {
                if !*found && targets.binary_search(&(referent.as_ptr() as usize)).is_ok() {
                    *found = true;
                }
            }
        }
    }
}

/// The header of `referent` if it is a GC object of the running collection's
/// set (GC-5), else `None`.
#[inline]
fn collecting_header<T: GcObject>(referent: NonNull<T>) -> Option<HeaderRef> {
    // SAFETY: OBJ-3 — traverse reports only live objects.
    let object = unsafe { referent.as_ref() };
    if !object.is_gc() {
        return None;
    }
    // SAFETY: OBJ-1 — an object whose is_gc() is true has a header in front.
    let h = unsafe { HeaderRef::of_object(referent) };
    h.is_collecting().then_some(h)
}
