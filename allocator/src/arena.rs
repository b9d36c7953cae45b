//! Arenas: `ARENA_SIZE`-aligned regions of anonymous maps, carved into pools,
//! and the table that keeps the usable ones ordered, fullest first.
//!
//! An arena's first pool is its header pool (the headers of its other pools,
//! see `pool.rs`); the other `USABLE_POOLS` serve blocks. To get an aligned
//! arena, `2 × ARENA_SIZE` bytes are mapped and the aligned half used; the
//! rest is never touched, so it costs address space, not memory.
//!
//! ```text
//!  usable_arenas (sorted by free_pools, ascending)        nfp_last[n]: last arena
//!  head ─► [A: 1 free] ⇄ [B: 3 free] ⇄ [C: 3 free] ⇄ [D: 64 free, spare]
//!                                       ▲ nfp_last[3]      ▲ nfp_last[64]
//! ```
//!
//! New pools come from the head, the fullest arena, so allocation packs into
//! few arenas and the emptiest ones can drain and be unmapped. `nfp_last`
//! makes re-sorting after a pool is freed constant-time: an arena whose free
//! count grows from n to n+1 moves to just after the last arena with n.
//!
//! Invariants (checked by `check_invariants`, cited by id):
//! - **ARENA-0** A mapped arena's `base` is ARENA_SIZE-aligned, inside its
//!   map, and its header pool's slot 0 names the arena's index.
//! - **ARENA-1** `free_pools == |free_pool list| + uncarved pools`, and
//!   `carved <= USABLE_POOLS`.
//! - **ARENA-2** `usable_arenas` holds exactly the mapped arenas with
//!   `free_pools > 0`, doubly linked (`a.next.prev == a`), sorted by
//!   `free_pools` ascending.
//! - **ARENA-3** `nfp_last[n]` is the last arena of `usable_arenas` with
//!   `free_pools == n`, or NONE if there is none.
//! - **ARENA-4** At most one mapped arena has every pool free: the spare.
//!   Any other arena that becomes entirely free is unmapped at once.
//! - **ARENA-5** Unmapped slots of the table are on the `unused` list and hold
//!   no map; `current` counts the mapped ones.

use crate::error::AllocError;
use crate::geometry::Geometry;
use crate::pool::{ArenaHeader, PoolHeader};
use core::marker::PhantomData;
use core::ptr;
use memmap2::MmapMut;

/// "No arena": the null index of the arena lists.
pub(crate) const NONE: u32 = u32::MAX;

/// One slot of the arena table.
pub(crate) struct ArenaObject {
    /// The anonymous map, or `None` if this slot is unused (ARENA-5).
    pub(crate) map: Option<MmapMut>,
    /// The arena's ARENA_SIZE-aligned start, inside the map (ARENA-0); a
    /// pointer derived from the map, so every pool and block pointer made
    /// from it keeps the map's provenance. Null while the slot is unused.
    pub(crate) base: *mut u8,
    /// Pools carved so far: pools 1..=carved (pool 0 is the header pool).
    pub(crate) carved: u32,
    /// Pools free in this arena: empty ones plus uncarved ones (ARENA-1).
    pub(crate) free_pools: u32,
    /// Empty pools, linked through `next_pool` (POOL-5).
    pub(crate) free_pool_list: *mut PoolHeader,
    /// Neighbours on `usable_arenas` (ARENA-2), or on the unused-slot list.
    pub(crate) next: u32,
    pub(crate) prev: u32,
}

/// The arena table and its orderings.
pub(crate) struct ArenaTable<G: Geometry> {
    pub(crate) slots: Vec<ArenaObject>,
    /// Head of the usable arenas, fullest first (ARENA-2).
    pub(crate) usable: u32,
    /// `nfp_last[n]`: last usable arena with n free pools (ARENA-3).
    pub(crate) nfp_last: Vec<u32>,
    /// Head of the unused-slot list (ARENA-5).
    pub(crate) unused: u32,
    /// The one arena kept mapped with every pool free, or NONE (ARENA-4).
    pub(crate) spare: u32,
    /// Arenas mapped since the allocator was made.
    pub(crate) allocated_total: u64,
    /// Arenas mapped now.
    pub(crate) current: usize,
    /// Most arenas ever mapped at once.
    pub(crate) highwater: usize,
    _geometry: PhantomData<G>,
}

impl<G: Geometry> ArenaTable<G> {
    pub(crate) fn new() -> Self {
        ArenaTable {
            slots: Vec::new(),
            usable: NONE,
            nfp_last: vec![NONE; G::POOLS_PER_ARENA + 1],
            unused: NONE,
            spare: NONE,
            allocated_total: 0,
            current: 0,
            highwater: 0,
            _geometry: PhantomData,
        }
    }

    /// Maps a new arena and makes it the only usable arena.
    /// Called only when `usable` is empty.
    #[cold]
    #[inline(never)]
    pub(crate) fn new_arena(&mut self) -> Result<u32, AllocError> {
        debug_assert_eq!(self.usable, NONE);
        let mut map = MmapMut::map_anon(2 * G::ARENA_SIZE).map_err(|_| AllocError)?;
        let start = map.as_mut_ptr();
        let offset = start.addr().next_multiple_of(G::ARENA_SIZE) - start.addr();
        // SAFETY: offset < ARENA_SIZE, and 2 × ARENA_SIZE bytes were mapped, so
        // `base` and the ARENA_SIZE bytes after it lie in the map.
        let base = unsafe { start.add(offset) };
        let total_pools = G::USABLE_POOLS as u32;
        let object = ArenaObject {
            map: Some(map),
            base,
            carved: 0,
            free_pools: total_pools,
            free_pool_list: ptr::null_mut(),
            next: NONE,
            prev: NONE,
        };
        let index = if self.unused != NONE {
            let index = self.unused;
            self.unused = self.slots[index as usize].next;
            self.slots[index as usize] = object;
            index
        } else {
            if self.slots.len() >= NONE as usize {
                return Err(AllocError);
            }
            self.slots.push(object);
            (self.slots.len() - 1) as u32
        };
        // SAFETY: `base` is aligned and ARENA_SIZE bytes of the fresh map
        // follow it (2 × ARENA_SIZE were mapped); slot 0 is the arena header.
        unsafe {
            base.cast::<ArenaHeader>()
                .write(ArenaHeader { arena_index: index })
        };
        self.usable = index;
        self.nfp_last[total_pools as usize] = index;
        self.allocated_total += 1;
        self.current += 1;
        self.highwater = self.highwater.max(self.current);
        Ok(index)
    }

    /// Takes one free pool from the head arena (the fullest usable one),
    /// mapping a new arena when none is usable. Returns the pool's header;
    /// the pool is either a cached empty pool (its old header intact) or
    /// freshly carved (`fresh == true`, header not yet written).
    pub(crate) fn take_pool(&mut self) -> Result<(*mut PoolHeader, bool), AllocError> {
        if self.usable == NONE {
            self.new_arena()?;
        }
        let index = self.usable;
        if self.spare == index {
            self.spare = NONE;
        }
        let a = &mut self.slots[index as usize];
        let nf = a.free_pools as usize;
        // The head is the only arena with the fewest free pools... or the last
        // of them: either way it leaves the group of `nf`.
        let (pool, fresh) = if !a.free_pool_list.is_null() {
            let pool = a.free_pool_list;
            // SAFETY: pools on the free-pool list are live headers (POOL-5).
            a.free_pool_list = unsafe { (*pool).next_pool };
            (pool, false)
        } else {
            a.carved += 1;
            (PoolHeader::of_pool(a.base, a.carved as usize), true)
        };
        a.free_pools -= 1;
        let next = a.next;
        // Re-sort: the head only gets fuller, so it stays first (ARENA-2).
        if self.nfp_last[nf] == index {
            self.nfp_last[nf] = NONE;
        }
        if nf > 1 {
            // Every other usable arena has >= nf free pools, so the head is
            // now alone in group nf - 1 (ARENA-3).
            self.nfp_last[nf - 1] = index;
        } else {
            // No free pool left: the arena leaves the usable list.
            self.usable = next;
            if next != NONE {
                self.slots[next as usize].prev = NONE;
            }
            let a = &mut self.slots[index as usize];
            a.next = NONE;
            a.prev = NONE;
        }
        Ok((pool, fresh))
    }

    /// Returns an empty pool to its arena, re-sorting the arena in constant
    /// time, and unmapping it if it became entirely free and a spare exists.
    ///
    /// # Safety
    /// `pool` is a carved pool of arena `index` with no block in use, already
    /// unlinked from its used list.
    pub(crate) unsafe fn return_pool(&mut self, pool: *mut PoolHeader, index: u32) {
        let a = &mut self.slots[index as usize];
        // SAFETY: live header of this arena (caller).
        unsafe { (*pool).next_pool = a.free_pool_list };
        a.free_pool_list = pool;
        a.free_pools += 1;
        let nf = a.free_pools as usize;

        if nf == G::USABLE_POOLS && self.spare != NONE {
            // ARENA-4: a spare is already kept; give this arena back.
            self.release_arena(index, nf - 1);
            return;
        }
        if nf == 1 {
            // It was full, hence on no list: it is now the fullest usable arena.
            let head = self.usable;
            let a = &mut self.slots[index as usize];
            a.next = head;
            a.prev = NONE;
            if head != NONE {
                self.slots[head as usize].prev = index;
            }
            self.usable = index;
            if self.nfp_last[1] == NONE {
                self.nfp_last[1] = index;
            }
        } else {
            self.move_after_group(index, nf - 1);
        }
        if nf == G::USABLE_POOLS {
            self.spare = index;
        }
    }

    /// Arena `index` has just gone from `old` to `old + 1` free pools: move it
    /// to the end of its old group, which is the start of its new one.
    fn move_after_group(&mut self, index: u32, old: usize) {
        let last_old = self.nfp_last[old];
        debug_assert_ne!(last_old, NONE, "ARENA-3: arena missing from its group");
        if last_old == index {
            // Already at the boundary: it stays, and its predecessor (if in
            // the same group) becomes the group's last.
            let prev = self.slots[index as usize].prev;
            self.nfp_last[old] =
                if prev != NONE && self.slots[prev as usize].free_pools as usize == old {
                    prev
                } else {
                    NONE
                };
        } else {
            self.unlink(index);
            let after = self.slots[last_old as usize].next;
            {
                let a = &mut self.slots[index as usize];
                a.prev = last_old;
                a.next = after;
            }
            self.slots[last_old as usize].next = index;
            if after != NONE {
                self.slots[after as usize].prev = index;
            }
        }
        if self.nfp_last[old + 1] == NONE {
            self.nfp_last[old + 1] = index;
        }
    }

    /// Takes arena `index` off the usable list (its group bookkeeping is the
    /// caller's).
    fn unlink(&mut self, index: u32) {
        let (prev, next) = {
            let a = &self.slots[index as usize];
            (a.prev, a.next)
        };
        if prev != NONE {
            self.slots[prev as usize].next = next;
        } else {
            self.usable = next;
        }
        if next != NONE {
            self.slots[next as usize].prev = prev;
        }
    }

    /// Unmaps arena `index`, which is entirely free and was in group `old`
    /// of the usable list (or on no list when `old == 0`).
    fn release_arena(&mut self, index: u32, old: usize) {
        if old > 0 {
            if self.nfp_last[old] == index {
                let prev = self.slots[index as usize].prev;
                self.nfp_last[old] =
                    if prev != NONE && self.slots[prev as usize].free_pools as usize == old {
                        prev
                    } else {
                        NONE
                    };
            }
            self.unlink(index);
        }
        let unused = self.unused;
        let a = &mut self.slots[index as usize];
        a.map = None; // unmaps
        a.base = ptr::null_mut();
        a.free_pool_list = ptr::null_mut();
        a.free_pools = 0;
        a.carved = 0;
        a.next = unused;
        a.prev = NONE;
        self.unused = index;
        self.current -= 1;
    }
}
