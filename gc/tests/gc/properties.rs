//! Property test: on random graphs with random external references,
//! finalizers (plain and resurrecting) and legacy finalizers, each
//! collection frees exactly what a plain mark-and-sweep oracle says, reports
//! the right counts, and leaves `check_invariants()` true.

use std::collections::{BTreeSet, HashMap};

use proptest::collection::vec;
use proptest::prelude::*;
use pyrite_gc::Generation;

use crate::toy::{release, Event, Heap, N};

/// Case count: 256 (or `PROPTEST_CASES`), and only 4 under Miri, which is
/// ~1000× slower.
fn cases() -> u32 {
    if cfg!(miri) {
        return 4;
    }
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

#[derive(Clone, Debug)]
struct Case {
    n: usize,
    edges: Vec<(usize, usize)>,
    roots: Vec<bool>,
    /// 0: resurrecting finalizer, 1: legacy finalizer, 2–3: plain finalizer,
    /// otherwise none.
    kinds: Vec<u8>,
    /// Collections: generation, then node indices whose root reference to
    /// drop before it.
    steps: Vec<(u8, Vec<usize>)>,
}

fn case() -> impl Strategy<Value = Case> {
    (1usize..=24).prop_flat_map(|n| {
        (
            vec((0..n, 0..n), 0..=3 * n),
            vec(any::<bool>(), n),
            vec(0u8..12, n),
            vec((0u8..3, vec(0..n, 0..3)), 1..5),
        )
            .prop_map(move |(edges, roots, kinds, steps)| Case {
                n,
                edges,
                roots,
                kinds,
                steps,
            })
    })
}

/// Everything reachable from `from` along edges, staying inside `within`.
fn closure(from: impl IntoIterator<Item = N>, within: &BTreeSet<N>) -> BTreeSet<N> {
    let mut seen = BTreeSet::new();
    let mut stack: Vec<N> = from.into_iter().filter(|n| within.contains(n)).collect();
    while let Some(x) = stack.pop() {
        if seen.insert(x) {
            stack.extend(
                x.edges()
                    .into_iter()
                    .filter(|e| within.contains(e) && !seen.contains(e)),
            );
        }
    }
    seen
}

/// What a collection of `g` must do.
struct Expected {
    /// Objects freed: the collected ones, and those whose refcount drops to
    /// zero when the collected ones are cleared.
    freed: BTreeSet<N>,
    /// `collected`: objects cleared (resurrected ones excluded).
    collected: usize,
    /// `uncollectable`: objects reached from legacy finalizers that are still
    /// alive after the clearing.
    uncollectable: usize,
}

fn oracle(heap: &Heap, g: Generation, kinds: &HashMap<N, u8>) -> Expected {
    let alive: BTreeSet<N> = heap.objects(None).into_iter().collect();
    let candidates: BTreeSet<N> = Generation::ALL[..=g.index()]
        .iter()
        .flat_map(|&gen| heap.objects(Some(gen)))
        .collect();
    // Mark: roots are objects outside the candidate set or with references
    // from outside the tracked objects (refcount > references from tracked
    // objects).
    let mut internal: HashMap<N, usize> = HashMap::new();
    for &x in &alive {
        for e in x.edges() {
            *internal.entry(e).or_default() += 1;
        }
    }
    let roots = alive.iter().copied().filter(|x| {
        !candidates.contains(x) || x.refcount() > internal.get(x).copied().unwrap_or(0)
    });
    let reachable = closure(roots, &alive);
    let unreachable: BTreeSet<N> = candidates.difference(&reachable).copied().collect();
    // Legacy finalizers and what they reach are set aside.
    let legacy = unreachable.iter().copied().filter(|x| kinds[x] == 1);
    let uncollectable = closure(legacy, &unreachable);
    let collectable: BTreeSet<N> = unreachable.difference(&uncollectable).copied().collect();
    // Finalizers run; first-time resurrectors keep what they reach.
    let has_finalizer = |x: &N| matches!(kinds[x], 0 | 2 | 3);
    let mut finalized: BTreeSet<N> = alive
        .iter()
        .copied()
        .filter(|x| x.is_finalized(heap))
        .collect();
    let resurrectors: Vec<N> = collectable
        .iter()
        .copied()
        .filter(|x| kinds[x] == 0 && !finalized.contains(x))
        .collect();
    finalized.extend(collectable.iter().copied().filter(has_finalizer));
    let resurrected = closure(resurrectors.iter().copied(), &collectable);
    let collected: BTreeSet<N> = collectable.difference(&resurrected).copied().collect();
    // Sweep by refcounting: clearing the collected objects drops their
    // references; whatever reaches zero is deallocated (its finalizer first,
    // which may resurrect it), dropping its references in turn.
    let mut rc: HashMap<N, usize> = alive.iter().map(|&x| (x, x.refcount())).collect();
    for x in &resurrectors {
        *rc.get_mut(x).unwrap() += 1; // the reference the finalizer stored
    }
    let mut freed = collected.clone();
    let mut zero: Vec<N> = Vec::new();
    let drop_edges = |x: N, rc: &mut HashMap<N, usize>, zero: &mut Vec<N>| {
        for e in x.edges() {
            let r = rc.get_mut(&e).unwrap();
            *r -= 1;
            if *r == 0 {
                zero.push(e);
            }
        }
    };
    for &x in &collected {
        drop_edges(x, &mut rc, &mut zero);
    }
    while let Some(y) = zero.pop() {
        if freed.contains(&y) {
            continue;
        }
        if has_finalizer(&y) && finalized.insert(y) && kinds[&y] == 0 {
            rc.insert(y, 1); // resurrected by its finalizer
            continue;
        }
        freed.insert(y);
        drop_edges(y, &mut rc, &mut zero);
    }
    Expected {
        collected: collected.len(),
        uncollectable: uncollectable.difference(&freed).count(),
        freed,
    }
}

fn run_case(case: &Case) -> Result<(), TestCaseError> {
    let heap = Heap::new();
    let nodes = heap.alloc_n(case.n);
    let mut kinds = HashMap::new();
    for (&x, &k) in nodes.iter().zip(&case.kinds) {
        kinds.insert(x, k);
        match k {
            0 => heap.set_resurrecting_finalizer(x),
            1 => heap.set_legacy(x),
            2 | 3 => heap.set_finalizer(x),
            _ => {}
        }
    }
    for &(a, b) in &case.edges {
        heap.link(nodes[a], nodes[b]);
    }
    let mut held: Vec<bool> = case.roots.clone();
    for (i, &x) in nodes.iter().enumerate() {
        if !held[i] {
            release(x);
        }
    }
    heap.gc
        .check_invariants()
        .map_err(|e| TestCaseError::fail(e.to_string()))?;

    let check = |heap: &Heap, g: Generation| -> Result<(), TestCaseError> {
        let expected = oracle(heap, g, &kinds);
        let visited = Generation::ALL[..=g.index()]
            .iter()
            .map(|&gen| heap.objects(Some(gen)).len())
            .sum::<usize>();
        let freed_before: BTreeSet<usize> = heap.freed().into_iter().collect();
        let r = heap.gc.collect(g).unwrap();
        let freed_now: BTreeSet<usize> = heap
            .freed()
            .into_iter()
            .filter(|id| !freed_before.contains(id))
            .collect();
        let expected_ids: BTreeSet<usize> = expected.freed.iter().map(N::id).collect();
        prop_assert_eq!(&freed_now, &expected_ids, "collection of {:?}", g);
        prop_assert_eq!(r.collected, expected.collected);
        prop_assert_eq!(r.uncollectable, expected.uncollectable);
        prop_assert_eq!(r.visited, visited);
        heap.gc
            .check_invariants()
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        for x in heap.objects(None) {
            prop_assert!(!x.is_dead());
        }
        Ok(())
    };

    for (g, drops) in &case.steps {
        for &i in drops {
            if held[i] {
                held[i] = false;
                release(nodes[i]);
            }
        }
        check(&heap, Generation::from_index(*g as usize).unwrap())?;
    }
    // Drop every outside reference (roots, resurrections, the garbage list):
    // a full collection then leaves only what legacy finalizers keep.
    for (i, &x) in nodes.iter().enumerate() {
        if held[i] {
            release(x);
        }
    }
    // Until nothing changes: resurrected objects die the next time (their
    // finalizer has run), and clearing may free a legacy object by
    // refcounting, which turns what it reached into ordinary garbage.
    for _ in 0..=case.n + 1 {
        let before = heap.objects(None).len();
        heap.release_saved();
        for x in heap.gc.take_garbage() {
            release(N(x));
        }
        check(&heap, Generation::Old)?;
        if heap.objects(None).len() == before && heap.saved.borrow().is_empty() {
            break;
        }
    }
    // Every finalizer ran at most once.
    for &x in &nodes {
        prop_assert!(heap.count(&Event::Finalized(x.id())) <= 1);
    }
    // Survivors are exactly the uncollectable objects and what they reach.
    let survivors: BTreeSet<N> = heap.objects(None).into_iter().collect();
    let legacy_reach = closure(
        survivors.iter().copied().filter(|y| kinds[y] == 1),
        &survivors,
    );
    prop_assert_eq!(&survivors, &legacy_reach);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn collects_exactly_the_unreachable(case in case()) {
        run_case(&case)?;
    }
}
