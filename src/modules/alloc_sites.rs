//! Python allocation sites for the profilers (`tracemalloc`, `-X
//! allocprofile`): the running frames at an allocation captured as an
//! interned traceback — a list of (filename, line) frames, innermost
//! first — using Rust-heap tables only, so capture may run inside an
//! allocator event (EVENTS-1).
//!
//! Frames name their code unit, interned by address: the table keeps a
//! clone of each `Rc<CodeUnit>` (Rust heap), so an address is never reused
//! for another unit while the table lives. A traceback is interned as one
//! `u32` slice `[total_nframe, code0, line0, code1, line1, ...]`.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

use crate::compile::code::CodeUnit;

/// A small multiplicative hasher (FxHash's): the tables are keyed by
/// addresses and short `u32` slices, where SipHash's cost would dominate
/// an allocation event.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut w = [0u8; 8];
            w[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(w));
        }
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with [`FxHasher`].
pub type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// One frame of a site: an index into the code table and a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SiteFrame {
    /// Code index ([`Sites::filename`], [`Sites::function`]).
    pub code: u32,
    /// Line number (0 when unknown).
    pub line: u32,
}

/// The filename of code 0: allocations made with no Python frame running
/// (start-up, the runtime's own work), as CPython's `<unknown>`:0.
pub const UNKNOWN_FILE: &str = "<unknown>";

/// The interned code units and tracebacks of one profiler.
pub struct Sites {
    /// Code 0 is "no frame".
    codes: Vec<Option<Rc<CodeUnit>>>,
    code_ids: FxHashMap<usize, u32>,
    /// Whether a traceback's key includes its total frame count
    /// (tracemalloc's `total_nframe`); without, equal frames are one site.
    count_total: bool,
    /// Traceback id -> `[total, file, line, file, line, ...]`.
    tracebacks: Vec<Box<[u32]>>,
    tb_ids: FxHashMap<Box<[u32]>, u32>,
    scratch: Vec<u32>,
}

impl Default for Sites {
    fn default() -> Self {
        Sites::new(true)
    }
}

impl Sites {
    /// Empty tables (code 0 is "no frame"); `count_total`: whether
    /// tracebacks differing only in their total frame count are distinct.
    pub fn new(count_total: bool) -> Sites {
        Sites {
            codes: vec![None],
            code_ids: FxHashMap::default(),
            count_total,
            tracebacks: Vec::new(),
            tb_ids: FxHashMap::default(),
            scratch: Vec::new(),
        }
    }

    fn code_id(&mut self, unit: &Rc<CodeUnit>) -> u32 {
        let key = Rc::as_ptr(unit) as usize;
        if let Some(&id) = self.code_ids.get(&key) {
            return id;
        }
        let id = self.codes.len() as u32;
        self.codes.push(Some(unit.clone()));
        self.code_ids.insert(key, id);
        id
    }

    /// The running frames, at most `limit` of them innermost first, as an
    /// interned traceback id. Reads frames only: safe inside an allocator
    /// event (EVENTS-1).
    pub fn capture(&mut self, limit: usize) -> u32 {
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        scratch.push(0);
        let mut total: u32 = 0;
        crate::vm::frame::for_each_running(|f| {
            if (total as usize) < limit {
                let code = self.code_id(&f.code().unit);
                scratch.push(code);
                scratch.push(f.lineno());
            }
            total = total.saturating_add(1);
            true
        });
        if total == 0 {
            // CPython's traceback of an allocation with no frame.
            scratch.extend([0, 0]);
            total = 1;
        }
        scratch[0] = if self.count_total {
            total.min(u32::from(u16::MAX))
        } else {
            0
        };
        let id = match self.tb_ids.get(scratch.as_slice()) {
            Some(&id) => id,
            None => {
                let id = self.tracebacks.len() as u32;
                let key: Box<[u32]> = scratch.as_slice().into();
                self.tracebacks.push(key.clone());
                self.tb_ids.insert(key, id);
                id
            }
        };
        self.scratch = scratch;
        id
    }

    /// The frames of traceback `id`, innermost first.
    pub fn frames(&self, id: u32) -> impl Iterator<Item = SiteFrame> + '_ {
        self.tracebacks[id as usize][1..]
            .chunks_exact(2)
            .map(|c| SiteFrame {
                code: c[0],
                line: c[1],
            })
    }

    /// The number of frames that were running for traceback `id` (may be
    /// more than it holds).
    pub fn total_frames(&self, id: u32) -> u32 {
        self.tracebacks[id as usize][0]
    }

    /// Number of interned tracebacks (ids are `0..count`).
    pub fn traceback_count(&self) -> usize {
        self.tracebacks.len()
    }

    /// Number of interned code units (indices are `0..count`).
    pub fn code_count(&self) -> usize {
        self.codes.len()
    }

    /// The filename of code `code`.
    pub fn filename(&self, code: u32) -> &str {
        self.codes[code as usize]
            .as_ref()
            .map_or(UNKNOWN_FILE, |u| &u.filename)
    }

    /// The qualified function name of code `code` (`???` for no frame).
    pub fn function(&self, code: u32) -> &str {
        self.codes[code as usize]
            .as_ref()
            .map_or("???", |u| &u.qualname)
    }

    /// Approximate bytes the tables use (`get_tracemalloc_memory`).
    pub fn memory(&self) -> usize {
        let word = std::mem::size_of::<usize>();
        self.codes.capacity() * word
            + self.code_ids.capacity() * 2 * word
            + self
                .tracebacks
                .iter()
                .map(|t| t.len() * 4 * 2 + 4 * word)
                .sum::<usize>()
            + self.scratch.capacity() * 4
    }
}
