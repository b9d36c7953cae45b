//! `str`: immutable text stored inline as UTF-8, with a cached hash, O(1)
//! code-point indexing (non-ASCII strings also carry a UTF-32 copy), and the
//! intern table for identifiers and attribute names.
//!
//! Layout (STR-1): `StrObject`, then `byte_len` UTF-8 bytes and a NUL, then
//! — only when `char_len != byte_len` — padding to 4 and `char_len` `u32`
//! code points. The size is a function of `byte_len` and `char_len`.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::ptr::NonNull;

use super::err::PyResult;
use super::heap;
use super::object::{PyObject, PyPayload, Ref};
use super::typeobj::{Slots, TypeFlags, TypeObject};

/// A str object's fixed part; the text follows it (STR-1).
#[repr(C)]
pub struct StrObject {
    ob: PyObject,
    hash: Cell<i64>,
    char_len: usize,
    byte_len: usize,
    interned: Cell<bool>,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first; every str is laid out so.
unsafe impl PyPayload for StrObject {
    fn static_type() -> &'static TypeObject {
        &STR_TYPE
    }
}

const HEAD: usize = std::mem::size_of::<StrObject>();

fn utf32_offset(byte_len: usize) -> usize {
    (HEAD + byte_len + 1 + 3) & !3
}

fn alloc_size(byte_len: usize, char_len: usize) -> usize {
    if byte_len == char_len {
        HEAD + byte_len + 1
    } else {
        utf32_offset(byte_len) + 4 * char_len
    }
}

impl StrObject {
    /// The text.
    #[inline]
    pub fn as_str(&self) -> &str {
        // SAFETY: STR-1 — `byte_len` valid UTF-8 bytes follow the header.
        unsafe {
            let p = (self as *const StrObject as *const u8).add(HEAD);
            std::str::from_utf8_unchecked(std::slice::from_raw_parts(p, self.byte_len))
        }
    }

    /// Number of code points (`len(s)`).
    #[inline]
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Whether every character is ASCII.
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.byte_len
    }

    /// The code point at `i` (< char_len), in O(1).
    #[inline]
    pub fn char_at(&self, i: usize) -> char {
        debug_assert!(i < self.char_len);
        if self.is_ascii() {
            self.as_str().as_bytes()[i] as char
        } else {
            // SAFETY: STR-1 — the UTF-32 copy holds `char_len` valid chars.
            let cp = unsafe {
                let p = (self as *const StrObject as *const u8).add(utf32_offset(self.byte_len));
                *(p as *const u32).add(i)
            };
            char::from_u32(cp).unwrap_or('\u{fffd}')
        }
    }

    /// The UTF-8 byte offset of code point `i` (<= char_len).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            return i;
        }
        if i >= self.char_len {
            return self.byte_len;
        }
        let mut off = 0;
        for k in 0..i {
            off += self.char_at(k).len_utf8();
        }
        off
    }

    /// The substring of code points `start..end`.
    pub fn substring(&self, start: usize, end: usize) -> Ref {
        if start >= end {
            return new_str("");
        }
        if self.is_ascii() {
            return new_str(&self.as_str()[start..end]);
        }
        let s: String = (start..end).map(|i| self.char_at(i)).collect();
        new_str(&s)
    }

    /// Write the UTF-32 copy of the text (STR-1) into its area.
    ///
    /// # Safety
    ///
    /// The object was allocated with `alloc_size(byte_len, char_len)` and
    /// `char_len != byte_len`; nothing reads the copy while it is written.
    unsafe fn fill_utf32(&self) {
        // SAFETY: STR-1 — the area after the padded text has `char_len`
        // `u32` slots; at most `char_len` are written from the text and
        // any left over are zeroed.
        unsafe {
            let base = self as *const StrObject as *mut u8;
            let cps = base.add(utf32_offset(self.byte_len)) as *mut u32;
            let mut n = 0;
            for c in self.as_str().chars().take(self.char_len) {
                *cps.add(n) = c as u32;
                n += 1;
            }
            for k in n..self.char_len {
                *cps.add(k) = 0;
            }
        }
    }

    /// The code points of a non-ASCII str (STR-1's UTF-32 copy); `None`
    /// for ASCII text, whose bytes are its code points.
    #[inline]
    pub fn utf32(&self) -> Option<&[u32]> {
        if self.is_ascii() {
            return None;
        }
        // SAFETY: STR-1 — the copy holds `char_len` code points.
        Some(unsafe {
            let p = (self as *const StrObject as *const u8).add(utf32_offset(self.byte_len));
            std::slice::from_raw_parts(p as *const u32, self.char_len)
        })
    }

    /// The cached hash.
    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = hash_bytes(self.as_str().as_bytes());
        self.hash.set(h);
        h
    }

    /// Whether the str is in the intern table.
    pub fn is_interned(&self) -> bool {
        self.interned.get()
    }
}

/// The hash of a str's bytes (never -1). Not CPython's SipHash: str hashes
/// are randomised per process in CPython, so no program may depend on them.
pub fn hash_bytes(b: &[u8]) -> i64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h: u64 = b.len() as u64;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    }
    for &x in chunks.remainder() {
        h = (h.rotate_left(5) ^ x as u64).wrapping_mul(K);
    }
    h ^= h >> 29;
    let h = h as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// A new str holding `s`.
pub fn new_str(s: &str) -> Ref {
    match s.as_bytes() {
        [] => empty_str(),
        &[b] => char_str(b as char),
        _ => new_str_uncached(s),
    }
}

/// The empty str (interned; GLOBAL-1: one per process).
pub fn empty_str() -> Ref {
    static EMPTY: std::sync::OnceLock<super::global::Global<Ref>> = std::sync::OnceLock::new();
    EMPTY
        .get_or_init(|| super::global::Global::new(intern("")))
        .get()
        .clone()
}

fn new_str_uncached(s: &str) -> Ref {
    alloc_str(&STR_TYPE, s)
}

/// A str of type `ty` (a str subclass, or str itself) holding `s`.
pub fn new_str_of_type(ty: &TypeObject, s: &str) -> Ref {
    if std::ptr::eq(ty, &STR_TYPE) {
        return new_str(s);
    }
    alloc_str(ty, s)
}

/// The number of code points of `s` (its length for ASCII text).
#[inline]
pub fn count_chars(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

fn alloc_str(ty: &TypeObject, s: &str) -> Ref {
    let char_len = count_chars(s);
    build_str(ty, [s], s.len(), char_len)
}

/// Allocate a str of type `ty` with room for `byte_len` bytes of text
/// (STR-1 layout for `char_len` code points) and its header written; the
/// text bytes are not written yet.
fn alloc_str_raw(ty: &TypeObject, byte_len: usize, char_len: usize) -> NonNull<PyObject> {
    let size = alloc_size(byte_len, char_len);
    let obj = heap::alloc_object(ty, size);
    let head = StrObject {
        ob: PyObject::new(ty),
        hash: Cell::new(-1),
        char_len,
        byte_len,
        interned: Cell::new(false),
    };
    // SAFETY: the block has `size` >= HEAD + byte_len + 1 bytes (STR-1).
    unsafe {
        let base = obj.cast::<u8>().as_ptr();
        (base as *mut StrObject).write(head);
        *base.add(HEAD + byte_len) = 0;
    }
    obj
}

/// Finish a str whose text is written: the UTF-32 copy, GC tracking.
fn finish_str(ty: &TypeObject, obj: NonNull<PyObject>) -> Ref {
    // SAFETY: a new object; we own its reference.
    let r = unsafe { Ref::from_raw(obj) };
    let so = r.downcast::<StrObject>().expect("new str");
    if !so.is_ascii() {
        // SAFETY: STR-1 — the UTF-32 area follows the text just written.
        unsafe { so.fill_utf32() };
    }
    if ty.flags().contains(TypeFlags::HAS_GC) {
        heap::track(&r);
    }
    r
}

/// A new str of type `ty` holding the concatenation of `parts`, whose
/// total UTF-8 length is `byte_len` and code-point length `char_len`: the
/// text is written once, straight into the object (`join`, `+`). Parts
/// past `byte_len` are dropped and a shortfall is NUL-filled, so the text
/// stays valid UTF-8 even if the caller's sums were wrong (they are
/// checked in debug builds).
pub fn build_str<'a>(
    ty: &TypeObject,
    parts: impl IntoIterator<Item = &'a str>,
    byte_len: usize,
    char_len: usize,
) -> Ref {
    let obj = alloc_str_raw(ty, byte_len, char_len);
    let mut written = 0;
    for p in parts {
        if p.len() > byte_len - written {
            debug_assert!(false, "build_str: parts longer than byte_len");
            break;
        }
        // SAFETY: STR-1 — `written + p.len() <= byte_len` bytes of text
        // fit after the header.
        unsafe {
            let at = obj.cast::<u8>().as_ptr().add(HEAD + written);
            std::ptr::copy_nonoverlapping(p.as_ptr(), at, p.len());
        }
        written += p.len();
    }
    if written < byte_len {
        debug_assert!(false, "build_str: parts shorter than byte_len");
        // SAFETY: as above; NULs keep the text valid UTF-8.
        unsafe {
            std::ptr::write_bytes(
                obj.cast::<u8>().as_ptr().add(HEAD + written),
                0,
                byte_len - written,
            )
        };
    }
    finish_str(ty, obj)
}

/// A new exact ASCII str of `len` bytes written by `fill` (case mapping,
/// padding). Any non-ASCII byte `fill` leaves is replaced by `?`, so the
/// object always satisfies STR-1's ASCII layout.
pub fn new_ascii_with(len: usize, fill: impl FnOnce(&mut [u8])) -> Ref {
    let obj = alloc_str_raw(&STR_TYPE, len, len);
    // SAFETY: STR-1 — `len` text bytes follow the header; we zero them
    // first so the slice is initialised.
    let buf = unsafe {
        let p = obj.cast::<u8>().as_ptr().add(HEAD);
        std::ptr::write_bytes(p, 0, len);
        std::slice::from_raw_parts_mut(p, len)
    };
    fill(buf);
    if !buf.is_ascii() {
        buf.iter_mut()
            .filter(|b| !b.is_ascii())
            .for_each(|b| *b = b'?');
    }
    finish_str(&STR_TYPE, obj)
}

/// The one-character strs U+0000..U+00FF (GLOBAL-1: one table per
/// process; they are interned, so they live until the process exits).
static LATIN1: std::sync::OnceLock<super::global::Global<[Ref; 256]>> = std::sync::OnceLock::new();

/// The one-character str `c` (shared objects for U+0000..U+00FF).
#[inline]
pub fn char_str(c: char) -> Ref {
    let cp = c as u32;
    if cp < 256 {
        let table = LATIN1.get_or_init(|| {
            super::global::Global::new(std::array::from_fn(|i| {
                intern(
                    char::from_u32(i as u32)
                        .unwrap_or('\0')
                        .encode_utf8(&mut [0; 4]),
                )
            }))
        });
        return table.get()[cp as usize].clone();
    }
    new_str(c.encode_utf8(&mut [0; 4]))
}

/// Append ASCII `tail` to the ASCII exact str `s` by resizing its block,
/// when `s` is the only reference (so nobody can see the text change) and
/// not interned. `tail` must not be the text of `s` itself (it is not: an
/// unshared `s` cannot also be the right operand). Gives `s` back when the
/// conditions fail or memory is short; the caller then copies.
pub fn append_in_place(s: Ref, tail: &str) -> Result<Ref, Ref> {
    let Some(so) = s.downcast_exact::<StrObject>() else {
        return Err(s);
    };
    if s.refcount() != 1 || so.is_interned() || !so.is_ascii() || !tail.is_ascii() {
        return Err(s);
    }
    let old_len = so.byte_len;
    let new_len = old_len + tail.len();
    let old_size = alloc_size(old_len, old_len);
    let new_size = alloc_size(new_len, new_len);
    let raw = s.into_raw();
    // SAFETY: exact strs have no pre-header (no GC, no dict: HEAP-2), the
    // block was allocated with `alloc_size(byte_len, char_len)` bytes, and
    // we own the only reference, so no pointer to the old block survives.
    let p = unsafe { heap::realloc_bytes(raw.cast::<u8>(), old_size, new_size) };
    let Some(p) = p else {
        // SAFETY: the block is untouched and we still own its reference.
        return Err(unsafe { Ref::from_raw(raw) });
    };
    // SAFETY: STR-1 — the block now has room for `new_len` bytes and the
    // NUL; the header moved with the block, and the object is unshared, so
    // its length and hash fields may change.
    unsafe {
        let base = p.as_ptr();
        std::ptr::copy_nonoverlapping(tail.as_ptr(), base.add(HEAD + old_len), tail.len());
        *base.add(HEAD + new_len) = 0;
        let head = base as *mut StrObject;
        (*head).byte_len = new_len;
        (*head).char_len = new_len;
        (*head).hash.set(-1);
    }
    // SAFETY: the (possibly moved) object carries the reference we owned.
    Ok(unsafe { Ref::from_raw(p.cast()) })
}

/// A str from a `String`.
pub fn from_string(s: String) -> Ref {
    new_str(&s)
}

/// The text of a str object (or subclass instance), if it is one.
#[inline]
pub fn as_str(obj: &PyObject) -> Option<&str> {
    obj.downcast::<StrObject>().map(StrObject::as_str)
}

/// The str payload, if `obj` is a str.
#[inline]
pub fn as_str_object(obj: &PyObject) -> Option<&StrObject> {
    obj.downcast::<StrObject>()
}

/// Whether `obj` is exactly a str.
#[inline]
pub fn is_exact_str(obj: &PyObject) -> bool {
    std::ptr::eq(obj.ty(), &STR_TYPE)
}

type InternTable = RefCell<HashMap<&'static str, Ref>>;

/// The intern table (GLOBAL-1: one per process, like the heap).
static INTERNED: std::sync::OnceLock<super::global::Global<InternTable>> =
    std::sync::OnceLock::new();

fn interned() -> &'static InternTable {
    INTERNED
        .get_or_init(|| super::global::Global::new(RefCell::new(HashMap::new())))
        .get()
}

/// The interned str equal to `s` (made and interned on first use).
/// Interned strs live until the process exits.
pub fn intern(s: &str) -> Ref {
    if let Some(r) = interned().borrow().get(s).cloned() {
        return r;
    }
    let r = new_str_uncached(s);
    let so = r.downcast::<StrObject>().expect("new str");
    so.interned.set(true);
    // SAFETY: the interned object is never freed (the table keeps a
    // reference forever), so its text lives for the rest of the process.
    let key: &'static str = unsafe { &*(so.as_str() as *const str) };
    interned().borrow_mut().insert(key, r.clone());
    r
}

/// Intern an existing str object (`sys.intern`).
pub fn intern_obj(obj: &PyObject) -> Ref {
    match as_str_object(obj) {
        Some(so) if so.is_interned() => obj.to_ref(),
        Some(so) if is_exact_str(obj) => {
            if let Some(r) = interned().borrow().get(so.as_str()).cloned() {
                return r;
            }
            so.interned.set(true);
            // SAFETY: as in `intern`: the table keeps the object alive forever.
            let key: &'static str = unsafe { &*(so.as_str() as *const str) };
            interned().borrow_mut().insert(key, obj.to_ref());
            obj.to_ref()
        }
        _ => obj.to_ref(),
    }
}

/// Whether two str objects are equal (identity first).
#[inline]
pub fn str_eq(a: &StrObject, b: &StrObject) -> bool {
    if std::ptr::eq(a, b) {
        return true;
    }
    if a.byte_len != b.byte_len || (a.interned.get() && b.interned.get()) {
        return false;
    }
    let (ha, hb) = (a.hash.get(), b.hash.get());
    if ha != -1 && hb != -1 && ha != hb {
        return false;
    }
    a.as_str() == b.as_str()
}

/// CPython's `repr()` of a str: quotes chosen by content, escapes.
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if (c as u32) < 0x7f => out.push(c),
            c if is_printable(c) => out.push(c),
            c if (c as u32) <= 0xff => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) <= 0xffff => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// An approximation of CPython's `Py_UNICODE_ISPRINTABLE`: not a control,
/// separator (other than space) or unassigned/format character.
pub fn is_printable(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x20 || (0x7f..0xa0).contains(&cp) {
        return false;
    }
    // Separators and format characters CPython escapes.
    !matches!(cp,
        0xa0 | 0xad | 0x1680 | 0x2000..=0x200f | 0x2028..=0x202f | 0x205f..=0x2064
        | 0x2066..=0x206f | 0x3000 | 0xfeff | 0xfff9..=0xfffb | 0xd800..=0xdfff
        | 0xe000..=0xf8ff | 0xf0000..=0x10ffff)
}

unsafe fn str_drop(_obj: NonNull<PyObject>) {}

fn str_sizeof(obj: &PyObject) -> usize {
    let s = obj.downcast::<StrObject>().expect("str");
    alloc_size(s.byte_len, s.char_len) + (obj.ty().basicsize - HEAD)
}

fn str_repr(obj: &PyObject) -> PyResult {
    Ok(from_string(repr_str(as_str(obj).unwrap_or(""))))
}

fn str_str(obj: &PyObject) -> PyResult {
    if is_exact_str(obj) {
        Ok(obj.to_ref())
    } else {
        Ok(new_str(as_str(obj).unwrap_or("")))
    }
}

fn str_hash(obj: &PyObject) -> PyResult<i64> {
    Ok(obj.downcast::<StrObject>().expect("str").hash())
}

fn str_len(obj: &PyObject) -> PyResult<usize> {
    Ok(obj.downcast::<StrObject>().expect("str").char_len)
}

/// `str`: the type. Its methods live in `str_methods.rs`.
pub static STR_TYPE: TypeObject = TypeObject::new_static(
    "str",
    HEAD,
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags(TypeFlags::BASETYPE.0 | TypeFlags::STR_SUBCLASS.0),
    Slots {
        drop: str_drop,
        sizeof: str_sizeof,
        repr: Cell::new(str_repr),
        str: Cell::new(Some(str_str)),
        hash: Cell::new(Some(str_hash)),
        len: Cell::new(Some(str_len)),
        ..Slots::empty()
    },
    &super::str_methods::STR_METHODS,
    &[],
);
