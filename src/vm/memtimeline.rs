//! `-X memtimeline=FILE.svg`: samples bytes in use and arenas while the
//! program runs, marks every collection with its generation, and at exit
//! draws the picture (`memtimeline_svg.rs`).
//!
//! Sources:
//! - allocation events (`alloc_events.rs`, the timeline consumer): each
//!   event moves the byte count by its block's size (size-class size for a
//!   small block, the requested size for a raw one) and the live-block count
//!   of the arena the block lies in (its address masked to the arena size);
//! - a Rust-level collection hook (the collector's `add_callback`): at each
//!   collection's stop, the exact figures are read back from the allocator
//!   (`Stats`: bytes in use, blocks per arena), a point and a marker are
//!   recorded, and the event-based counts are re-synchronised (a realloc
//!   that shrinks in place keeps its old size class, so events alone drift).
//!
//! A point is taken every `stride` events, or sooner when bytes moved by
//! more than a sixteenth since the last point.
//!
//! Invariants:
//! - **TIMELINE-1 (bounded).** At most [`MAX_POINTS`] points and
//!   [`MAX_MARKERS`] markers are kept: when the points fill up, each pair
//!   of neighbours is merged into the one with more bytes (peaks survive)
//!   and `stride` doubles; when the markers fill up, every other generation-0
//!   marker is dropped (older generations are rarer and kept), and every
//!   other marker if that was not enough. Per-generation collection counts
//!   stay exact. A long-running program's sampler never grows past these.
//! - **TIMELINE-2 (no re-entry).** The event path keeps its state in Rust
//!   heap structures and never touches the pyrite heap (EVENTS-1); the
//!   state's borrow is never held across a call that may allocate from it.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

use pyrite_allocator::{Domain, Geometry, PyriteGeometry};
use pyrite_gc::Phase;

use crate::objects::global::Global;

/// Most points kept (TIMELINE-1).
pub const MAX_POINTS: usize = 4096;
/// Most collection markers kept (TIMELINE-1).
pub const MAX_MARKERS: usize = 2048;

/// One sample.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// Milliseconds since the sampler started.
    pub ms: f64,
    /// Allocation events seen so far.
    pub event: u64,
    /// Bytes in use.
    pub bytes: u64,
    /// Arenas holding live blocks.
    pub arenas: u32,
}

/// One collection.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Marker {
    /// When it ended, in milliseconds since the sampler started.
    pub ms: f64,
    /// Bytes in use after it.
    pub bytes: u64,
    /// The generation collected.
    pub generation: u8,
    /// Objects it collected.
    pub collected: usize,
    /// How long it took, in milliseconds (it started `pause_ms` before `ms`).
    pub pause_ms: f64,
}

/// Everything the picture needs.
#[derive(Debug, Default, Clone)]
pub struct Timeline {
    /// Samples, in time order.
    pub points: Vec<Point>,
    /// Collections, in time order (thinned, TIMELINE-1).
    pub markers: Vec<Marker>,
    /// Collections per generation (exact).
    pub collections: [u64; 3],
    /// Allocation events seen.
    pub events: u64,
    /// Peak bytes in use (the allocator's own count).
    pub peak_bytes: u64,
    /// Peak arenas mapped (the allocator's high-water mark).
    pub peak_arenas: u32,
    /// Wall time of the whole run, in milliseconds.
    pub total_ms: f64,
    /// What ran (the script's name), for the title.
    pub program: String,
}

/// The sampler's running state.
struct Sampler {
    start: Instant,
    timeline: Timeline,
    bytes: i64,
    /// Live small blocks per arena start address.
    arenas: HashMap<usize, i64>,
    /// Arenas with at least one live block.
    arenas_live: u32,
    stride: u64,
    last_event: u64,
    last_bytes: i64,
    /// Keep one generation-0 marker out of this many (TIMELINE-1).
    gen0_stride: u64,
}

static PATH: Mutex<Option<String>> = Mutex::new(None);
static SAMPLER: Global<RefCell<Option<Sampler>>> = Global::new(RefCell::new(None));

/// `-X memtimeline=FILE`: where to write the picture.
pub fn set_path(path: &str) {
    if let Ok(mut p) = PATH.lock() {
        *p = Some(path.to_string());
    }
}

/// Whether a timeline was asked for.
pub fn wanted() -> bool {
    PATH.lock().is_ok_and(|p| p.is_some())
}

impl Sampler {
    fn now_ms(&self) -> f64 {
        self.start.elapsed().as_secs_f64() * 1e3
    }

    /// Re-read bytes and per-arena blocks from the allocator (outside any
    /// allocator call: TIMELINE-2).
    fn resync(&mut self, stats: &pyrite_allocator::Stats) {
        self.bytes = stats.bytes_in_use as i64;
        self.arenas.clear();
        for &(base, blocks) in &stats.arena_usage {
            if blocks > 0 {
                self.arenas.insert(base, blocks as i64);
            }
        }
        self.arenas_live = self.arenas.len() as u32;
        self.timeline.peak_bytes = stats.peak_bytes_in_use as u64;
        self.timeline.peak_arenas = stats.arenas_highwater as u32;
    }

    fn push_point(&mut self) {
        let point = Point {
            ms: self.now_ms(),
            event: self.timeline.events,
            bytes: self.bytes.max(0) as u64,
            arenas: self.arenas_live,
        };
        self.last_event = self.timeline.events;
        self.last_bytes = self.bytes;
        let points = &mut self.timeline.points;
        points.push(point);
        if points.len() >= MAX_POINTS {
            // TIMELINE-1: merge neighbours, keeping the larger.
            let merged: Vec<Point> = points
                .chunks(2)
                .map(|pair| {
                    // Chunks are never empty.
                    let last = pair[pair.len() - 1];
                    let top = pair
                        .iter()
                        .fold(last, |a, b| if b.bytes > a.bytes { *b } else { a });
                    Point {
                        ms: last.ms,
                        event: last.event,
                        ..top
                    }
                })
                .collect();
            *points = merged;
            self.stride *= 2;
        }
    }

    /// One allocation event (TIMELINE-2: no pyrite heap here).
    fn event(&mut self, alloc: bool, ptr: usize, size: usize, domain: Domain) {
        self.timeline.events += 1;
        let sign = if alloc { 1 } else { -1 };
        match domain {
            Domain::Small => {
                let size = PyriteGeometry::class_size(PyriteGeometry::size_class(size));
                self.bytes += sign * size as i64;
                let base = ptr & !(PyriteGeometry::ARENA_SIZE - 1);
                let count = self.arenas.entry(base).or_insert(0);
                let was_live = *count > 0;
                *count += sign;
                match (was_live, *count > 0) {
                    (false, true) => self.arenas_live += 1,
                    (true, false) => {
                        self.arenas_live = self.arenas_live.saturating_sub(1);
                        self.arenas.remove(&base);
                    }
                    _ => {}
                }
            }
            Domain::Raw => self.bytes += sign * size as i64,
        }
        let moved = (self.bytes - self.last_bytes).abs();
        if self.timeline.events - self.last_event >= self.stride
            || moved > (self.last_bytes.max(64 * 1024) / 16)
        {
            self.push_point();
        }
    }

    /// A collection of `generation` ended, having collected `collected`.
    fn collection(
        &mut self,
        generation: usize,
        collected: usize,
        pause_ms: f64,
        stats: &pyrite_allocator::Stats,
    ) {
        self.resync(stats);
        self.push_point();
        let g = generation.min(2);
        self.timeline.collections[g] += 1;
        if g == 0 && !self.timeline.collections[0].is_multiple_of(self.gen0_stride) {
            return;
        }
        let marker = Marker {
            ms: self.now_ms(),
            bytes: self.bytes.max(0) as u64,
            generation: g as u8,
            collected,
            pause_ms,
        };
        let markers = &mut self.timeline.markers;
        markers.push(marker);
        if markers.len() >= MAX_MARKERS {
            // TIMELINE-1: thin generation 0 first.
            let mut zero = 0u64;
            markers.retain(|m| {
                if m.generation != 0 {
                    return true;
                }
                zero += 1;
                zero.is_multiple_of(2)
            });
            self.gen0_stride *= 2;
            if markers.len() > MAX_MARKERS * 3 / 4 {
                let mut i = 0u64;
                markers.retain(|_| {
                    i += 1;
                    i.is_multiple_of(2)
                });
            }
        }
    }
}

/// Start sampling: seed from the allocator's figures, hook collections,
/// subscribe to allocation events.
pub fn start() {
    let heap = crate::objects::heap::heap();
    let stats = heap.stats();
    let mut sampler = Sampler {
        start: Instant::now(),
        timeline: Timeline {
            program: program_name(),
            ..Timeline::default()
        },
        bytes: 0,
        arenas: HashMap::new(),
        arenas_live: 0,
        stride: 256,
        last_event: 0,
        last_bytes: 0,
        gen0_stride: 1,
    };
    sampler.resync(&stats);
    sampler.push_point();
    *SAMPLER.get().borrow_mut() = Some(sampler);
    heap.gc.add_callback(|phase, info| {
        if phase != Phase::Stop {
            return;
        }
        // Read the allocator before borrowing the sampler (TIMELINE-2).
        let heap = crate::objects::heap::heap();
        let stats = heap.stats();
        let pause_ms = heap
            .gc
            .last_record()
            .map_or(0.0, |r| r.duration.as_secs_f64() * 1e3);
        if let Ok(mut s) = SAMPLER.get().try_borrow_mut() {
            if let Some(s) = s.as_mut() {
                s.collection(info.generation.index(), info.collected, pause_ms, &stats);
            }
        }
    });
    subscribe_events();
}

/// The timeline consumer of the allocation-event fan-out.
fn subscribe_events() {
    crate::objects::alloc_events::set_timeline(Some(Box::new(
        |ev: &crate::objects::alloc_events::AllocEvent| {
            // EVENTS-1 / TIMELINE-2: Rust heap only; skip if borrowed.
            if let Ok(mut s) = SAMPLER.get().try_borrow_mut() {
                if let Some(s) = s.as_mut() {
                    let alloc = ev.kind == crate::objects::alloc_events::EventKind::Alloc;
                    s.event(alloc, ev.ptr, ev.size, ev.domain);
                }
            }
        },
    )));
}

/// The script's name as given on the command line, for the title.
fn program_name() -> String {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if a == "-c" {
            return "-c".into();
        }
        if a == "-m" {
            return args.get(i + 1).cloned().unwrap_or_default();
        }
        if a == "-X" || a == "-W" {
            i += 2;
            continue;
        }
        if !a.starts_with('-') {
            return std::path::Path::new(a)
                .file_name()
                .map_or_else(|| a.clone(), |f| f.to_string_lossy().into_owned());
        }
        i += 1;
    }
    "<stdin>".into()
}

/// Stop sampling and write the picture; a failure to write is reported on
/// stderr (the program's own status is kept).
pub fn finish() {
    let Some(path) = PATH.lock().ok().and_then(|p| p.clone()) else {
        return;
    };
    crate::objects::alloc_events::set_timeline(None);
    let stats = crate::objects::heap::heap().stats();
    let Some(mut sampler) = SAMPLER.get().borrow_mut().take() else {
        return;
    };
    sampler.resync(&stats);
    sampler.push_point();
    let mut timeline = sampler.timeline;
    timeline.total_ms = sampler.start.elapsed().as_secs_f64() * 1e3;
    let svg = super::memtimeline_svg::render(&timeline);
    if let Err(e) = std::fs::write(&path, svg) {
        eprintln!("pyrite: can't write memory timeline '{path}': {e}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sampler() -> Sampler {
        Sampler {
            start: Instant::now(),
            timeline: Timeline::default(),
            bytes: 0,
            arenas: HashMap::new(),
            arenas_live: 0,
            stride: 256,
            last_event: 0,
            last_bytes: 0,
            gen0_stride: 1,
        }
    }

    /// TIMELINE-1: a long run keeps bounded buffers and exact counts.
    #[test]
    fn a_long_run_stays_bounded() {
        let mut s = sampler();
        let stats = pyrite_allocator::Stats::default();
        let arena = PyriteGeometry::ARENA_SIZE;
        for i in 0..2_000_000usize {
            // Blocks in two arenas, growing then shrinking.
            let ptr = (1 + i % 2) * arena + 64;
            s.event(i % 3 != 2, ptr, 48, Domain::Small);
            if i % 700 == 0 {
                let g = if i % 7000 == 0 { 1 } else { 0 };
                s.collection(g, 0, 0.1, &stats);
            }
        }
        assert!(s.timeline.points.len() < MAX_POINTS);
        assert!(s.timeline.markers.len() < MAX_MARKERS);
        assert_eq!(s.timeline.events, 2_000_000);
        let total: u64 = s.timeline.collections.iter().sum();
        assert_eq!(total, 2_000_000 / 700 + 1);
        assert!(s.timeline.markers.iter().any(|m| m.generation == 1));
        // Points stay in time order through the merges.
        assert!(s
            .timeline
            .points
            .windows(2)
            .all(|w| w[0].event <= w[1].event));
    }

    /// Arenas count the ones holding live blocks.
    #[test]
    fn arenas_follow_live_blocks() {
        let mut s = sampler();
        let arena = PyriteGeometry::ARENA_SIZE;
        s.event(true, arena + 8, 16, Domain::Small);
        s.event(true, 2 * arena + 8, 16, Domain::Small);
        s.event(true, 2 * arena + 32, 600, Domain::Raw);
        assert_eq!((s.arenas_live, s.bytes), (2, 16 + 16 + 600));
        s.event(false, arena + 8, 16, Domain::Small);
        assert_eq!(s.arenas_live, 1);
    }
}
