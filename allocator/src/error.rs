//! The one error an allocation can return: the memory could not be had.

use core::fmt;

/// The system refused memory (an arena map or a raw-domain allocation
/// failed). The interpreter turns it into `MemoryError`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AllocError;

impl fmt::Display for AllocError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("out of memory")
    }
}

impl std::error::Error for AllocError {}
