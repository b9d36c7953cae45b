//! Dynamic opcode-pair counts, a profiling aid behind the cargo feature
//! `opcode-pairs` (never in a normal build): the eval loop records each
//! instruction reached by falling through from the one before it — the
//! pairs a superinstruction could fuse — and at the interpreter thread's
//! exit the counts go to the file `PYRITE_PAIRS_OUT` names (one
//! `count FIRST SECOND` line per pair, most frequent first, after a
//! `total N` line of all instructions run).
//!
//! ```sh
//! cargo build --release --features opcode-pairs
//! PYRITE_PAIRS_OUT=/tmp/pairs.txt target/release/pyrite benches/python/nbody.py
//! ```

use std::cell::RefCell;
use std::io::Write as _;

use crate::compile::opcode::Opcode;

struct Counts {
    pairs: Vec<u64>,
    total: u64,
}

impl Drop for Counts {
    fn drop(&mut self) {
        let Some(path) = std::env::var_os("PYRITE_PAIRS_OUT") else {
            return;
        };
        let mut rows: Vec<(u64, usize)> = self
            .pairs
            .iter()
            .enumerate()
            .filter(|(_, &n)| n > 0)
            .map(|(i, &n)| (n, i))
            .collect();
        rows.sort_by(|a, b| b.cmp(a));
        let name = |n: usize| Opcode::from_u8(n as u8).map_or("?", Opcode::name);
        let mut out = format!("total {}\n", self.total);
        for (n, i) in rows {
            out.push_str(&format!("{n} {} {}\n", name(i >> 8), name(i & 0xff)));
        }
        if let Ok(mut f) = std::fs::File::create(path) {
            let _ = f.write_all(out.as_bytes());
        }
    }
}

thread_local! {
    static COUNTS: RefCell<Counts> = RefCell::new(Counts { pairs: vec![0; 1 << 16], total: 0 });
}

/// Records the instruction at `ip`; `prev` is the loop's last
/// `(index, opcode)`, updated here.
pub fn record(prev: &mut (usize, u8), ip: usize, op: Opcode) {
    COUNTS.with(|c| {
        let mut c = c.borrow_mut();
        c.total += 1;
        if prev.0.wrapping_add(1) == ip {
            c.pairs[(prev.1 as usize) << 8 | op as usize] += 1;
        }
    });
    *prev = (ip, op as u8);
}
