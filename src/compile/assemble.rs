//! The assembler: one unit's control-flow graph to a [`CodeUnit`] — CPython
//! 3.11's `assemble()`. In order: normalise blocks and inline small exits,
//! the CFG optimisations ([`Cfg::optimize`]), exit duplication, unused
//! trailing constants trimmed, line propagation, the stack depth
//! ([`stack_depth`]), exception targets labelled and the pseudo-instructions
//! removed, then layout: labels resolved to absolute instruction indices,
//! positions, the exception table.
//!
//! Invariants the output keeps (checked by [`check_invariants`]):
//! - ASM-1: no pseudo-instruction survives; every jump operand is an index
//!   into `instrs`.
//! - ASM-2: walking every path from the entry and every handler with
//!   [`Opcode::stack_effect`], the depth never goes below zero nor above
//!   `stacksize`, and a block is always entered at the same depth.
//! - ASM-3: exception entries are sorted, do not overlap, and have
//!   `start < end <= len` and `target < len`.

use std::rc::Rc;

use super::code::{CodeUnit, Constant, ExceptionEntry, Position};
use super::flowgraph::{is_block_push, is_jump, Cfg, Label};
use super::opcode::{split_pair, ArgKind, Instr, Opcode, MAX_ARG};

/// Everything the code generator hands over for one unit.
pub(crate) struct UnitParts {
    pub name: String,
    pub qualname: String,
    pub filename: Rc<str>,
    pub first_line: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub is_module: bool,
    pub cfg: Cfg,
    pub consts: Vec<Constant>,
    pub names: Vec<Box<str>>,
    pub varnames: Vec<Box<str>>,
    pub cellvars: Vec<Box<str>>,
    pub freevars: Vec<Box<str>>,
}

/// Assembles one unit (CPython's `assemble`).
pub(crate) fn assemble(parts: UnitParts) -> CodeUnit {
    let UnitParts {
        name,
        qualname,
        filename,
        mut first_line,
        argcount,
        posonlyargcount,
        kwonlyargcount,
        flags,
        is_module,
        mut cfg,
        mut consts,
        names,
        varnames,
        cellvars,
        freevars,
    } = parts;
    cfg.normalize();
    cfg.extend_blocks();
    if first_line == 0 {
        first_line = cfg.blocks[0]
            .instrs
            .first()
            .map(|i| i.pos.line)
            .filter(|&l| l > 0)
            .unwrap_or(1);
    }
    cfg.optimize(&mut consts);
    cfg.duplicate_exits_without_lineno();
    trim_unused_consts(&cfg, &mut consts);
    // CPython's RESUME is at the first line in every unit but the module.
    let resume = if is_module {
        Position::default()
    } else {
        Position {
            line: first_line,
            end_line: first_line,
            col: 0,
            end_col: 0,
        }
    };
    cfg.propagate_line_numbers(resume);
    cfg.guarantee_lineno_for_exits(first_line);
    let stacksize = stack_depth(&mut cfg);
    cfg.label_exception_targets();
    for l in cfg.chain() {
        cfg.clean_block(l);
    }
    let nparams = (argcount + kwonlyargcount) as usize
        + usize::from(flags & super::code::flags::VARARGS != 0)
        + usize::from(flags & super::code::flags::VARKEYWORDS != 0);
    super::superinstr::fuse(&mut cfg, nparams);
    // Layout: offsets, then instructions, positions and handlers.
    let chain = cfg.chain();
    let mut offset = 0u32;
    for &l in &chain {
        cfg.blocks[l.index()].offset = offset;
        offset += cfg.blocks[l.index()].instrs.len() as u32;
    }
    let mut instrs = Vec::with_capacity(offset as usize);
    let mut positions = Vec::with_capacity(offset as usize);
    let mut handlers: Vec<Option<Label>> = Vec::with_capacity(offset as usize);
    for &l in &chain {
        for ins in &cfg.blocks[l.index()].instrs {
            let arg = match ins.target {
                Some(t) if is_jump(ins.op) => cfg.blocks[t.index()].offset,
                _ => ins.arg,
            };
            instrs.push(Instr::new(ins.op, arg.min(MAX_ARG)));
            positions.push(ins.pos);
            handlers.push(ins.except);
        }
    }
    let exception_table = exception_table(&cfg, &handlers);
    CodeUnit {
        name: name.into(),
        qualname: qualname.into(),
        filename,
        first_line,
        argcount,
        posonlyargcount,
        kwonlyargcount,
        flags,
        stacksize: stacksize.max(0) as u32,
        instrs,
        positions,
        consts,
        names,
        varnames,
        cellvars,
        freevars,
        exception_table,
    }
}

/// `trim_unused_consts`: drop constants past the last one used (the first,
/// maybe a docstring, always stays).
fn trim_unused_consts(cfg: &Cfg, consts: &mut Vec<Constant>) {
    let mut max = 0usize;
    for b in &cfg.blocks {
        for i in &b.instrs {
            if matches!(i.op, Opcode::LOAD_CONST | Opcode::KW_NAMES) {
                max = max.max(i.arg as usize);
            }
        }
    }
    if max + 1 < consts.len() {
        consts.truncate(max + 1);
    }
}

/// CPython's `stackdepth`: the largest depth on any path, each block's
/// entry depth recorded (handlers entered at their `SETUP_*` depth plus
/// what the handler entry pushes).
fn stack_depth(cfg: &mut Cfg) -> i32 {
    for b in &mut cfg.blocks {
        b.startdepth = i32::MIN;
    }
    let mut stack: Vec<Label> = Vec::new();
    let mut maxdepth = 0;
    let push = |cfg: &mut Cfg, stack: &mut Vec<Label>, l: Label, depth: i32| {
        let b = &mut cfg.blocks[l.index()];
        if b.startdepth < depth && b.startdepth < 100 {
            b.startdepth = depth;
            stack.push(l);
        }
    };
    push(cfg, &mut stack, cfg.entry(), 0);
    while let Some(l) = stack.pop() {
        let mut depth = cfg.blocks[l.index()].startdepth;
        let mut next = cfg.blocks[l.index()].next;
        let instrs = cfg.blocks[l.index()].instrs.clone();
        for ins in &instrs {
            let effect = ins.op.stack_effect(ins.arg, false);
            let new_depth = depth + effect;
            maxdepth = maxdepth.max(new_depth);
            if is_jump(ins.op) || is_block_push(ins.op) {
                let target_depth = depth + ins.op.stack_effect(ins.arg, true);
                maxdepth = maxdepth.max(target_depth);
                if let Some(t) = ins.target {
                    push(cfg, &mut stack, t, target_depth);
                }
            }
            depth = new_depth;
            if ins.op.is_terminator() {
                next = None;
                break;
            }
        }
        if let Some(n) = next {
            push(cfg, &mut stack, n, depth);
        }
    }
    maxdepth
}

/// `assemble_exception_table`: runs of instructions with the same handler.
fn exception_table(cfg: &Cfg, handlers: &[Option<Label>]) -> Vec<ExceptionEntry> {
    let mut out = Vec::new();
    let mut current: Option<Label> = None;
    let mut start = 0u32;
    let emit = |out: &mut Vec<ExceptionEntry>, start: u32, end: u32, h: Label| {
        let b = &cfg.blocks[h.index()];
        let lasti = b.preserve_lasti;
        let depth = (b.startdepth - 1 - i32::from(lasti)).max(0) as u32;
        out.push(ExceptionEntry {
            start,
            end,
            target: b.offset,
            depth,
            push_lasti: lasti,
        });
    };
    for (i, &h) in handlers.iter().enumerate() {
        if h != current {
            if let Some(c) = current {
                emit(&mut out, start, i as u32, c);
            }
            start = i as u32;
            current = h;
        }
    }
    if let Some(c) = current {
        emit(&mut out, start, handlers.len() as u32, c);
    }
    out
}

/// Checks ASM-1, ASM-2 and ASM-3 on an assembled unit and, recursively, on
/// the units among its constants.
///
/// # Errors
///
/// A description of the first violation found.
pub fn check_invariants(code: &CodeUnit) -> Result<(), String> {
    let n = code.instrs.len();
    let fail = |msg: String| Err(format!("{} ({}): {msg}", code.qualname, code.filename));
    if code.positions.len() != n {
        return fail("positions and instructions differ in length".into());
    }
    for (i, ins) in code.instrs.iter().enumerate() {
        let op = ins.op();
        if op.is_pseudo() {
            return fail(format!("pseudo-instruction {op} at {i} (ASM-1)"));
        }
        let in_range_as = |kind: ArgKind, arg: usize| match kind {
            ArgKind::Jump => arg < n,
            ArgKind::Const => arg < code.consts.len(),
            ArgKind::Name => arg < code.names.len(),
            ArgKind::Local => arg < code.varnames.len(),
            ArgKind::Deref => arg < code.cellvars.len() + code.freevars.len(),
            _ => true,
        };
        let in_range = match op.pair_parts() {
            Some((a, b)) => {
                let (x, y) = split_pair(ins.arg());
                in_range_as(a.arg_kind(), x as usize) && in_range_as(b.arg_kind(), y as usize)
            }
            None => in_range_as(op.arg_kind(), ins.arg() as usize),
        };
        if !in_range {
            return fail(format!("operand of {op} at {i} out of range"));
        }
    }
    if n == 0 || !code.instrs[n - 1].op().is_terminator() {
        return fail("the last instruction can fall off the end".into());
    }
    let mut prev_end = 0;
    for e in &code.exception_table {
        if e.start >= e.end || e.end as usize > n || e.target as usize >= n || e.start < prev_end {
            return fail(format!("bad exception entry {e:?} (ASM-3)"));
        }
        prev_end = e.end;
    }
    // ASM-2: a walk of the final code.
    let mut depth_at: Vec<Option<i32>> = vec![None; n];
    let mut work: Vec<(usize, i32)> = vec![(0, 0)];
    let set = |depth_at: &mut Vec<Option<i32>>, work: &mut Vec<(usize, i32)>, i: usize, d: i32| {
        match depth_at[i] {
            Some(old) if old == d => Ok(()),
            Some(old) => Err(format!(
                "instruction {i} entered at depths {old} and {d} (ASM-2)"
            )),
            None => {
                depth_at[i] = Some(d);
                work.push((i, d));
                Ok(())
            }
        }
    };
    while let Some((i, d)) = work.pop() {
        let ins = code.instrs[i];
        let op = ins.op();
        if let Some(h) = code.handler_for(i as u32) {
            let hd = h.depth as i32 + 1 + i32::from(h.push_lasti);
            if h.depth as i32 > d {
                return fail(format!(
                    "handler depth {} above stack depth {d} at {i}",
                    h.depth
                ));
            }
            if let Err(m) = set(&mut depth_at, &mut work, h.target as usize, hd) {
                return fail(m);
            }
        }
        let after = d + op.stack_effect(ins.arg(), false);
        if after < 0 {
            return fail(format!("stack underflow at {i} ({op})"));
        }
        if after > code.stacksize as i32 {
            return fail(format!(
                "depth {after} above stacksize {} at {i}",
                code.stacksize
            ));
        }
        if op.has_jump() {
            let jd = d + op.stack_effect(ins.arg(), true);
            if jd < 0 || jd > code.stacksize as i32 {
                return fail(format!("jump depth {jd} out of range at {i}"));
            }
            if let Err(m) = set(&mut depth_at, &mut work, ins.arg() as usize, jd) {
                return fail(m);
            }
        }
        if !op.is_terminator() {
            if i + 1 >= n {
                return fail(format!("falls off the end after {i}"));
            }
            if let Err(m) = set(&mut depth_at, &mut work, i + 1, after) {
                return fail(m);
            }
        }
    }
    for c in &code.consts {
        if let Constant::Code(inner) = c {
            check_invariants(inner)?;
        }
    }
    Ok(())
}

/// The position of the instruction at `index`, if any.
pub fn position(code: &CodeUnit, index: usize) -> Option<Position> {
    code.positions.get(index).copied().filter(|p| p.line > 0)
}
