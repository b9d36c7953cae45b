//! Superinstructions: the assembler's last pass fuses two adjacent
//! instructions into one carrying both operands (`LOAD_FAST x` +
//! `LOAD_CONST 1` → `LOAD_OTUS x, 1`), so the eval loop dispatches once
//! for the pair. The pairs are those profiling of `benches/python/` showed
//! most frequent (README, "Extensions"); [`Opcode::pair_parts`] lists them.
//!
//! The pass runs after exception targets are labelled and before layout,
//! so jump targets and the exception table are computed on the fused code.
//! It fuses `first` and `second` only when (SUPER-1 .. SUPER-4):
//! - SUPER-1: both are in one basic block (`second` is no jump or handler
//!   target: only a block's first instruction can be one);
//! - SUPER-2: both are on the same line and have the same handler, so the
//!   line table and the exception table read the same for either;
//! - SUPER-3: both operands fit 12 bits ([`pair_arg`]);
//! - SUPER-4: at most one of the two can raise, and the fused instruction
//!   takes that one's position (else `first`'s), so a traceback points
//!   where it did. `LOAD_CONST` and `STORE_FAST` never raise; a `LOAD_FAST`
//!   does not when its local is bound on every path to it (CPython 3.12's
//!   `scan_block_for_locals` analysis, for the first 64 locals).
//!
//! `-X nosuperinstructions` or `PYRITE_NOSUPERINSTRUCTIONS=1` turns the
//! pass off (for the benchmark's comparison).

use std::sync::atomic::{AtomicU8, Ordering};

use super::flowgraph::{is_jump, Cfg, Instruction};
use super::opcode::{pair_arg, Opcode};

/// 0: not decided yet (read the environment), 1: on, 2: off.
static ENABLED: AtomicU8 = AtomicU8::new(0);

/// Whether the compiler makes superinstructions.
pub fn enabled() -> bool {
    match ENABLED.load(Ordering::Relaxed) {
        1 => true,
        2 => false,
        _ => {
            let off = std::env::var_os("PYRITE_NOSUPERINSTRUCTIONS")
                .is_some_and(|v| !v.is_empty() && v != "0");
            ENABLED.store(if off { 2 } else { 1 }, Ordering::Relaxed);
            !off
        }
    }
}

/// Turns the pass on or off (`-X nosuperinstructions`).
pub fn set_enabled(on: bool) {
    ENABLED.store(if on { 1 } else { 2 }, Ordering::Relaxed);
}

/// A set of possibly-unbound locals: bit `i` for local `i < 64`; locals
/// past 63 always count as possibly unbound.
type Mask = u64;

fn bit(local: u32) -> Mask {
    if local < 64 {
        1 << local
    } else {
        0
    }
}

/// Fuses the pairs of every block of `cfg` (a unit with `nparams`
/// parameters, which are bound at entry).
pub(crate) fn fuse(cfg: &mut Cfg, nparams: usize) {
    if !enabled() {
        return;
    }
    let entry_masks = unbound_at_entry(cfg, nparams);
    for (bi, entry) in entry_masks.into_iter().enumerate() {
        // An unreachable block: nothing is known to be bound.
        let mask = entry.unwrap_or(Mask::MAX);
        fuse_block(&mut cfg.blocks[bi].instrs, mask);
    }
}

/// The possibly-unbound locals at each block's entry (None: unreachable),
/// by a forward walk to a fixed point: a store binds, a `DELETE_FAST`
/// unbinds, a `LOAD_FAST` that did not raise proves its local bound; a
/// handler starts with what any instruction it covers started with.
fn unbound_at_entry(cfg: &Cfg, nparams: usize) -> Vec<Option<Mask>> {
    let n = cfg.blocks.len();
    let mut at: Vec<Option<Mask>> = vec![None; n];
    let params: Mask = if nparams >= 64 {
        Mask::MAX
    } else {
        (1 << nparams) - 1
    };
    let mut work = vec![cfg.entry().index()];
    at[cfg.entry().index()] = Some(!params);
    let merge = |at: &mut Vec<Option<Mask>>, work: &mut Vec<usize>, t: usize, m: Mask| {
        let new = at[t].map_or(m, |old| old | m);
        if at[t] != Some(new) {
            at[t] = Some(new);
            work.push(t);
        }
    };
    while let Some(b) = work.pop() {
        let Some(mut mask) = at[b] else { continue };
        let block = &cfg.blocks[b];
        let mut falls_through = true;
        for ins in &block.instrs {
            if let Some(h) = ins.except {
                merge(&mut at, &mut work, h.index(), mask);
            }
            mask = step(mask, ins);
            if is_jump(ins.op) {
                if let Some(t) = ins.target {
                    merge(&mut at, &mut work, t.index(), mask);
                }
            }
            falls_through = !ins.op.is_terminator();
        }
        if falls_through {
            if let Some(next) = block.next {
                merge(&mut at, &mut work, next.index(), mask);
            }
        }
    }
    at
}

/// The possibly-unbound set after `ins` runs without raising.
fn step(mask: Mask, ins: &Instruction) -> Mask {
    match ins.op {
        Opcode::DELETE_FAST => mask | bit(ins.arg),
        Opcode::STORE_FAST | Opcode::LOAD_FAST => mask & !bit(ins.arg),
        _ => mask,
    }
}

/// Whether `ins` may raise, with `mask` the possibly-unbound locals
/// before it (SUPER-4).
fn may_raise(ins: &Instruction, mask: Mask) -> bool {
    match ins.op {
        Opcode::LOAD_CONST | Opcode::STORE_FAST => false,
        Opcode::LOAD_FAST => ins.arg >= 64 || mask & bit(ins.arg) != 0,
        _ => true,
    }
}

fn fuse_block(instrs: &mut Vec<Instruction>, mut mask: Mask) {
    let mut out: Vec<Instruction> = Vec::with_capacity(instrs.len());
    let mut i = 0;
    while i < instrs.len() {
        let first = instrs[i];
        if let Some(&second) = instrs.get(i + 1) {
            let after_first = step(mask, &first);
            let (raises1, raises2) = (may_raise(&first, mask), may_raise(&second, after_first));
            let fused = Opcode::fused(first.op, second.op)
                .filter(|_| first.pos.line == second.pos.line && first.except == second.except)
                .filter(|_| !(raises1 && raises2))
                .zip(pair_arg(first.arg, second.arg));
            if let Some((op, arg)) = fused {
                out.push(Instruction {
                    op,
                    arg,
                    target: None,
                    pos: if raises2 { second.pos } else { first.pos },
                    ..first
                });
                mask = step(after_first, &second);
                i += 2;
                continue;
            }
        }
        mask = step(mask, &first);
        out.push(first);
        i += 1;
    }
    *instrs = out;
}
