//! Debug output in CPython 3.11's format, and start / stop callbacks.

use std::cell::RefCell;
use std::rc::Rc;

use pyrite_gc::{CollectError, CollectionInfo, DebugFlags, Generation, Phase};

use crate::toy::{release, Heap, N};

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
fn stats_collectable_uncollectable_lines() {
    let heap = Heap::new();
    let live = heap.alloc();
    heap.gc.collect(Generation::Young).unwrap(); // `live` to generation 1
    let free = cycle(&heap, 1);
    let legacy = cycle(&heap, 2);
    heap.set_legacy(legacy[0]);
    heap.gc.freeze();
    heap.gc.unfreeze();
    let frozen = heap.alloc();
    heap.gc.freeze(); // `frozen`, `live` and the cycles are permanent now...
    heap.gc.unfreeze(); // ...and back in generation 2.
    let young = cycle(&heap, 1);

    heap.gc
        .set_debug(DebugFlags::STATS | DebugFlags::COLLECTABLE | DebugFlags::UNCOLLECTABLE);
    let mut out = Vec::new();
    let r = heap
        .gc
        .collect_with_output(Generation::Old, &mut out)
        .unwrap();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "gc: collecting generation 2...");
    assert_eq!(lines[1], "gc: objects in each generation: 1 0 5");
    assert_eq!(lines[2], "gc: objects in permanent generation: 0");
    let p = |n: N| format!("{:p}", n.0.as_ptr());
    assert_eq!(lines[3], format!("gc: collectable <Node {}>", p(free[0])));
    assert_eq!(lines[4], format!("gc: collectable <Node {}>", p(young[0])));
    assert_eq!(
        lines[5],
        format!("gc: uncollectable <Node {}>", p(legacy[0]))
    );
    assert_eq!(
        lines[6],
        format!("gc: uncollectable <Node {}>", p(legacy[1]))
    );
    assert!(
        lines[7].starts_with("gc: done, 4 unreachable, 2 uncollectable, "),
        "{}",
        lines[7]
    );
    assert!(lines[7].ends_with("s elapsed"));
    let secs = lines[7].trim_start_matches("gc: done, 4 unreachable, 2 uncollectable, ");
    let secs = secs.trim_end_matches("s elapsed");
    assert_eq!(secs.split('.').nth(1).map(str::len), Some(4), "%.4f");
    assert_eq!(lines.len(), 8);
    assert_eq!((r.collected, r.uncollectable), (2, 2));
    release(live);
    release(frozen);
}

#[test]
fn no_flags_no_output() {
    let heap = Heap::new();
    cycle(&heap, 3);
    let mut out = Vec::new();
    heap.gc
        .collect_with_output(Generation::Old, &mut out)
        .unwrap();
    assert!(out.is_empty());
}

#[test]
fn permanent_generation_is_reported() {
    let heap = Heap::new();
    let keep = heap.alloc_n(3);
    heap.gc.freeze();
    heap.gc.set_debug(DebugFlags::STATS);
    let mut out = Vec::new();
    heap.gc
        .collect_with_output(Generation::Young, &mut out)
        .unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with(
        "gc: collecting generation 0...\n\
         gc: objects in each generation: 0 0 0\n\
         gc: objects in permanent generation: 3\n\
         gc: done, 0 unreachable, 0 uncollectable, "
    ));
    for n in keep {
        release(n);
    }
}

#[test]
fn callbacks_see_start_and_stop() {
    let heap = Heap::new();
    let seen: Rc<RefCell<Vec<(Phase, CollectionInfo)>>> = Rc::default();
    let sink = seen.clone();
    let id = heap
        .gc
        .add_callback(move |phase, info| sink.borrow_mut().push((phase, info)));
    let legacy = cycle(&heap, 2);
    heap.set_legacy(legacy[0]);
    cycle(&heap, 3);
    heap.gc.collect(Generation::Middle).unwrap();
    let info = |collected, uncollectable| CollectionInfo {
        generation: Generation::Middle,
        collected,
        uncollectable,
    };
    assert_eq!(
        *seen.borrow(),
        vec![(Phase::Start, info(0, 0)), (Phase::Stop, info(3, 2))]
    );
    assert_eq!(
        (Phase::Start.as_str(), Phase::Stop.as_str()),
        ("start", "stop")
    );
    assert!(heap.gc.remove_callback(id));
    assert!(!heap.gc.remove_callback(id));
    heap.gc.collect(Generation::Young).unwrap();
    assert_eq!(seen.borrow().len(), 2);
}

#[test]
fn callbacks_cannot_start_a_collection_but_can_register_callbacks() {
    let heap = Heap::new();
    let heap_ptr: *const Heap = &*heap;
    let results: Rc<RefCell<Vec<Result<(), CollectError>>>> = Rc::default();
    let sink = results.clone();
    heap.gc.add_callback(move |_, _| {
        // SAFETY: the heap outlives the collector's callbacks.
        let heap = unsafe { &*heap_ptr };
        sink.borrow_mut()
            .push(heap.gc.collect(Generation::Young).map(|_| ()));
        heap.gc.add_callback(|_, _| {});
    });
    heap.gc.collect(Generation::Young).unwrap();
    assert_eq!(
        *results.borrow(),
        vec![
            Err(CollectError::AlreadyCollecting),
            Err(CollectError::AlreadyCollecting)
        ]
    );
    assert!(!heap.gc.is_collecting());
}
