//! Geometry: the sizes of arenas, pools and size classes, derived in one place.
//!
//! Everything the allocator knows about sizes comes from a [`Geometry`]: three
//! shifts (alignment, pool, arena) and the small-request threshold. The rest is
//! derived here, each constant with its value for the default geometry in a
//! comment, and every relation between them checked at compile time.
//!
//! Two geometries exist so that they can be benchmarked side by side:
//!
//! | geometry            | arena   | pool   | alignment / class step | classes |
//! |---------------------|---------|--------|------------------------|---------|
//! | [`PyriteGeometry`]  | 256 KiB | 4 KiB  | 8 bytes                | 64      |
//! | [`CPythonGeometry`] | 1 MiB   | 16 KiB | 16 bytes               | 32      |

use static_assertions::const_assert;

/// Size of one pool header (see `pool.rs`, where it is checked against the
/// real `PoolHeader`). The headers of an arena's pools sit side by side in
/// the arena's first pool, the header pool.
pub(crate) const POOL_HEADER_SIZE: usize = 32;

/// Largest number of size classes any geometry may have (8-byte steps up to
/// 512 bytes); per-class tables are this long.
pub(crate) const MAX_SIZE_CLASSES: usize = 64;

/// The sizes an allocator is built with. Implemented by marker types; the
/// allocator is generic over it, so both geometries live in one binary.
pub trait Geometry: 'static {
    /// log2 of the alignment, which is also the step between size classes.
    const ALIGNMENT_SHIFT: u32;
    /// log2 of the pool size.
    const POOL_BITS: u32;
    /// log2 of the arena size.
    const ARENA_BITS: u32;
    /// Requests up to this many bytes are served from pools.
    const SMALL_REQUEST_THRESHOLD: usize = 512;
    /// A short name for reports and benchmarks.
    const NAME: &'static str;

    /// Alignment of every block, and the step between size classes.
    const ALIGNMENT: usize = 1 << Self::ALIGNMENT_SHIFT; // 8
    /// Bytes per pool.
    const POOL_SIZE: usize = 1 << Self::POOL_BITS; // 4096
    /// Mask that maps a block address to its pool's address.
    const POOL_MASK: usize = Self::POOL_SIZE - 1; // 0xfff
    /// Bytes per arena.
    const ARENA_SIZE: usize = 1 << Self::ARENA_BITS; // 262_144
    /// Mask that maps a block or pool address to its arena's address.
    const ARENA_MASK: usize = Self::ARENA_SIZE - 1; // 0x3_ffff
    /// Pool-sized slots in an arena: one header pool, then the block pools.
    const POOLS_PER_ARENA: usize = Self::ARENA_SIZE / Self::POOL_SIZE; // 64
    /// Pools of an arena that serve blocks (all but the header pool).
    const USABLE_POOLS: usize = Self::POOLS_PER_ARENA - 1; // 63
    /// Number of size classes: class i serves sizes up to (i + 1) * ALIGNMENT.
    const SIZE_CLASSES: usize = Self::SMALL_REQUEST_THRESHOLD / Self::ALIGNMENT; // 64

    /// The block size of a size class.
    #[inline(always)]
    fn class_size(class: usize) -> usize {
        (class + 1) << Self::ALIGNMENT_SHIFT
    }

    /// The size class serving a request of `size` bytes (1..=threshold).
    /// A request of 0 bytes is served as 1 byte, from class 0.
    #[inline(always)]
    fn size_class(size: usize) -> usize {
        size.saturating_sub(1) >> Self::ALIGNMENT_SHIFT
    }

    /// Blocks that fit in one pool of a size class.
    #[inline(always)]
    fn blocks_per_pool(class: usize) -> usize {
        Self::POOL_SIZE / Self::class_size(class)
    }
}

/// pyrite's default: 256 KiB arenas, 4 KiB pools, 8-byte classes (64 of them).
#[derive(Debug, Clone, Copy, Default)]
pub struct PyriteGeometry;

impl Geometry for PyriteGeometry {
    const ALIGNMENT_SHIFT: u32 = 3;
    const POOL_BITS: u32 = 12;
    const ARENA_BITS: u32 = 18;
    const NAME: &'static str = "256KiB/4KiB/8";
}

/// CPython 3.10+'s geometry: 1 MiB arenas, 16 KiB pools, 16-byte classes (32).
#[derive(Debug, Clone, Copy, Default)]
pub struct CPythonGeometry;

impl Geometry for CPythonGeometry {
    const ALIGNMENT_SHIFT: u32 = 4;
    const POOL_BITS: u32 = 14;
    const ARENA_BITS: u32 = 20;
    const NAME: &'static str = "1MiB/16KiB/16";
}

/// The compile-time checks every geometry must pass.
macro_rules! check_geometry {
    ($g:ty) => {
        // Blocks hold a free-list pointer, so the class step is at least a word.
        const_assert!(<$g>::ALIGNMENT >= core::mem::size_of::<usize>());
        // Pools are whole pages at least, arenas hold at least two pools.
        const_assert!(<$g>::POOL_SIZE >= 4096);
        const_assert!(<$g>::ARENA_BITS > <$g>::POOL_BITS);
        const_assert!(<$g>::ARENA_SIZE % <$g>::POOL_SIZE == 0);
        // The threshold is a whole number of classes, and fits the tables.
        const_assert!(<$g>::SMALL_REQUEST_THRESHOLD % <$g>::ALIGNMENT == 0);
        const_assert!(<$g>::SIZE_CLASSES <= MAX_SIZE_CLASSES);
        // The largest class fits at least two blocks in a pool, so a fresh
        // pool always has a block left after the first (POOL-4).
        const_assert!(<$g>::POOL_SIZE >= 2 * <$g>::SMALL_REQUEST_THRESHOLD);
        // The headers of all of an arena's pools fit in its header pool.
        const_assert!(<$g>::POOLS_PER_ARENA * POOL_HEADER_SIZE <= <$g>::POOL_SIZE);
        // Offsets in a pool fit the u16 bump offset (so do block counts, in
        // the u32 count), and size classes the u8 class of a pool header.
        const_assert!(<$g>::POOL_SIZE <= u16::MAX as usize);
        const_assert!(<$g>::SIZE_CLASSES <= u8::MAX as usize + 1);
    };
}

check_geometry!(PyriteGeometry);
check_geometry!(CPythonGeometry);

// The default geometry is exactly the design card's.
const_assert!(PyriteGeometry::ARENA_SIZE == 256 * 1024);
const_assert!(PyriteGeometry::POOL_SIZE == 4 * 1024);
const_assert!(PyriteGeometry::ALIGNMENT == 8);
const_assert!(PyriteGeometry::SIZE_CLASSES == 64);
const_assert!(PyriteGeometry::POOLS_PER_ARENA == 64);
const_assert!(PyriteGeometry::USABLE_POOLS == 63);
// And the alternative is CPython 3.10+'s.
const_assert!(CPythonGeometry::ARENA_SIZE == 1024 * 1024);
const_assert!(CPythonGeometry::POOL_SIZE == 16 * 1024);
const_assert!(CPythonGeometry::SIZE_CLASSES == 32);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_classes_cover_every_small_size() {
        fn check<G: Geometry>() {
            assert_eq!(G::size_class(0), 0);
            for size in 1..=G::SMALL_REQUEST_THRESHOLD {
                let class = G::size_class(size);
                assert!(class < G::SIZE_CLASSES);
                assert!(G::class_size(class) >= size);
                assert!(class == 0 || G::class_size(class - 1) < size);
            }
        }
        check::<PyriteGeometry>();
        check::<CPythonGeometry>();
    }

    #[test]
    fn blocks_per_pool_use_the_whole_pool() {
        // Headers live in the header pool, so a pool is all blocks (CPython
        // fits 1021 16-byte blocks in a 16 KiB pool after its 48-byte header).
        assert_eq!(CPythonGeometry::blocks_per_pool(0), 1024);
        assert_eq!(PyriteGeometry::blocks_per_pool(0), 512);
        assert_eq!(PyriteGeometry::blocks_per_pool(63), 8);
    }
}
