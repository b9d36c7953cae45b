//! Allocator benchmarks: pyrite's allocator (both geometries) against the
//! system allocator and mimalloc, on three workloads, in one run.
//!
//! - `pair/32`: allocate and free one 32-byte block, repeatedly;
//! - `churn`: 10 000 live blocks of mixed sizes 8–512, replaced at random
//!   (a fixed-seed sequence), like an interpreter's object traffic;
//! - `build_drop`: allocate 1 000 000 blocks of mixed small sizes, free all.
//!
//! Plus `hook`: the pair workload with and without an observer set.
//! Run: `cargo bench -p pyrite-allocator --bench alloc`, then
//! `python3 benches/criterion_table.py` for the README table.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use pyrite_allocator::{
    AllocObserver, Allocator, CPythonGeometry, Domain, Geometry, Mode, PyriteGeometry,
};
use std::alloc::{GlobalAlloc, Layout, System};
use std::ptr::NonNull;
use workload::{Rng, CHURN_LIVE};

mod workload;

/// The operations every contender offers.
trait Contender {
    fn alloc(&mut self, size: usize) -> *mut u8;
    /// # Safety
    /// `p` came from `alloc(size)` on the same contender.
    unsafe fn free(&mut self, p: *mut u8, size: usize);
}

impl<G: Geometry> Contender for Allocator<G> {
    #[inline]
    fn alloc(&mut self, size: usize) -> *mut u8 {
        Allocator::alloc(self, size).unwrap().as_ptr()
    }
    #[inline]
    unsafe fn free(&mut self, p: *mut u8, size: usize) {
        // SAFETY: forwarded contract.
        unsafe { Allocator::free(self, NonNull::new_unchecked(p), size) }
    }
}

/// A `GlobalAlloc` used directly, with 8-byte alignment like pyrite's.
struct Global<A: GlobalAlloc>(A);

impl<A: GlobalAlloc> Contender for Global<A> {
    #[inline]
    fn alloc(&mut self, size: usize) -> *mut u8 {
        // SAFETY: sizes here are non-zero (8..=512).
        unsafe { self.0.alloc(Layout::from_size_align_unchecked(size, 8)) }
    }
    #[inline]
    unsafe fn free(&mut self, p: *mut u8, size: usize) {
        // SAFETY: forwarded contract; same layout as at allocation.
        unsafe {
            self.0
                .dealloc(p, Layout::from_size_align_unchecked(size, 8))
        }
    }
}

const CHURN_OPS: usize = 1 << 16;
const BUILD_BLOCKS: usize = 1_000_000;

/// Runs `$bench` (a generic function) once per contender, each
/// monomorphised so no contender pays for dynamic dispatch.
macro_rules! for_each_contender {
    ($group:expr, $bench:ident $(, $arg:expr)*) => {
        $bench(&mut $group, "pyrite", Allocator::<PyriteGeometry>::with_mode(Mode::Normal) $(, $arg)*);
        $bench(&mut $group, "pyrite-cpython-geometry", Allocator::<CPythonGeometry>::with_mode(Mode::Normal) $(, $arg)*);
        $bench(&mut $group, "system", Global(System) $(, $arg)*);
        $bench(&mut $group, "mimalloc", Global(mimalloc::MiMalloc) $(, $arg)*);
    };
}

type Group<'a> = criterion::BenchmarkGroup<'a, criterion::measurement::WallTime>;

fn pair_one<C: Contender>(group: &mut Group, name: &str, mut a: C) {
    // One block kept live, so pyrite's pool stays on its used list.
    let keep = a.alloc(32);
    group.bench_function(name, |b| {
        b.iter(|| {
            let p = a.alloc(black_box(32));
            // SAFETY: just allocated with 32 bytes.
            unsafe { a.free(black_box(p), 32) };
        })
    });
    // SAFETY: allocated above with 32 bytes.
    unsafe { a.free(keep, 32) };
}

/// Workload (a): an alloc+free pair of one size.
fn pair(c: &mut Criterion) {
    let mut group = c.benchmark_group("pair_32");
    group.throughput(Throughput::Elements(1));
    for_each_contender!(group, pair_one);
    group.finish();
}

fn churn_one<C: Contender>(
    group: &mut Group,
    name: &str,
    mut a: C,
    initial: &[usize],
    script: &[(usize, usize)],
) {
    let mut live: Vec<(*mut u8, usize)> = initial.iter().map(|&s| (a.alloc(s), s)).collect();
    group.bench_function(name, |b| {
        b.iter(|| {
            for &(slot, size) in script {
                let (p, old) = live[slot];
                // SAFETY: `p` is live with size `old`.
                unsafe { a.free(p, old) };
                live[slot] = (black_box(a.alloc(size)), size);
            }
        })
    });
    for (p, s) in live {
        // SAFETY: each live block freed once with its size.
        unsafe { a.free(p, s) };
    }
}

/// Workload (b): churn over a set of live blocks of mixed sizes.
fn churn(c: &mut Criterion) {
    let mut rng = Rng(Rng::CHURN_SEED);
    let initial: Vec<usize> = (0..CHURN_LIVE).map(|_| rng.size()).collect();
    let script: Vec<(usize, usize)> = (0..CHURN_OPS)
        .map(|_| (rng.next() as usize % CHURN_LIVE, rng.size()))
        .collect();
    let mut group = c.benchmark_group("churn");
    group.throughput(Throughput::Elements(CHURN_OPS as u64));
    group.sample_size(20);
    for_each_contender!(group, churn_one, &initial, &script);
    group.finish();
}

fn build_drop_one<C: Contender>(group: &mut Group, name: &str, mut a: C, sizes: &[usize]) {
    let mut blocks: Vec<*mut u8> = Vec::with_capacity(sizes.len());
    group.bench_function(name, |b| {
        b.iter(|| {
            for &s in sizes {
                blocks.push(a.alloc(s));
            }
            for (p, &s) in blocks.drain(..).zip(sizes) {
                // SAFETY: allocated just above with size `s`.
                unsafe { a.free(p, s) };
            }
        })
    });
}

/// Workload (c): build 1 M blocks, then drop them all.
fn build_drop(c: &mut Criterion) {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let sizes: Vec<usize> = (0..BUILD_BLOCKS).map(|_| rng.size()).collect();
    let mut group = c.benchmark_group("build_drop_1M");
    group.throughput(Throughput::Elements(BUILD_BLOCKS as u64));
    group.sample_size(10);
    for_each_contender!(group, build_drop_one, &sizes);
    group.finish();
}

struct CountingObserver(u64);

impl AllocObserver for CountingObserver {
    fn on_alloc(&mut self, _: NonNull<u8>, size: usize, _: Domain) {
        self.0 += size as u64;
    }
    fn on_free(&mut self, _: NonNull<u8>, size: usize, _: Domain) {
        self.0 -= size as u64;
    }
}

/// The observer hook: the pair workload with no observer, with one, and
/// with one set and removed again (what pyrite's profilers do when they
/// stop: the fast path must be back to its cost with none).
fn hook(c: &mut Criterion) {
    let mut group = c.benchmark_group("hook_pair_32");
    group.throughput(Throughput::Elements(1));
    for name in ["no_observer", "observer", "observer_removed"] {
        let mut a = Allocator::new();
        if name != "no_observer" {
            a.set_observer(Some(Box::new(CountingObserver(0))));
        }
        if name == "observer_removed" {
            a.set_observer(None);
        }
        // One block kept live, as in `pair_32`.
        let keep = a.alloc(32).unwrap();
        group.bench_function(name, |b| {
            b.iter(|| {
                let p = a.alloc(black_box(32)).unwrap();
                // SAFETY: just allocated with 32 bytes.
                unsafe { a.free(black_box(p), 32) };
            })
        });
        // SAFETY: allocated above with 32 bytes.
        unsafe { a.free(keep, 32) };
    }
    group.finish();
}

criterion_group!(benches, pair, churn, build_drop, hook);
criterion_main!(benches);
