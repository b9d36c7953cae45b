//! Weak references: cleared before finalizers and callbacks see the garbage;
//! callbacks of garbage weak references never run.

use std::rc::Rc;

use pyrite_gc::Generation;

use crate::toy::{release, Event, Heap, N};

fn garbage_pair(heap: &Heap) -> (N, N) {
    let (a, b) = (heap.alloc(), heap.alloc());
    heap.link(a, b);
    heap.link(b, a);
    release(a);
    release(b);
    (a, b)
}

#[test]
fn weakrefs_to_garbage_are_cleared_before_finalizers_run() {
    let heap = Heap::new();
    let (a, b) = garbage_pair(&heap);
    let w = heap.weakref(b, None); // live: the test holds it
    assert_eq!(heap.weak_get(w), Some(b));
    heap.set_finalizer_hook(
        a,
        Rc::new(move |heap: &Heap, _me: N| {
            assert_eq!(
                heap.weak_get(w),
                None,
                "finalizer must not reach garbage by a weakref"
            );
        }),
    );
    let r = heap.gc.collect(Generation::Old).unwrap();
    assert_eq!(r.collected, 2);
    assert_eq!(heap.count(&Event::Finalized(a.id())), 1);
    assert_eq!(heap.weak_get(w), None);
    release(w);
}

#[test]
fn callbacks_of_live_weakrefs_run_and_see_nothing_half_cleared() {
    let heap = Heap::new();
    let (a, b) = garbage_pair(&heap);
    let w = heap.weakref(
        b,
        Some(Rc::new(move |heap: &Heap, me: N| {
            assert_eq!(heap.weak_get(me), None);
            assert!(heap
                .events()
                .iter()
                .all(|e| !matches!(e, Event::Cleared(_))));
            assert_eq!((a.edges(), b.edges()), (vec![b], vec![a]), "garbage intact");
        })),
    );
    heap.set_finalizer(a);
    let r = heap.gc.collect(Generation::Old).unwrap();
    assert_eq!(r.collected, 2);
    assert_eq!(heap.count(&Event::Callback(w.id())), 1);
    // The callback ran before any finalizer.
    let events = heap.events();
    let cb = events
        .iter()
        .position(|e| *e == Event::Callback(w.id()))
        .unwrap();
    let fin = events
        .iter()
        .position(|e| *e == Event::Finalized(a.id()))
        .unwrap();
    assert!(cb < fin);
    release(w);
    heap.gc.check_invariants().unwrap();
}

#[test]
fn callbacks_of_garbage_weakrefs_do_not_run() {
    let heap = Heap::new();
    let (a, _b) = garbage_pair(&heap);
    // A weak reference to `a`, owned only by `a`: garbage itself.
    let w = heap.weakref(a, Some(Rc::new(|_: &Heap, _: N| {})));
    heap.link(a, w);
    release(w);
    // And one owned by the other cycle member, referencing it (order in the
    // list differs: the weakref comes before its referent).
    let w2 = heap.alloc();
    let (c, d) = garbage_pair(&heap);
    let w3 = heap.weakref(d, Some(Rc::new(|_: &Heap, _: N| {})));
    heap.link(c, w3);
    release(w3);
    release(w2);
    let r = heap.gc.collect(Generation::Old).unwrap();
    assert_eq!(r.collected, 6);
    assert_eq!(heap.count(&Event::Callback(w.id())), 0);
    assert_eq!(heap.count(&Event::Callback(w3.id())), 0);
    assert!(w.is_dead() && w3.is_dead());
    heap.gc.check_invariants().unwrap();
}

#[test]
fn a_weakref_freed_after_its_callback_counts_as_collected() {
    let heap = Heap::new();
    let (_a, b) = garbage_pair(&heap);
    let w = heap.weakref(b, Some(Rc::new(|heap: &Heap, _me: N| heap.release_saved())));
    heap.saved.borrow_mut().push(w); // the only reference besides the collector's
    let r = heap.gc.collect(Generation::Old).unwrap();
    assert_eq!(r.collected, 3);
    assert!(w.is_dead());
    heap.gc.check_invariants().unwrap();
}
