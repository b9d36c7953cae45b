//! The disassembler: a [`CodeUnit`] printed in the layout of CPython 3.11's
//! `dis.dis` — line column at each line's first instruction, `>>` at jump
//! and handler targets, offset, opname padded to 20, operand padded to 5,
//! the operand's meaning in parentheses, the exception table, then a
//! "Disassembly of <code object ...>:" section for each nested unit, depth
//! first.
//!
//! Two choices differ from CPython on purpose:
//! - offsets are instruction index × 2 (CPython's offsets count bytes of
//!   2-byte code units, so they read the same way; pyrite has no inline
//!   caches, so they are denser). A jump's operand is the target's
//!   instruction index and its `(to N)` is the target's offset; exception
//!   table entries are in offsets.
//! - `<code object NAME at 0xN, ...>` gives as address N the unit's index in
//!   depth-first order (the module is 0), so the output is stable.
//!
//! [`constant_repr`] is Python's `repr` of a constant (str quoting and
//! escapes, bytes, tuples, frozensets, floats via
//! [`crate::objects::float_repr`], complex numbers).

use std::collections::HashMap;
use std::fmt::Write as _;

use super::code::{CodeUnit, Constant};
use super::opcode::{split_pair, ArgKind, BinaryOp, CompareOp, Opcode};
use crate::objects::float_repr::float_repr;

/// Disassembles `code` and every unit nested in it.
pub fn disassemble(code: &CodeUnit) -> String {
    let mut ids = HashMap::new();
    number_units(code, &mut ids);
    let mut out = String::new();
    disassemble_recursive(code, &ids, &mut out);
    out
}

fn number_units(code: &CodeUnit, ids: &mut HashMap<*const CodeUnit, usize>) {
    let n = ids.len();
    ids.insert(code as *const CodeUnit, n);
    for c in &code.consts {
        if let Constant::Code(inner) = c {
            number_units(inner, ids);
        }
    }
}

fn disassemble_recursive(code: &CodeUnit, ids: &HashMap<*const CodeUnit, usize>, out: &mut String) {
    disassemble_one(code, ids, out);
    for c in &code.consts {
        if let Constant::Code(inner) = c {
            out.push('\n');
            let _ = writeln!(out, "Disassembly of {}:", code_repr(inner, ids));
            disassemble_recursive(inner, ids, out);
        }
    }
}

fn code_repr(code: &CodeUnit, ids: &HashMap<*const CodeUnit, usize>) -> String {
    let id = ids.get(&(code as *const CodeUnit)).copied().unwrap_or(0);
    format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        code.name, id, code.filename, code.first_line
    )
}

const OPNAME_WIDTH: usize = 20;
const OPARG_WIDTH: usize = 5;

fn disassemble_one(code: &CodeUnit, ids: &HashMap<*const CodeUnit, usize>, out: &mut String) {
    let const_repr = |i: usize| {
        code.consts
            .get(i)
            .map(|c| repr_with(c, &|u| code_repr(u, ids)))
            .unwrap_or_default()
    };
    let listing = list_instructions(code, &const_repr);
    format_listing(code, &listing, None, out);
}

/// One instruction as `dis` lists it (`dis.Instruction`'s fields).
#[derive(Clone, Debug)]
pub struct Listed {
    /// Offset: instruction index × 2.
    pub offset: usize,
    /// The operation.
    pub op: Opcode,
    /// The operand (0 when the opcode takes none).
    pub arg: u32,
    /// What the operand means, as printed in parentheses.
    pub argrepr: String,
    /// The line this instruction starts, if it is the first of a line.
    pub starts_line: Option<u32>,
    /// Whether a jump or an exception handler lands here.
    pub is_jump_target: bool,
}

/// The instructions of `code` with their line starts, jump targets and
/// operand meanings; `const_repr(i)` is `repr(co_consts[i])`.
pub fn list_instructions(code: &CodeUnit, const_repr: &dyn Fn(usize) -> String) -> Vec<Listed> {
    let n = code.instrs.len();
    // Line starts (`findlinestarts`).
    let mut starts = vec![None; n];
    let mut last_line = None;
    for (i, p) in code.positions.iter().enumerate().take(n) {
        if p.line > 0 && Some(p.line) != last_line {
            last_line = Some(p.line);
            starts[i] = Some(p.line);
        }
    }
    let mut labels = vec![false; n];
    for ins in &code.instrs {
        if ins.op().has_jump() {
            if let Some(l) = labels.get_mut(ins.arg() as usize) {
                *l = true;
            }
        }
    }
    for e in &code.exception_table {
        if let Some(l) = labels.get_mut(e.target as usize) {
            *l = true;
        }
    }
    code.instrs
        .iter()
        .enumerate()
        .map(|(i, ins)| Listed {
            offset: i * 2,
            op: ins.op(),
            arg: ins.arg(),
            argrepr: argrepr(code, ins.op(), ins.arg(), const_repr),
            starts_line: starts[i],
            is_jump_target: labels[i],
        })
        .collect()
}

/// The text of a listing, then `code`'s exception table; `current` is the
/// offset marked `-->` (`dis.disassemble(code, lasti)`).
pub fn format_listing(
    code: &CodeUnit,
    listing: &[Listed],
    current: Option<usize>,
    out: &mut String,
) {
    let max_line = listing.iter().filter_map(|l| l.starts_line).max();
    let lineno_width = match max_line {
        None => 0,
        Some(m) if m >= 1000 => m.to_string().len(),
        Some(_) => 3,
    };
    let max_offset = listing.last().map_or(0, |l| l.offset);
    let offset_width = if max_offset >= 10000 {
        max_offset.to_string().len()
    } else {
        4
    };
    for (i, l) in listing.iter().enumerate() {
        if l.starts_line.is_some() && i > 0 && lineno_width > 0 {
            out.push('\n');
        }
        let mut fields: Vec<String> = Vec::new();
        if lineno_width > 0 {
            fields.push(match l.starts_line {
                Some(n) => format!("{n:>lineno_width$}"),
                None => " ".repeat(lineno_width),
            });
        }
        fields.push(
            if current == Some(l.offset) {
                "-->"
            } else {
                "   "
            }
            .into(),
        );
        fields.push(if l.is_jump_target { ">>" } else { "  " }.into());
        fields.push(format!("{:>offset_width$}", l.offset));
        fields.push(format!("{:<OPNAME_WIDTH$}", l.op.name()));
        if l.op.arg_kind() == ArgKind::Pair {
            // A superinstruction shows its two operands, `first,second`.
            let (a, b) = split_pair(l.arg);
            fields.push(format!("{:>OPARG_WIDTH$}", format!("{a},{b}")));
            fields.push(format!("({})", l.argrepr));
        } else if l.op.arg_kind() != ArgKind::None {
            fields.push(format!("{:>OPARG_WIDTH$}", l.arg));
            if !l.argrepr.is_empty() {
                fields.push(format!("({})", l.argrepr));
            }
        }
        let line = fields.join(" ");
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if !code.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &code.exception_table {
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                e.start * 2,
                (e.end - 1) * 2,
                e.target * 2,
                e.depth,
                if e.push_lasti { " lasti" } else { "" }
            );
        }
    }
}

/// What `dis` prints in parentheses after the operand.
fn argrepr(code: &CodeUnit, op: Opcode, arg: u32, const_repr: &dyn Fn(usize) -> String) -> String {
    let a = arg as usize;
    match op.arg_kind() {
        ArgKind::None => String::new(),
        ArgKind::Const => const_repr(a),
        ArgKind::Name => code.names.get(a).map(|s| s.to_string()).unwrap_or_default(),
        ArgKind::Local => code
            .varnames
            .get(a)
            .map(|s| s.to_string())
            .unwrap_or_default(),
        ArgKind::Deref => code
            .cellvars
            .iter()
            .chain(code.freevars.iter())
            .nth(a)
            .map(|s| s.to_string())
            .unwrap_or_default(),
        ArgKind::Jump => format!("to {}", a * 2),
        ArgKind::Pair => match op.pair_parts() {
            Some((first, second)) => {
                let (x, y) = split_pair(arg);
                format!(
                    "{}, {}",
                    argrepr(code, first, x, const_repr),
                    argrepr(code, second, y, const_repr)
                )
            }
            None => String::new(),
        },
        ArgKind::BinaryOp => match BinaryOp::decode(arg) {
            Some((b, inplace)) => format!("{}{}", b.symbol(), if inplace { "=" } else { "" }),
            None => String::new(),
        },
        ArgKind::Compare => CompareOp::decode(arg)
            .map(|c| c.symbol().to_owned())
            .unwrap_or_default(),
        ArgKind::Number => match op {
            Opcode::FORMAT_VALUE => {
                let conv = ["", "str", "repr", "ascii"][a & 3];
                let mut parts = Vec::new();
                if !conv.is_empty() {
                    parts.push(conv);
                }
                if a & 4 != 0 {
                    parts.push("with format");
                }
                parts.join(", ")
            }
            Opcode::MAKE_FUNCTION => ["defaults", "kwdefaults", "annotations", "closure"]
                .iter()
                .enumerate()
                .filter(|(i, _)| a & (1 << i) != 0)
                .map(|(_, s)| *s)
                .collect::<Vec<_>>()
                .join(", "),
            _ => String::new(),
        },
    }
}

/// Python's `repr` of a constant; code objects print without an address.
pub fn constant_repr(c: &Constant) -> String {
    repr_with(c, &|u| {
        format!(
            "<code object {} at 0x0, file \"{}\", line {}>",
            u.name, u.filename, u.first_line
        )
    })
}

fn repr_with(c: &Constant, code: &dyn Fn(&CodeUnit) -> String) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Bool(true) => "True".into(),
        Constant::Bool(false) => "False".into(),
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(d) => d.to_string(),
        Constant::Float(f) => float_repr(*f),
        Constant::Complex(re, im) => complex_repr(*re, *im),
        Constant::Str(s) => str_repr(s),
        Constant::Bytes(b) => bytes_repr(b),
        Constant::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(|i| repr_with(i, code)).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Constant::FrozenSet(items) => {
            if items.is_empty() {
                "frozenset()".into()
            } else {
                let parts: Vec<String> = items.iter().map(|i| repr_with(i, code)).collect();
                format!("frozenset({{{}}})", parts.join(", "))
            }
        }
        Constant::Code(u) => code(u),
    }
}

/// A float as `complex.__repr__` writes its parts: `repr` without `.0`.
fn complex_part(x: f64, sign: bool) -> String {
    let mut s = float_repr(x);
    if s.ends_with(".0") {
        s.truncate(s.len() - 2);
    }
    if sign && !s.starts_with('-') {
        s.insert(0, '+');
    }
    s
}

fn complex_repr(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        format!("{}j", complex_part(im, false))
    } else {
        format!("({}{}j)", complex_part(re, false), complex_part(im, true))
    }
}

/// Whether CPython prints `c` as itself in a str repr
/// (`Py_UNICODE_ISPRINTABLE`, approximated outside Latin-1 by excluding
/// the format, separator, private-use and noncharacter ranges).
fn printable(c: char) -> bool {
    let u = c as u32;
    if u < 0x20 || u == 0x7f || (0x80..=0xa0).contains(&u) || u == 0xad {
        return false;
    }
    !matches!(u,
        0x0600..=0x0605 | 0x061c | 0x06dd | 0x070f | 0x180e
        | 0x1680 | 0x2000..=0x200f | 0x2028..=0x202f | 0x205f..=0x2064
        | 0x2066..=0x206f | 0x3000 | 0xd800..=0xf8ff | 0xfeff
        | 0xfff9..=0xfffb | 0xfffe | 0xffff | 0xe0000..=0xe0fff
        | 0xf0000..=0x10ffff)
}

/// `repr(str)`.
pub fn str_repr(s: &str) -> String {
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
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if printable(c) => out.push(c),
            c => {
                let u = c as u32;
                let _ = if u < 0x100 {
                    write!(out, "\\x{u:02x}")
                } else if u < 0x10000 {
                    write!(out, "\\u{u:04x}")
                } else {
                    write!(out, "\\U{u:08x}")
                };
            }
        }
    }
    out.push(quote);
    out
}

/// `repr(bytes)`.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => {
                let _ = write!(out, "\\x{c:02x}");
            }
        }
    }
    out.push(quote as char);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs_match_python() {
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("a\"b'c"), "'a\"b\\'c'");
        assert_eq!(str_repr("\u{7}é\u{2028}"), "'\\x07é\\u2028'");
        assert_eq!(bytes_repr(b"a'\x00\xff"), "b\"a'\\x00\\xff\"");
        assert_eq!(complex_repr(0.0, 2.0), "2j");
        assert_eq!(complex_repr(1.0, -2.5), "(1-2.5j)");
        assert_eq!(complex_repr(-0.0, -2.0), "(-0-2j)");
        let t = Constant::Tuple(vec![Constant::Int(1)].into_boxed_slice());
        assert_eq!(constant_repr(&t), "(1,)");
    }
}
