//! Legacy finalizers and the garbage list, with and without DEBUG_SAVEALL.

use pyrite_gc::{DebugFlags, Generation};

use crate::toy::{release, Event, Heap, N};

fn cycle(heap: &Heap, n: usize) -> Vec<N> {
    let nodes = heap.alloc_n(n);
    for i in 0..n {
        heap.link(nodes[i], nodes[(i + 1) % n]);
    }
    for &x in &nodes {
        release(x);
    }
    nodes
}

#[test]
fn legacy_cycles_are_uncollectable_and_reported() {
    let heap = Heap::new();
    let legacy = cycle(&heap, 2);
    heap.set_legacy(legacy[0]);
    // A garbage cycle reachable only from the legacy cycle is uncollectable
    // too; an independent one is collected.
    let reached = cycle(&heap, 2);
    heap.link(legacy[1], reached[0]);
    let free = cycle(&heap, 3);
    let r = heap.gc.collect(Generation::Old).unwrap();
    assert_eq!((r.collected, r.uncollectable), (3, 4));
    assert_eq!(
        heap.freed(),
        free.iter().map(|n| n.id()).collect::<Vec<_>>()
    );
    // As in CPython, only the objects with a legacy finalizer go to garbage.
    assert_eq!(heap.garbage(), vec![legacy[0]]);
    assert_eq!(heap.gc.stats()[2].uncollectable, 4);
    for n in legacy.iter().chain(&reached) {
        assert!(n.is_tracked(&heap) && !n.is_dead());
        assert_eq!(heap.count(&Event::Cleared(n.id())), 0);
    }
    heap.gc.check_invariants().unwrap();
    // The garbage list's reference now keeps the cycle reachable, as in
    // CPython: the next collection finds nothing.
    let r = heap.gc.collect(Generation::Old).unwrap();
    assert_eq!((r.collected, r.uncollectable), (0, 0));
    // Without that reference it is uncollectable again.
    for n in heap.gc.take_garbage() {
        release(N(n));
    }
    let r = heap.gc.collect(Generation::Old).unwrap();
    assert_eq!(r.uncollectable, 4);
    assert_eq!(heap.garbage(), vec![legacy[0]]);
}

#[test]
fn legacy_objects_reached_from_a_live_object_are_not_uncollectable() {
    let heap = Heap::new();
    let root = heap.alloc();
    let legacy = cycle(&heap, 2);
    heap.set_legacy(legacy[0]);
    heap.link(root, legacy[0]);
    let r = heap.gc.collect(Generation::Old).unwrap();
    assert_eq!((r.collected, r.uncollectable), (0, 0));
    assert!(heap.garbage().is_empty());
    release(root);
}

#[test]
fn saveall_keeps_every_unreachable_object() {
    let heap = Heap::new();
    heap.gc.set_debug(DebugFlags::SAVEALL);
    let free = cycle(&heap, 3);
    let legacy = cycle(&heap, 2);
    heap.set_legacy(legacy[1]);
    let r = heap.gc.collect(Generation::Old).unwrap();
    assert_eq!((r.collected, r.uncollectable), (3, 2));
    let mut saved = heap.garbage();
    saved.sort();
    let mut all: Vec<N> = free.iter().chain(&legacy).copied().collect();
    all.sort();
    assert_eq!(
        saved, all,
        "DEBUG_SAVEALL keeps everything in the garbage list"
    );
    assert!(heap.freed().is_empty());
    assert!(heap
        .events()
        .iter()
        .all(|e| !matches!(e, Event::Cleared(_))));
    for n in &all {
        assert!(n.is_tracked(&heap));
    }
    heap.gc.check_invariants().unwrap();

    // Hand the references back and collect without SAVEALL.
    heap.gc.set_debug(DebugFlags::NONE);
    for n in heap.gc.take_garbage() {
        release(N(n));
    }
    let r = heap.gc.collect(Generation::Old).unwrap();
    assert_eq!((r.collected, r.uncollectable), (3, 2));
    assert_eq!(
        heap.freed(),
        free.iter().map(|n| n.id()).collect::<Vec<_>>()
    );
    heap.gc.check_invariants().unwrap();
}
