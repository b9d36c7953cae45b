//! What collections did: per-generation totals (`gc.get_stats()`) and a
//! record of each recent collection, including its duration and the number
//! of objects it examined.

use std::collections::VecDeque;
use std::time::Duration;

use crate::generation::{Generation, NUM_GENERATIONS};
use crate::object::GcObject;
use crate::Collector;

/// How many collection records the collector keeps (oldest dropped first).
pub const RECORD_HISTORY: usize = 256;

/// Running totals for one generation (CPython's `gc.get_stats()` entries).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GenerationStats {
    /// Collections of this generation.
    pub collections: u64,
    /// Objects collected by them.
    pub collected: u64,
    /// Uncollectable objects they found.
    pub uncollectable: u64,
    /// Wall-clock time spent in them, cumulative (beyond CPython).
    pub duration: Duration,
    /// Objects they examined, cumulative (beyond CPython).
    pub visited: u64,
}

/// One collection, as it happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CollectionRecord {
    /// The generation collected (younger ones were merged into it).
    pub generation: Generation,
    /// Objects collected: the unreachable objects cleared (or saved, with
    /// `DEBUG_SAVEALL`) plus weak references freed after their callbacks;
    /// resurrected objects excluded.
    pub collected: usize,
    /// Unreachable objects kept because a legacy finalizer reaches them.
    pub uncollectable: usize,
    /// Objects examined: the size of the candidate set after merging.
    pub visited: usize,
    /// Wall-clock time of the collection passes.
    pub duration: Duration,
}

/// Error from an explicit collection request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CollectError {
    /// A collection is already running (called from a finalizer or callback);
    /// CPython returns 0 in this case.
    AlreadyCollecting,
}

impl core::fmt::Display for CollectError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            CollectError::AlreadyCollecting => f.write_str("a collection is already running"),
        }
    }
}

impl std::error::Error for CollectError {}

/// Totals and history, kept by the collector.
#[derive(Default)]
pub(crate) struct Stats {
    pub(crate) generations: [GenerationStats; NUM_GENERATIONS],
    pub(crate) records: VecDeque<CollectionRecord>,
}

impl Stats {
    /// Account for a finished collection.
    pub(crate) fn add(&mut self, record: CollectionRecord) {
        let g = &mut self.generations[record.generation.index()];
        g.collections += 1;
        g.collected += record.collected as u64;
        g.uncollectable += record.uncollectable as u64;
        g.duration += record.duration;
        g.visited += record.visited as u64;
        if self.records.len() == RECORD_HISTORY {
            self.records.pop_front();
        }
        self.records.push_back(record);
    }
}

/// Statistics queries.
impl<T: GcObject> Collector<T> {
    /// Per-generation totals (`gc.get_stats()`).
    pub fn stats(&self) -> [GenerationStats; NUM_GENERATIONS] {
        self.stats.borrow().generations
    }

    /// The most recent collections, oldest first (at most [`RECORD_HISTORY`]).
    pub fn records(&self) -> Vec<CollectionRecord> {
        self.stats.borrow().records.iter().copied().collect()
    }

    /// The most recent collection, if any.
    pub fn last_record(&self) -> Option<CollectionRecord> {
        self.stats.borrow().records.back().copied()
    }
}
