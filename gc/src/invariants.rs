//! The O(n) checker of the collector's structural invariants, for tests and
//! debugging: [`Collector::check_invariants`].

use std::collections::HashSet;

use crate::generation::{Generation, NUM_GENERATIONS};
use crate::header::{HeaderRef, NEXT_UNREACHABLE, PREV_COLLECTING};
use crate::object::GcObject;
use crate::Collector;

/// Which list a violation was found in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListId {
    /// A generation's list.
    Generation(Generation),
    /// The permanent generation's list.
    Permanent,
}

/// A broken invariant: its id, where, and what was seen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvariantViolation {
    /// The invariant's id, as stated in `header.rs` / `object.rs`
    /// (`"GC-1"`, `"GC-4"`, `"GC-5"`, `"OBJ-1"`, `"OBJ-2"`).
    pub id: &'static str,
    /// The list being walked.
    pub list: ListId,
    /// Position of the offending header in that list (0 = first element).
    pub position: usize,
    /// What was wrong.
    pub detail: String,
}

impl core::fmt::Display for InvariantViolation {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(
            f,
            "{} violated in {:?} at position {}: {}",
            self.id, self.list, self.position, self.detail
        )
    }
}

impl std::error::Error for InvariantViolation {}

/// Invariant checking.
impl<T: GcObject> Collector<T> {
    /// Walk the four lists and check, for every tracked header: it is in
    /// exactly one list (GC-1), its links are consistent both ways (GC-1), it
    /// carries no `NEXT_UNREACHABLE` (GC-4) and no `PREV_COLLECTING` (GC-5),
    /// its object is a GC object (OBJ-1) with a positive refcount (OBJ-2).
    /// O(n) time and memory. May be called from a finalizer during a
    /// collection: the working lists are not walked then, and the
    /// generations' objects carry no flags.
    ///
    /// # Errors
    ///
    /// The first violation found.
    pub fn check_invariants(&self) -> Result<(), InvariantViolation> {
        let mut seen = HashSet::new();
        let lists = self.lists.all();
        for (index, head) in lists.into_iter().enumerate() {
            let list = match Generation::from_index(index) {
                Some(g) => ListId::Generation(g),
                None => ListId::Permanent,
            };
            debug_assert!(index <= NUM_GENERATIONS);
            let fail = |id, position, detail: String| {
                Err(InvariantViolation {
                    id,
                    list,
                    position,
                    detail,
                })
            };
            if head.prev_word() & 3 != 0 || head.next_word() & 1 != 0 {
                return fail("GC-2", 0, "list head carries flags".into());
            }
            let mut prev = head;
            let mut position = 0;
            loop {
                let word = prev.next_word();
                if word & NEXT_UNREACHABLE != 0 {
                    return fail(
                        "GC-4",
                        position,
                        format!("next word {word:#x} has NEXT_UNREACHABLE"),
                    );
                }
                if word == 0 {
                    return fail("GC-1", position, "linked header with next word 0".into());
                }
                // SAFETY: GC-1 — `prev` is linked, so `word` is a live header
                // (the back-link check below rejects any other address we
                // could reach only through an earlier corruption).
                let h = unsafe { prev.next() };
                // SAFETY: as above; prev links hold addresses (no collection
                // window is open while object code can call in, GC-3).
                let back = unsafe { h.prev() };
                if back != prev {
                    return fail(
                        "GC-1",
                        position,
                        format!("{h:?}.prev is {back:?}, expected {prev:?}"),
                    );
                }
                if h == head {
                    break;
                }
                if !seen.insert(h.addr()) {
                    return fail("GC-1", position, format!("{h:?} is linked twice"));
                }
                if h.prev_word() & PREV_COLLECTING != 0 {
                    return fail(
                        "GC-5",
                        position,
                        format!("{h:?} has PREV_COLLECTING in a generation"),
                    );
                }
                // SAFETY: GC-2 — `h` is a linked object header.
                let object = unsafe { h.object::<T>().as_ref() };
                if !object.is_gc() {
                    return fail(
                        "OBJ-1",
                        position,
                        format!("tracked object {h:?} says is_gc() == false"),
                    );
                }
                if object.refcount() == 0 {
                    return fail(
                        "OBJ-2",
                        position,
                        format!("tracked object {h:?} has refcount 0"),
                    );
                }
                position += 1;
                prev = h;
            }
            let _: HeaderRef = prev;
        }
        Ok(())
    }
}
