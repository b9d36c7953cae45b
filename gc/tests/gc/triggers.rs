//! Automatic collection: thresholds, the 25 % rule, enable / disable, the
//! byte trigger — exactly when they should fire.

use pyrite_gc::{Generation, DEFAULT_THRESHOLDS};

use crate::toy::{release, Heap, N, NODE_BYTES};

#[test]
fn defaults_are_cpythons() {
    let heap = Heap::new();
    assert_eq!(heap.gc.thresholds(), [700, 10, 10]);
    assert_eq!(DEFAULT_THRESHOLDS, [700, 10, 10]);
    assert!(heap.gc.is_enabled());
}

#[test]
fn generation_0_fires_when_count_exceeds_threshold() {
    let heap = Heap::new();
    heap.gc.set_thresholds([5, 10, 10]);
    let kept = heap.alloc_n(5);
    assert_eq!(heap.gc.counts()[0], 5);
    assert_eq!(
        heap.gc.collection_due(),
        None,
        "count 5 does not exceed threshold 5"
    );
    let sixth = heap.alloc();
    assert_eq!(heap.gc.collection_due(), Some(Generation::Young));
    let r = heap.gc.collect_if_due().unwrap();
    assert_eq!(r.generation, Generation::Young);
    assert_eq!(heap.gc.counts(), [0, 1, 0]);
    assert_eq!(heap.gc.collection_due(), None);
    for n in kept.into_iter().chain([sixth]) {
        release(n);
    }
}

#[test]
fn note_allocation_reports_due() {
    let heap = Heap::new();
    heap.gc.set_thresholds([2, 10, 10]);
    assert!(!heap.gc.note_allocation(8));
    assert!(!heap.gc.note_allocation(8));
    assert!(heap.gc.note_allocation(8));
}

/// Allocate live objects one by one, running whatever is due; return the
/// generations collected with, for each, (count2 before, pending, total).
fn run(
    heap: &Heap,
    allocations: usize,
    keep: &mut Vec<N>,
) -> Vec<(Generation, [usize; 3], usize, usize)> {
    let mut log = Vec::new();
    for _ in 0..allocations {
        keep.push(heap.alloc());
        if let Some(g) = heap.gc.collection_due() {
            let before = (
                heap.gc.counts(),
                heap.gc.long_lived_pending(),
                heap.gc.long_lived_total(),
            );
            let r = heap.gc.collect_if_due().unwrap();
            assert_eq!(r.generation, g);
            log.push((g, before.0, before.1, before.2));
            heap.gc.check_invariants().unwrap();
        }
    }
    log
}

#[test]
fn middle_generation_every_threshold_1_young_collections() {
    let heap = Heap::new();
    heap.gc.set_thresholds([3, 2, 1000]);
    let mut keep = Vec::new();
    let log = run(&heap, 4 * 8, &mut keep);
    let gens: Vec<usize> = log.iter().map(|l| l.0.index()).collect();
    // Every 4th allocation collects (count 0 must exceed 3); count 1 goes up
    // by one per generation-0 collection and must exceed 2, so every fourth
    // collection is of generation 1.
    assert_eq!(gens, vec![0, 0, 0, 1, 0, 0, 0, 1]);
    for n in keep {
        release(n);
    }
}

#[test]
fn quarter_rule_gates_full_collections() {
    let heap = Heap::new();
    // 100 long-lived objects after a full collection.
    let mut keep = heap.alloc_n(100);
    heap.gc.collect(Generation::Old).unwrap();
    assert_eq!(
        (heap.gc.long_lived_total(), heap.gc.long_lived_pending()),
        (100, 0)
    );
    // Collect on every second allocation; generation 1 on every one of
    // those, generation 2 as soon as the 25 % rule allows.
    heap.gc.set_thresholds([1, 0, 0]);
    let log = run(&heap, 80, &mut keep);
    let first_full = log
        .iter()
        .position(|l| l.0 == Generation::Old)
        .expect("a full collection");
    for (i, (g, counts, pending, total)) in log.iter().enumerate() {
        let allowed = counts[2] > 0 && *pending >= total / 4;
        assert_eq!(
            *g == Generation::Old,
            allowed,
            "collection {i}: {g:?} with {counts:?}, {pending}/{total}"
        );
    }
    // Before it: pending was below 25 = 100 / 4 whenever count 2 was positive.
    let (_, _, pending, total) = log[first_full];
    assert_eq!(total, 100);
    assert!(pending >= 25);
    assert!(
        log[..first_full].iter().any(|l| l.1[2] > 0),
        "generation 2 was over threshold but skipped"
    );
    assert!(log[..first_full].iter().all(|l| l.2 < 25));
    // The full collection reset the accounting: total = everything alive.
    let after_first_full = 100 + 2 * (first_full + 1);
    assert!(heap.gc.long_lived_total() >= after_first_full);
    for n in keep {
        release(n);
    }
}

#[test]
fn threshold_zero_disables_automatic_collection() {
    let heap = Heap::new();
    heap.gc.set_thresholds([0, 10, 10]);
    let mut keep = Vec::new();
    for _ in 0..2000 {
        keep.push(heap.alloc());
        assert_eq!(heap.gc.collection_due(), None);
    }
    assert_eq!(heap.gc.collect_if_due(), None);
    // Explicit collection still works.
    assert!(heap.gc.collect(Generation::Young).is_ok());
    for n in keep {
        release(n);
    }
}

#[test]
fn disable_and_enable() {
    let heap = Heap::new();
    heap.gc.set_thresholds([1, 10, 10]);
    heap.gc.disable();
    assert!(!heap.gc.is_enabled());
    let keep = heap.alloc_n(5);
    assert_eq!(heap.gc.collection_due(), None);
    heap.gc.enable();
    assert_eq!(heap.gc.collection_due(), Some(Generation::Young));
    for n in keep {
        release(n);
    }
}

#[test]
fn byte_trigger_collects_programs_with_few_large_objects() {
    let heap = Heap::new();
    heap.gc.set_byte_threshold(10 * NODE_BYTES);
    let mut keep = heap.alloc_n(9);
    assert_eq!(heap.gc.collection_due(), None);
    keep.push(heap.alloc());
    assert_eq!(heap.gc.bytes_since_collection(), (10 * NODE_BYTES) as i64);
    assert_eq!(
        heap.gc.collection_due(),
        Some(Generation::Young),
        "10 objects << 700"
    );
    heap.gc.collect_if_due().unwrap();
    assert_eq!(heap.gc.bytes_since_collection(), 0);
    assert_eq!(heap.gc.collection_due(), None);
    // Frees count against growth.
    release(keep.pop().unwrap());
    keep.extend(heap.alloc_n(10));
    assert_eq!(heap.gc.collection_due(), None, "net growth is 9 objects");
    keep.push(heap.alloc());
    assert_eq!(heap.gc.collection_due(), Some(Generation::Young));
    heap.gc.set_byte_threshold(0);
    assert_eq!(heap.gc.collection_due(), None);
    for n in keep {
        release(n);
    }
}
