//! The O(n) invariant checker: walks every list and pool and verifies the
//! invariants stated in `pool.rs` (POOL-*), `arena.rs` (ARENA-*), `raw.rs`
//! (RAW-1) and `stats.rs` (STATS-1, STATS-2). Tests call it after every operation.

use crate::allocator::Allocator;
use crate::arena::NONE;
use crate::geometry::{Geometry, POOL_HEADER_SIZE};
use crate::pool::{ArenaHeader, PoolHeader};
use core::fmt;
use std::collections::{HashMap, HashSet};

/// A broken invariant: its id and what was seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvariantViolation {
    /// The invariant's id, e.g. "POOL-2".
    pub id: &'static str,
    /// What was found.
    pub detail: String,
}

impl fmt::Display for InvariantViolation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} violated: {}", self.id, self.detail)
    }
}

impl std::error::Error for InvariantViolation {}

fn ensure(
    ok: bool,
    id: &'static str,
    detail: impl FnOnce() -> String,
) -> Result<(), InvariantViolation> {
    if ok {
        Ok(())
    } else {
        Err(InvariantViolation {
            id,
            detail: detail(),
        })
    }
}

impl<G: Geometry> Allocator<G> {
    /// Verifies every invariant of the allocator. O(arenas + pools + free blocks).
    ///
    /// # Errors
    /// The first violated invariant, with its id.
    pub fn check_invariants(&self) -> Result<(), InvariantViolation> {
        let used = self.check_used_lists()?;
        self.check_arenas(&used)?;
        self.check_usable_list()?;
        let s = self.stats();
        ensure(
            s.bytes_in_use == s.bytes_in_allocated_blocks + s.raw_bytes
                && s.peak_bytes_in_use >= s.bytes_in_use,
            "STATS-2",
            || {
                format!(
                    "bytes in use {} (peak {}) != {} in blocks + {} raw",
                    s.bytes_in_use, s.peak_bytes_in_use, s.bytes_in_allocated_blocks, s.raw_bytes
                )
            },
        )?;
        ensure(
            s.breakdown_total() == s.arenas_current * G::ARENA_SIZE,
            "STATS-1",
            || {
                format!(
                    "breakdown {} != {} arenas",
                    s.breakdown_total(),
                    s.arenas_current
                )
            },
        )
    }

    /// Which arena holds the pool header `pool`, if it is the header of a
    /// carved pool of a mapped arena.
    fn arena_of(&self, pool: usize) -> Option<u32> {
        self.arenas
            .slots
            .iter()
            .position(|a| {
                a.map.is_some()
                    && pool >= a.base.addr() + POOL_HEADER_SIZE
                    && pool <= a.base.addr() + a.carved as usize * POOL_HEADER_SIZE
                    && (pool - a.base.addr()).is_multiple_of(POOL_HEADER_SIZE)
            })
            .map(|i| i as u32)
    }

    /// POOL-4, POOL-6: walks the used lists; returns the used pools with
    /// their class.
    fn check_used_lists(&self) -> Result<HashMap<usize, usize>, InvariantViolation> {
        let mut used = HashMap::new();
        for (class, &head) in self.used_pools.iter().enumerate() {
            ensure(class < G::SIZE_CLASSES || head.is_null(), "POOL-6", || {
                format!("list for nonexistent class {class}")
            })?;
            let mut prev: *mut PoolHeader = core::ptr::null_mut();
            let mut pool = head;
            while !pool.is_null() {
                let arena = self.arena_of(pool as usize);
                ensure(arena.is_some(), "POOL-1", || {
                    format!("used pool {pool:p} is not a carved pool of a mapped arena")
                })?;
                ensure(
                    used.insert(pool as usize, class).is_none(),
                    "POOL-6",
                    || format!("pool {pool:p} twice on the used lists"),
                )?;
                // SAFETY: `arena_of` found it in the carved part of a mapped arena.
                let p = unsafe { &*pool };
                ensure(p.prev_pool == prev, "POOL-6", || {
                    format!("pool {pool:p}: prev {:p}, expected {prev:p}", p.prev_pool)
                })?;
                ensure(p.size_class as usize == class, "POOL-4", || {
                    format!("pool {pool:p} of class {} on list {class}", p.size_class)
                })?;
                ensure(p.count > 0 && !p.freeblock.is_null(), "POOL-4", || {
                    format!(
                        "used pool {pool:p}: count {}, freeblock {:p}",
                        p.count, p.freeblock
                    )
                })?;
                prev = pool;
                pool = p.next_pool;
            }
            ensure(self.used_tails[class] == prev, "POOL-6", || {
                format!(
                    "class {class}: tail {:p}, last pool {prev:p}",
                    self.used_tails[class]
                )
            })?;
        }
        Ok(used)
    }

    /// ARENA-1, ARENA-4, ARENA-5, POOL-2, POOL-3, POOL-4, POOL-5, RAW-1.
    fn check_arenas(&self, used: &HashMap<usize, usize>) -> Result<(), InvariantViolation> {
        let t = &self.arenas;
        let mut mapped = 0;
        let mut entirely_free = Vec::new();
        for (index, a) in t.slots.iter().enumerate() {
            if a.map.is_none() {
                continue;
            }
            mapped += 1;
            let carved = a.carved as usize;
            ensure(carved <= G::USABLE_POOLS, "ARENA-1", || {
                format!(
                    "arena {index}: {carved} pools carved of {}",
                    G::USABLE_POOLS
                )
            })?;
            let start = a.map.as_ref().map_or(0, |m| m.as_ptr().addr());
            let base = a.base.addr();
            ensure(
                base.is_multiple_of(G::ARENA_SIZE)
                    && base >= start
                    && base + G::ARENA_SIZE <= start + 2 * G::ARENA_SIZE,
                "ARENA-0",
                || format!("arena {index}: base {base:#x}, map at {start:#x}"),
            )?;
            // SAFETY: slot 0 of a mapped arena's header pool is its arena header.
            let named = unsafe { (*a.base.cast::<ArenaHeader>()).arena_index };
            ensure(named == index as u32, "ARENA-0", || {
                format!("arena {index}: header names arena {named}")
            })?;
            // POOL-5: the free-pool list.
            let mut empty = HashSet::new();
            let mut pool = a.free_pool_list;
            while !pool.is_null() {
                ensure(
                    self.arena_of(pool as usize) == Some(index as u32),
                    "POOL-5",
                    || format!("arena {index}: free pool {pool:p} not carved here"),
                )?;
                ensure(empty.insert(pool as usize), "POOL-5", || {
                    format!("arena {index}: free pool {pool:p} listed twice")
                })?;
                // SAFETY: carved pool of a mapped arena (checked just above).
                let p = unsafe { &*pool };
                ensure(p.count == 0, "POOL-5", || {
                    format!("free pool {pool:p} has {} blocks in use", p.count)
                })?;
                pool = p.next_pool;
            }
            ensure(
                a.free_pools as usize == empty.len() + (G::USABLE_POOLS - carved),
                "ARENA-1",
                || {
                    format!(
                        "arena {index}: free_pools {} != {} empty + {} uncarved",
                        a.free_pools,
                        empty.len(),
                        G::USABLE_POOLS - carved
                    )
                },
            )?;
            if a.free_pools as usize == G::USABLE_POOLS {
                entirely_free.push(index as u32);
            }
            // Every carved pool.
            for pool_index in 1..=carved {
                let header = PoolHeader::of_pool(a.base, pool_index);
                // SAFETY: header of a carved pool of a mapped arena.
                let p = unsafe { &*header };
                if p.count == 0 {
                    ensure(empty.contains(&(header as usize)), "POOL-5", || {
                        format!("empty pool {header:p} not on its arena's free list")
                    })?;
                    continue;
                }
                self.check_pool(header, p, used)?;
            }
        }
        ensure(entirely_free.len() <= 1, "ARENA-4", || {
            format!(
                "{} arenas entirely free: {entirely_free:?}",
                entirely_free.len()
            )
        })?;
        ensure(
            entirely_free.first().copied().unwrap_or(NONE) == t.spare,
            "ARENA-4",
            || format!("spare is {}, entirely free {entirely_free:?}", t.spare),
        )?;
        ensure(mapped == t.current, "ARENA-5", || {
            format!("{mapped} arenas mapped, current says {}", t.current)
        })?;
        ensure(t.highwater >= t.current, "ARENA-5", || {
            format!("highwater {} < current {}", t.highwater, t.current)
        })?;
        let mut slot = t.unused;
        let mut unused = 0;
        while slot != NONE {
            let a = &t.slots[slot as usize];
            ensure(a.map.is_none(), "ARENA-5", || {
                format!("unused slot {slot} is mapped")
            })?;
            unused += 1;
            ensure(unused <= t.slots.len(), "ARENA-5", || {
                "unused list loops".into()
            })?;
            slot = a.next;
        }
        ensure(unused + mapped == t.slots.len(), "ARENA-5", || {
            format!(
                "{unused} unused + {mapped} mapped != {} slots",
                t.slots.len()
            )
        })?;
        ensure(self.raw.blocks > 0 || self.raw.bytes == 0, "RAW-1", || {
            format!(
                "{} raw blocks, {} raw bytes",
                self.raw.blocks, self.raw.bytes
            )
        })
    }

    /// POOL-1, POOL-2, POOL-3, POOL-4 for one pool with blocks in use.
    fn check_pool(
        &self,
        header: *mut PoolHeader,
        p: &PoolHeader,
        used: &HashMap<usize, usize>,
    ) -> Result<(), InvariantViolation> {
        let pool_base = PoolHeader::base::<G>(header);
        let addr = pool_base.addr();
        let class = p.size_class as usize;
        ensure(class < G::SIZE_CLASSES, "POOL-2", || {
            format!("pool {addr:#x} has class {class}")
        })?;
        ensure(
            PoolHeader::of_block::<G>(pool_base) == header,
            "POOL-1",
            || format!("pool {addr:#x} does not map back to header {header:p}"),
        )?;
        let size = G::class_size(class);
        let mut free = HashSet::new();
        let mut block = p.freeblock;
        while !block.is_null() {
            let offset = (block as usize).wrapping_sub(addr);
            ensure(
                offset < p.next_offset as usize && offset.is_multiple_of(size),
                "POOL-3",
                || format!("pool {addr:#x}: free block at offset {offset}"),
            )?;
            ensure(free.insert(offset), "POOL-3", || {
                format!("pool {addr:#x}: block at offset {offset} free twice")
            })?;
            // SAFETY: a block of this pool, checked in bounds just above.
            block = unsafe { *(block as *const *mut u8) };
        }
        let virgin = p.virgin_blocks::<G>();
        ensure(
            p.count as usize + free.len() + virgin == G::blocks_per_pool(class),
            "POOL-2",
            || {
                format!(
                    "pool {addr:#x}: {} in use + {} free + {virgin} virgin != {}",
                    p.count,
                    free.len(),
                    G::blocks_per_pool(class)
                )
            },
        )?;
        let on_list = used.get(&(header as usize)) == Some(&class);
        ensure(on_list != p.freeblock.is_null(), "POOL-4", || {
            format!(
                "pool {addr:#x}: on used list {on_list}, freeblock {:p}",
                p.freeblock
            )
        })
    }

    /// ARENA-2, ARENA-3: the usable list and the group table.
    fn check_usable_list(&self) -> Result<(), InvariantViolation> {
        let t = &self.arenas;
        let mut last_of = vec![NONE; G::POOLS_PER_ARENA + 1];
        let mut seen = HashSet::new();
        let (mut prev, mut index, mut prev_free) = (NONE, t.usable, 0u32);
        while index != NONE {
            ensure(seen.insert(index), "ARENA-2", || {
                format!("arena {index} listed twice")
            })?;
            let a = &t.slots[index as usize];
            ensure(a.map.is_some() && a.free_pools > 0, "ARENA-2", || {
                format!("arena {index} usable with {} free pools", a.free_pools)
            })?;
            ensure(a.prev == prev, "ARENA-2", || {
                format!("arena {index}: prev {}, expected {prev}", a.prev)
            })?;
            ensure(a.free_pools >= prev_free, "ARENA-2", || {
                format!(
                    "arena {index} ({} free) after one with {prev_free}",
                    a.free_pools
                )
            })?;
            last_of[a.free_pools as usize] = index;
            prev_free = a.free_pools;
            prev = index;
            index = a.next;
        }
        let expected = t
            .slots
            .iter()
            .filter(|a| a.map.is_some() && a.free_pools > 0)
            .count();
        ensure(seen.len() == expected, "ARENA-2", || {
            format!(
                "{} usable arenas listed, {expected} have free pools",
                seen.len()
            )
        })?;
        ensure(last_of == t.nfp_last, "ARENA-3", || {
            let wrong: Vec<String> = (0..last_of.len())
                .filter(|&n| last_of[n] != t.nfp_last[n])
                .map(|n| format!("nfp_last[{n}] = {}, expected {}", t.nfp_last[n], last_of[n]))
                .collect();
            wrong.join("; ")
        })
    }
}
