//! Debug mode: guard bytes around each block, fills, and the corruption
//! reports they make possible (CPython's `PYTHONMALLOC=debug` layout).
//!
//! ```text
//!  base                     data (returned)          tail
//!  +--------+---+----------+------------------------+-----------+
//!  | size   |api| 7 × 0xFD | n bytes, 0xCD when new | 8 × 0xFD  |
//!  +--------+---+----------+------------------------+-----------+
//!   8 bytes  1    7          n                        8
//! ```
//!
//! `size` is the requested size, little-endian. On free the whole block,
//! header and tail included, is filled with 0xDD, so a second free finds a
//! dead API byte: a double free. The checks run on every free and realloc.
//!
//! Invariant **DEBUG-1**: a live debug block's header holds its requested
//! size and API id, and its 7 + 8 guard bytes are 0xFD.

use core::fmt;

/// Filled into new memory.
pub const CLEAN_BYTE: u8 = 0xCD;
/// Filled into freed memory.
pub const DEAD_BYTE: u8 = 0xDD;
/// Guard bytes on both sides of a block.
pub const FORBIDDEN_BYTE: u8 = 0xFD;

/// Bytes before the data: the size word, the API id, 7 guard bytes.
pub(crate) const HEADER: usize = 16;
/// Guard bytes after the data.
pub(crate) const TAIL: usize = 8;
/// Extra bytes a debug block takes.
pub(crate) const OVERHEAD: usize = HEADER + TAIL;

/// Which API family allocated a block; freeing through another is an error.
/// The ids are CPython's letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Api {
    /// Raw memory (`'r'`).
    Raw,
    /// Memory buffers owned by objects (`'m'`).
    Mem,
    /// Objects (`'o'`).
    Object,
}

impl Api {
    pub(crate) fn id(self) -> u8 {
        match self {
            Api::Raw => b'r',
            Api::Mem => b'm',
            Api::Object => b'o',
        }
    }

    fn from_id(id: u8) -> Option<Api> {
        match id {
            b'r' => Some(Api::Raw),
            b'm' => Some(Api::Mem),
            b'o' => Some(Api::Object),
            _ => None,
        }
    }
}

/// What went wrong with a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorruptionKind {
    /// Bytes before the block were written (the front guard is damaged).
    Underwrite,
    /// Bytes after the block were written (the tail guard is damaged).
    Overwrite,
    /// The block was already freed.
    DoubleFree,
    /// Freed with a size other than the one it was allocated with.
    WrongSize {
        /// The size the block was allocated with.
        allocated: usize,
        /// The size given to free.
        given: usize,
    },
    /// Freed through another API than the one that allocated it.
    WrongApi {
        /// The API that allocated it.
        allocated: Api,
        /// The API used to free it.
        given: Api,
    },
}

/// A damaged byte: its offset from the start of the data (negative: in the
/// header) and what was found there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DamagedByte {
    /// Offset from the data pointer.
    pub offset: isize,
    /// The byte found.
    pub found: u8,
    /// The byte expected.
    pub expected: u8,
}

/// A corruption found in debug mode: the block, its size, the damage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorruptionReport {
    /// What is wrong.
    pub kind: CorruptionKind,
    /// The block's data address, as the caller knows it.
    pub address: usize,
    /// The size the block was allocated with, as far as it can be read.
    pub size: usize,
    /// The operation that found it ("free" or "realloc").
    pub operation: &'static str,
    /// Guard or header bytes that do not hold what they should.
    pub damaged: Vec<DamagedByte>,
}

impl fmt::Display for CorruptionReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match &self.kind {
            CorruptionKind::Underwrite => "bad leading pad byte (buffer underwrite)".to_string(),
            CorruptionKind::Overwrite => "bad trailing pad byte (buffer overwrite)".to_string(),
            CorruptionKind::DoubleFree => "block already freed (double free)".to_string(),
            CorruptionKind::WrongSize { allocated, given } => {
                format!("wrong size: allocated with {allocated} bytes, freed with {given}")
            }
            CorruptionKind::WrongApi { allocated, given } => format!(
                "bad ID: allocated by '{}', {} by '{}'",
                allocated.id() as char,
                self.operation,
                given.id() as char
            ),
        };
        writeln!(f, "pyrite allocator: {}: {what}", self.operation)?;
        writeln!(f, "Debug memory block at address p={:#x}:", self.address)?;
        writeln!(f, "    {} bytes originally requested", self.size)?;
        if self.damaged.is_empty() {
            writeln!(f, "    The guard bytes are intact.")?;
        } else {
            writeln!(f, "    {} damaged byte(s):", self.damaged.len())?;
            for d in &self.damaged {
                let place = if d.offset < 0 {
                    format!("p{}", d.offset)
                } else {
                    format!("p+{}", d.offset)
                };
                writeln!(
                    f,
                    "        at {place}: {:#04x}, expected {:#04x} *** OUCH",
                    d.found, d.expected
                )?;
            }
        }
        Ok(())
    }
}

/// Writes the header, the clean fill and the tail guard of a new block.
///
/// # Safety
/// `base` points to `size + OVERHEAD` writable bytes.
pub(crate) unsafe fn init_block(base: *mut u8, size: usize, api: Api) -> *mut u8 {
    // SAFETY: every write below lies in [base, base + size + OVERHEAD) (caller).
    unsafe {
        base.cast::<[u8; 8]>()
            .write_unaligned((size as u64).to_le_bytes());
        base.add(8).write(api.id());
        base.add(9).write_bytes(FORBIDDEN_BYTE, HEADER - 9);
        base.add(HEADER).write_bytes(CLEAN_BYTE, size);
        base.add(HEADER + size).write_bytes(FORBIDDEN_BYTE, TAIL);
        base.add(HEADER)
    }
}

/// Checks the block whose data starts at `data`, freed through `api` with
/// `size`. Returns the report of the first problem found, if any (DEBUG-1).
/// The tail is only read when the header is intact, so a damaged size word
/// never sends the check out of bounds.
///
/// # Safety
/// `data` was returned by a debug-mode allocation of this allocator, possibly
/// already freed (the block's memory is still mapped or owned), and the
/// caller's `size` is the size the caller believes it has.
pub(crate) unsafe fn check_block(
    data: *mut u8,
    size: usize,
    api: Api,
    operation: &'static str,
) -> Result<(), CorruptionReport> {
    // SAFETY: the header precedes the data in the same block (caller).
    let base = unsafe { data.sub(HEADER) };
    // SAFETY: the header's 16 bytes are part of the block (caller).
    let header: [u8; HEADER] = unsafe { base.cast::<[u8; HEADER]>().read() };
    let stored = u64::from_le_bytes(header[..8].try_into().unwrap_or([0; 8])) as usize;
    let report = |kind, size, damaged| CorruptionReport {
        kind,
        address: data as usize,
        size,
        operation,
        damaged,
    };
    let front: Vec<DamagedByte> = (9..HEADER)
        .filter(|&i| header[i] != FORBIDDEN_BYTE)
        .map(|i| DamagedByte {
            offset: i as isize - HEADER as isize,
            found: header[i],
            expected: FORBIDDEN_BYTE,
        })
        .collect();
    if header[8] == DEAD_BYTE && header[9..].iter().all(|&b| b == DEAD_BYTE) {
        return Err(report(CorruptionKind::DoubleFree, size, Vec::new()));
    }
    let owner = Api::from_id(header[8]);
    if !front.is_empty() || owner.is_none() {
        let mut damaged = front;
        if owner.is_none() {
            damaged.insert(
                0,
                DamagedByte {
                    offset: 8 - HEADER as isize,
                    found: header[8],
                    expected: api.id(),
                },
            );
        }
        return Err(report(CorruptionKind::Underwrite, size, damaged));
    }
    let owner = owner.unwrap_or(api);
    if owner != api {
        return Err(report(
            CorruptionKind::WrongApi {
                allocated: owner,
                given: api,
            },
            stored,
            Vec::new(),
        ));
    }
    if stored != size {
        return Err(report(
            CorruptionKind::WrongSize {
                allocated: stored,
                given: size,
            },
            stored,
            Vec::new(),
        ));
    }
    // SAFETY: the header is intact and agrees with the caller, so the block
    // really has `size` data bytes followed by TAIL guard bytes.
    let tail: [u8; TAIL] = unsafe { data.add(size).cast::<[u8; TAIL]>().read_unaligned() };
    let damaged: Vec<DamagedByte> = (0..TAIL)
        .filter(|&i| tail[i] != FORBIDDEN_BYTE)
        .map(|i| DamagedByte {
            offset: (size + i) as isize,
            found: tail[i],
            expected: FORBIDDEN_BYTE,
        })
        .collect();
    if !damaged.is_empty() {
        return Err(report(CorruptionKind::Overwrite, size, damaged));
    }
    Ok(())
}

/// The default reaction to corruption: print the report and abort, as
/// CPython's debug hooks do (the heap can no longer be trusted).
pub(crate) fn abort_on_corruption(report: &CorruptionReport) {
    eprint!("{report}");
    eprintln!("Fatal Python error: pyrite allocator: memory corruption detected");
    std::process::abort();
}
