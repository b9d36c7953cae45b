//! The allocator benchmark's workload generator, shared by `benches/alloc.rs`
//! and `examples/churn.rs` so that profiles run exactly what is timed.

/// Live blocks in the churn workload.
pub const CHURN_LIVE: usize = 10_000;

/// A fixed-seed xorshift sequence: the same workload for every contender.
pub struct Rng(pub u64);

impl Rng {
    /// The seed of the churn workload.
    pub const CHURN_SEED: u64 = 0x9E37_79B9_7F4A_7C15;

    /// The next pseudo-random word.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A size in 8..=512, skewed small the way object sizes are: three
    /// draws in four are at most 128 bytes.
    pub fn size(&mut self) -> usize {
        let r = self.next();
        let max = if r.is_multiple_of(4) { 512 } else { 128 };
        8 + (r >> 8) as usize % (max - 7)
    }
}
