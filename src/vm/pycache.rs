//! The bytecode cache: an imported module's compiled code is kept in
//! `__pycache__/NAME.pyrite-VERSION.pyc` (`.opt-N.pyc` under `-O`) next to its source (a name
//! CPython's import system never reads or writes), and later imports load
//! it instead of compiling while the source's mtime and size are those
//! recorded. The main script is never cached (as CPython).
//!
//! File layout (little-endian):
//!
//! ```text
//! 0   8  magic  b"PYRITE\r\n"
//! 8   8  build stamp: the opcode table and this executable (see `stamp`)
//! 16  4  flags: bit 0 = compiled with superinstructions
//! 20  8  source mtime, seconds since the epoch
//! 28  4  source mtime, nanoseconds
//! 32  8  source size in bytes
//! 40  8  payload length
//! 48  8  payload checksum (FNV-1a 64)
//! 56  .. payload: the module's code unit, compile/marshal.rs
//! ```
//!
//! PYC-1: a cache file is used only when every header field matches and
//! the payload passes MARSHAL-1 ([`marshal::load_code_unit`]); anything
//! else — truncated, corrupted, from another build, for other contents —
//! is ignored and the module is compiled (and the file rewritten). Reading
//! a cache never raises and never panics.
//!
//! Writing goes to a temporary file renamed into place, and is skipped
//! when `sys.dont_write_bytecode` is true (`-B`, `PYTHONDONTWRITEBYTECODE`);
//! failures to write are ignored, as CPython ignores them.

use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::UNIX_EPOCH;

use crate::compile::code::CodeUnit;
use crate::compile::marshal;

/// The cache file name's tag: `NAME.pyrite-0.1.0.pyc`.
pub const CACHE_TAG: &str = concat!("pyrite-", env!("CARGO_PKG_VERSION"));
const MAGIC: &[u8; 8] = b"PYRITE\r\n";
const HEADER_LEN: usize = 56;
/// Flag bit: the code holds superinstructions.
const FLAG_SUPERINSTRUCTIONS: u32 = 1;

/// `-B` / `PYTHONDONTWRITEBYTECODE`: the initial `sys.dont_write_bytecode`.
static DONT_WRITE: AtomicBool = AtomicBool::new(false);

/// Records `-B`.
pub fn set_dont_write_bytecode(on: bool) {
    DONT_WRITE.store(on, Ordering::Relaxed);
}

/// The initial `sys.dont_write_bytecode`: `-B`, or
/// `PYTHONDONTWRITEBYTECODE` set to a non-empty string.
pub fn dont_write_bytecode_default() -> bool {
    DONT_WRITE.load(Ordering::Relaxed)
        || std::env::var_os("PYTHONDONTWRITEBYTECODE").is_some_and(|v| !v.is_empty())
}

/// Whether writing is off now (`sys.dont_write_bytecode`, which the
/// program may change).
fn writing_disabled() -> bool {
    let Some(sys) = crate::objects::dict::get_item_str(&super::modules(), "sys") else {
        return dont_write_bytecode_default();
    };
    match crate::objects::protocol::getattr_str(&sys, "dont_write_bytecode") {
        Ok(v) => crate::objects::protocol::is_true(&v).unwrap_or(true),
        Err(_) => dont_write_bytecode_default(),
    }
}

/// Where the cache of `source` lives; code compiled with `-O` / `-OO` has
/// its own file, `NAME.pyrite-VERSION.opt-N.pyc` (as CPython's
/// `.opt-1.pyc`), so one level never runs another's bytecode.
pub fn cache_path(source: &Path) -> Option<PathBuf> {
    let stem = source.file_stem()?.to_str()?;
    let dir = source.parent()?;
    let opt = match crate::compile::optimize() {
        0 => String::new(),
        n => format!(".opt-{n}"),
    };
    Some(
        dir.join("__pycache__")
            .join(format!("{stem}.{CACHE_TAG}{opt}.pyc")),
    )
}

/// FNV-1a, 64 bits.
fn fnv1a(data: &[u8], mut h: u64) -> u64 {
    for &b in data {
        h ^= b as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// The build stamp: a hash of the opcode table (names and numbers) and of
/// this executable's size and mtime, so a rebuilt pyrite never runs
/// another build's bytecode.
fn stamp() -> u64 {
    static STAMP: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *STAMP.get_or_init(|| {
        let mut h = FNV_OFFSET;
        for op in crate::compile::opcode::Opcode::ALL {
            h = fnv1a(op.name().as_bytes(), h);
            h = fnv1a(&[*op as u8], h);
        }
        h = fnv1a(env!("CARGO_PKG_VERSION").as_bytes(), h);
        if let Some((secs, nanos, size)) = std::env::current_exe()
            .ok()
            .and_then(|p| std::fs::metadata(p).ok())
            .and_then(|m| file_stamp(&m))
        {
            h = fnv1a(&secs.to_le_bytes(), h);
            h = fnv1a(&nanos.to_le_bytes(), h);
            h = fnv1a(&size.to_le_bytes(), h);
        }
        h
    })
}

/// A file's (mtime seconds, nanoseconds, size).
fn file_stamp(m: &std::fs::Metadata) -> Option<(u64, u32, u64)> {
    let t = m.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some((t.as_secs(), t.subsec_nanos(), m.len()))
}

/// The header's flags: PYC-2, every compile option that changes the code
/// made from one source is a bit here, so a cache made under other options
/// is recompiled (an `-O` level belongs here once pyrite has one).
fn flags_now() -> u32 {
    if crate::compile::superinstr::enabled() {
        FLAG_SUPERINSTRUCTIONS
    } else {
        0
    }
}

fn header(source: (u64, u32, u64), payload: &[u8]) -> Vec<u8> {
    let mut h = Vec::with_capacity(HEADER_LEN + payload.len());
    h.extend_from_slice(MAGIC);
    h.extend_from_slice(&stamp().to_le_bytes());
    h.extend_from_slice(&flags_now().to_le_bytes());
    h.extend_from_slice(&source.0.to_le_bytes());
    h.extend_from_slice(&source.1.to_le_bytes());
    h.extend_from_slice(&source.2.to_le_bytes());
    h.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    h.extend_from_slice(&fnv1a(payload, FNV_OFFSET).to_le_bytes());
    h
}

/// The code in a cache file's bytes, if they are a valid cache of a source
/// with this stamp (PYC-1); `filename` becomes the code's `co_filename`.
pub fn decode(data: &[u8], source: (u64, u32, u64), filename: &str) -> Option<Rc<CodeUnit>> {
    if data.len() < HEADER_LEN {
        return None;
    }
    let expected = header(source, &[]);
    // Everything up to the payload length must match exactly.
    if data[..40] != expected[..40] {
        return None;
    }
    let len = u64::from_le_bytes(data[40..48].try_into().ok()?);
    let sum = u64::from_le_bytes(data[48..56].try_into().ok()?);
    let payload = &data[HEADER_LEN..];
    if len != payload.len() as u64 || sum != fnv1a(payload, FNV_OFFSET) {
        return None;
    }
    marshal::load_code_unit(payload, Some(filename)).ok()
}

/// The bytes of the cache file for `unit`.
pub fn encode(unit: &Rc<CodeUnit>, source: (u64, u32, u64)) -> Vec<u8> {
    let payload = marshal::dump_code_unit(unit);
    let mut out = header(source, &payload);
    out.extend_from_slice(&payload);
    out
}

/// The code of the module whose source text `text` was read from `file`:
/// from the cache when it is valid, else compiled (and cached).
///
/// # Errors
///
/// The source's SyntaxError.
pub fn load_or_compile(
    text: &str,
    file: &Path,
    filename: &str,
) -> Result<Rc<CodeUnit>, crate::syntax::SyntaxError> {
    let source = std::fs::metadata(file).ok().and_then(|m| file_stamp(&m));
    let cache = cache_path(file);
    if let (Some(source), Some(cache)) = (source, &cache) {
        // The size guards against a file changed within one mtime tick
        // (the text must be the one the stamp describes).
        if source.2 == text.len() as u64 {
            if let Some(unit) = std::fs::read(cache)
                .ok()
                .and_then(|data| decode(&data, source, filename))
            {
                return Ok(unit);
            }
        }
    }
    let unit = Rc::new(crate::compile::codegen::compile(
        text,
        filename,
        crate::compile::codegen::Mode::Exec,
    )?);
    if let (Some(source), Some(cache)) = (source, cache) {
        if source.2 == text.len() as u64 && !writing_disabled() {
            write(&cache, &encode(&unit, source));
        }
    }
    Ok(unit)
}

/// Writes `data` to `path` through a temporary file; errors are ignored.
fn write(path: &Path, data: &[u8]) {
    let Some(dir) = path.parent() else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let tmp = path.with_extension(format!("pyc.{}.tmp", std::process::id()));
    if std::fs::write(&tmp, data).is_ok() && std::fs::rename(&tmp, path).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}
