//! pyrite's `marshal` format: compile-time [`Constant`]s, code units
//! included, to bytes and back — the payload of the bytecode cache
//! (`vm/pycache.rs`) and of the `marshal` module (`modules/marshal.rs`).
//!
//! Values use CPython's type codes and layouts (`Python/marshal.c`): `N`
//! `F` `T` `.`, `i` (int32), `l` (base 2**15 digits), `g` / `y` (binary
//! float / complex), `u` (UTF-8 str), `s` (bytes), `(` tuple, `>`
//! frozenset. [`dump`] writes what CPython's `marshal.dumps(v, 2)` writes
//! for these (no back-references); [`load`] also reads CPython's version 3
//! and 4 forms (`r` references and the `0x80` flag, `a A z Z t` strs, `)`
//! small tuples). A code unit is `c` followed by pyrite's own layout
//! ([`CodeUnit`] field by field), not CPython's.
//!
//! MARSHAL-1: [`load`] never panics and never allocates more than the
//! input's length justifies; every code unit it returns passes
//! [`check_invariants`] (operands in range, stack depths, exception table)
//! and has parameter counts within its locals, so the VM may run it.

use std::rc::Rc;

use num_bigint::{BigInt, Sign};

use super::assemble::check_invariants;
use super::code::{flags, CodeUnit, Constant, ExceptionEntry, Position};
use super::opcode::{Instr, Opcode};

/// Why [`load`] failed, as CPython's `marshal.loads` words it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// `EOFError: EOF read where object expected`.
    NoObject,
    /// `EOFError: marshal data too short`.
    TooShort,
    /// `ValueError: bad marshal data (...)` with the reason.
    Bad(&'static str),
}

impl LoadError {
    /// The message.
    pub fn message(&self) -> String {
        match self {
            LoadError::NoObject => "EOF read where object expected".into(),
            LoadError::TooShort => "marshal data too short".into(),
            LoadError::Bad(why) => format!("bad marshal data ({why})"),
        }
    }

    /// Whether it is an `EOFError` (else a `ValueError`).
    pub fn is_eof(&self) -> bool {
        matches!(self, LoadError::NoObject | LoadError::TooShort)
    }
}

/// The `0x80` bit of a type code: the object may be referred to later.
const FLAG_REF: u8 = 0x80;
/// CPython's `MAX_MARSHAL_STACK_DEPTH`.
const MAX_DEPTH: usize = 2000;
/// The largest `co_stacksize` a loaded unit may claim.
const MAX_STACKSIZE: u32 = 1 << 20;

/// Appends the marshalled form of `c` to `out`.
pub fn dump(c: &Constant, out: &mut Vec<u8>) {
    match c {
        Constant::None => out.push(b'N'),
        Constant::Ellipsis => out.push(b'.'),
        Constant::Bool(true) => out.push(b'T'),
        Constant::Bool(false) => out.push(b'F'),
        Constant::Int(i) => dump_int(&BigInt::from(*i), out),
        Constant::BigInt(digits) => dump_int(&digits.parse().unwrap_or_default(), out),
        Constant::Float(f) => {
            out.push(b'g');
            out.extend_from_slice(&f.to_le_bytes());
        }
        Constant::Complex(re, im) => {
            out.push(b'y');
            out.extend_from_slice(&re.to_le_bytes());
            out.extend_from_slice(&im.to_le_bytes());
        }
        Constant::Str(s) => dump_str(s, out),
        Constant::Bytes(b) => {
            out.push(b's');
            dump_len(b.len(), out);
            out.extend_from_slice(b);
        }
        Constant::Tuple(items) => dump_seq(b'(', items, out),
        Constant::FrozenSet(items) => dump_seq(b'>', items, out),
        Constant::Code(unit) => dump_code(unit, out),
    }
}

fn dump_len(n: usize, out: &mut Vec<u8>) {
    out.extend_from_slice(&(n as u32).to_le_bytes());
}

fn dump_u32(n: u32, out: &mut Vec<u8>) {
    out.extend_from_slice(&n.to_le_bytes());
}

fn dump_str(s: &str, out: &mut Vec<u8>) {
    out.push(b'u');
    dump_len(s.len(), out);
    out.extend_from_slice(s.as_bytes());
}

fn dump_seq(code: u8, items: &[Constant], out: &mut Vec<u8>) {
    out.push(code);
    dump_len(items.len(), out);
    for i in items {
        dump(i, out);
    }
}

/// `i` for an int32, else `l`: a signed digit count, then base 2**15
/// digits, least significant first.
fn dump_int(v: &BigInt, out: &mut Vec<u8>) {
    if let Ok(small) = i32::try_from(v) {
        out.push(b'i');
        out.extend_from_slice(&small.to_le_bytes());
        return;
    }
    let (sign, mut mag) = (v.sign(), v.magnitude().clone());
    let mut digits = Vec::new();
    let base = num_bigint::BigUint::from(1u32 << 15);
    while mag > num_bigint::BigUint::default() {
        let d = &mag % &base;
        digits.push(d.to_u32_digits().first().copied().unwrap_or(0) as u16);
        mag /= &base;
    }
    out.push(b'l');
    let n = digits.len() as i32;
    out.extend_from_slice(&(if sign == Sign::Minus { -n } else { n }).to_le_bytes());
    for d in digits {
        out.extend_from_slice(&d.to_le_bytes());
    }
}

fn dump_strs(names: &[Box<str>], out: &mut Vec<u8>) {
    out.push(b'(');
    dump_len(names.len(), out);
    for n in names {
        dump_str(n, out);
    }
}

fn dump_code(u: &CodeUnit, out: &mut Vec<u8>) {
    out.push(b'c');
    for n in [
        u.argcount,
        u.posonlyargcount,
        u.kwonlyargcount,
        u.flags,
        u.stacksize,
        u.first_line,
    ] {
        dump_u32(n, out);
    }
    dump_str(&u.name, out);
    dump_str(&u.qualname, out);
    dump_str(&u.filename, out);
    dump_len(u.instrs.len(), out);
    for i in &u.instrs {
        dump_u32(i.to_bits(), out);
    }
    dump_len(u.positions.len(), out);
    for p in &u.positions {
        for n in [p.line, p.end_line, p.col, p.end_col] {
            dump_u32(n, out);
        }
    }
    dump_seq(b'(', &u.consts, out);
    for names in [&u.names, &u.varnames, &u.cellvars, &u.freevars] {
        dump_strs(names, out);
    }
    dump_len(u.exception_table.len(), out);
    for e in &u.exception_table {
        for n in [e.start, e.end, e.target, e.depth] {
            dump_u32(n, out);
        }
        out.push(u8::from(e.push_lasti));
    }
}

/// Reads one value from `data` (which may hold more after it).
/// `filename`, when given, replaces every code unit's `co_filename` (a
/// cached module that moved reports where it is now, as CPython's
/// `_fix_co_filename`).
///
/// # Errors
///
/// CPython's `marshal.loads` errors (MARSHAL-1).
pub fn load(data: &[u8], filename: Option<&str>) -> Result<Constant, LoadError> {
    let mut r = Reader {
        data,
        pos: 0,
        depth: 0,
        refs: Vec::new(),
        filename: filename.map(Rc::from),
    };
    r.object()
}

struct Reader<'d> {
    data: &'d [u8],
    pos: usize,
    depth: usize,
    /// Objects flagged with [`FLAG_REF`], by index (None while being read).
    refs: Vec<Option<Constant>>,
    filename: Option<Rc<str>>,
}

impl Reader<'_> {
    fn bytes(&mut self, n: usize) -> Result<&[u8], LoadError> {
        if self.data.len() - self.pos < n {
            self.pos = self.data.len();
            return Err(LoadError::TooShort);
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    fn u8(&mut self) -> Result<u8, LoadError> {
        Ok(self.bytes(1)?[0])
    }

    fn i32(&mut self) -> Result<i32, LoadError> {
        let b = self.bytes(4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn u32(&mut self) -> Result<u32, LoadError> {
        Ok(self.i32()? as u32)
    }

    fn f64(&mut self) -> Result<f64, LoadError> {
        let b = self.bytes(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(f64::from_le_bytes(a))
    }

    /// A 4-byte size; negative sizes are `bad marshal data (what)`.
    fn size(&mut self, what: &'static str) -> Result<usize, LoadError> {
        let n = self.i32()?;
        usize::try_from(n).map_err(|_| LoadError::Bad(what))
    }

    fn utf8(&mut self, n: usize) -> Result<Box<str>, LoadError> {
        let b = self.bytes(n)?;
        std::str::from_utf8(b)
            .map(Box::from)
            .map_err(|_| LoadError::Bad("invalid UTF-8 in str"))
    }

    fn object(&mut self) -> Result<Constant, LoadError> {
        if self.pos >= self.data.len() {
            return Err(LoadError::NoObject);
        }
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            return Err(LoadError::Bad("recursion limit exceeded"));
        }
        let r = self.object_inner();
        self.depth -= 1;
        r
    }

    fn object_inner(&mut self) -> Result<Constant, LoadError> {
        let code = self.u8()?;
        let flagged = code & FLAG_REF != 0;
        let slot = if flagged {
            self.refs.push(None);
            Some(self.refs.len() - 1)
        } else {
            None
        };
        let v = match code & !FLAG_REF {
            b'N' => Constant::None,
            b'.' => Constant::Ellipsis,
            b'T' => Constant::Bool(true),
            b'F' => Constant::Bool(false),
            b'i' => Constant::Int(self.i32()? as i64),
            b'l' => self.long()?,
            b'g' => Constant::Float(self.f64()?),
            b'y' => {
                let re = self.f64()?;
                Constant::Complex(re, self.f64()?)
            }
            b'u' | b't' | b'a' | b'A' => {
                let n = self.size("string size out of range")?;
                Constant::Str(self.utf8(n)?)
            }
            b'z' | b'Z' => {
                let n = self.u8()? as usize;
                Constant::Str(self.utf8(n)?)
            }
            b's' => {
                let n = self.size("bytes object size out of range")?;
                Constant::Bytes(Box::from(self.bytes(n)?))
            }
            b'(' => {
                let n = self.size("tuple size out of range")?;
                Constant::Tuple(self.items(n)?)
            }
            b')' => {
                let n = self.u8()? as usize;
                Constant::Tuple(self.items(n)?)
            }
            b'>' => {
                let n = self.size("set size out of range")?;
                Constant::FrozenSet(self.items(n)?)
            }
            b'r' => {
                let i = self.u32()? as usize;
                match self.refs.get(i) {
                    Some(Some(c)) => c.clone(),
                    _ => return Err(LoadError::Bad("invalid reference")),
                }
            }
            b'c' => Constant::Code(Rc::new(self.code()?)),
            _ => return Err(LoadError::Bad("unknown type code")),
        };
        if let Some(s) = slot {
            self.refs[s] = Some(v.clone());
        }
        Ok(v)
    }

    fn items(&mut self, n: usize) -> Result<Box<[Constant]>, LoadError> {
        // Each item takes at least one byte: no allocation beyond the input.
        let mut v = Vec::with_capacity(n.min(self.data.len() - self.pos));
        for _ in 0..n {
            v.push(self.object()?);
        }
        Ok(v.into_boxed_slice())
    }

    fn long(&mut self) -> Result<Constant, LoadError> {
        let n = self.i32()?;
        if n == i32::MIN {
            return Err(LoadError::Bad("long size out of range"));
        }
        let count = n.unsigned_abs() as usize;
        let mut mag = num_bigint::BigUint::default();
        let raw = self.bytes(count.checked_mul(2).ok_or(LoadError::TooShort)?)?;
        for (i, pair) in raw.chunks_exact(2).enumerate().rev() {
            let d = u16::from_le_bytes([pair[0], pair[1]]);
            if d >= 1 << 15 {
                return Err(LoadError::Bad("digit out of range in long"));
            }
            if d == 0 && i + 1 == count {
                return Err(LoadError::Bad("unnormalized long data"));
            }
            mag = (mag << 15u32) + d;
        }
        let v = BigInt::from_biguint(if n < 0 { Sign::Minus } else { Sign::Plus }, mag);
        Ok(match i64::try_from(&v) {
            Ok(small) => Constant::Int(small),
            Err(_) => Constant::BigInt(v.to_string().into_boxed_str()),
        })
    }

    fn str_obj(&mut self) -> Result<Box<str>, LoadError> {
        match self.object()? {
            Constant::Str(s) => Ok(s),
            _ => Err(LoadError::Bad("code field is not a str")),
        }
    }

    fn strs(&mut self) -> Result<Vec<Box<str>>, LoadError> {
        match self.object()? {
            Constant::Tuple(items) => items
                .into_vec()
                .into_iter()
                .map(|c| match c {
                    Constant::Str(s) => Ok(s),
                    _ => Err(LoadError::Bad("code names are not strs")),
                })
                .collect(),
            _ => Err(LoadError::Bad("code names are not a tuple")),
        }
    }

    fn count(&mut self, each: usize) -> Result<usize, LoadError> {
        let n = self.size("code table size out of range")?;
        if n.checked_mul(each)
            .is_none_or(|b| b > self.data.len() - self.pos)
        {
            return Err(LoadError::TooShort);
        }
        Ok(n)
    }

    fn code(&mut self) -> Result<CodeUnit, LoadError> {
        let mut head = [0u32; 6];
        for h in &mut head {
            *h = self.u32()?;
        }
        let [argcount, posonlyargcount, kwonlyargcount, flag_bits, stacksize, first_line] = head;
        let name = self.str_obj()?;
        let qualname = self.str_obj()?;
        let stored_filename = self.str_obj()?;
        let filename = match &self.filename {
            Some(f) => f.clone(),
            None => Rc::from(stored_filename),
        };
        let n = self.count(4)?;
        let mut instrs = Vec::with_capacity(n);
        for _ in 0..n {
            let word = self.u32()?;
            let op = Opcode::from_u8(word as u8).ok_or(LoadError::Bad("unknown opcode"))?;
            instrs.push(Instr::new(op, word >> 8));
        }
        let n = self.count(16)?;
        let mut positions = Vec::with_capacity(n);
        for _ in 0..n {
            positions.push(Position {
                line: self.u32()?,
                end_line: self.u32()?,
                col: self.u32()?,
                end_col: self.u32()?,
            });
        }
        let consts = match self.object()? {
            Constant::Tuple(items) => items.into_vec(),
            _ => return Err(LoadError::Bad("code constants are not a tuple")),
        };
        let names = self.strs()?;
        let varnames = self.strs()?;
        let cellvars = self.strs()?;
        let freevars = self.strs()?;
        let n = self.count(17)?;
        let mut exception_table = Vec::with_capacity(n);
        for _ in 0..n {
            exception_table.push(ExceptionEntry {
                start: self.u32()?,
                end: self.u32()?,
                target: self.u32()?,
                depth: self.u32()?,
                push_lasti: self.u8()? != 0,
            });
        }
        let unit = CodeUnit {
            name,
            qualname,
            filename,
            first_line,
            argcount,
            posonlyargcount,
            kwonlyargcount,
            flags: flag_bits,
            stacksize,
            instrs,
            positions,
            consts,
            names,
            varnames,
            cellvars,
            freevars,
            exception_table,
        };
        validate(&unit)?;
        Ok(unit)
    }
}

/// MARSHAL-1: what the VM relies on beyond [`check_invariants`].
fn validate(u: &CodeUnit) -> Result<(), LoadError> {
    let nargs = u.argcount as u64
        + u.kwonlyargcount as u64
        + u64::from(u.flags & flags::VARARGS != 0)
        + u64::from(u.flags & flags::VARKEYWORDS != 0);
    if u.posonlyargcount > u.argcount
        || nargs > u.varnames.len() as u64
        || u.stacksize > MAX_STACKSIZE
        || u.instrs.len() != u.positions.len()
    {
        return Err(LoadError::Bad("inconsistent code object"));
    }
    check_invariants(u).map_err(|_| LoadError::Bad("invalid bytecode"))
}

/// The marshalled form of `unit` (the bytecode cache's payload).
pub fn dump_code_unit(unit: &Rc<CodeUnit>) -> Vec<u8> {
    let mut out = Vec::new();
    dump(&Constant::Code(unit.clone()), &mut out);
    out
}

/// A code unit from [`dump_code_unit`]'s bytes, which must be all used.
///
/// # Errors
///
/// As [`load`], or when the bytes hold something else or more.
pub fn load_code_unit(data: &[u8], filename: Option<&str>) -> Result<Rc<CodeUnit>, LoadError> {
    let mut r = Reader {
        data,
        pos: 0,
        depth: 0,
        refs: Vec::new(),
        filename: filename.map(Rc::from),
    };
    match r.object()? {
        Constant::Code(u) if r.pos == data.len() => Ok(u),
        _ => Err(LoadError::Bad("not a code object")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(c: Constant) {
        let mut out = Vec::new();
        dump(&c, &mut out);
        assert_eq!(load(&out, None), Ok(c));
    }

    #[test]
    fn values_round_trip() {
        round_trip(Constant::None);
        round_trip(Constant::Int(-5));
        round_trip(Constant::Int(1 << 40));
        round_trip(Constant::BigInt("-123456789012345678901234567890".into()));
        round_trip(Constant::Float(-0.5));
        round_trip(Constant::Complex(1.0, -2.0));
        round_trip(Constant::Str("é\u{1F600}".into()));
        round_trip(Constant::Bytes(Box::from(&b"\x00\xff"[..])));
        round_trip(Constant::Tuple(Box::new([
            Constant::Bool(true),
            Constant::FrozenSet(Box::new([Constant::Ellipsis])),
        ])));
    }

    #[test]
    fn bytes_as_cpython_version_2() {
        let mut out = Vec::new();
        dump(&Constant::Int(1 << 31), &mut out);
        assert_eq!(out, b"l\x03\x00\x00\x00\x00\x00\x00\x00\x02\x00");
        // CPython's version 4: FLAG_REF, a short ASCII str, a reference.
        let data = b"\xa9\x02\xda\x01a\x72\x01\x00\x00\x00";
        let want = Constant::Tuple(Box::new([
            Constant::Str("a".into()),
            Constant::Str("a".into()),
        ]));
        assert_eq!(load(data, None), Ok(want));
        assert_eq!(load(b"", None), Err(LoadError::NoObject));
        assert_eq!(load(b"i\x01", None), Err(LoadError::TooShort));
        assert_eq!(
            load(b"r\x00\x00\x00\x00", None),
            Err(LoadError::Bad("invalid reference"))
        );
    }
}
