//! The observer hook's cost as instructions, independent of machine load:
//! `pairs` alloc+free pairs of 32 bytes with no observer, with a counting
//! observer, or with one set and removed again. Run under cachegrind twice
//! with different `pairs` and divide the difference in `I refs`:
//! `cargo run --release -p pyrite-allocator --example hook_pairs -- none|observer|removed [pairs]`.

use pyrite_allocator::{AllocObserver, Allocator, Domain};
use std::hint::black_box;
use std::ptr::NonNull;

struct CountingObserver(u64);

impl AllocObserver for CountingObserver {
    fn on_alloc(&mut self, _: NonNull<u8>, size: usize, _: Domain) {
        self.0 += size as u64;
    }
    fn on_free(&mut self, _: NonNull<u8>, size: usize, _: Domain) {
        self.0 -= size as u64;
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mode = args.get(1).map_or("none", String::as_str);
    let pairs: usize = args
        .get(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);
    let mut a = Allocator::new();
    if mode != "none" {
        a.set_observer(Some(Box::new(CountingObserver(0))));
    }
    if mode == "removed" {
        a.set_observer(None);
    }
    let keep = a.alloc(32).unwrap();
    for _ in 0..pairs {
        let p = a.alloc(black_box(32)).unwrap();
        // SAFETY: just allocated with 32 bytes.
        unsafe { a.free(black_box(p), 32) };
    }
    // SAFETY: allocated above with 32 bytes.
    unsafe { a.free(keep, 32) };
}
