//! Statistics: a plain struct gathered by walking the arenas, and its two
//! renderings, CPython's `sys._debugmallocstats()` text and JSON.
//!
//! Invariant **STATS-1**: the byte breakdown adds up exactly:
//! `allocated + available + unused pools + pool headers + quantization +
//! arena alignment == arenas_current × ARENA_SIZE`.
//!
//! Invariant **STATS-2**: the allocator's running byte count equals the
//! walk's: `bytes_in_use == bytes_in_allocated_blocks + raw_bytes`, and
//! `peak_bytes_in_use >= bytes_in_use` is the largest value it has had.

use crate::allocator::Allocator;
use crate::geometry::Geometry;
use crate::pool::PoolHeader;
use std::fmt::Write as _;

/// One row of the size-class table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ClassStats {
    /// Size-class index.
    pub class: usize,
    /// Block size of the class.
    pub size: usize,
    /// Pools serving the class (used or full).
    pub pools: usize,
    /// Blocks handed out.
    pub blocks_in_use: usize,
    /// Blocks free in those pools, virgin ones included.
    pub blocks_available: usize,
}

/// A snapshot of the allocator's state.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Stats {
    /// Geometry name, e.g. "256KiB/4KiB/8".
    pub geometry: &'static str,
    /// Bytes per arena.
    pub arena_size: usize,
    /// Bytes per pool.
    pub pool_size: usize,
    /// Largest small request.
    pub small_request_threshold: usize,
    /// One row per size class, empty classes included.
    pub classes: Vec<ClassStats>,
    /// Arenas mapped since the allocator was made.
    pub arenas_allocated_total: u64,
    /// Arenas unmapped since.
    pub arenas_reclaimed: u64,
    /// Most arenas mapped at once.
    pub arenas_highwater: usize,
    /// Arenas mapped now.
    pub arenas_current: usize,
    /// Bytes in blocks handed out (block sizes, not requested sizes).
    pub bytes_in_allocated_blocks: usize,
    /// Bytes in free blocks of used pools.
    pub bytes_in_available_blocks: usize,
    /// Pools free in mapped arenas (empty or never carved).
    pub unused_pools: usize,
    /// Bytes in those pools.
    pub bytes_in_unused_pools: usize,
    /// Bytes taken by the arenas' header pools (pool headers live there).
    pub bytes_lost_to_pool_headers: usize,
    /// Bytes at the end of pools in use too small for a block.
    pub bytes_lost_to_quantization: usize,
    /// Bytes lost to aligning arenas: always 0 here, since arenas are carved
    /// from aligned maps (kept so the table has CPython's lines).
    pub bytes_lost_to_arena_alignment: usize,
    /// Raw-domain blocks alive.
    pub raw_blocks: usize,
    /// Raw-domain bytes alive (requested sizes).
    pub raw_bytes: usize,
    /// Bytes in use, counted on every allocation and free: small blocks'
    /// block sizes plus raw blocks' requested sizes (STATS-2).
    pub bytes_in_use: usize,
    /// The most `bytes_in_use` has been since the allocator was made.
    pub peak_bytes_in_use: usize,
    /// Each mapped arena's start address and the small blocks in use in it
    /// (a profiler can map a block to its arena by masking its address).
    pub arena_usage: Vec<(usize, usize)>,
}

impl Stats {
    /// Blocks in use across all size classes.
    pub fn blocks_in_use(&self) -> usize {
        self.classes.iter().map(|c| c.blocks_in_use).sum()
    }

    /// Sum of the byte breakdown; equals `arenas_current * arena_size` (STATS-1).
    pub fn breakdown_total(&self) -> usize {
        self.bytes_in_allocated_blocks
            + self.bytes_in_available_blocks
            + self.bytes_in_unused_pools
            + self.bytes_lost_to_pool_headers
            + self.bytes_lost_to_quantization
            + self.bytes_lost_to_arena_alignment
    }

    /// The layout of CPython's `sys._debugmallocstats()`, followed by the
    /// raw-domain lines.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let used_classes = self.classes.len();
        let _ = writeln!(
            out,
            "Small block threshold = {}, in {} size classes.\n",
            self.small_request_threshold, used_classes
        );
        out.push_str("class   size   num pools   blocks in use  avail blocks\n");
        out.push_str("-----   ----   ---------   -------------  ------------\n");
        for c in self.classes.iter().filter(|c| c.pools > 0) {
            let _ = writeln!(
                out,
                "{:5} {:6} {:11} {:15} {:13}",
                c.class, c.size, c.pools, c.blocks_in_use, c.blocks_available
            );
        }
        out.push('\n');
        print_one(
            &mut out,
            "# arenas allocated total",
            self.arenas_allocated_total as usize,
        );
        print_one(
            &mut out,
            "# arenas reclaimed",
            self.arenas_reclaimed as usize,
        );
        print_one(&mut out, "# arenas highwater mark", self.arenas_highwater);
        print_one(&mut out, "# arenas allocated current", self.arenas_current);
        print_one(
            &mut out,
            &format!(
                "{} arenas * {} bytes/arena",
                self.arenas_current, self.arena_size
            ),
            self.arenas_current * self.arena_size,
        );
        out.push('\n');
        print_one(
            &mut out,
            "# bytes in allocated blocks",
            self.bytes_in_allocated_blocks,
        );
        print_one(
            &mut out,
            "# bytes in available blocks",
            self.bytes_in_available_blocks,
        );
        print_one(
            &mut out,
            &format!(
                "{} unused pools * {} bytes",
                self.unused_pools, self.pool_size
            ),
            self.bytes_in_unused_pools,
        );
        print_one(
            &mut out,
            "# bytes lost to pool headers",
            self.bytes_lost_to_pool_headers,
        );
        print_one(
            &mut out,
            "# bytes lost to quantization",
            self.bytes_lost_to_quantization,
        );
        print_one(
            &mut out,
            "# bytes lost to arena alignment",
            self.bytes_lost_to_arena_alignment,
        );
        print_one(&mut out, "Total", self.breakdown_total());
        out.push('\n');
        print_one(&mut out, "# raw-domain blocks in use", self.raw_blocks);
        print_one(&mut out, "# raw-domain bytes in use", self.raw_bytes);
        out
    }

    /// The same figures as one JSON object.
    pub fn to_json(&self) -> String {
        let mut out = String::from("{");
        let _ = write!(
            out,
            "\"geometry\":\"{}\",\"arena_size\":{},\"pool_size\":{},\"small_request_threshold\":{},",
            self.geometry, self.arena_size, self.pool_size, self.small_request_threshold
        );
        out.push_str("\"classes\":[");
        for (i, c) in self.classes.iter().filter(|c| c.pools > 0).enumerate() {
            if i > 0 {
                out.push(',');
            }
            let _ = write!(
                out,
                "{{\"class\":{},\"size\":{},\"pools\":{},\"blocks_in_use\":{},\"blocks_available\":{}}}",
                c.class, c.size, c.pools, c.blocks_in_use, c.blocks_available
            );
        }
        out.push_str("],");
        let fields: [(&str, usize); 16] = [
            (
                "arenas_allocated_total",
                self.arenas_allocated_total as usize,
            ),
            ("arenas_reclaimed", self.arenas_reclaimed as usize),
            ("arenas_highwater", self.arenas_highwater),
            ("arenas_current", self.arenas_current),
            ("bytes_in_allocated_blocks", self.bytes_in_allocated_blocks),
            ("bytes_in_available_blocks", self.bytes_in_available_blocks),
            ("unused_pools", self.unused_pools),
            ("bytes_in_unused_pools", self.bytes_in_unused_pools),
            (
                "bytes_lost_to_pool_headers",
                self.bytes_lost_to_pool_headers,
            ),
            (
                "bytes_lost_to_quantization",
                self.bytes_lost_to_quantization,
            ),
            (
                "bytes_lost_to_arena_alignment",
                self.bytes_lost_to_arena_alignment,
            ),
            ("total", self.breakdown_total()),
            ("raw_blocks", self.raw_blocks),
            ("raw_bytes", self.raw_bytes),
            ("bytes_in_use", self.bytes_in_use),
            ("peak_bytes_in_use", self.peak_bytes_in_use),
        ];
        for (i, (name, value)) in fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let _ = write!(out, "\"{name}\":{value}");
        }
        out.push('}');
        out
    }
}

impl Stats {
    /// The peaks, in the table's layout: bytes in use now and at most, and
    /// the arenas' high-water mark (also in bytes).
    pub fn peaks_to_text(&self) -> String {
        let mut out = String::new();
        print_one(&mut out, "# bytes in use now", self.bytes_in_use);
        print_one(&mut out, "# peak bytes in use", self.peak_bytes_in_use);
        print_one(&mut out, "# peak arenas", self.arenas_highwater);
        print_one(
            &mut out,
            "# peak bytes in arenas",
            self.arenas_highwater * self.arena_size,
        );
        out
    }
}

/// CPython's `printone`: the label padded to 35 columns, `=`, and the value
/// with thousands separators right-aligned in 21 columns.
fn print_one(out: &mut String, label: &str, value: usize) {
    let digits = value.to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let _ = writeln!(out, "{label:<35}={grouped:>21}");
}

impl<G: Geometry> Allocator<G> {
    /// Gathers the statistics by walking every mapped arena. O(pools).
    pub fn stats(&self) -> Stats {
        let mut s = Stats {
            geometry: G::NAME,
            arena_size: G::ARENA_SIZE,
            pool_size: G::POOL_SIZE,
            small_request_threshold: G::SMALL_REQUEST_THRESHOLD,
            classes: (0..G::SIZE_CLASSES)
                .map(|class| ClassStats {
                    class,
                    size: G::class_size(class),
                    ..ClassStats::default()
                })
                .collect(),
            arenas_allocated_total: self.arenas.allocated_total,
            arenas_reclaimed: self.arenas.allocated_total - self.arenas.current as u64,
            arenas_highwater: self.arenas.highwater,
            arenas_current: self.arenas.current,
            raw_blocks: self.raw.blocks,
            raw_bytes: self.raw.bytes,
            bytes_in_use: self.bytes_in_use,
            peak_bytes_in_use: self.peak_bytes,
            ..Stats::default()
        };
        for arena in self.arenas.slots.iter().filter(|a| a.map.is_some()) {
            let mut blocks = 0;
            s.unused_pools += arena.free_pools as usize;
            // The header pool holds the headers of all the arena's pools.
            s.bytes_lost_to_pool_headers += G::POOL_SIZE;
            for index in 1..=arena.carved as usize {
                // SAFETY: carved pools of a mapped arena have initialised
                // headers (ARENA-1, POOL-1).
                let pool = unsafe { &*PoolHeader::of_pool(arena.base, index) };
                if pool.count == 0 {
                    continue; // empty: counted in free_pools
                }
                let class = pool.size_class as usize;
                let size = G::class_size(class);
                let row = &mut s.classes[class];
                row.pools += 1;
                row.blocks_in_use += pool.count as usize;
                blocks += pool.count as usize;
                row.blocks_available += G::blocks_per_pool(class) - pool.count as usize;
                s.bytes_lost_to_quantization += G::POOL_SIZE % size;
            }
            s.arena_usage.push((arena.base.addr(), blocks));
        }
        for c in &s.classes {
            s.bytes_in_allocated_blocks += c.blocks_in_use * c.size;
            s.bytes_in_available_blocks += c.blocks_available * c.size;
        }
        s.bytes_in_unused_pools = s.unused_pools * G::POOL_SIZE;
        s
    }

    /// Small blocks in use now (CPython's `sys.getallocatedblocks()` counts
    /// these). O(pools).
    pub fn allocated_blocks(&self) -> usize {
        self.stats().blocks_in_use()
    }
}

#[cfg(test)]
mod tests {
    use super::print_one;

    #[test]
    fn print_one_matches_cpython_layout() {
        let mut s = String::new();
        print_one(&mut s, "# bytes in allocated blocks", 3_493_040);
        print_one(&mut s, "Total", 0);
        assert_eq!(
            s,
            "# bytes in allocated blocks        =            3,493,040\n\
             Total                              =                    0\n"
        );
    }
}
