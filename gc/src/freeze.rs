//! The permanent generation: `freeze`, `unfreeze`, `freeze_count`.
//!
//! Frozen objects are ignored by every collection until unfrozen — CPython's
//! answer to copy-on-write page faults after `fork()`, and a way to keep a
//! large startup heap out of full collections.

use crate::generation::Generation;
use crate::list;
use crate::object::GcObject;
use crate::Collector;

/// Freezing.
impl<T: GcObject> Collector<T> {
    /// Move every tracked object into the permanent generation
    /// (`gc.freeze()`); count 0 is reset, as CPython 3.11 does.
    pub fn freeze(&self) {
        for g in Generation::ALL {
            // SAFETY: distinct initialised heads; called outside the gc_refs
            // window (object-model code never runs inside it, GC-3).
            unsafe { list::merge(self.lists.generation(g), self.lists.permanent()) };
        }
        self.trigger.reset_count0();
    }

    /// Move the permanent generation back into generation 2
    /// (`gc.unfreeze()`).
    pub fn unfreeze(&self) {
        let (permanent, old) = (
            self.lists.permanent(),
            self.lists.generation(Generation::Old),
        );
        // SAFETY: as in `freeze`.
        unsafe { list::merge(permanent, old) };
    }

    /// Number of objects in the permanent generation (`gc.get_freeze_count()`);
    /// O(n).
    pub fn freeze_count(&self) -> usize {
        // SAFETY: an initialised head, walked by next links only.
        unsafe { list::len(self.lists.permanent()) }
    }
}
