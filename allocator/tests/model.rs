//! Property tests: random sequences of alloc / free / realloc of random
//! sizes, run against a model of the live blocks. Every block is filled with
//! a pattern derived from its id, verified before it is freed or moved, and
//! `check_invariants()` runs after every step. Both geometries, both modes.

use proptest::prelude::*;
use pyrite_allocator::{Allocator, CPythonGeometry, Geometry, Mode, PyriteGeometry};
use std::ptr::NonNull;

#[derive(Debug, Clone)]
enum Op {
    Alloc(usize),
    Free(usize),
    Realloc(usize, usize),
}

/// Sizes: mostly small (every class), some at the edges, some raw.
fn size() -> impl Strategy<Value = usize> {
    prop_oneof![
        8 => 0usize..=512,
        1 => prop::sample::select(vec![0usize, 1, 7, 8, 9, 504, 511, 512, 513]),
        1 => 513usize..4096,
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        5 => size().prop_map(Op::Alloc),
        3 => any::<usize>().prop_map(Op::Free),
        2 => (any::<usize>(), size()).prop_map(|(i, s)| Op::Realloc(i, s)),
    ]
}

struct Live {
    ptr: NonNull<u8>,
    size: usize,
    tag: u8,
}

fn fill(block: &Live) {
    // SAFETY: the block is live and `size` bytes long.
    unsafe { block.ptr.as_ptr().write_bytes(block.tag, block.size) };
}

fn verify(block: &Live, len: usize) {
    // SAFETY: the block is live and at least `len` bytes long.
    let bytes = unsafe { std::slice::from_raw_parts(block.ptr.as_ptr(), len) };
    assert!(
        bytes.iter().all(|&b| b == block.tag),
        "block {:p} (tag {}) was damaged",
        block.ptr,
        block.tag
    );
}

fn run<G: Geometry>(mode: Mode, ops: &[Op]) {
    let mut a = Allocator::<G>::with_mode(mode);
    let mut live: Vec<Live> = Vec::new();
    let mut tag = 0u8;
    for op in ops {
        match *op {
            Op::Alloc(size) => {
                let ptr = a.alloc(size).expect("alloc");
                assert_eq!(ptr.as_ptr() as usize % G::ALIGNMENT, 0, "misaligned block");
                tag = tag.wrapping_add(1);
                let block = Live { ptr, size, tag };
                fill(&block);
                live.push(block);
            }
            Op::Free(i) if !live.is_empty() => {
                let block = live.swap_remove(i % live.len());
                verify(&block, block.size);
                // SAFETY: allocated by `a` with `block.size`, freed once.
                unsafe { a.free(block.ptr, block.size) };
            }
            Op::Realloc(i, new_size) if !live.is_empty() => {
                let i = i % live.len();
                let old = &live[i];
                verify(old, old.size);
                // SAFETY: allocated by `a` with `old.size`; replaced below.
                let ptr = unsafe { a.realloc(old.ptr, old.size, new_size) }.expect("realloc");
                let kept = old.size.min(new_size);
                let moved = Live {
                    ptr,
                    size: new_size,
                    tag: old.tag,
                };
                verify(&moved, kept);
                fill(&moved);
                live[i] = moved;
            }
            _ => {}
        }
        a.check_invariants()
            .unwrap_or_else(|e| panic!("after {op:?}: {e}"));
        let stats = a.stats();
        assert_eq!(
            stats.breakdown_total(),
            stats.arenas_current * G::ARENA_SIZE
        );
    }
    let small = live.iter().filter(|b| b.size <= 512).count();
    let raw = live.len() - small;
    let stats = a.stats();
    if mode == Mode::Normal {
        assert_eq!(stats.blocks_in_use(), small);
        assert_eq!(stats.raw_blocks, raw);
    }
    for block in live.drain(..) {
        verify(&block, block.size);
        // SAFETY: allocated by `a` with `block.size`, freed once.
        unsafe { a.free(block.ptr, block.size) };
        a.check_invariants().unwrap();
    }
    let stats = a.stats();
    assert_eq!(stats.blocks_in_use(), 0);
    assert_eq!(stats.raw_blocks, 0);
    assert_eq!(stats.raw_bytes, 0);
    assert!(
        stats.arenas_current <= 1,
        "{} arenas kept",
        stats.arenas_current
    );
    assert_eq!(a.corruption_reports(), 0);
}

fn cases() -> u32 {
    if cfg!(miri) {
        4
    } else {
        64
    }
}

fn max_ops() -> usize {
    if cfg!(miri) {
        40
    } else {
        600
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn random_ops_default_geometry(ops in prop::collection::vec(op(), 0..max_ops())) {
        run::<PyriteGeometry>(Mode::Normal, &ops);
    }

    #[test]
    fn random_ops_cpython_geometry(ops in prop::collection::vec(op(), 0..max_ops())) {
        run::<CPythonGeometry>(Mode::Normal, &ops);
    }

    #[test]
    fn random_ops_debug_mode(ops in prop::collection::vec(op(), 0..max_ops())) {
        run::<PyriteGeometry>(Mode::Debug, &ops);
    }

    /// Long runs of one class, to exercise full pools, cached empty pools and
    /// several arenas.
    #[test]
    fn many_blocks_of_few_sizes(
        sizes in prop::collection::vec(prop::sample::select(vec![8usize, 24, 64, 200, 512]), 1..4),
        n in if cfg!(miri) { 50usize..100 } else { 500usize..3000 },
        seed in any::<u64>(),
    ) {
        let mut ops = Vec::new();
        let mut x = seed | 1;
        for i in 0..n {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            if x.is_multiple_of(3) {
                ops.push(Op::Free(x as usize));
            } else {
                ops.push(Op::Alloc(sizes[i % sizes.len()]));
            }
        }
        run::<PyriteGeometry>(Mode::Normal, &ops);
    }
}
