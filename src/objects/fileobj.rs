//! File objects: what `open()` returns and what `sys.stdin` is. One payload
//! serves the four `_io` types CPython hands out — `TextIOWrapper` (text
//! mode), `BufferedReader` (`'rb'`), `BufferedWriter` (`'wb'`, `'ab'`,
//! `'xb'`) and `BufferedRandom` (`'+'` binary modes).
//!
//! Reads go through a read-ahead buffer and writes through a write buffer,
//! both [`PyVec`]s in the interpreter's heap. Text mode decodes UTF-8
//! (or ASCII / Latin-1) and applies CPython's newline rules: with
//! `newline=None` a `\r\n` or `\r` reads as `\n`; with `''` lines end at
//! any of the three and nothing is translated; `'\n'`, `'\r'`, `'\r\n'`
//! name the one line ending (and writing translates `\n` to it).
//!
//! Invariants:
//! - **FILE-1.** At most one buffer holds data: a write first drops the
//!   read-ahead (seeking the OS file back over the unread bytes), and a
//!   read, seek, tell or close first flushes the write buffer. So the
//!   logical position is `os_position - unread` or `os_position + unwritten`.
//! - **FILE-2.** `closed` is set exactly when `src` is `Source::Closed`.
//! - **FILE-3.** `WRITERS` holds the address of every live writable file
//!   object; a file leaves it in its `drop` slot, before its memory goes.

use std::cell::{Cell, RefCell};
use std::io::{Read, Seek, SeekFrom, Write};
use std::ptr::NonNull;

use super::err::{type_error, value_error, PyErr, PyResult};
use super::exceptions as exc;
use super::heap::{self, PyVec};
use super::int::new_int;
use super::none::none;
use super::object::{PyObject, Ref, RefCellSlot};
use super::str::{as_str, new_str};
use super::typeobj::{GetSetDef, KwNames, MethodDef, MethodKind, Slots, TypeFlags, TypeObject};

/// Bytes read from the OS at a time.
const CHUNK: usize = 8192;

/// How text mode treats line endings (the `newline` argument).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Newline {
    /// `None`: universal newlines, translated to `\n` on read.
    Universal,
    /// `''`: universal line splitting, nothing translated.
    Any,
    /// `'\n'`.
    Lf,
    /// `'\r'`.
    Cr,
    /// `'\r\n'`.
    CrLf,
}

/// The text encoding.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (the default).
    Utf8,
    /// ASCII.
    Ascii,
    /// ISO-8859-1.
    Latin1,
}

impl Encoding {
    fn codec(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Ascii => "ascii",
            Encoding::Latin1 => "latin-1",
        }
    }

    /// The encoding named `name`, if pyrite has it.
    pub fn lookup(name: &str) -> Option<Encoding> {
        let n = name.to_ascii_lowercase().replace('_', "-");
        Some(match n.as_str() {
            "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Encoding::Utf8,
            "ascii" | "us-ascii" | "646" => Encoding::Ascii,
            "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" | "8859" => Encoding::Latin1,
            _ => return None,
        })
    }
}

/// Where the bytes come from.
enum Source {
    /// An open OS file.
    File(std::fs::File),
    /// The process's standard input.
    Stdin,
    /// Closed (FILE-2).
    Closed,
}

/// A byte buffer consumed from the front, in the interpreter's heap.
struct ByteBuf {
    data: PyVec<u8>,
    start: usize,
}

impl ByteBuf {
    const fn new() -> ByteBuf {
        ByteBuf {
            data: PyVec::new(),
            start: 0,
        }
    }

    fn avail(&self) -> &[u8] {
        &self.data.as_slice()[self.start..]
    }

    fn len(&self) -> usize {
        self.data.len() - self.start
    }

    fn extend(&mut self, bytes: &[u8]) -> PyResult<()> {
        if self.start > 0 && self.start * 2 >= self.data.len() {
            let len = self.data.len();
            self.data.as_mut_slice().copy_within(self.start..len, 0);
            self.data.truncate(len - self.start);
            self.start = 0;
        }
        self.data
            .try_extend_from_slice(bytes)
            .ok_or_else(super::err::memory_error)
    }

    fn consume(&mut self, n: usize) {
        self.start += n;
        if self.start >= self.data.len() {
            self.clear();
        }
    }

    fn clear(&mut self) {
        self.data.truncate(0);
        self.start = 0;
    }
}

/// The mutable I/O state of a file.
struct IoState {
    src: Source,
    rbuf: ByteBuf,
    wbuf: ByteBuf,
    eof: bool,
}

/// A file object.
#[repr(C)]
pub struct FileObject {
    ob: PyObject,
    /// The `name` attribute (what was passed to `open`).
    name: RefCellSlot,
    /// The `mode` attribute.
    mode: RefCellSlot,
    /// The `encoding` attribute of text files (None for binary ones).
    encoding_name: RefCellSlot,
    readable: bool,
    writable: bool,
    binary: bool,
    newline: Newline,
    encoding: Encoding,
    closed: Cell<bool>,
    io: RefCell<IoState>,
}

/// The file payload of `obj`, if it is one of the file types.
pub fn as_file(obj: &PyObject) -> Option<&FileObject> {
    let t = obj.ty();
    let ours = [
        &TEXT_FILE_TYPE,
        &BUFFERED_READER_TYPE,
        &BUFFERED_WRITER_TYPE,
        &BUFFERED_RANDOM_TYPE,
    ];
    if ours.iter().any(|o| std::ptr::eq(t, *o)) {
        // SAFETY: PAYLOAD-1 — instances of the four file types (which are
        // not subclassable) are FileObjects.
        Some(unsafe { &*(obj as *const PyObject as *const FileObject) })
    } else {
        None
    }
}

fn file(obj: &PyObject) -> PyResult<&FileObject> {
    as_file(obj).ok_or_else(|| type_error("descriptor requires a file object"))
}

#[cold]
fn closed_error() -> PyErr {
    value_error("I/O operation on closed file.")
}

fn io_err(e: std::io::Error) -> PyErr {
    exc::os_error_from_io(&e, None)
}

thread_local! {
    static UNSUPPORTED: RefCell<Option<Ref>> = const { RefCell::new(None) };
}

/// `io.UnsupportedOperation` (a class deriving from OSError and
/// ValueError, made on first use).
pub fn unsupported_operation_type() -> PyResult {
    if let Some(t) = UNSUPPORTED.with(|u| u.borrow().clone()) {
        return Ok(t);
    }
    let bases = super::tuple::new_tuple(vec![exc::OS_ERROR.to_ref(), exc::VALUE_ERROR.to_ref()]);
    let ns = super::dict::new_dict();
    super::dict::set_item_str(&ns, "__module__", new_str("io"));
    let t = super::protocol::call(
        super::typetype::TYPE_TYPE.as_object(),
        &[new_str("UnsupportedOperation"), bases, ns],
        None,
    )?;
    UNSUPPORTED.with(|u| *u.borrow_mut() = Some(t.clone()));
    Ok(t)
}

#[cold]
fn unsupported(what: &str) -> PyErr {
    match unsupported_operation_type() {
        Ok(t) => match super::protocol::call(&t, &[new_str(what)], None) {
            Ok(e) => PyErr::from_instance(e),
            Err(e) => e,
        },
        Err(e) => e,
    }
}

impl IoState {
    /// Read one more chunk into the read-ahead; false at end of file.
    fn fill(&mut self) -> PyResult<bool> {
        if self.eof {
            return Ok(false);
        }
        let mut chunk = [0u8; CHUNK];
        let n = loop {
            let r = match &mut self.src {
                Source::File(f) => f.read(&mut chunk),
                Source::Stdin => std::io::stdin().read(&mut chunk),
                Source::Closed => return Err(closed_error()),
            };
            match r {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(io_err(e)),
            }
        };
        if n == 0 {
            self.eof = true;
            return Ok(false);
        }
        self.rbuf.extend(&chunk[..n])?;
        Ok(true)
    }

    /// Read until the read-ahead holds `want` bytes or the file ends.
    fn fill_to(&mut self, want: usize) -> PyResult<()> {
        while self.rbuf.len() < want && self.fill()? {}
        Ok(())
    }

    /// Write out the write buffer (FILE-1).
    fn flush_writes(&mut self) -> PyResult<()> {
        if self.wbuf.len() == 0 {
            return Ok(());
        }
        let r = match &mut self.src {
            Source::File(f) => f.write_all(self.wbuf.avail()),
            Source::Stdin => Ok(()),
            Source::Closed => return Err(closed_error()),
        };
        self.wbuf.clear();
        r.map_err(io_err)
    }

    /// Drop the read-ahead, moving the OS position back over the unread
    /// bytes (FILE-1).
    fn drop_reads(&mut self) -> PyResult<()> {
        let unread = self.rbuf.len() as i64;
        self.rbuf.clear();
        self.eof = false;
        if unread > 0 {
            if let Source::File(f) = &mut self.src {
                f.seek(SeekFrom::Current(-unread)).map_err(io_err)?;
            }
        }
        Ok(())
    }

    fn os_file(&mut self) -> PyResult<&mut std::fs::File> {
        match &mut self.src {
            Source::File(f) => Ok(f),
            Source::Stdin => Err(exc::new_os_error(29, "Illegal seek", None)),
            Source::Closed => Err(closed_error()),
        }
    }
}

/// The operations whose closed-file messages differ (CPython's `_io`
/// raises from different layers).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Op {
    Read,
    Readline,
    Write,
    Seek,
    Flush,
    /// tell, fileno, isatty, readable, writable, seekable.
    Query,
    /// Everything else (readlines, iteration, `with`).
    Other,
}

impl FileObject {
    /// The ValueError for `op` on a closed file.
    #[cold]
    fn closed_error(&self, op: Op) -> PyErr {
        let msg = match (self.binary, op) {
            (_, Op::Query) => "I/O operation on closed file",
            (true, Op::Read) => "read of closed file",
            (true, Op::Readline) => "readline of closed file",
            (true, Op::Write) => "write to closed file",
            (true, Op::Seek) => "seek of closed file",
            (true, Op::Flush) if self.writable => "flush of closed file",
            _ => "I/O operation on closed file.",
        };
        value_error(msg)
    }

    fn check_open(&self, op: Op) -> PyResult<()> {
        if self.closed.get() {
            return Err(self.closed_error(op));
        }
        Ok(())
    }

    /// Binary files report a wrong mode before a closed file; text files
    /// the other way round.
    fn check_readable(&self, op: Op) -> PyResult<()> {
        if !self.binary {
            self.check_open(op)?;
        }
        if !self.readable {
            return Err(unsupported(if self.binary {
                "read"
            } else {
                "not readable"
            }));
        }
        self.check_open(op)
    }

    fn check_writable(&self) -> PyResult<()> {
        if !self.binary {
            self.check_open(Op::Write)?;
        }
        if !self.writable {
            return Err(unsupported(if self.binary {
                "write"
            } else {
                "not writable"
            }));
        }
        self.check_open(Op::Write)
    }

    /// The state, ready for reading (FILE-1).
    fn reading(&self, op: Op) -> PyResult<std::cell::RefMut<'_, IoState>> {
        self.check_readable(op)?;
        let mut io = self.io.try_borrow_mut().map_err(|_| reentrant())?;
        io.flush_writes()?;
        Ok(io)
    }

    fn decode(&self, bytes: &[u8]) -> PyResult<String> {
        decode(self.encoding, bytes)
    }

    /// Text-mode line translation of decoded text read from the file.
    fn translate_read(&self, s: String) -> String {
        if self.newline == Newline::Universal && s.contains('\r') {
            s.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            s
        }
    }

    /// Everything up to end of file.
    fn read_all(&self) -> PyResult {
        let mut io = self.reading(Op::Read)?;
        // The rest of the file in one transient buffer: the read-ahead,
        // then everything the OS still has.
        let mut bytes = io.rbuf.avail().to_vec();
        io.rbuf.clear();
        if !io.eof {
            let r = match &mut io.src {
                Source::File(f) => f.read_to_end(&mut bytes),
                Source::Stdin => std::io::stdin().read_to_end(&mut bytes),
                Source::Closed => return Err(closed_error()),
            };
            r.map_err(io_err)?;
        }
        if self.binary {
            return Ok(super::bytes::new_bytes(&bytes));
        }
        let s = match self.encoding {
            Encoding::Utf8 => String::from_utf8(bytes).map_err(|e| {
                decode_error(self.encoding, e.as_bytes(), e.utf8_error().valid_up_to())
            })?,
            _ => self.decode(&bytes)?,
        };
        Ok(super::str::from_string(self.translate_read(s)))
    }

    /// `read(n)` for n >= 0.
    fn read_n(&self, n: usize) -> PyResult {
        let mut io = self.reading(Op::Read)?;
        if self.binary {
            io.fill_to(n)?;
            let take = n.min(io.rbuf.len());
            let out = super::bytes::new_bytes(&io.rbuf.avail()[..take]);
            io.rbuf.consume(take);
            return Ok(out);
        }
        // n characters take at most 4n bytes, plus one to see past a '\r'.
        io.fill_to(n.saturating_mul(4).saturating_add(1))?;
        let eof = io.eof;
        let avail = io.rbuf.avail();
        let mut out = String::new();
        let (mut i, mut count) = (0, 0);
        while count < n && i < avail.len() {
            let b = avail[i];
            if b == b'\r' && self.newline == Newline::Universal {
                i += if avail.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                out.push('\n');
            } else {
                let len = char_len(self.encoding, b);
                if i + len > avail.len() {
                    if eof {
                        return Err(decode_error(self.encoding, &avail[i..], 0));
                    }
                    break;
                }
                out.push_str(&self.decode(&avail[i..i + len])?);
                i += len;
            }
            count += 1;
        }
        io.rbuf.consume(i);
        Ok(super::str::from_string(out))
    }

    /// The end of the first line in `avail` (index after its terminator),
    /// or None when more input is needed to tell.
    fn line_end(&self, avail: &[u8], eof: bool) -> Option<usize> {
        let universal = matches!(self.newline, Newline::Universal | Newline::Any) && !self.binary;
        let term = match (self.binary, self.newline) {
            (true, _) | (false, Newline::Lf) => b'\n',
            (false, Newline::Cr) => b'\r',
            _ => b'\n',
        };
        for (i, &b) in avail.iter().enumerate() {
            if universal && b == b'\r' {
                return match avail.get(i + 1) {
                    Some(b'\n') => Some(i + 2),
                    Some(_) => Some(i + 1),
                    None if eof => Some(i + 1),
                    None => None,
                };
            }
            if !self.binary && self.newline == Newline::CrLf {
                if b == b'\r' && avail.get(i + 1) == Some(&b'\n') {
                    return Some(i + 2);
                }
                continue;
            }
            if b == term {
                return Some(i + 1);
            }
        }
        if eof {
            Some(avail.len())
        } else {
            None
        }
    }

    /// `readline(limit)`; `limit < 0`: no limit.
    fn readline(&self, limit: i64) -> PyResult {
        let mut io = self.reading(Op::Readline)?;
        let mut end;
        loop {
            let eof = io.eof;
            end = self.line_end(io.rbuf.avail(), eof);
            if let Some(e) = end {
                if limit < 0 || (e as i64) <= limit {
                    break;
                }
            }
            if limit >= 0 && io.rbuf.len() as i64 > limit.saturating_mul(4) {
                break;
            }
            if !io.fill()? {
                end = Some(self.line_end(io.rbuf.avail(), true).unwrap_or(0));
                break;
            }
        }
        let avail = io.rbuf.avail();
        let mut end = end.unwrap_or(avail.len()).min(avail.len());
        if self.binary {
            if limit >= 0 {
                end = end.min(limit as usize);
            }
            let out = super::bytes::new_bytes(&avail[..end]);
            io.rbuf.consume(end);
            return Ok(out);
        }
        if limit >= 0 {
            // Cut after `limit` characters of the raw line.
            let mut chars = 0;
            let mut i = 0;
            while i < end && chars < limit {
                i += char_len(self.encoding, avail[i]).max(1);
                chars += 1;
            }
            end = i.min(end);
        }
        let raw = &avail[..end];
        let no_cr = self.newline != Newline::Universal || !raw.contains(&b'\r');
        if self.encoding == Encoding::Utf8 && no_cr {
            // Fast path: the line's bytes are the str's, made in one copy.
            if let Ok(text) = std::str::from_utf8(raw) {
                let out = super::str::new_str(text);
                io.rbuf.consume(end);
                return Ok(out);
            }
        }
        let s = self.decode(raw)?;
        io.rbuf.consume(end);
        Ok(super::str::from_string(self.translate_read(s)))
    }

    /// Queue `bytes` for writing.
    fn write_bytes(&self, bytes: &[u8]) -> PyResult<()> {
        self.check_writable()?;
        let mut io = self.io.try_borrow_mut().map_err(|_| reentrant())?;
        if io.rbuf.len() > 0 {
            io.drop_reads()?;
        }
        io.wbuf.extend(bytes)?;
        if io.wbuf.len() >= CHUNK || matches!(io.src, Source::Stdin) {
            io.flush_writes()?;
        }
        Ok(())
    }

    /// Flush and release the OS file (FILE-2); idempotent.
    fn close(&self) -> PyResult<()> {
        if self.closed.get() {
            return Ok(());
        }
        let mut io = self.io.try_borrow_mut().map_err(|_| reentrant())?;
        let r = io.flush_writes();
        io.src = Source::Closed;
        io.rbuf.clear();
        self.closed.set(true);
        r
    }
}

#[cold]
fn reentrant() -> PyErr {
    super::err::runtime_error("reentrant call inside file object")
}

/// Bytes in the character that starts with byte `b`.
fn char_len(enc: Encoding, b: u8) -> usize {
    if enc != Encoding::Utf8 || b < 0x80 {
        return 1;
    }
    match b {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => 1,
    }
}

/// The UnicodeDecodeError for `bytes[pos]`.
fn decode_error(enc: Encoding, bytes: &[u8], pos: usize) -> PyErr {
    let b = bytes.get(pos).copied().unwrap_or(0);
    let reason = match enc {
        Encoding::Ascii => "ordinal not in range(128)",
        _ if pos + char_len(enc, b) > bytes.len() && char_len(enc, b) > 1 => {
            "unexpected end of data"
        }
        _ if (0x80..0xC2).contains(&b) || b > 0xF4 => "invalid start byte",
        _ => "invalid continuation byte",
    };
    PyErr::new(
        &exc::UNICODE_DECODE_ERROR,
        format!(
            "'{}' codec can't decode byte 0x{b:02x} in position {pos}: {reason}",
            enc.codec()
        ),
    )
}

/// Decode `bytes` strictly.
pub fn decode(enc: Encoding, bytes: &[u8]) -> PyResult<String> {
    match enc {
        Encoding::Utf8 => match std::str::from_utf8(bytes) {
            Ok(s) => Ok(s.to_string()),
            Err(e) => Err(decode_error(enc, bytes, e.valid_up_to())),
        },
        Encoding::Ascii => match bytes.iter().position(|&b| b >= 0x80) {
            Some(p) => Err(decode_error(enc, bytes, p)),
            None => Ok(bytes.iter().map(|&b| b as char).collect()),
        },
        Encoding::Latin1 => Ok(bytes.iter().map(|&b| b as char).collect()),
    }
}

/// Encode `s` strictly.
pub fn encode(enc: Encoding, s: &str) -> PyResult<Vec<u8>> {
    let limit = match enc {
        Encoding::Utf8 => return Ok(s.as_bytes().to_vec()),
        Encoding::Ascii => 0x80,
        Encoding::Latin1 => 0x100,
    };
    let mut out = Vec::with_capacity(s.len());
    for (pos, c) in s.chars().enumerate() {
        if (c as u32) >= limit {
            return Err(PyErr::new(
                &exc::UNICODE_ENCODE_ERROR,
                format!(
                    "'{}' codec can't encode character '{}' in position {pos}: ordinal not in range({limit})",
                    enc.codec(),
                    escape_char(c)
                ),
            ));
        }
        out.push(c as u8);
    }
    Ok(out)
}

fn escape_char(c: char) -> String {
    let cp = c as u32;
    if cp <= 0xff {
        format!("\\x{cp:02x}")
    } else if cp <= 0xffff {
        format!("\\u{cp:04x}")
    } else {
        format!("\\U{cp:08x}")
    }
}

// ---- construction -------------------------------------------------------

/// What `open()` was asked for, after its checks.
pub struct OpenSpec {
    /// Open for reading.
    pub read: bool,
    /// Open for writing.
    pub write: bool,
    /// Truncate on open (`w`).
    pub truncate: bool,
    /// Append (`a`).
    pub append: bool,
    /// Create, failing if it exists (`x`).
    pub create_new: bool,
    /// Binary mode.
    pub binary: bool,
    /// The `mode` attribute.
    pub mode_attr: String,
}

/// Parse `open()`'s mode string as CPython's `_io.open` does.
pub fn parse_mode(mode: &str) -> PyResult<OpenSpec> {
    let invalid = || value_error(format!("invalid mode: '{mode}'"));
    let (mut r, mut w, mut a, mut x, mut plus, mut t, mut b) =
        (false, false, false, false, false, false, false);
    for (i, c) in mode.char_indices() {
        let flag = match c {
            'r' => &mut r,
            'w' => &mut w,
            'a' => &mut a,
            'x' => &mut x,
            '+' => &mut plus,
            't' => &mut t,
            'b' => &mut b,
            _ => return Err(invalid()),
        };
        *flag = true;
        if mode[i + 1..].contains(c) {
            return Err(invalid());
        }
    }
    if t && b {
        return Err(value_error("can't have text and binary mode at once"));
    }
    let kinds = [r, w, a, x].iter().filter(|&&k| k).count();
    if kinds > 1 {
        return Err(value_error(
            "must have exactly one of create/read/write/append mode",
        ));
    }
    if kinds == 0 {
        return Err(value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    }
    let mode_attr = if b {
        let base = if x {
            "xb"
        } else if a {
            "ab"
        } else if r || plus {
            "rb"
        } else {
            "wb"
        };
        format!("{base}{}", if plus { "+" } else { "" })
    } else {
        mode.to_string()
    };
    Ok(OpenSpec {
        read: r || plus,
        write: w || a || x || plus,
        truncate: w,
        append: a,
        create_new: x,
        binary: b,
        mode_attr,
    })
}

thread_local! {
    /// The live writable files (FILE-3), flushed at exit.
    static WRITERS: RefCell<Vec<NonNull<FileObject>>> = const { RefCell::new(Vec::new()) };
}

fn alloc_file(ty: &'static TypeObject, f: FileObject) -> Ref {
    let writable = f.writable;
    let obj = heap::alloc_object(ty, std::mem::size_of::<FileObject>());
    // SAFETY: the block has room for a FileObject.
    unsafe { obj.cast::<FileObject>().as_ptr().write(f) };
    if writable {
        WRITERS.with(|w| w.borrow_mut().push(obj.cast()));
    }
    // SAFETY: new object, we own its reference.
    unsafe { Ref::from_raw(obj) }
}

/// Write out the buffers of every live writable file (at exit, as
/// CPython's shutdown closes the files modules still hold).
pub fn flush_all() {
    let files: Vec<NonNull<FileObject>> = WRITERS.with(|w| w.borrow().clone());
    for p in files {
        // SAFETY: FILE-3 — an address in WRITERS is a live file object
        // (flushing runs no Python code, so none is freed meanwhile).
        let f = unsafe { p.as_ref() };
        if let Ok(mut io) = f.io.try_borrow_mut() {
            let _ = io.flush_writes();
        }
    }
}

/// Open `path` (shown as `name`) as `spec` says.
pub fn open_file(
    path: &str,
    name: Ref,
    spec: &OpenSpec,
    encoding: Option<(Encoding, String)>,
    newline: Newline,
) -> PyResult {
    let mut opts = std::fs::OpenOptions::new();
    opts.read(spec.read)
        .write(spec.write && !spec.append)
        .append(spec.append)
        .truncate(spec.truncate);
    if spec.create_new {
        opts.create_new(true);
    } else if spec.write && (spec.truncate || spec.append) {
        opts.create(true);
    }
    let f = opts
        .open(path)
        .map_err(|e| exc::os_error_from_io(&e, Some(name.clone())))?;
    if f.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(exc::new_os_error(21, "Is a directory", Some(name)));
    }
    let ty: &'static TypeObject = if !spec.binary {
        &TEXT_FILE_TYPE
    } else if spec.read && spec.write {
        &BUFFERED_RANDOM_TYPE
    } else if spec.read {
        &BUFFERED_READER_TYPE
    } else {
        &BUFFERED_WRITER_TYPE
    };
    let (enc, enc_name) = match encoding {
        Some((e, n)) => (e, Some(new_str(&n))),
        None if spec.binary => (Encoding::Utf8, None),
        None => (Encoding::Utf8, Some(new_str("UTF-8"))),
    };
    Ok(alloc_file(
        ty,
        FileObject {
            ob: PyObject::new(ty),
            name: RefCellSlot::new(Some(name)),
            mode: RefCellSlot::new(Some(new_str(&spec.mode_attr))),
            encoding_name: RefCellSlot::new(enc_name),
            readable: spec.read,
            writable: spec.write,
            binary: spec.binary,
            newline,
            encoding: enc,
            closed: Cell::new(false),
            io: RefCell::new(IoState {
                src: Source::File(f),
                rbuf: ByteBuf::new(),
                wbuf: ByteBuf::new(),
                eof: false,
            }),
        },
    ))
}

/// A text file reading the process's standard input (`sys.stdin`).
pub fn new_stdin() -> Ref {
    alloc_file(
        &TEXT_FILE_TYPE,
        FileObject {
            ob: PyObject::new(&TEXT_FILE_TYPE),
            name: RefCellSlot::new(Some(new_str("<stdin>"))),
            mode: RefCellSlot::new(Some(new_str("r"))),
            encoding_name: RefCellSlot::new(Some(new_str("utf-8"))),
            readable: true,
            writable: false,
            binary: false,
            newline: Newline::Universal,
            encoding: Encoding::Utf8,
            closed: Cell::new(false),
            io: RefCell::new(IoState {
                src: Source::Stdin,
                rbuf: ByteBuf::new(),
                wbuf: ByteBuf::new(),
                eof: false,
            }),
        },
    )
}

/// `file.readline()` from Rust (input(), the REPL): `Ok(None)` at end of
/// file.
pub fn read_line(obj: &PyObject) -> PyResult<Option<String>> {
    let f = file(obj)?;
    let line = f.readline(-1)?;
    let s = as_str(&line).unwrap_or("").to_string();
    Ok(if s.is_empty() { None } else { Some(s) })
}

// ---- methods -------------------------------------------------------------

fn arg_size(fname: &str, v: Option<&Ref>) -> PyResult<i64> {
    match v {
        None => Ok(-1),
        Some(v) if v.is(super::none::none_ref()) => Ok(-1),
        Some(v) => {
            if super::int::as_int(v).is_none() && v.ty().slots.index.get().is_none() {
                return Err(type_error(format!(
                    "argument should be integer or None, not '{}'",
                    v.ty().name()
                )));
            }
            let _ = fname;
            super::protocol::index_i64(v)
        }
    }
}

fn m_read(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = crate::modules::args::positional("read", args, kw, 1, 2)?;
    let f = file(&a[0])?;
    match arg_size("read", a.get(1))? {
        n if n < 0 => f.read_all(),
        n => f.read_n(n as usize),
    }
}

fn m_readline(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = crate::modules::args::positional("readline", args, kw, 1, 2)?;
    let f = file(&a[0])?;
    f.readline(arg_size("readline", a.get(1))?)
}

fn m_readlines(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = crate::modules::args::positional("readlines", args, kw, 1, 2)?;
    let f = file(&a[0])?;
    f.check_open(Op::Other)?;
    let hint = arg_size("readlines", a.get(1))?;
    let mut lines = Vec::new();
    let mut total = 0usize;
    loop {
        let line = f.readline(-1)?;
        let n = super::protocol::len(&line)?;
        if n == 0 {
            break;
        }
        total += n;
        lines.push(line);
        if hint > 0 && total as i64 >= hint {
            break;
        }
    }
    Ok(super::list::new_list(lines))
}

fn m_write(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = crate::modules::args::positional("write", args, kw, 2, 2)?;
    let f = file(&a[0])?;
    write_obj(f, &a[1])
}

fn write_obj(f: &FileObject, v: &PyObject) -> PyResult {
    if f.binary {
        let Some(b) = super::bytes::as_bytes(v) else {
            f.check_writable()?;
            return Err(type_error(format!(
                "a bytes-like object is required, not '{}'",
                v.ty().name()
            )));
        };
        // `b` is borrowed from `v`, which the caller keeps alive; writing
        // runs no Python code.
        let n = b.len();
        f.write_bytes(b)?;
        return Ok(new_int(n as i64));
    }
    let Some(so) = super::str::as_str_object(v) else {
        f.check_open(Op::Write)?;
        return Err(type_error(format!(
            "write() argument must be str, not {}",
            v.ty().name()
        )));
    };
    let (s, n) = (so.as_str(), so.char_len());
    let plain = matches!(f.newline, Newline::Universal | Newline::Any | Newline::Lf);
    if plain && (f.encoding == Encoding::Utf8 || so.is_ascii()) {
        // The common case: the text's UTF-8 bytes are the file's bytes.
        f.write_bytes(s.as_bytes())?;
        return Ok(new_int(n as i64));
    }
    let text = match f.newline {
        Newline::Cr => s.replace('\n', "\r"),
        Newline::CrLf => s.replace('\n', "\r\n"),
        _ => s.to_string(),
    };
    f.write_bytes(&encode(f.encoding, &text)?)?;
    Ok(new_int(n as i64))
}

fn m_writelines(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = crate::modules::args::positional("writelines", args, kw, 2, 2)?;
    let f = file(&a[0])?;
    f.check_open(Op::Write)?;
    let it = super::protocol::iter(&a[1])?;
    while let Some(line) = super::protocol::next(&it)? {
        write_obj(f, &line)?;
    }
    Ok(none())
}

fn m_close(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    file(&args[0])?.close()?;
    Ok(none())
}

fn m_flush(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    let f = file(&args[0])?;
    f.check_open(Op::Flush)?;
    let mut io = f.io.try_borrow_mut().map_err(|_| reentrant())?;
    io.flush_writes()?;
    Ok(none())
}

fn m_enter(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    file(&args[0])?.check_open(Op::Other)?;
    Ok(args[0].clone())
}

fn m_exit(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    file(&args[0])?.close()?;
    Ok(none())
}

fn m_readable(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    let f = file(&args[0])?;
    f.check_open(Op::Query)?;
    Ok(super::bool::new_bool(f.readable))
}

fn m_writable(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    let f = file(&args[0])?;
    f.check_open(Op::Query)?;
    Ok(super::bool::new_bool(f.writable))
}

fn m_seekable(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    let f = file(&args[0])?;
    f.check_open(Op::Query)?;
    let io = f.io.borrow();
    Ok(super::bool::new_bool(matches!(io.src, Source::File(_))))
}

fn m_isatty(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    let f = file(&args[0])?;
    f.check_open(Op::Query)?;
    let io = f.io.borrow();
    let tty = match &io.src {
        Source::Stdin => std::io::IsTerminal::is_terminal(&std::io::stdin()),
        Source::File(file) => std::io::IsTerminal::is_terminal(file),
        Source::Closed => false,
    };
    Ok(super::bool::new_bool(tty))
}

fn m_fileno(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    use std::os::unix::io::AsRawFd;
    let f = file(&args[0])?;
    f.check_open(Op::Query)?;
    let io = f.io.borrow();
    Ok(new_int(match &io.src {
        Source::File(file) => file.as_raw_fd() as i64,
        _ => 0,
    }))
}

fn m_tell(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    let f = file(&args[0])?;
    f.check_open(if f.binary { Op::Query } else { Op::Other })?;
    let mut io = f.io.try_borrow_mut().map_err(|_| reentrant())?;
    io.flush_writes()?;
    let unread = io.rbuf.len() as u64;
    let pos = io.os_file()?.stream_position().map_err(io_err)?;
    Ok(new_int(pos.saturating_sub(unread) as i64))
}

fn m_seek(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = crate::modules::args::positional("seek", args, kw, 2, 3)?;
    let f = file(&a[0])?;
    f.check_open(Op::Seek)?;
    let offset = super::protocol::index_i64(&a[1])?;
    let whence = match a.get(2) {
        Some(w) => super::protocol::index_i64(w)?,
        None => 0,
    };
    if !f.binary {
        if whence == 1 && offset != 0 {
            return Err(unsupported("can't do nonzero cur-relative seeks"));
        }
        if whence == 2 && offset != 0 {
            return Err(unsupported("can't do nonzero end-relative seeks"));
        }
    }
    let target = match whence {
        0 => {
            if offset < 0 {
                return Err(value_error(format!("negative seek position {offset}")));
            }
            SeekFrom::Start(offset as u64)
        }
        1 => SeekFrom::Current(offset),
        2 => SeekFrom::End(offset),
        _ => {
            return Err(value_error(format!(
                "invalid whence ({whence}, should be 0, 1 or 2)"
            )))
        }
    };
    let mut io = f.io.try_borrow_mut().map_err(|_| reentrant())?;
    io.flush_writes()?;
    io.drop_reads()?;
    let pos = io.os_file()?.seek(target).map_err(io_err)?;
    Ok(new_int(pos as i64))
}

fn m_truncate(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = crate::modules::args::positional("truncate", args, kw, 1, 2)?;
    let f = file(&a[0])?;
    f.check_writable()?;
    let mut io = f.io.try_borrow_mut().map_err(|_| reentrant())?;
    io.flush_writes()?;
    io.drop_reads()?;
    let file = io.os_file()?;
    let size = match a.get(1).filter(|v| !v.is(super::none::none_ref())) {
        Some(v) => super::protocol::index_i64(v)?.max(0) as u64,
        None => file.stream_position().map_err(io_err)?,
    };
    file.set_len(size).map_err(io_err)?;
    Ok(new_int(size as i64))
}

fn file_iter(obj: &PyObject) -> PyResult {
    file(obj)?.check_open(Op::Other)?;
    Ok(obj.to_ref())
}

fn file_next(obj: &PyObject) -> PyResult<Option<Ref>> {
    let line = file(obj)?.readline(-1)?;
    Ok(if super::protocol::len(&line)? == 0 {
        None
    } else {
        Some(line)
    })
}

fn file_repr(obj: &PyObject) -> PyResult {
    let f = file(obj)?;
    let name = match f.name.get() {
        Some(n) => super::protocol::repr_string(&n)?,
        None => "?".to_string(),
    };
    let tname = obj.ty().name().to_string();
    if f.binary {
        return Ok(new_str(&format!("<_io.{tname} name={name}>")));
    }
    let mode = f
        .mode
        .get()
        .map(|m| super::protocol::repr_string(&m))
        .transpose()?;
    let enc = f
        .encoding_name
        .get()
        .map(|e| super::protocol::repr_string(&e))
        .transpose()?;
    Ok(new_str(&format!(
        "<_io.{tname} name={name} mode={} encoding={}>",
        mode.unwrap_or_default(),
        enc.unwrap_or_default()
    )))
}

unsafe fn file_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; the payload is a FileObject (PAYLOAD-1), alive
    // until the drop below.
    let f = unsafe { &*obj.cast::<FileObject>().as_ptr() };
    let _ = f.close();
    if f.writable {
        let me = obj.cast::<FileObject>();
        WRITERS.with(|w| w.borrow_mut().retain(|p| *p != me)); // FILE-3
    }
    // SAFETY: refcount 0; payload per PAYLOAD-1, dropped once.
    unsafe { std::ptr::drop_in_place(obj.cast::<FileObject>().as_ptr()) }
}

macro_rules! method {
    ($name:literal, $f:ident) => {
        MethodDef {
            name: $name,
            func: $f,
            kind: MethodKind::Instance,
        }
    };
}

static FILE_METHODS: [MethodDef; 18] = [
    method!("read", m_read),
    method!("readline", m_readline),
    method!("readlines", m_readlines),
    method!("write", m_write),
    method!("writelines", m_writelines),
    method!("close", m_close),
    method!("flush", m_flush),
    method!("__enter__", m_enter),
    method!("__exit__", m_exit),
    method!("readable", m_readable),
    method!("writable", m_writable),
    method!("seekable", m_seekable),
    method!("isatty", m_isatty),
    method!("fileno", m_fileno),
    method!("tell", m_tell),
    method!("seek", m_seek),
    method!("truncate", m_truncate),
    method!("read1", m_read),
];

fn get_closed(o: &PyObject) -> PyResult {
    Ok(super::bool::new_bool(file(o)?.closed.get()))
}

fn get_name(o: &PyObject) -> PyResult {
    Ok(file(o)?.name.get().unwrap_or_else(none))
}

fn get_mode(o: &PyObject) -> PyResult {
    Ok(file(o)?.mode.get().unwrap_or_else(none))
}

fn get_encoding(o: &PyObject) -> PyResult {
    let f = file(o)?;
    match f.encoding_name.get() {
        Some(e) => Ok(e),
        None => Err(super::err::attribute_error(format!(
            "'_io.{}' object has no attribute 'encoding'",
            o.ty().name()
        ))),
    }
}

static FILE_GETSETS: [GetSetDef; 4] = [
    GetSetDef {
        name: "closed",
        get: get_closed,
        set: None,
    },
    GetSetDef {
        name: "name",
        get: get_name,
        set: None,
    },
    GetSetDef {
        name: "mode",
        get: get_mode,
        set: None,
    },
    GetSetDef {
        name: "encoding",
        get: get_encoding,
        set: None,
    },
];

const fn file_slots() -> Slots {
    Slots {
        drop: file_drop,
        repr: Cell::new(file_repr),
        iter: Cell::new(Some(file_iter)),
        next: Cell::new(Some(file_next)),
        ..Slots::empty()
    }
}

macro_rules! file_type {
    ($stat:ident, $name:literal) => {
        #[doc = concat!("`_io.", $name, "`.")]
        pub static $stat: TypeObject = TypeObject::new_static(
            $name,
            std::mem::size_of::<FileObject>(),
            Some(&super::baseobject::OBJECT_TYPE),
            TypeFlags(0),
            file_slots(),
            &FILE_METHODS,
            &FILE_GETSETS,
        );
    };
}

file_type!(TEXT_FILE_TYPE, "TextIOWrapper");
file_type!(BUFFERED_READER_TYPE, "BufferedReader");
file_type!(BUFFERED_WRITER_TYPE, "BufferedWriter");
file_type!(BUFFERED_RANDOM_TYPE, "BufferedRandom");

/// The four file types, for start-up.
pub fn types() -> [&'static TypeObject; 4] {
    [
        &TEXT_FILE_TYPE,
        &BUFFERED_READER_TYPE,
        &BUFFERED_WRITER_TYPE,
        &BUFFERED_RANDOM_TYPE,
    ]
}
