//! Full-collection cost per object: 10^5 and 10^6 tracked objects in one
//! doubly linked ring (every node references its two neighbours), either all
//! live (one outside reference) or all garbage. Same shape as
//! `benches/python/gc_collect.py` times in CPython; `run_gc_bench.sh` runs
//! both and prints the ratio.
//!
//! Node: header (16 B) + refcount, next, prev, arena pointer (32 B) = 48 B,
//! the size of a CPython object with two `__slots__` and its GC header.
//! Nodes sit contiguously in one arena, as a pymalloc-style allocator would
//! place objects allocated in sequence.

use std::cell::Cell;
use std::hint::black_box;
use std::ptr::{addr_of_mut, NonNull};

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};
use pyrite_gc::{Collector, GcHeader, GcObject, Generation, Visitor, HEADER_SIZE};

struct Node {
    refcnt: Cell<usize>,
    next: Cell<Option<NonNull<Node>>>,
    prev: Cell<Option<NonNull<Node>>>,
    arena: *const Arena,
}

#[repr(C)]
struct Slot {
    header: GcHeader,
    node: Node,
}

const _: () = assert!(std::mem::offset_of!(Slot, node) == HEADER_SIZE);
const _: () = assert!(std::mem::size_of::<Slot>() == 48);

/// The nodes' memory, the collector, and a count of freed nodes.
struct Arena {
    /// Declared first so it drops first: dropping a collector untracks what
    /// it still tracks, which must still be in memory (GC-2).
    gc: Collector<Node>,
    slots: Vec<Slot>,
    freed: Cell<usize>,
}

impl Arena {
    /// `n` nodes in a doubly linked ring; the caller holds one reference to
    /// node 0 unless `garbage`.
    fn ring(n: usize, garbage: bool) -> Box<Arena> {
        let mut arena = Box::new(Arena {
            gc: Collector::new(),
            slots: Vec::with_capacity(n),
            freed: Cell::new(0),
        });
        arena.gc.disable();
        let arena_ptr: *const Arena = &*arena;
        for _ in 0..n {
            arena.slots.push(Slot {
                header: GcHeader::new(),
                node: Node {
                    refcnt: Cell::new(2),
                    next: Cell::new(None),
                    prev: Cell::new(None),
                    arena: arena_ptr,
                },
            });
        }
        let base = arena.slots.as_mut_ptr();
        let node = |i: usize| {
            // SAFETY: i < n = len; the vector never grows again, so the
            // pointer (derived from the whole buffer) stays valid and can
            // reach each slot's header.
            unsafe { NonNull::new_unchecked(addr_of_mut!((*base.add(i)).node)) }
        };
        for i in 0..n {
            // SAFETY: `node(i)` is a live node of this arena.
            let me = unsafe { node(i).as_ref() };
            me.next.set(Some(node((i + 1) % n)));
            me.prev.set(Some(node((i + n - 1) % n)));
            // SAFETY: OBJ-1 — each slot puts the header before its node.
            unsafe { arena.gc.track(node(i)) };
        }
        if !garbage {
            // SAFETY: node 0 is live.
            let first = unsafe { node(0).as_ref() };
            first.refcnt.set(first.refcnt.get() + 1);
            // Settle: everything in generation 2, as after CPython's first
            // gc.collect().
            arena.gc.collect(Generation::Old).ok();
        }
        arena
    }
}

/// Drop a reference; free the node at zero.
fn release(p: NonNull<Node>) {
    // SAFETY: the caller owns a reference to this live node.
    unsafe { Node::decref(p) }
}

// SAFETY: OBJ-1 — `Slot` layout, memory owned by the arena for the whole
// benchmark; OBJ-2 — refcount = incoming edges (+ the outside reference);
// OBJ-3 — traverse reports next and prev; OBJ-5 — dealloc untracks.
unsafe impl GcObject for Node {
    #[inline]
    fn refcount(&self) -> usize {
        self.refcnt.get()
    }

    #[inline]
    fn incref(&self) {
        self.refcnt.set(self.refcnt.get() + 1);
    }

    #[inline]
    unsafe fn decref(this: NonNull<Self>) {
        // SAFETY: the caller owns a reference to the live node.
        let node = unsafe { this.as_ref() };
        let rc = node.refcnt.get() - 1;
        node.refcnt.set(rc);
        if rc == 0 {
            // SAFETY: the arena outlives its nodes.
            let arena = unsafe { &*node.arena };
            // SAFETY: OBJ-5 — the node is tracked by this arena's collector.
            unsafe { arena.gc.untrack(this) };
            arena.gc.note_free(std::mem::size_of::<Slot>());
            arena.freed.set(arena.freed.get() + 1);
            if let Some(n) = node.next.take() {
                release(n);
            }
            if let Some(p) = node.prev.take() {
                release(p);
            }
        }
    }

    #[inline]
    fn traverse(&self, visitor: &mut Visitor<'_, Self>) {
        if let Some(n) = self.next.get() {
            visitor.visit(n);
        }
        if let Some(p) = self.prev.get() {
            visitor.visit(p);
        }
    }

    fn clear(&self) {
        if let Some(n) = self.next.take() {
            release(n);
        }
        if let Some(p) = self.prev.take() {
            release(p);
        }
    }

    fn type_name(&self) -> &str {
        "Node"
    }
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("full_collection");
    group.sample_size(10);
    group.warm_up_time(std::time::Duration::from_millis(500));
    group.measurement_time(std::time::Duration::from_secs(4));
    for n in [100_000usize, 1_000_000] {
        group.throughput(Throughput::Elements(n as u64));
        let arena = Arena::ring(n, false);
        group.bench_with_input(BenchmarkId::new("live", n), &n, |b, _| {
            b.iter(|| {
                let r = arena.gc.collect(Generation::Old).unwrap();
                assert_eq!(r.collected, 0);
                black_box(r)
            })
        });
        drop(arena);
        group.bench_with_input(BenchmarkId::new("garbage", n), &n, |b, &n| {
            b.iter_batched(
                || Arena::ring(n, true),
                |arena| {
                    let r = arena.gc.collect(Generation::Old).unwrap();
                    assert_eq!(r.collected, n);
                    arena // dropped outside the timing
                },
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
