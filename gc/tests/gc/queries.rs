//! Queries (objects, referents, referrers) and the invariant checker, which
//! must catch corrupted headers.

use pyrite_gc::{header_of, Generation};

use crate::toy::{release, Heap};

#[test]
fn referents_and_referrers() {
    let heap = Heap::new();
    let n = heap.alloc_n(4);
    let (a, b, c, d) = (n[0], n[1], n[2], n[3]);
    heap.link(a, b);
    heap.link(a, c);
    heap.link(a, b);
    heap.link(d, b);
    let referents: Vec<_> = heap
        .gc
        .referents(a.node())
        .into_iter()
        .map(crate::toy::N)
        .collect();
    assert_eq!(referents, vec![b, c, b]);
    let referrers: Vec<_> = heap
        .gc
        .referrers(&[b.0])
        .into_iter()
        .map(crate::toy::N)
        .collect();
    assert_eq!(referrers, vec![a, d], "each referrer once");
    let referrers: Vec<_> = heap
        .gc
        .referrers(&[c.0, d.0])
        .into_iter()
        .map(crate::toy::N)
        .collect();
    assert_eq!(referrers, vec![a]);
    assert!(heap.gc.referrers(&[a.0]).is_empty());
    assert_eq!(heap.objects(None), n);
    heap.gc.collect(Generation::Young).unwrap();
    assert!(heap.objects(Some(Generation::Young)).is_empty());
    assert_eq!(heap.objects(Some(Generation::Middle)), n);
    for x in n {
        release(x);
    }
}

#[test]
fn check_invariants_catches_corruption() {
    let heap = Heap::new();
    let n = heap.alloc_n(3);
    heap.gc.check_invariants().unwrap();
    // SAFETY: the header of a live, tracked node; each word is restored
    // before anything else touches the lists.
    let words = unsafe { header_of(n[1].0).cast::<[usize; 2]>().as_ptr() };
    // SAFETY: as above.
    let saved = unsafe { words.read() };

    // SAFETY: as above.
    unsafe { (*words)[1] |= 2 }; // PREV_COLLECTING outside a collection
    let err = heap.gc.check_invariants().unwrap_err();
    assert_eq!((err.id, err.position), ("GC-5", 1));
    // SAFETY: as above.
    unsafe { words.write(saved) };

    // SAFETY: as above.
    unsafe { (*words)[0] |= 1 }; // NEXT_UNREACHABLE outside a collection
    let err = heap.gc.check_invariants().unwrap_err();
    assert_eq!(err.id, "GC-4");
    // SAFETY: as above.
    unsafe { words.write(saved) };

    // A broken back link: n[1].prev pointing at itself.
    let own = words as usize;
    // SAFETY: as above.
    unsafe { (*words)[1] = own };
    let err = heap.gc.check_invariants().unwrap_err();
    assert_eq!(err.id, "GC-1");
    assert!(err
        .to_string()
        .starts_with("GC-1 violated in Generation(Young)"));
    // SAFETY: as above.
    unsafe { words.write(saved) };

    heap.gc.check_invariants().unwrap();
    for x in n {
        release(x);
    }
}
