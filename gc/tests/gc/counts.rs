//! Exact counts: what is collected and what is not.

use pyrite_gc::Generation;

use crate::toy::{release, Heap};

#[test]
fn self_loop_collects_one() {
    let heap = Heap::new();
    let a = heap.alloc();
    heap.link(a, a);
    release(a);
    assert!(!a.is_dead(), "a self-loop is not freed by refcounting");
    let r = heap.gc.collect(Generation::Old).unwrap();
    assert_eq!((r.collected, r.uncollectable), (1, 0));
    assert!(a.is_dead());
    heap.gc.check_invariants().unwrap();
}

#[test]
fn two_cycle_collects_two() {
    let heap = Heap::new();
    let (a, b) = (heap.alloc(), heap.alloc());
    heap.link(a, b);
    heap.link(b, a);
    release(a);
    release(b);
    let r = heap.gc.collect(Generation::Young).unwrap();
    assert_eq!(r.collected, 2);
    assert_eq!(r.visited, 2);
    assert_eq!(heap.freed(), vec![a.id(), b.id()]);
    heap.gc.check_invariants().unwrap();
}

#[test]
fn externally_referenced_cycle_and_all_it_reaches_survive() {
    let heap = Heap::new();
    // root -> a <-> b -> c -> c (self loop); only `root` is held from outside.
    let n = heap.alloc_n(4);
    let (root, a, b, c) = (n[0], n[1], n[2], n[3]);
    heap.link(root, a);
    heap.link(a, b);
    heap.link(b, a);
    heap.link(b, c);
    heap.link(c, c);
    for &x in &[a, b, c] {
        release(x);
    }
    let r = heap.gc.collect(Generation::Old).unwrap();
    assert_eq!(r.collected, 0);
    assert!(heap.freed().is_empty());
    heap.gc.check_invariants().unwrap();
    // Dropping the root makes the whole structure garbage: root is freed by
    // refcounting at once, the cycles by the collector.
    release(root);
    assert_eq!(heap.freed(), vec![root.id()]);
    let r = heap.gc.collect(Generation::Old).unwrap();
    assert_eq!(r.collected, 3);
    assert_eq!(heap.freed(), vec![root.id(), a.id(), b.id(), c.id()]);
    heap.gc.check_invariants().unwrap();
}

#[test]
fn object_referenced_from_an_older_generation_survives_a_young_collection() {
    let heap = Heap::new();
    let old = heap.alloc();
    heap.gc.collect(Generation::Middle).unwrap(); // `old` now in generation 2
    let (a, b) = (heap.alloc(), heap.alloc());
    heap.link(old, a);
    heap.link(a, b);
    heap.link(b, a);
    release(a);
    release(b);
    let r = heap.gc.collect(Generation::Young).unwrap();
    assert_eq!(
        r.collected, 0,
        "a reference from generation 2 counts as external"
    );
    heap.unlink(old, a);
    let r = heap.gc.collect(Generation::Old).unwrap();
    assert_eq!(r.collected, 2);
    release(old);
    heap.gc.check_invariants().unwrap();
}

#[test]
fn duplicate_edges_are_subtracted_once_each() {
    let heap = Heap::new();
    let (a, b) = (heap.alloc(), heap.alloc());
    heap.link(a, b);
    heap.link(a, b);
    heap.link(b, a);
    release(a);
    release(b);
    assert_eq!(b.refcount(), 2);
    let r = heap.gc.collect(Generation::Old).unwrap();
    assert_eq!(r.collected, 2);
    heap.gc.check_invariants().unwrap();
}

#[test]
fn large_ring_is_collected_in_full() {
    let heap = Heap::new();
    let nodes = heap.alloc_n(1000);
    for i in 0..nodes.len() {
        heap.link(nodes[i], nodes[(i + 1) % nodes.len()]);
        heap.link(nodes[(i + 1) % nodes.len()], nodes[i]);
    }
    release(nodes[0]);
    for &n in &nodes[1..] {
        release(n);
    }
    let r = heap.gc.collect(Generation::Old).unwrap();
    assert_eq!(r.collected, 1000);
    assert_eq!(heap.objects(None).len(), 0);
    heap.gc.check_invariants().unwrap();
}
