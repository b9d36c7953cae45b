//! Pools: a pool is one `POOL_SIZE` slice of an arena, serving blocks of one
//! size class. Its header sits in its first bytes.
//!
//! ```text
//!  pool (POOL_SIZE bytes, POOL_SIZE-aligned)
//!  +-------------+---------+---------+---------+-----------------+------+
//!  | PoolHeader  | block 0 | block 1 |   ...   | virgin blocks   | tail |
//!  +-------------+---------+---------+---------+-----------------+------+
//!  0      POOL_OVERHEAD                     next_offset    max_next_offset
//! ```
//!
//! Blocks below `next_offset` have been handed out at least once; a freed one
//! is pushed on `freeblock`, a singly linked list threaded through the first
//! word of each free block. Blocks from `next_offset` on are *virgin*: carved
//! lazily, one at a time, when the free list runs dry.
//!
//! A pool is in exactly one of three states:
//! - **used**: some blocks in use, some free or virgin; on its class's list in
//!   `Allocator::used_pools`;
//! - **full**: every block in use; on no list;
//! - **empty**: no block in use; on its arena's `free_pools` list.
//!
//! Invariants (checked by `check_invariants`, cited by id):
//! - **POOL-1** The header is at the pool's POOL_SIZE-aligned address, so a
//!   block's pool is `block & !POOL_MASK`.
//! - **POOL-2** `count + |freeblock list| + virgin blocks == blocks_per_pool(size_class)`.
//! - **POOL-3** Every block on the free list lies in
//!   `[POOL_OVERHEAD, next_offset)`, on a block boundary, at most once.
//! - **POOL-4** A pool is on its class's used list iff `0 < count` and it has a
//!   free or virgin block; then `freeblock` is non-null (a used pool always
//!   has a block ready, so the fast path needs no other test).
//! - **POOL-5** A pool with `count == 0` is on its arena's free-pool list, and
//!   is linked through `next_pool` only.
//! - **POOL-6** Used-pool lists are doubly linked and null-terminated:
//!   `p.next.prev == p` and `p.prev.next == p`, the head's `prev` is null.

use crate::geometry::{Geometry, POOL_HEADER_SIZE};
use core::ptr;
use static_assertions::const_assert_eq;

/// The header at the start of every carved pool.
#[repr(C)]
pub(crate) struct PoolHeader {
    /// Blocks of this pool currently handed out.
    pub(crate) count: u32,
    /// Size class of the blocks (meaningful while the pool is used or full,
    /// and kept when it empties so that a same-class reuse keeps its list).
    pub(crate) size_class: u32,
    /// Head of the free-block list (POOL-3), null when none.
    pub(crate) freeblock: *mut u8,
    /// Next pool on the class's used list or the arena's free-pool list.
    pub(crate) next_pool: *mut PoolHeader,
    /// Previous pool on the class's used list (POOL-6); unused when empty.
    pub(crate) prev_pool: *mut PoolHeader,
    /// Index of the owning arena in `Allocator::arenas`.
    pub(crate) arena_index: u32,
    /// Offset of the first virgin block.
    pub(crate) next_offset: u32,
    /// Largest offset at which a whole block still fits.
    pub(crate) max_next_offset: u32,
}

const_assert_eq!(core::mem::size_of::<PoolHeader>(), POOL_HEADER_SIZE);

impl PoolHeader {
    /// The pool that holds `block`.
    ///
    /// Pure address arithmetic (POOL-1); dereferencing the result is only
    /// sound if `block` came from a pool of this allocator.
    #[inline(always)]
    pub(crate) fn of_block<G: Geometry>(block: *mut u8) -> *mut PoolHeader {
        (block as usize & !G::POOL_MASK) as *mut PoolHeader
    }

    /// Writes a fresh header for size class `class` at `pool` and hands out
    /// its first block; the second block becomes the free list (POOL-4), so
    /// the pool starts with `count == 1`.
    ///
    /// # Safety
    /// `pool` points to `POOL_SIZE` writable bytes of a mapped arena that no
    /// live block occupies.
    pub(crate) unsafe fn init<G: Geometry>(
        pool: *mut PoolHeader,
        class: usize,
        arena_index: u32,
    ) -> *mut u8 {
        let size = G::class_size(class);
        let base = pool as *mut u8;
        // SAFETY: `pool` is writable and large enough for a header (caller).
        unsafe {
            pool.write(PoolHeader {
                count: 1,
                size_class: class as u32,
                freeblock: ptr::null_mut(),
                next_pool: ptr::null_mut(),
                prev_pool: ptr::null_mut(),
                arena_index,
                next_offset: (G::POOL_OVERHEAD + 2 * size) as u32,
                max_next_offset: (G::POOL_SIZE - size) as u32,
            })
        };
        // SAFETY: the first two blocks lie inside the pool: POOL_OVERHEAD + 2 *
        // 512 <= POOL_SIZE by the geometry checks.
        let (first, second) = unsafe {
            (
                base.add(G::POOL_OVERHEAD),
                base.add(G::POOL_OVERHEAD + size),
            )
        };
        // SAFETY: `second` is a whole free block of this pool, word-aligned.
        unsafe { (second as *mut *mut u8).write(ptr::null_mut()) };
        // SAFETY: header was written just above.
        unsafe { (*pool).freeblock = second };
        first
    }

    /// Carves the next virgin block onto the (empty) free list, or leaves the
    /// list empty when the pool has no virgin block left, i.e. is now full.
    ///
    /// # Safety
    /// `pool` is a live pool header whose free list is empty.
    #[inline]
    pub(crate) unsafe fn extend<G: Geometry>(pool: *mut PoolHeader) {
        // SAFETY: live header (caller).
        let p = unsafe { &mut *pool };
        debug_assert!(p.freeblock.is_null(), "POOL-4: extend with a free list");
        if p.next_offset <= p.max_next_offset {
            // SAFETY: next_offset <= max_next_offset keeps the block in the pool.
            let block = unsafe { (pool as *mut u8).add(p.next_offset as usize) };
            p.next_offset += G::class_size(p.size_class as usize) as u32;
            // SAFETY: the virgin block is unused memory of this pool.
            unsafe { (block as *mut *mut u8).write(ptr::null_mut()) };
            p.freeblock = block;
        }
    }

    /// Number of virgin (never carved) blocks left in the pool.
    pub(crate) fn virgin_blocks<G: Geometry>(&self) -> usize {
        let size = G::class_size(self.size_class as usize) as u32;
        if self.next_offset > self.max_next_offset {
            0
        } else {
            ((self.max_next_offset - self.next_offset) / size + 1) as usize
        }
    }
}
