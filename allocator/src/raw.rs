//! The raw domain: requests too large for pools (over the small-request
//! threshold) or too strictly aligned go to the system allocator, counted.

use crate::error::AllocError;
use core::alloc::{GlobalAlloc, Layout};
use core::ptr::NonNull;
use std::alloc::System;

/// Counters of the raw domain. Invariant **RAW-1**: `blocks` and `bytes`
/// are the number and total requested size of raw blocks not yet freed.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct RawDomain {
    pub(crate) blocks: usize,
    pub(crate) bytes: usize,
}

/// Layouts handed to the system allocator never have size 0.
fn nonzero(layout: Layout) -> Layout {
    if layout.size() == 0 {
        // An align that is a valid Layout's is valid for size 1 too.
        Layout::from_size_align(1, layout.align()).unwrap_or(layout)
    } else {
        layout
    }
}

impl RawDomain {
    #[cold]
    #[inline(never)]
    pub(crate) fn alloc(&mut self, layout: Layout) -> Result<NonNull<u8>, AllocError> {
        // SAFETY: `nonzero` gives a layout of non-zero size.
        let ptr = unsafe { System.alloc(nonzero(layout)) };
        let ptr = NonNull::new(ptr).ok_or(AllocError)?;
        self.blocks += 1;
        self.bytes += layout.size();
        Ok(ptr)
    }

    /// # Safety
    /// `ptr` came from [`RawDomain::alloc`] with this `layout`, and is not used again.
    #[cold]
    #[inline(never)]
    pub(crate) unsafe fn free(&mut self, ptr: NonNull<u8>, layout: Layout) {
        // SAFETY: allocated by System with `nonzero(layout)` (caller).
        unsafe { System.dealloc(ptr.as_ptr(), nonzero(layout)) };
        self.blocks -= 1;
        self.bytes -= layout.size();
    }

    /// # Safety
    /// `ptr` came from [`RawDomain::alloc`] with `layout`; on success it is
    /// replaced by the returned pointer.
    #[cold]
    #[inline(never)]
    pub(crate) unsafe fn realloc(
        &mut self,
        ptr: NonNull<u8>,
        layout: Layout,
        new_size: usize,
    ) -> Result<NonNull<u8>, AllocError> {
        let new =
            nonzero(Layout::from_size_align(new_size, layout.align()).map_err(|_| AllocError)?);
        // SAFETY: allocated by System with `nonzero(layout)`; the new size is
        // non-zero and valid for the alignment (checked just above).
        let ptr = unsafe { System.realloc(ptr.as_ptr(), nonzero(layout), new.size()) };
        let ptr = NonNull::new(ptr).ok_or(AllocError)?;
        self.bytes = self.bytes - layout.size() + new_size;
        Ok(ptr)
    }
}
