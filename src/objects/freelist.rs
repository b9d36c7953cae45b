//! A bounded free list of same-size object blocks (CPython keeps such
//! lists for floats, tuples, lists and dicts): blocks of dead objects kept
//! for reuse instead of going back to the allocator, linked through their
//! first word.
//!
//! **FREELIST-1.** Every block on a list is a block of exactly the size the
//! list's owner allocates (for floats and ints their type's basicsize, no
//! pre-header; for tuples, lists and dicts the whole block, GC header
//! included: TUPLE-2, LIST-2, DICT-7), whose object is dead: nothing references it and its payload has been
//! dropped.
//! Its first word is the link; the rest is garbage. The block is still
//! allocated from the heap's point of view (`sys.getallocatedblocks`
//! counts it, as CPython's does for its free lists). At most `max` blocks
//! are kept, so the memory held is bounded.

use std::cell::Cell;
use std::ptr::NonNull;

use super::object::PyObject;

/// A block on the list: its first word links to the next.
struct FreeBlock {
    next: Option<NonNull<FreeBlock>>,
}

/// A free list (FREELIST-1). Used under GLOBAL-1 (wrapped in `Global`).
pub struct FreeList {
    head: Cell<Option<NonNull<FreeBlock>>>,
    len: Cell<usize>,
    max: usize,
}

impl FreeList {
    /// An empty list keeping at most `max` blocks.
    pub const fn new(max: usize) -> FreeList {
        FreeList {
            head: Cell::new(None),
            len: Cell::new(0),
            max,
        }
    }

    /// Blocks on the list now.
    pub fn len(&self) -> usize {
        self.len.get()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.len.get() == 0
    }

    /// Take a block, if any: uninitialised memory of the owner's object
    /// size, which the caller writes a whole new object into.
    #[inline(always)]
    pub fn pop(&self) -> Option<NonNull<PyObject>> {
        let block = self.head.get()?;
        // SAFETY: FREELIST-1 — a block on the list holds its link in its
        // first word.
        self.head.set(unsafe { block.as_ref() }.next);
        self.len.set(self.len.get() - 1);
        super::heap::note_reused_block(block.cast());
        Some(block.cast())
    }

    /// Keep `obj`'s block; `false` (and nothing done) when the list is
    /// full.
    ///
    /// # Safety
    ///
    /// FREELIST-1: `obj` is dead (refcount zero, payload dropped), its
    /// block has the size this list's owner allocates and no pre-header,
    /// and the caller does not use it again when this returns `true`.
    #[inline(always)]
    pub unsafe fn push(&self, obj: NonNull<PyObject>) -> bool {
        let n = self.len.get();
        if n >= self.max {
            return false;
        }
        let block = obj.cast::<FreeBlock>();
        // SAFETY: the dead object's block (at least a header, two words)
        // is reused as a link (FREELIST-1).
        unsafe {
            block.as_ptr().write(FreeBlock {
                next: self.head.get(),
            })
        };
        self.head.set(Some(block));
        self.len.set(n + 1);
        true
    }
}

const _: () = assert!(std::mem::size_of::<FreeBlock>() <= std::mem::size_of::<PyObject>());
