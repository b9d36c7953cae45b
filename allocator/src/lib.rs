//! pyrite-allocator: a pymalloc-style small-object allocator — arenas, pools
//! and size-class blocks — with statistics, a debug mode and an observer hook.
//!
//! Map of the structures (vocabulary of DESIGN.md):
//! - an **arena** is an `ARENA_SIZE` anonymous map, carved lazily into pools
//!   (`arena.rs`);
//! - a **pool** is a `POOL_SIZE` slice serving blocks of one **size class**,
//!   carved lazily into blocks (`pool.rs`);
//! - a **block** is what a caller gets; requests over the small-request
//!   threshold go to the **raw domain** (`raw.rs`).
//!
//! Sizes come from a [`Geometry`] (`geometry.rs`). See `README.md` for the
//! picture and the invariants.
//!
//! ```
//! use pyrite_allocator::Allocator;
//! let mut a = Allocator::new();
//! let p = a.alloc(24).unwrap();
//! // SAFETY: `p` came from `a.alloc(24)` and is not used afterwards.
//! unsafe { a.free(p, 24) };
//! a.check_invariants().unwrap();
//! ```
#![deny(missing_docs)]
#![warn(clippy::undocumented_unsafe_blocks)]

mod allocator;
mod arena;
mod debug;
mod error;
mod geometry;
mod invariants;
mod observer;
mod pool;
mod raw;
mod stats;

pub use allocator::{Allocator, Mode};
pub use debug::{
    Api, CorruptionKind, CorruptionReport, DamagedByte, CLEAN_BYTE, DEAD_BYTE, FORBIDDEN_BYTE,
};
pub use error::AllocError;
pub use geometry::{CPythonGeometry, Geometry, PyriteGeometry};
pub use invariants::InvariantViolation;
pub use observer::{AllocObserver, Domain};
pub use stats::{ClassStats, Stats};
