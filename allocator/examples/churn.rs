//! The churn workload of the allocator benchmark as a plain program, for
//! instruction and cache profiles (`valgrind --tool=cachegrind`):
//! `cargo run --release -p pyrite-allocator --example churn -- pyrite|cpython|system|mimalloc [ops]`.

use pyrite_allocator::{Allocator, CPythonGeometry, Geometry, Mode, PyriteGeometry};
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::ptr::NonNull;
use workload::{Rng, CHURN_LIVE};

#[path = "../benches/workload/mod.rs"]
mod workload;

fn churn(
    mut alloc: impl FnMut(usize) -> *mut u8,
    mut free: impl FnMut(*mut u8, usize),
    ops: usize,
) {
    let mut rng = Rng(Rng::CHURN_SEED);
    let mut live: Vec<(*mut u8, usize)> = (0..CHURN_LIVE)
        .map(|_| {
            let s = rng.size();
            (alloc(s), s)
        })
        .collect();
    for _ in 0..ops {
        let slot = rng.next() as usize % live.len();
        let size = rng.size();
        let (p, old) = live[slot];
        free(p, old);
        live[slot] = (black_box(alloc(size)), size);
    }
    for (p, s) in live {
        free(p, s);
    }
}

fn pyrite<G: Geometry>(ops: usize) {
    let a = std::cell::RefCell::new(Allocator::<G>::with_mode(Mode::Normal));
    churn(
        |s| a.borrow_mut().alloc(s).unwrap().as_ptr(),
        // SAFETY: every pointer freed came from `alloc(s)` and is freed once.
        |p, s| unsafe { a.borrow_mut().free(NonNull::new_unchecked(p), s) },
        ops,
    );
}

fn global(g: &impl GlobalAlloc, ops: usize) {
    churn(
        // SAFETY: sizes are non-zero.
        |s| unsafe { g.alloc(Layout::from_size_align_unchecked(s, 8)) },
        // SAFETY: same layout as at allocation; freed once.
        |p, s| unsafe { g.dealloc(p, Layout::from_size_align_unchecked(s, 8)) },
        ops,
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let ops = args
        .get(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    match args.get(1).map(String::as_str) {
        Some("cpython") => pyrite::<CPythonGeometry>(ops),
        Some("system") => global(&System, ops),
        Some("mimalloc") => global(&mimalloc::MiMalloc, ops),
        _ => pyrite::<PyriteGeometry>(ops),
    }
}
