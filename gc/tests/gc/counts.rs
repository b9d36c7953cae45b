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

/// The worked example of `gc/README.md`, step by step.
#[test]
fn readme_worked_example() {
    use crate::toy::Event;
    use std::rc::Rc;

    let heap = Heap::new();
    let n = heap.alloc_n(5);
    let (b, c, d, e, a) = (n[0], n[1], n[2], n[3], n[4]);
    heap.link(a, b);
    heap.link(b, c);
    heap.link(c, b);
    heap.link(d, e);
    heap.link(e, d);
    heap.link(e, c);
    let w = heap.weakref(d, Some(Rc::new(|_: &crate::toy::Heap, _| {})));
    heap.set_finalizer(d);
    for x in [b, c, d, e] {
        release(x);
    }
    assert_eq!([b, c, d, e, a].map(|x| x.refcount()), [2, 2, 1, 1, 1]);
    let r = heap.gc.collect(Generation::Young).unwrap();
    assert_eq!((r.collected, r.uncollectable, r.visited), (2, 0, 6));
    assert_eq!(heap.weak_get(w), None);
    assert_eq!(
        heap.events(),
        vec![
            Event::Callback(w.id()),
            Event::Finalized(d.id()),
            Event::Cleared(d.id()),
            Event::Freed(e.id()),
            Event::Freed(d.id()),
        ]
    );
    assert_eq!(c.refcount(), 1);
    // W is a tracked object of the toy model too (walked after A, before B
    // and C were moved back).
    assert_eq!(heap.objects(Some(Generation::Middle)), vec![a, w, b, c]);
    heap.gc.check_invariants().unwrap();
    release(a);
    release(w);
}

#[test]
fn collect_releasing_treats_the_callers_references_as_dropped() {
    let heap = Heap::new();
    // root -> a <-> b, root <-> c; the test keeps its one reference to root.
    let n = heap.alloc_n(4);
    let (root, a, b, c) = (n[0], n[1], n[2], n[3]);
    heap.link(root, a);
    heap.link(a, b);
    heap.link(b, a);
    heap.link(root, c);
    heap.link(c, root);
    for &x in &[a, b, c] {
        release(x);
    }
    let mut out = Vec::new();
    let r = heap.gc.collect(Generation::Old).unwrap();
    assert_eq!(r.collected, 0, "root is held from outside");
    // SAFETY: root is alive and the test's reference is held across.
    let r = unsafe { heap.gc.collect_releasing(&[root.0], &mut out) }.unwrap();
    assert_eq!(
        r.collected, 4,
        "all of it is garbage once root's outside ref is released"
    );
    assert_eq!(heap.freed(), vec![a.id(), b.id(), c.id()]);
    assert!(!root.is_dead(), "the caller's reference keeps root itself");
    assert_eq!(root.refcount(), 1);
    heap.gc.check_invariants().unwrap();
    release(root);
    assert!(root.is_dead());
}
