//! `_dis`: what the `dis` module (`lib/dis.py`) needs from the compiler —
//! the opcode table, the instruction listing of a code object and its text
//! in `dis`'s layout. The listing and the layout are `compile/dis.rs`'s
//! (the ones `PYRITE_DIS=1` and the golden tests print); here constants
//! are shown by their Python `repr` (code objects with their address), as
//! CPython's `dis` shows them.

use std::fmt::Write as _;

use crate::compile::dis::{format_listing, list_instructions, Listed};
use crate::compile::opcode::{split_pair, ArgKind, CompareOp, Opcode};
use crate::objects::codeobj::{as_code, CodeObject, OFFSET_SCALE};
use crate::objects::err::{type_error, value_error, PyResult};
use crate::objects::int::new_int;
use crate::objects::none::none;
use crate::objects::object::{PyObject, Ref};
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::typeobj::KwNames;

use super::args;

fn code_arg<'a>(fname: &str, v: &'a PyObject) -> PyResult<&'a CodeObject> {
    as_code(v).ok_or_else(|| type_error(format!("{fname}() expected a code object")))
}

fn listing(c: &CodeObject) -> Vec<Listed> {
    let const_repr = |i: usize| {
        c.consts
            .get(i)
            .and_then(|o| crate::objects::protocol::repr_string(o).ok())
            .unwrap_or_default()
    };
    list_instructions(&c.unit, &const_repr)
}

/// An optional int argument; `None` or a negative value mean "none".
fn opt_index(v: Option<&Ref>) -> PyResult<Option<usize>> {
    match v {
        Some(v) if !v.is(crate::objects::none::none_ref()) => {
            let n = crate::objects::protocol::index_i64(v)?;
            Ok(usize::try_from(n).ok())
        }
        _ => Ok(None),
    }
}

/// `dis`'s text for `code`, then (to `depth` levels, all when `None`) a
/// "Disassembly of" section per nested code object, depth first.
fn disassemble_into(
    code: &PyObject,
    depth: Option<usize>,
    current: Option<usize>,
    out: &mut String,
) -> PyResult<()> {
    let c = code_arg("disassemble", code)?;
    format_listing(&c.unit, &listing(c), current, out);
    if depth == Some(0) {
        return Ok(());
    }
    for k in &c.consts {
        if as_code(k).is_some() {
            let r = crate::objects::protocol::repr_string(k)?;
            let _ = write!(out, "\nDisassembly of {r}:\n");
            disassemble_into(k, depth.map(|d| d - 1), None, out)?;
        }
    }
    Ok(())
}

/// `_dis.disassemble(code, depth=None, lasti=None)`: the text.
fn disassemble(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let p = args::parse("disassemble", a, kw, &["code", "depth", "lasti"], 1, 0)?;
    let code = p[0].as_ref().expect("required");
    let depth = opt_index(p[1].as_ref())?;
    let current = opt_index(p[2].as_ref())?;
    let mut out = String::new();
    disassemble_into(code, depth, current, &mut out)?;
    Ok(new_str(&out))
}

fn opt_u32(v: Option<u32>) -> Ref {
    v.map_or_else(none, |n| new_int(i64::from(n)))
}

/// `_dis.instructions(code)`: one tuple per instruction — opname, opcode,
/// arg, argval, argrepr, offset, starts_line, is_jump_target, positions.
fn instructions(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("instructions", a, kw, 1, 1)?;
    let c = code_arg("instructions", &a[0])?;
    let items = listing(c)
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let kind = l.op.arg_kind();
            let arg = if kind == ArgKind::None {
                none()
            } else {
                new_int(i64::from(l.arg))
            };
            let argval = argval(c, l.op, l.arg);
            let p = c.unit.positions.get(i).copied().unwrap_or_default();
            let has = p.line > 0;
            let positions = new_tuple(vec![
                opt_u32(has.then_some(p.line)),
                opt_u32(has.then_some(p.end_line)),
                opt_u32(has.then_some(p.col)),
                opt_u32(has.then_some(p.end_col)),
            ]);
            new_tuple(vec![
                new_str(l.op.name()),
                new_int(l.op as i64),
                arg,
                argval,
                new_str(&l.argrepr),
                new_int(l.offset as i64),
                opt_u32(l.starts_line),
                crate::objects::bool::new_bool(l.is_jump_target),
                positions,
            ])
        })
        .collect();
    Ok(crate::objects::list::new_list(items))
}

/// `Instruction.argval`: what the operand stands for (a superinstruction's
/// is the pair of its halves' values).
fn argval(c: &CodeObject, op: Opcode, arg: u32) -> Ref {
    let pick = |v: &[Ref]| v.get(arg as usize).cloned().unwrap_or_else(none);
    match op.arg_kind() {
        ArgKind::None => none(),
        ArgKind::Const => pick(&c.consts),
        ArgKind::Name => pick(&c.names),
        ArgKind::Local => pick(&c.varnames),
        ArgKind::Deref => pick(&c.derefnames),
        ArgKind::Jump => new_int(arg as i64 * OFFSET_SCALE as i64),
        ArgKind::Compare => CompareOp::decode(arg)
            .map_or_else(|| new_int(i64::from(arg)), |op| new_str(op.symbol())),
        ArgKind::Pair => match op.pair_parts() {
            Some((first, second)) => {
                let (x, y) = split_pair(arg);
                new_tuple(vec![argval(c, first, x), argval(c, second, y)])
            }
            None => new_int(i64::from(arg)),
        },
        _ => new_int(i64::from(arg)),
    }
}

/// Which of `dis`'s `has*` lists an opcode belongs to.
fn kind_name(op: Opcode) -> &'static str {
    match op.arg_kind() {
        ArgKind::Const => "const",
        ArgKind::Name => "name",
        ArgKind::Local => "local",
        ArgKind::Deref => "free",
        ArgKind::Jump => "jabs",
        ArgKind::Compare => "compare",
        _ => "",
    }
}

/// `_dis.opcodes()`: `(name, number, kind)` for every real opcode.
fn opcodes(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    args::positional("opcodes", a, kw, 0, 0)?;
    let items = Opcode::ALL
        .iter()
        .filter(|op| !op.is_pseudo())
        .map(|&op| {
            new_tuple(vec![
                new_str(op.name()),
                new_int(op as i64),
                new_str(kind_name(op)),
            ])
        })
        .collect();
    Ok(crate::objects::list::new_list(items))
}

/// `_dis.stack_effect(opcode, oparg, jump)`: `jump` None means the
/// larger of the two effects (CPython's `dis.stack_effect`).
fn stack_effect(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let p = args::parse("stack_effect", a, kw, &["opcode", "oparg", "jump"], 1, 0)?;
    let n = crate::objects::protocol::index_i64(p[0].as_ref().expect("required"))?;
    let op = u8::try_from(n)
        .ok()
        .and_then(Opcode::from_u8)
        .filter(|op| !op.is_pseudo())
        .ok_or_else(|| value_error("invalid opcode or oparg"))?;
    let oparg = p[1]
        .as_ref()
        .filter(|v| !v.is(crate::objects::none::none_ref()));
    let arg = match (op.arg_kind(), oparg) {
        (ArgKind::None, Some(_)) => {
            return Err(value_error(
                "stack_effect: opcode does not permit oparg but oparg was specified",
            ))
        }
        (ArgKind::None, None) => 0,
        (_, None) => {
            return Err(value_error(
                "stack_effect: opcode requires oparg but oparg was not specified",
            ))
        }
        (_, Some(v)) => {
            let a = crate::objects::protocol::index_i64(v)?;
            u32::try_from(a)
                .ok()
                .filter(|&a| a <= crate::compile::opcode::MAX_ARG)
                .ok_or_else(|| value_error("invalid opcode or oparg"))?
        }
    };
    let jump = match p[2]
        .as_ref()
        .filter(|v| !v.is(crate::objects::none::none_ref()))
    {
        None => None,
        Some(v) => Some(crate::objects::protocol::is_true(v)?),
    };
    let effect = match jump {
        Some(j) => op.stack_effect(arg, j),
        None => op.stack_effect(arg, false).max(op.stack_effect(arg, true)),
    };
    Ok(new_int(i64::from(effect)))
}

/// The `_dis` module.
pub fn make_module() -> Ref {
    super::new_native_module(
        "_dis",
        &[
            ("disassemble", disassemble),
            ("instructions", instructions),
            ("opcodes", opcodes),
            ("stack_effect", stack_effect),
        ],
    )
}
