//! The observer hook: allocation and free events, for profilers.
//!
//! An observer sees every allocation and free made through the allocator's
//! API, with the pointer the caller got and the size it asked for. When no
//! observer (and no debug mode) is set, the fast paths pay one predictable
//! branch on `Allocator::hooks` and nothing else.

use core::ptr::NonNull;

/// Which domain served a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Domain {
    /// A pool block (a small request).
    Small,
    /// The system allocator (a large or over-aligned request).
    Raw,
}

/// Receives allocation events. Realloc is reported as a free of the old
/// block followed by an allocation of the new one (even when in place).
pub trait AllocObserver {
    /// `size` bytes were handed out at `ptr`.
    fn on_alloc(&mut self, ptr: NonNull<u8>, size: usize, domain: Domain);
    /// The block at `ptr`, of `size` requested bytes, was given back.
    fn on_free(&mut self, ptr: NonNull<u8>, size: usize, domain: Domain);
}
