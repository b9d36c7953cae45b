//! pyrite-gc: a three-generation cycle collector by gc_refs subtraction, for
//! any reference-counted object graph that implements [`GcObject`]. It knows
//! nothing of Python. The algorithm, the states of an object and a worked
//! example are in `gc/README.md`; the structural invariants (`GC-1` …) are
//! stated in `src/header.rs` and the object-model contract (`OBJ-1` …) in
//! [`GcObject`]'s documentation.
#![warn(clippy::undocumented_unsafe_blocks)]
#![deny(missing_docs)]

mod collect;
mod collector;
mod debug;
mod events;
mod freeze;
mod garbage;
mod generation;
mod header;
mod invariants;
mod list;
mod object;
mod query;
mod reachability;
mod stats;
mod trigger;
mod visitor;

pub use collector::Collector;
pub use debug::DebugFlags;
pub use events::{Callback, CallbackId, CollectionInfo, Phase};
pub use generation::{Generation, NUM_GENERATIONS};
pub use header::{header_of, object_of, GcHeader, HEADER_ALIGN, HEADER_SIZE};
pub use invariants::{InvariantViolation, ListId};
pub use object::GcObject;
pub use stats::{CollectError, CollectionRecord, GenerationStats, RECORD_HISTORY};
pub use trigger::DEFAULT_THRESHOLDS;
pub use visitor::Visitor;
