//! Heap queries: the objects of a generation, what an object refers to, and
//! what refers to given objects (`gc.get_objects`, `gc.get_referents`,
//! `gc.get_referrers`).

use core::ptr::NonNull;

use crate::generation::Generation;
use crate::header::HeaderRef;
use crate::list;
use crate::object::GcObject;
use crate::visitor::{Action, Visitor};
use crate::Collector;

/// Queries.
impl<T: GcObject> Collector<T> {
    /// The objects tracked in `generation`, or in all three generations when
    /// `None` (`gc.get_objects(generation=None)`); the permanent generation
    /// is not included, as in CPython. The pointers are borrowed: valid until
    /// object-model code runs.
    pub fn objects(&self, generation: Option<Generation>) -> Vec<NonNull<T>> {
        let gens = match generation {
            Some(g) => &Generation::ALL[g.index()..=g.index()],
            None => &Generation::ALL[..],
        };
        let mut out = Vec::new();
        for &g in gens {
            let push = |h: HeaderRef| {
                // SAFETY: GC-2 — `h` heads a tracked object.
                out.push(unsafe { h.object::<T>() })
            };
            // SAFETY: an initialised generation head; pushing runs no object
            // code, so the list is unchanged during the walk.
            unsafe { list::for_each(self.lists.generation(g), push) };
        }
        out
    }

    /// The objects `object` references (`gc.get_referents()`), one entry per
    /// reference, as its `traverse` reports them.
    pub fn referents(&self, object: &T) -> Vec<NonNull<T>> {
        let mut out = Vec::new();
        object.traverse(&mut Visitor::new(Action::CollectReferents {
            out: &mut out,
        }));
        out
    }

    /// The tracked objects (generations 0–2) that reference any of `targets`
    /// (`gc.get_referrers()`), each once.
    pub fn referrers(&self, targets: &[NonNull<T>]) -> Vec<NonNull<T>> {
        let mut addrs: Vec<usize> = targets.iter().map(|t| t.as_ptr() as usize).collect();
        addrs.sort_unstable();
        let mut visitor = Visitor::new(Action::FindReferent {
            targets: &addrs,
            found: false,
        });
        let mut out = Vec::new();
        for g in Generation::ALL {
            let search = |h: HeaderRef| {
                // SAFETY: GC-2 — `h` heads a tracked, live object.
                let op = unsafe { h.object::<T>() };
                visitor.reset_found();
                // SAFETY: as above.
                unsafe { op.as_ref() }.traverse(&mut visitor);
                if visitor.found() {
                    out.push(op);
                }
            };
            // SAFETY: an initialised generation head; traverse is OBJ-4-pure,
            // so the list is unchanged during the walk.
            unsafe { list::for_each(self.lists.generation(g), search) };
        }
        out
    }
}
