//! Finalizers (PEP 442): run once, resurrection, robustness when
//! finalizers free, allocate or re-enter the collector.

use std::rc::Rc;

use pyrite_gc::{CollectError, Generation};

use crate::toy::{release, Event, Heap, N};

/// a <-> b, references released.
fn garbage_pair(heap: &Heap) -> (N, N) {
    let (a, b) = (heap.alloc(), heap.alloc());
    heap.link(a, b);
    heap.link(b, a);
    release(a);
    release(b);
    (a, b)
}

#[test]
fn finalizers_run_before_anything_is_cleared() {
    let heap = Heap::new();
    let n = heap.alloc_n(3);
    for i in 0..3 {
        heap.link(n[i], n[(i + 1) % 3]);
        heap.set_finalizer_hook(
            n[i],
            Rc::new(|heap: &Heap, me: N| {
                assert!(heap
                    .events()
                    .iter()
                    .all(|e| !matches!(e, Event::Cleared(_))));
                assert_eq!(
                    me.edges().len(),
                    1,
                    "garbage is intact when a finalizer runs"
                );
            }),
        );
    }
    for &x in &n {
        release(x);
    }
    let r = heap.gc.collect(Generation::Old).unwrap();
    assert_eq!(r.collected, 3);
    for &x in &n {
        assert_eq!(heap.count(&Event::Finalized(x.id())), 1);
        assert!(x.is_dead());
    }
    heap.gc.check_invariants().unwrap();
}

#[test]
fn finalizer_runs_once_even_if_garbage_again() {
    let heap = Heap::new();
    let (a, b) = garbage_pair(&heap);
    heap.set_resurrecting_finalizer(a);
    let r = heap.gc.collect(Generation::Old).unwrap();
    assert_eq!(r.collected, 0, "resurrected objects are not counted");
    assert!(!a.is_dead() && !b.is_dead());
    assert!(a.is_finalized(&heap) && !b.is_finalized(&heap));
    heap.gc.check_invariants().unwrap();

    heap.release_saved(); // garbage again
    let r = heap.gc.collect(Generation::Old).unwrap();
    assert_eq!(r.collected, 2);
    assert_eq!(
        heap.count(&Event::Finalized(a.id())),
        1,
        "finalizer ran exactly once"
    );
    assert!(a.is_dead() && b.is_dead());
    heap.gc.check_invariants().unwrap();
}

#[test]
fn resurrection_keeps_the_cycle_partner_intact() {
    let heap = Heap::new();
    let (a, b) = garbage_pair(&heap);
    heap.set_resurrecting_finalizer(a);
    heap.gc.collect(Generation::Young).unwrap();
    assert_eq!(a.edges(), vec![b]);
    assert_eq!(b.edges(), vec![a]);
    assert_eq!(heap.count(&Event::Cleared(b.id())), 0);
    // Resurrected objects are survivors: promoted to the older generation.
    assert_eq!(heap.objects(Some(Generation::Middle)), vec![a, b]);
    heap.gc.check_invariants().unwrap();
    heap.release_saved();
}

#[test]
fn everything_a_resurrected_object_reaches_survives_transitively() {
    let heap = Heap::new();
    // a <-> b, a -> x -> y -> z, z -> x: all garbage; a resurrects.
    let (a, b) = garbage_pair(&heap);
    let chain = heap.alloc_n(3);
    heap.link(a, chain[0]);
    heap.link(chain[0], chain[1]);
    heap.link(chain[1], chain[2]);
    heap.link(chain[2], chain[0]);
    for &c in &chain {
        release(c);
    }
    heap.set_resurrecting_finalizer(a);
    let r = heap.gc.collect(Generation::Old).unwrap();
    assert_eq!(r.collected, 0);
    assert!(heap.freed().is_empty());
    for &c in &chain {
        assert_eq!(c.edges().len(), 1, "nothing reachable from a was cleared");
    }
    heap.gc.check_invariants().unwrap();
    heap.release_saved();
    let r = heap.gc.collect(Generation::Old).unwrap();
    assert_eq!(r.collected, 5);
    assert!(b.is_dead());
}

#[test]
fn a_resurrected_object_does_not_block_other_garbage() {
    let heap = Heap::new();
    let (a, b) = garbage_pair(&heap);
    let (c, d) = garbage_pair(&heap);
    heap.set_resurrecting_finalizer(a);
    heap.set_finalizer(c);
    let r = heap.gc.collect(Generation::Old).unwrap();
    assert_eq!(r.collected, 2);
    assert_eq!(heap.freed(), vec![c.id(), d.id()]);
    assert!(!a.is_dead() && !b.is_dead());
    assert_eq!(heap.gc.stats()[2].collected, 2);
    heap.gc.check_invariants().unwrap();
    heap.release_saved();
}

#[test]
fn a_finalizer_that_breaks_the_cycle_frees_it_safely() {
    let heap = Heap::new();
    let (a, b) = garbage_pair(&heap);
    heap.set_finalizer_hook(a, Rc::new(move |heap: &Heap, me: N| heap.unlink(me, b)));
    heap.set_finalizer(b);
    let r = heap.gc.collect(Generation::Old).unwrap();
    // Both are freed by refcounting inside the finalizer pass; as in CPython
    // only objects still unreachable after finalizers count as collected.
    assert_eq!(r.collected, 0);
    assert!(a.is_dead() && b.is_dead());
    assert_eq!(
        heap.count(&Event::Finalized(b.id())),
        1,
        "not run again by dealloc"
    );
    assert!(heap
        .events()
        .iter()
        .all(|e| !matches!(e, Event::Cleared(_))));
    heap.gc.check_invariants().unwrap();
}

#[test]
fn finalizers_may_allocate_but_not_reenter_the_collector() {
    let heap = Heap::new();
    let (a, _b) = garbage_pair(&heap);
    heap.set_finalizer_hook(
        a,
        Rc::new(|heap: &Heap, _me: N| {
            assert!(heap.gc.is_collecting());
            assert_eq!(heap.gc.collection_due(), None);
            assert_eq!(
                heap.gc.collect(Generation::Old),
                Err(CollectError::AlreadyCollecting)
            );
            let fresh = heap.alloc();
            heap.saved.borrow_mut().push(fresh);
            heap.gc.check_invariants().unwrap();
        }),
    );
    let r = heap.gc.collect(Generation::Young).unwrap();
    assert_eq!(r.collected, 2);
    let fresh = heap.saved.borrow()[0];
    assert_eq!(heap.objects(Some(Generation::Young)), vec![fresh]);
    assert!(!heap.gc.is_collecting());
    heap.gc.check_invariants().unwrap();
    heap.release_saved();
}
