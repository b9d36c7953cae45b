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

/// Size of the pool header at the start of every pool (see `pool.rs`).
/// Checked against the real `PoolHeader` there.
pub(crate) const POOL_HEADER_SIZE: usize = 48;

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
    /// Pools carved from an arena whose first pool is pool-aligned.
    const POOLS_PER_ARENA: usize = Self::ARENA_SIZE / Self::POOL_SIZE; // 64
    /// Number of size classes: class i serves sizes up to (i + 1) * ALIGNMENT.
    const SIZE_CLASSES: usize = Self::SMALL_REQUEST_THRESHOLD / Self::ALIGNMENT; // 64
    /// Pool header rounded up to the alignment: the first block's offset.
    const POOL_OVERHEAD: usize =
        (POOL_HEADER_SIZE + Self::ALIGNMENT - 1) & !(Self::ALIGNMENT - 1); // 48

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
        (Self::POOL_SIZE - Self::POOL_OVERHEAD) / Self::class_size(class)
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
        // The largest class still fits at least one block in a pool.
        const_assert!(<$g>::POOL_SIZE - <$g>::POOL_OVERHEAD >= <$g>::SMALL_REQUEST_THRESHOLD);
        // Pool offsets fit the u32 fields of the pool header.
        const_assert!(<$g>::POOL_SIZE <= u32::MAX as usize);
        // Pool counts fit the u32 fields of the arena object.
        const_assert!(<$g>::POOLS_PER_ARENA <= u32::MAX as usize);
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
const_assert!(PyriteGeometry::POOL_OVERHEAD == 48);
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
    fn blocks_per_pool_matches_cpython_for_its_geometry() {
        // CPython 3.11: class 0 (16 bytes) has 1021 blocks per 16 KiB pool.
        assert_eq!(CPythonGeometry::blocks_per_pool(0), 1021);
        assert_eq!(PyriteGeometry::blocks_per_pool(0), 506);
        assert_eq!(PyriteGeometry::blocks_per_pool(63), 7);
    }
}
