//! Pools: a pool is one `POOL_SIZE` slice of an arena serving blocks of one
//! size class. Its header is not in the pool but in the arena's header pool,
//! beside the headers of the arena's other pools.
//!
//! ```text
//!  arena (ARENA_SIZE, ARENA_SIZE-aligned)
//!  +---------------------------+-----------+-----------+-----+-----------+
//!  | header pool               | pool 1    | pool 2    | ... | pool 63   |
//!  | [arena][h1][h2]...[h63]   | blocks    | blocks    |     | blocks    |
//!  +---------------------------+-----------+-----------+-----+-----------+
//!
//!  pool i (POOL_SIZE bytes)
//!  +---------+---------+-----+----------------+------------------+
//!  | block 0 | block 1 | ... | virgin blocks  | quantization     |
//!  +---------+---------+-----+----------------+------------------+
//!  0                      next_offset    POOL_SIZE - size
//! ```
//!
//! Why not CPython's header at the start of each pool: pools are
//! POOL_SIZE-aligned, so their first bytes all fall in the same few cache
//! sets; with a few hundred pools in play the headers evict each other and a
//! free costs a miss to L3. Packed side by side, 64 headers take 2 KiB of
//! consecutive lines. The allocator benchmark's churn workload measured the
//! difference (see README.md).
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
//! - **empty**: no block in use; on its arena's free-pool list.
//!
//! Invariants (checked by `check_invariants`, cited by id):
//! - **POOL-1** The header of the pool holding block `b` is slot
//!   `(b & ARENA_MASK) >> POOL_BITS` of the header pool at `b & !ARENA_MASK`
//!   (arenas are ARENA_SIZE-aligned, ARENA-0).
//! - **POOL-2** `count + |freeblock list| + virgin blocks == blocks_per_pool(size_class)`.
//! - **POOL-3** Every block on the free list lies in `[0, next_offset)` of its
//!   pool, on a block boundary, at most once.
//! - **POOL-4** A pool is on its class's used list iff `0 < count` and it has a
//!   free or virgin block; then `freeblock` is non-null (a used pool always
//!   has a block ready, so the fast path needs no other test).
//! - **POOL-5** A pool with `count == 0` is on its arena's free-pool list, and
//!   is linked through `next_pool` only.
//! - **POOL-6** Used-pool lists are doubly linked and null-terminated, with
//!   head and tail kept in `Allocator::used_pools` / `used_tails`:
//!   `p.next.prev == p` and `p.prev.next == p`, the head's `prev` is null.

use crate::geometry::{Geometry, POOL_HEADER_SIZE};
use core::ptr;
use static_assertions::const_assert_eq;

/// The header of one pool, in its arena's header pool.
#[repr(C)]
pub(crate) struct PoolHeader {
    /// Head of the free-block list (POOL-3), null when none.
    pub(crate) freeblock: *mut u8,
    /// Next pool on the class's used list or the arena's free-pool list.
    pub(crate) next_pool: *mut PoolHeader,
    /// Previous pool on the class's used list (POOL-6); unused when empty.
    pub(crate) prev_pool: *mut PoolHeader,
    /// Blocks of this pool currently handed out. A full word, not the u16
    /// that would do: the fast paths update it with a read-modify-write, and
    /// a narrower store followed by a wider load of the neighbouring fields
    /// defeats store-to-load forwarding (measured: 10 ns instead of 3 ns per
    /// alloc+free pair).
    pub(crate) count: u32,
    /// Offset in the pool of the first virgin block.
    pub(crate) next_offset: u16,
    /// Size class of the blocks (meaningful while the pool is used or full,
    /// and kept when it empties so that a same-class reuse keeps its list).
    pub(crate) size_class: u8,
    _reserved: u8,
}

const_assert_eq!(core::mem::size_of::<PoolHeader>(), POOL_HEADER_SIZE);

/// Slot 0 of the header pool: what a pool needs to find its arena.
#[repr(C)]
pub(crate) struct ArenaHeader {
    /// Index of the arena in `Allocator::arenas`.
    pub(crate) arena_index: u32,
}

static_assertions::const_assert!(core::mem::size_of::<ArenaHeader>() <= POOL_HEADER_SIZE);

impl PoolHeader {
    /// The header of the pool that holds `block` (POOL-1).
    ///
    /// Pure address arithmetic that keeps `block`'s provenance (the arena's
    /// map); dereferencing the result is only sound if `block` came from a
    /// pool of this allocator.
    #[inline(always)]
    pub(crate) fn of_block<G: Geometry>(block: *mut u8) -> *mut PoolHeader {
        block
            .map_addr(|addr| {
                let slot = (addr & G::ARENA_MASK) >> G::POOL_BITS;
                (addr & !G::ARENA_MASK) + slot * POOL_HEADER_SIZE
            })
            .cast()
    }

    /// The header of pool `index` (1..POOLS_PER_ARENA) of the arena at `arena`.
    #[inline(always)]
    pub(crate) fn of_pool(arena: *mut u8, index: usize) -> *mut PoolHeader {
        arena.wrapping_add(index * POOL_HEADER_SIZE).cast()
    }

    /// The arena header of the arena that holds `header`.
    #[inline(always)]
    pub(crate) fn arena_header<G: Geometry>(header: *mut PoolHeader) -> *mut ArenaHeader {
        header.map_addr(|addr| addr & !G::ARENA_MASK).cast()
    }

    /// The first byte of the pool that `header` describes (inverse of POOL-1).
    #[inline(always)]
    pub(crate) fn base<G: Geometry>(header: *mut PoolHeader) -> *mut u8 {
        header.cast::<u8>().map_addr(|addr| {
            let arena = addr & !G::ARENA_MASK;
            arena + (addr - arena) / POOL_HEADER_SIZE * G::POOL_SIZE
        })
    }

    /// Writes a fresh header for size class `class` and hands out the pool's
    /// first block; the second becomes the free list (POOL-4), so the pool
    /// starts with `count == 1`.
    ///
    /// # Safety
    /// `header` is a pool-header slot of a mapped arena whose pool no live
    /// block occupies.
    pub(crate) unsafe fn init<G: Geometry>(header: *mut PoolHeader, class: usize) -> *mut u8 {
        let size = G::class_size(class);
        let first = Self::base::<G>(header);
        // SAFETY: two blocks fit in a pool (geometry check), so the second
        // block is inside the pool.
        let second = unsafe { first.add(size) };
        // SAFETY: `second` is a whole, unused block of this pool, word-aligned.
        unsafe { (second as *mut *mut u8).write(ptr::null_mut()) };
        // SAFETY: `header` is a writable header slot (caller).
        unsafe {
            header.write(PoolHeader {
                freeblock: second,
                next_pool: ptr::null_mut(),
                prev_pool: ptr::null_mut(),
                count: 1,
                size_class: class as u8,
                _reserved: 0,
                next_offset: (2 * size) as u16,
            })
        };
        first
    }

    /// Largest offset at which a whole block of this pool's class fits.
    #[inline(always)]
    fn max_next_offset<G: Geometry>(&self) -> u16 {
        (G::POOL_SIZE - G::class_size(self.size_class as usize)) as u16
    }

    /// Carves the next virgin block onto the (empty) free list, or leaves the
    /// list empty when the pool has no virgin block left, i.e. is now full.
    /// Cost: one compare, and a store into the carved block.
    ///
    /// Takes the raw header pointer, not `&mut self`: the block address is
    /// derived from it, and must keep the arena map's provenance.
    ///
    /// # Safety
    /// `header` is a live pool header (in its arena's header pool) whose free
    /// list is empty, and no reference to it is live.
    #[inline(always)]
    pub(crate) unsafe fn extend<G: Geometry>(header: *mut PoolHeader) {
        // SAFETY: live header, not aliased (caller).
        let p = unsafe { &mut *header };
        debug_assert!(p.freeblock.is_null(), "POOL-4: extend with a free list");
        if p.next_offset <= p.max_next_offset::<G>() {
            // SAFETY: next_offset <= max_next_offset keeps the block in the pool.
            let block = unsafe { Self::base::<G>(header).add(p.next_offset as usize) };
            p.next_offset += G::class_size(p.size_class as usize) as u16;
            // SAFETY: the virgin block is unused memory of this pool.
            unsafe { (block as *mut *mut u8).write(ptr::null_mut()) };
            p.freeblock = block;
        }
    }

    /// Number of virgin (never carved) blocks left in the pool.
    pub(crate) fn virgin_blocks<G: Geometry>(&self) -> usize {
        let size = G::class_size(self.size_class as usize) as u16;
        let max = self.max_next_offset::<G>();
        if self.next_offset > max {
            0
        } else {
            ((max - self.next_offset) / size + 1) as usize
        }
    }
}
