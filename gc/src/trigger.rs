//! When a collection is due and of which generation: counts, thresholds,
//! the long-lived 25 % rule, the optional byte trigger, enable / disable.
//!
//! CPython's semantics (3.11 `gc_alloc` / `gc_collect_generations`):
//! - count 0 goes up per tracked allocation and down per free (not below 0);
//! - collecting generation g adds one to count g + 1 and zeroes counts 0..=g;
//! - a collection is due when count 0 exceeds threshold 0; the generation is
//!   the oldest whose count exceeds its threshold, except that generation 2
//!   is skipped while `long_lived_pending < long_lived_total / 4`;
//! - threshold 0 of generation 0 disables automatic collection.
//!
//! The 25 % rule (issue #4074): a full collection scans every long-lived
//! object, so running one every `threshold 2` middle collections makes a
//! program that builds a large live structure quadratic. Waiting until the
//! objects that survived younger collections since the last full one
//! (`long_lived_pending`) are a quarter of those the last full collection
//! found alive (`long_lived_total`) keeps the amortised cost linear.
//!
//! Beyond CPython: with a byte threshold N, a collection is also due once the
//! tracked bytes have grown by at least N since the last collection, so that
//! a program making few, large objects is not ignored.

use core::cell::Cell;

use crate::generation::{Generation, NUM_GENERATIONS};
use crate::object::GcObject;
use crate::Collector;

/// CPython's default thresholds.
pub const DEFAULT_THRESHOLDS: [isize; NUM_GENERATIONS] = [700, 10, 10];

/// Counters and thresholds; all cells, because allocations and frees are
/// noted while a collection runs finalizers.
pub(crate) struct Trigger {
    counts: [Cell<usize>; NUM_GENERATIONS],
    /// Signed, as CPython's: a negative threshold is always exceeded.
    thresholds: [Cell<isize>; NUM_GENERATIONS],
    /// Objects alive after the last full collection.
    long_lived_total: Cell<usize>,
    /// Objects that survived a generation-1 collection since then.
    long_lived_pending: Cell<usize>,
    enabled: Cell<bool>,
    /// Byte threshold; 0 = off.
    byte_threshold: Cell<usize>,
    /// Net tracked bytes allocated since the last collection (may be < 0).
    bytes_since_collection: Cell<i64>,
}

/// Whether `count` is over `threshold` (CPython compares them as ints).
fn exceeds(count: usize, threshold: isize) -> bool {
    isize::try_from(count).map_or(true, |c| c > threshold)
}

impl Trigger {
    pub(crate) fn new() -> Trigger {
        Trigger {
            counts: Default::default(),
            thresholds: DEFAULT_THRESHOLDS.map(Cell::new),
            long_lived_total: Cell::new(0),
            long_lived_pending: Cell::new(0),
            enabled: Cell::new(true),
            byte_threshold: Cell::new(0),
            bytes_since_collection: Cell::new(0),
        }
    }

    /// One tracked allocation of `bytes`.
    pub(crate) fn note_allocation(&self, bytes: usize) {
        self.counts[0].set(self.counts[0].get() + 1);
        let b = self.bytes_since_collection.get();
        self.bytes_since_collection
            .set(b.saturating_add(bytes as i64));
    }

    /// One free of a tracked object of `bytes`.
    pub(crate) fn note_free(&self, bytes: usize) {
        self.counts[0].set(self.counts[0].get().saturating_sub(1));
        let b = self.bytes_since_collection.get();
        self.bytes_since_collection
            .set(b.saturating_sub(bytes as i64));
    }

    /// CPython's `gc_select_generation`: the oldest generation whose count
    /// exceeds its threshold, skipping generation 2 under the 25 % rule.
    pub(crate) fn select(&self) -> Option<Generation> {
        Generation::ALL.into_iter().rev().find(|&g| {
            let i = g.index();
            exceeds(self.counts[i].get(), self.thresholds[i].get())
                && !(g == Generation::Old
                    && self.long_lived_pending.get() < self.long_lived_total.get() / 4)
        })
    }

    /// Which generation an automatic collection should collect now, if any.
    pub(crate) fn due(&self) -> Option<Generation> {
        let threshold0 = self.thresholds[0].get();
        if !self.enabled.get() || threshold0 == 0 {
            return None;
        }
        if exceeds(self.counts[0].get(), threshold0) {
            return self.select();
        }
        let bytes = self.byte_threshold.get();
        if bytes != 0 && self.bytes_since_collection.get() >= bytes as i64 {
            return Some(self.select().unwrap_or(Generation::Young));
        }
        None
    }

    /// Update the counts for a collection of `g` starting.
    pub(crate) fn on_collection(&self, g: Generation) {
        if let Some(next) = self.counts.get(g.index() + 1) {
            next.set(next.get() + 1);
        }
        for count in &self.counts[..=g.index()] {
            count.set(0);
        }
        self.bytes_since_collection.set(0);
    }

    /// `survivors` objects moved from generation 1 to 2.
    pub(crate) fn add_long_lived_pending(&self, survivors: usize) {
        self.long_lived_pending
            .set(self.long_lived_pending.get() + survivors);
    }

    /// A full collection left `survivors` objects in generation 2.
    pub(crate) fn set_long_lived_total(&self, survivors: usize) {
        self.long_lived_pending.set(0);
        self.long_lived_total.set(survivors);
    }

    /// Freezing zeroes count 0 (CPython's `gc_freeze_impl`).
    pub(crate) fn reset_count0(&self) {
        self.counts[0].set(0);
    }
}

/// Triggering: thresholds, counts, enable / disable, the byte trigger.
impl<T: GcObject> Collector<T> {
    /// Note one allocation of a tracked object of `bytes` bytes (header
    /// included): count 0 goes up. Returns whether a collection is now due;
    /// the caller runs it at its next safe point with
    /// [`collect_if_due`](Collector::collect_if_due).
    pub fn note_allocation(&self, bytes: usize) -> bool {
        self.trigger.note_allocation(bytes);
        self.collection_due().is_some()
    }

    /// Note the free of a tracked object of `bytes` bytes: count 0 goes down
    /// (not below zero).
    pub fn note_free(&self, bytes: usize) {
        self.trigger.note_free(bytes);
    }

    /// The generation an automatic collection would collect now, or `None`
    /// when none is due, automatic collection is disabled, or a collection is
    /// running.
    pub fn collection_due(&self) -> Option<Generation> {
        if self.collecting.get() {
            return None;
        }
        self.trigger.due()
    }

    /// The counts of generations 0, 1, 2 (CPython's `gc.get_count()`).
    pub fn counts(&self) -> [usize; NUM_GENERATIONS] {
        self.trigger.counts.each_ref().map(Cell::get)
    }

    /// The thresholds of generations 0, 1, 2 (`gc.get_threshold()`).
    pub fn thresholds(&self) -> [isize; NUM_GENERATIONS] {
        self.trigger.thresholds.each_ref().map(Cell::get)
    }

    /// Set the thresholds (`gc.set_threshold()`); threshold 0 of generation 0
    /// disables automatic collection.
    pub fn set_thresholds(&self, thresholds: [isize; NUM_GENERATIONS]) {
        for (cell, t) in self.trigger.thresholds.iter().zip(thresholds) {
            cell.set(t);
        }
    }

    /// Set the byte threshold: a collection is also due once tracked bytes
    /// have grown by `bytes` since the last collection. 0 turns it off (the
    /// default).
    pub fn set_byte_threshold(&self, bytes: usize) {
        self.trigger.byte_threshold.set(bytes);
    }

    /// The byte threshold (0 = off).
    pub fn byte_threshold(&self) -> usize {
        self.trigger.byte_threshold.get()
    }

    /// Net tracked bytes allocated since the last collection.
    pub fn bytes_since_collection(&self) -> i64 {
        self.trigger.bytes_since_collection.get()
    }

    /// Enable automatic collection (`gc.enable()`).
    pub fn enable(&self) {
        self.trigger.enabled.set(true);
    }

    /// Disable automatic collection (`gc.disable()`); explicit collections
    /// still run.
    pub fn disable(&self) {
        self.trigger.enabled.set(false);
    }

    /// Whether automatic collection is enabled (`gc.isenabled()`).
    pub fn is_enabled(&self) -> bool {
        self.trigger.enabled.get()
    }

    /// Objects alive after the last full collection.
    pub fn long_lived_total(&self) -> usize {
        self.trigger.long_lived_total.get()
    }

    /// Objects promoted into generation 2 since the last full collection.
    pub fn long_lived_pending(&self) -> usize {
        self.trigger.long_lived_pending.get()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trigger(counts: [usize; 3], pending: usize, total: usize) -> Trigger {
        let t = Trigger::new();
        for (c, v) in t.counts.iter().zip(counts) {
            c.set(v);
        }
        t.long_lived_pending.set(pending);
        t.long_lived_total.set(total);
        t
    }

    #[test]
    fn selects_oldest_over_threshold() {
        assert_eq!(trigger([700, 0, 0], 0, 0).due(), None);
        assert_eq!(trigger([701, 0, 0], 0, 0).due(), Some(Generation::Young));
        assert_eq!(trigger([701, 11, 0], 0, 0).due(), Some(Generation::Middle));
        assert_eq!(trigger([701, 11, 11], 0, 0).due(), Some(Generation::Old));
    }

    #[test]
    fn quarter_rule() {
        // 24 < 100 / 4: generation 2 skipped, generation 1 chosen.
        assert_eq!(
            trigger([701, 11, 11], 24, 100).due(),
            Some(Generation::Middle)
        );
        assert_eq!(trigger([701, 11, 11], 25, 100).due(), Some(Generation::Old));
        // Integer division, as in CPython: 101 / 4 == 25.
        assert_eq!(trigger([701, 11, 11], 25, 101).due(), Some(Generation::Old));
        // Generation 2 skipped and generation 1 under threshold: generation 0.
        assert_eq!(trigger([701, 5, 11], 0, 100).due(), Some(Generation::Young));
    }

    #[test]
    fn disabled_and_zero_threshold() {
        let t = trigger([5000, 0, 0], 0, 0);
        t.enabled.set(false);
        assert_eq!(t.due(), None);
        t.enabled.set(true);
        t.thresholds[0].set(0);
        assert_eq!(t.due(), None);
    }

    #[test]
    fn counts_after_collection() {
        let t = trigger([5, 3, 2], 0, 0);
        t.on_collection(Generation::Young);
        assert_eq!(t.counts.each_ref().map(Cell::get), [0, 4, 2]);
        t.on_collection(Generation::Middle);
        assert_eq!(t.counts.each_ref().map(Cell::get), [0, 0, 3]);
        t.on_collection(Generation::Old);
        assert_eq!(t.counts.each_ref().map(Cell::get), [0, 0, 0]);
    }

    #[test]
    fn byte_trigger() {
        let t = Trigger::new();
        t.byte_threshold.set(1000);
        t.note_allocation(600);
        assert_eq!(t.due(), None);
        t.note_allocation(600);
        assert_eq!(t.due(), Some(Generation::Young));
        t.note_free(600);
        assert_eq!(t.due(), None, "net growth is 600 < 1000");
        t.note_allocation(400);
        t.on_collection(Generation::Young);
        assert_eq!(
            t.due(),
            None,
            "growth is measured since the last collection"
        );
    }
}
