//! Running a collection: the entry points and `collect_main`, which reads as
//! the table of contents of the algorithm — one call per pass, in order
//! (see `gc/README.md` for the algorithm and a worked example).

use core::pin::pin;
use core::ptr::NonNull;
use std::io::Write;
use std::time::Instant;

use crate::debug::{self, DebugFlags};
use crate::events::{CollectionInfo, Phase};
use crate::garbage::{
    count_garbage, delete_garbage, finalize_garbage, handle_legacy_finalizers,
    handle_resurrected_objects, handle_weakrefs, move_legacy_finalizer_reachable,
    move_legacy_finalizers,
};
use crate::generation::{Generation, NUM_GENERATIONS};
use crate::header::HeaderRef;
use crate::list;
use crate::object::GcObject;
use crate::reachability::{deduce_unreachable, Released, Survivors};
use crate::stats::{CollectError, CollectionRecord};
use crate::visitor::{Action, Visitor};
use crate::{Collector, GcHeader};

/// Aborts the process if dropped during unwinding: a panic out of
/// object-model code mid-collection would leave headers linked to working
/// lists on a dead stack frame (OBJ-7).
struct AbortOnUnwind;

impl Drop for AbortOnUnwind {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("pyrite-gc: panic inside a collection (OBJ-7); aborting");
            std::process::abort();
        }
    }
}

/// Clears the collecting flag when the collection ends, even by unwinding
/// out of a start/stop callback.
struct CollectingGuard<'a>(&'a core::cell::Cell<bool>);

impl Drop for CollectingGuard<'_> {
    fn drop(&mut self) {
        self.0.set(false);
    }
}

/// Collections.
impl<T: GcObject> Collector<T> {
    /// Collect `generation` and all younger ones (`gc.collect(generation)`);
    /// debug output, if any flag asks for it, goes to standard error.
    ///
    /// # Errors
    ///
    /// [`CollectError::AlreadyCollecting`] when called during a collection
    /// (from a finalizer, a weakref callback or a collection callback).
    pub fn collect(&self, generation: Generation) -> Result<CollectionRecord, CollectError> {
        self.collect_with_output(generation, &mut std::io::stderr().lock())
    }

    /// As [`collect`](Collector::collect), writing debug output to `out`.
    ///
    /// # Errors
    ///
    /// As [`collect`](Collector::collect).
    pub fn collect_with_output(
        &self,
        generation: Generation,
        out: &mut dyn Write,
    ) -> Result<CollectionRecord, CollectError> {
        self.collect_inner(generation, out, &[])
    }

    /// A full collection as if the caller had dropped every reference it
    /// holds to each of `roots` (all references no tracked object holds):
    /// a roots object that nothing in the heap keeps alive is garbage, with
    /// everything only it reaches. An embedder uses it at exit to finalize
    /// a finished program's globals in collection order, as CPython does
    /// when `__main__` becomes garbage. The caller keeps its references, so
    /// the roots outlive the collection (cleared if they were garbage).
    ///
    /// # Safety
    ///
    /// Each root is alive; references to it that no tracked object's
    /// `traverse` reports stay held, unchanged, until the call returns.
    ///
    /// # Errors
    ///
    /// As [`collect`](Collector::collect).
    pub unsafe fn collect_releasing(
        &self,
        roots: &[NonNull<T>],
        out: &mut dyn Write,
    ) -> Result<CollectionRecord, CollectError> {
        if self.collecting.get() {
            return Err(CollectError::AlreadyCollecting);
        }
        let mut addrs: Vec<usize> = roots.iter().map(|r| r.as_ptr() as usize).collect();
        addrs.sort_unstable();
        addrs.dedup();
        let mut heap_refs = vec![0usize; addrs.len()];
        let mut visitor = Visitor::new(Action::CountReferences {
            targets: &addrs,
            counts: &mut heap_refs,
        });
        for g in Generation::ALL {
            let count = |h: HeaderRef| {
                // SAFETY: GC-2 — `h` heads a tracked, live object.
                unsafe { h.object::<T>().as_ref() }.traverse(&mut visitor);
            };
            // SAFETY: an initialised generation head; traverse is OBJ-4-pure.
            unsafe { list::for_each(self.lists.generation(g), count) };
        }
        let released: Vec<Released> = addrs
            .iter()
            .zip(&heap_refs)
            .map(|(&a, &heap)| {
                // SAFETY: the caller guarantees each root is alive.
                let rc = unsafe { NonNull::new_unchecked(a as *mut T).as_ref() }.refcount();
                (a, rc.saturating_sub(heap))
            })
            .collect();
        self.collect_inner(Generation::Old, out, &released)
    }

    fn collect_inner(
        &self,
        generation: Generation,
        out: &mut dyn Write,
        released: &[Released],
    ) -> Result<CollectionRecord, CollectError> {
        if self.collecting.replace(true) {
            return Err(CollectError::AlreadyCollecting);
        }
        let _collecting = CollectingGuard(&self.collecting);
        let start = CollectionInfo {
            generation,
            collected: 0,
            uncollectable: 0,
        };
        self.invoke_callbacks(Phase::Start, start);
        let record = {
            let _abort = AbortOnUnwind;
            // SAFETY: `collecting` was false, so no collection is running and
            // every tracked header is in one of the four lists, without
            // collecting or unreachable flags (GC-4, GC-5).
            unsafe { self.collect_main(generation, out, released) }
        };
        self.stats.borrow_mut().add(record);
        let stop = CollectionInfo {
            generation,
            collected: record.collected,
            uncollectable: record.uncollectable,
        };
        self.invoke_callbacks(Phase::Stop, stop);
        Ok(record)
    }

    /// Run the collection that is due, if any (CPython's
    /// `gc_collect_generations`); the caller's safe point calls this after
    /// [`note_allocation`](Collector::note_allocation) returned true.
    pub fn collect_if_due(&self) -> Option<CollectionRecord> {
        let generation = self.collection_due()?;
        self.collect(generation).ok()
    }

    /// The collection proper. Each step names the pass and the post-condition
    /// the next one relies on.
    ///
    /// # Safety
    ///
    /// No collection is running (GC-4, GC-5 hold with no flags set).
    unsafe fn collect_main(
        &self,
        generation: Generation,
        out: &mut dyn Write,
        released: &[Released],
    ) -> CollectionRecord {
        let started = Instant::now();
        let flags = self.debug.get();
        if flags.contains(DebugFlags::STATS) {
            // SAFETY: no collection is running, the lists are initialised.
            let (sizes, permanent) = unsafe { self.list_sizes() };
            debug::write_collecting(out, generation.index(), sizes, permanent);
        }
        self.trigger.on_collection(generation);

        // 1. Merge the younger generations into the one collected.
        let young = self.lists.generation(generation);
        let old = self.lists.generation(generation.older());
        for g in &Generation::ALL[..generation.index()] {
            // SAFETY: distinct initialised generation heads.
            unsafe { list::merge(self.lists.generation(*g), young) };
        }

        // 2–4. gc_refs = refcount; subtract internal references; move what is
        // not reachable from outside to `unreachable`, untracking on the way
        // the survivors that can never be in a cycle.
        let unreachable = pin!(GcHeader::new());
        // SAFETY: HR — pinned on this frame; emptied by step 7b.
        let unreachable = unsafe { HeaderRef::new(NonNull::from(&*unreachable)) };
        list::init(unreachable);
        let untrack = Survivors::Untrack {
            full: generation == Generation::Old,
        };
        // SAFETY: `young` holds only flag-free objects (no collection runs).
        let (visited, survivors) =
            unsafe { deduce_unreachable::<T>(young, unreachable, released, untrack) };

        // Survivors: promote them (only OBJ-4 code has run so far).
        if young != old {
            if generation == Generation::Middle {
                self.trigger.add_long_lived_pending(survivors);
            }
            // SAFETY: distinct initialised generation heads.
            unsafe { list::merge(young, old) };
        } else {
            self.trigger.set_long_lived_total(survivors);
        }

        // 5. Legacy finalizers, and all they reach, are uncollectable.
        let finalizers = pin!(GcHeader::new());
        // SAFETY: HR — pinned on this frame; emptied by step 8b.
        let finalizers = unsafe { HeaderRef::new(NonNull::from(&*finalizers)) };
        list::init(finalizers);
        // SAFETY: `unreachable` comes from move_unreachable; `finalizers` is
        // an initialised empty head.
        unsafe { move_legacy_finalizers::<T>(unreachable, finalizers) };
        // SAFETY: `finalizers` as left by move_legacy_finalizers.
        unsafe { move_legacy_finalizer_reachable::<T>(finalizers) };
        if flags.contains(DebugFlags::COLLECTABLE) {
            // SAFETY: `unreachable` is an ordinary list after pass 5.
            unsafe { self.write_cycles(out, "collectable", unreachable) };
        }

        // 6. Weak references to garbage cleared; callbacks of live ones run.
        // SAFETY: `unreachable` is an ordinary list of collecting objects.
        let mut collected = unsafe { handle_weakrefs::<T>(unreachable) };

        // 7. Finalizers run once each; then what they resurrected survives.
        let final_unreachable = pin!(GcHeader::new());
        // SAFETY: HR — pinned on this frame; emptied by step 8.
        let final_unreachable = unsafe { HeaderRef::new(NonNull::from(&*final_unreachable)) };
        list::init(final_unreachable);
        // SAFETY: `unreachable` is an initialised ordinary list on this frame.
        let counted = unsafe { finalize_garbage::<T>(unreachable) };
        let garbage = match counted {
            Some(n) => {
                // No finalizer was called: nothing can have been resurrected
                // (see handle_resurrected_objects), and the list is as
                // finalize_garbage counted it.
                // SAFETY: distinct initialised heads outside the gc_refs window.
                unsafe { list::merge(unreachable, final_unreachable) };
                n
            }
            None => {
                // SAFETY: as left by finalize_garbage; `final_unreachable` is
                // an initialised empty head; `old` a generation head.
                unsafe {
                    handle_resurrected_objects::<T>(unreachable, final_unreachable, old, released)
                };
                // SAFETY: an ordinary list of collecting objects.
                unsafe { count_garbage::<T>(final_unreachable) }
            }
        };

        // 8. Clear the garbage (or save it all); refcounting frees it.
        collected += garbage;
        let save_all = flags.contains(DebugFlags::SAVEALL);
        // SAFETY: as above.
        unsafe { delete_garbage::<T>(final_unreachable, old, save_all, &self.garbage) };

        // 8b. Report the uncollectable and hand them to the garbage list.
        // SAFETY: `finalizers` is an ordinary list.
        let uncollectable = unsafe { list::len(finalizers) };
        if flags.contains(DebugFlags::UNCOLLECTABLE) {
            // SAFETY: as above.
            unsafe { self.write_cycles(out, "uncollectable", finalizers) };
        }
        if flags.contains(DebugFlags::STATS) {
            let secs = started.elapsed().as_secs_f64();
            debug::write_done(out, collected + uncollectable, uncollectable, secs);
        }
        // SAFETY: `finalizers` is an ordinary list; `old` a generation head.
        unsafe { handle_legacy_finalizers::<T>(finalizers, old, save_all, &self.garbage) };

        debug_assert!(list::is_empty(unreachable) && list::is_empty(final_unreachable));
        debug_assert!(list::is_empty(finalizers));
        // 9. Survivors were promoted above; the caller records the stats.
        CollectionRecord {
            generation,
            collected,
            uncollectable,
            visited,
            duration: started.elapsed(),
        }
    }

    /// Sizes of generations 0–2 and of the permanent generation; O(n).
    ///
    /// # Safety
    ///
    /// Outside the gc_refs window (the walks follow next links only, so this
    /// holds whenever object-model code can call in).
    pub(crate) unsafe fn list_sizes(&self) -> ([usize; NUM_GENERATIONS], usize) {
        // SAFETY: each is an initialised head (GC-1), walked by next links.
        let sizes = self.lists.all().map(|head| unsafe { list::len(head) });
        ([sizes[0], sizes[1], sizes[2]], sizes[3])
    }

    /// One `gc: <msg> <type address>` line per object of `list`.
    ///
    /// # Safety
    ///
    /// `list` is an initialised ordinary list.
    unsafe fn write_cycles(&self, out: &mut dyn Write, msg: &str, list: HeaderRef) {
        // SAFETY: the caller's guarantee.
        let owned = unsafe { uncounted_referents::<T>(list) };
        let write = |h: HeaderRef| {
            // SAFETY: GC-2 — `h` heads a live object of `list`.
            let op = unsafe { h.object::<T>() };
            if owned.binary_search(&(op.as_ptr() as usize)).is_ok() {
                return; // not an object of its own (uncounted_referent)
            }
            // SAFETY: as above.
            let name = unsafe { op.as_ref() }.type_name();
            debug::write_cycle(out, msg, name, op)
        };
        // SAFETY: the caller's guarantee; `write` runs no object code but the
        // OBJ-4-pure type_name, so the list is unchanged during the walk.
        unsafe { list::for_each(list, write) };
    }
}

/// Addresses of the uncounted referents (`GcObject::uncounted_referent`) of
/// the objects of `list`, sorted.
///
/// # Safety
///
/// `list` is an initialised ordinary list.
pub(crate) unsafe fn uncounted_referents<T: GcObject>(list: HeaderRef) -> Vec<usize> {
    let mut owned = Vec::new();
    let note = |h: HeaderRef| {
        // SAFETY: GC-2 — `h` heads a live object of `list`.
        if let Some(r) = unsafe { h.object::<T>().as_ref() }.uncounted_referent() {
            owned.push(r.as_ptr() as usize);
        }
    };
    // SAFETY: the caller's guarantee; `note` is OBJ-4-pure.
    unsafe { list::for_each(list, note) };
    owned.sort_unstable();
    owned
}
