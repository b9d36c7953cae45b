//! Generations: promotion, counts, untracking, freeze.

use pyrite_gc::Generation;

use crate::toy::{release, Heap};

fn generation_of(heap: &Heap, n: crate::toy::N) -> Option<Generation> {
    Generation::ALL
        .into_iter()
        .find(|&g| heap.objects(Some(g)).contains(&n))
}

#[test]
fn survivors_move_0_to_1_to_2() {
    let heap = Heap::new();
    let a = heap.alloc();
    assert_eq!(heap.gc.counts(), [1, 0, 0]);
    assert_eq!(generation_of(&heap, a), Some(Generation::Young));

    heap.gc.collect(Generation::Young).unwrap();
    assert_eq!(generation_of(&heap, a), Some(Generation::Middle));
    assert_eq!(heap.gc.counts(), [0, 1, 0]);

    heap.gc.collect(Generation::Middle).unwrap();
    assert_eq!(generation_of(&heap, a), Some(Generation::Old));
    assert_eq!(heap.gc.counts(), [0, 0, 1]);
    assert_eq!(heap.gc.long_lived_pending(), 1);

    heap.gc.collect(Generation::Old).unwrap();
    assert_eq!(generation_of(&heap, a), Some(Generation::Old));
    assert_eq!(heap.gc.counts(), [0, 0, 0]);
    assert_eq!(
        (heap.gc.long_lived_total(), heap.gc.long_lived_pending()),
        (1, 0)
    );
    heap.gc.check_invariants().unwrap();
    release(a);
}

#[test]
fn collecting_1_merges_generation_0() {
    let heap = Heap::new();
    let a = heap.alloc();
    heap.gc.collect(Generation::Young).unwrap();
    let b = heap.alloc();
    assert_eq!(heap.gc.counts(), [1, 1, 0]);
    let r = heap.gc.collect(Generation::Middle).unwrap();
    assert_eq!(r.visited, 2);
    assert_eq!(heap.objects(Some(Generation::Old)), vec![a, b]);
    assert_eq!(heap.gc.counts(), [0, 0, 1]);
    release(a);
    release(b);
    assert_eq!(
        heap.gc.counts(),
        [0, 0, 1],
        "count 0 does not go below zero"
    );
}

#[test]
fn frees_lower_count_0() {
    let heap = Heap::new();
    let n = heap.alloc_n(3);
    assert_eq!(heap.gc.counts()[0], 3);
    release(n[0]);
    assert_eq!(heap.gc.counts()[0], 2);
    release(n[1]);
    release(n[2]);
    assert_eq!(heap.gc.counts()[0], 0);
}

#[test]
fn stats_per_generation() {
    let heap = Heap::new();
    for g in [Generation::Young, Generation::Young, Generation::Old] {
        let a = heap.alloc();
        heap.link(a, a);
        release(a);
        heap.gc.collect(g).unwrap();
    }
    let s = heap.gc.stats();
    assert_eq!((s[0].collections, s[0].collected), (2, 2));
    assert_eq!((s[1].collections, s[1].collected), (0, 0));
    assert_eq!(
        (s[2].collections, s[2].collected, s[2].uncollectable),
        (1, 1, 0)
    );
    let records = heap.gc.records();
    assert_eq!(records.len(), 3);
    assert_eq!(records[2].generation, Generation::Old);
    assert_eq!(heap.gc.last_record(), Some(records[2]));
}

#[test]
fn untrackable_survivors_are_untracked() {
    let heap = Heap::new();
    let (tuple, leaf, holder) = (heap.alloc(), heap.alloc(), heap.alloc());
    heap.set_untrackable(tuple);
    heap.set_untrackable(holder);
    heap.link(tuple, leaf);
    heap.link(holder, tuple);
    // `leaf` is tracked, so neither may be untracked yet.
    heap.gc.collect(Generation::Young).unwrap();
    assert!(tuple.is_tracked(&heap) && holder.is_tracked(&heap));
    // Once `leaf` is untracked, `tuple` may go, and `holder` right after it
    // in the same pass (survivors are asked in list order).
    // SAFETY: `leaf` is alive and tracked by this collector.
    unsafe { heap.gc.untrack(leaf.0) };
    heap.gc.collect(Generation::Middle).unwrap();
    assert!(!tuple.is_tracked(&heap) && !holder.is_tracked(&heap));
    heap.gc.collect(Generation::Old).unwrap();
    assert_eq!(heap.gc.long_lived_total(), 0);
    assert!(heap.objects(None).is_empty());
    heap.gc.check_invariants().unwrap();
    for n in [tuple, leaf, holder] {
        release(n);
    }
}

#[test]
fn untracking_follows_the_order_of_the_survivors() {
    // Survivors are asked `may_untrack` in the order of the final young
    // list, each seeing the answers before it (CPython's untrack_tuples).
    let heap = Heap::new();
    let (holder, tuple) = (heap.alloc(), heap.alloc());
    heap.set_untrackable(holder);
    heap.set_untrackable(tuple);
    heap.link(holder, tuple);
    // `holder` comes first, while `tuple` is still tracked: it stays.
    heap.gc.collect(Generation::Young).unwrap();
    assert!(holder.is_tracked(&heap) && !tuple.is_tracked(&heap));
    heap.gc.check_invariants().unwrap();
    heap.gc.collect(Generation::Middle).unwrap();
    assert!(!holder.is_tracked(&heap));
    heap.gc.check_invariants().unwrap();
    release(holder);
    release(tuple);
    assert!(holder.is_dead() && tuple.is_dead());
}

#[test]
fn a_survivor_moved_back_is_asked_after_its_referrer() {
    // `tuple` is referenced only by `holder`, which comes later: the walk
    // first thinks `tuple` unreachable, then moves it back behind `holder`,
    // so `holder` is asked first and stays tracked.
    let heap = Heap::new();
    let (tuple, holder) = (heap.alloc(), heap.alloc());
    heap.set_untrackable(holder);
    heap.set_untrackable(tuple);
    heap.link(holder, tuple);
    release(tuple);
    heap.gc.collect(Generation::Young).unwrap();
    assert!(!tuple.is_dead());
    assert!(holder.is_tracked(&heap) && !tuple.is_tracked(&heap));
    assert_eq!(heap.objects(None), vec![holder]);
    heap.gc.check_invariants().unwrap();
    release(holder);
    assert!(holder.is_dead() && tuple.is_dead());
}

#[test]
fn freeze_hides_objects_until_unfrozen() {
    let heap = Heap::new();
    let (a, b) = (heap.alloc(), heap.alloc());
    heap.link(a, b);
    heap.link(b, a);
    release(a);
    release(b);
    heap.gc.freeze();
    assert_eq!(heap.gc.freeze_count(), 2);
    assert_eq!(heap.gc.counts()[0], 0);
    assert!(
        heap.objects(None).is_empty(),
        "the permanent generation is not listed"
    );
    let r = heap.gc.collect(Generation::Old).unwrap();
    assert_eq!(r.collected, 0, "frozen garbage is not collected");
    heap.gc.check_invariants().unwrap();
    heap.gc.unfreeze();
    assert_eq!(heap.gc.freeze_count(), 0);
    assert_eq!(heap.objects(Some(Generation::Old)), vec![a, b]);
    let r = heap.gc.collect(Generation::Old).unwrap();
    assert_eq!(r.collected, 2);
    heap.gc.check_invariants().unwrap();
}
