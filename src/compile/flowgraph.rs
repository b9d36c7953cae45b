//! The control-flow graph between code generation and assembly: basic
//! blocks of [`Instruction`]s whose jumps name blocks ([`Label`]s), and the
//! passes CPython 3.11's `Python/compile.c` runs over them before it lays
//! the code out — block normalisation, small-exit inlining
//! (`extend_block`), the peephole pass (`optimize_basic_block`: constant
//! conditions, constant tuples, `SWAP` shortening, jump threading),
//! unreachable-block removal, NOP cleaning, exit duplication and line
//! propagation.
//!
//! Invariants:
//! - CFG-1: a jump, `RETURN_VALUE`, `RAISE_VARARGS` or `RERAISE` is the last
//!   instruction of its block (the emitter opens a new block after one).
//! - CFG-2: `blocks[0]` is the entry; `next` links blocks in layout order
//!   (CPython's `b_next`); block indices are creation order (CPython walks
//!   `b_list`, newest first, where this module walks indices backwards).
//! - CFG-3: a position with `line == 0` means "no location" (CPython's
//!   `lineno == -1`).

use super::code::{Constant, Position};
use super::opcode::Opcode;

/// A block of the graph, as a jump target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Label(pub(crate) u32);

impl Label {
    /// The block's index in [`Cfg::blocks`].
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// One instruction of a block.
#[derive(Clone, Copy, Debug)]
pub struct Instruction {
    /// The operation (pseudo-instructions included).
    pub op: Opcode,
    /// The operand; ignored for jumps until the assembler resolves `target`.
    pub arg: u32,
    /// The jump or handler target of jumps and `SETUP_*`.
    pub target: Option<Label>,
    /// Where it came from (CFG-3).
    pub pos: Position,
    /// The handler active at this instruction (set by the assembler).
    pub except: Option<Label>,
}

impl Instruction {
    /// The line as CPython keeps it: -1 for none (CFG-3).
    pub fn lineno(&self) -> i64 {
        if self.pos.line == 0 {
            -1
        } else {
            self.pos.line as i64
        }
    }
}

/// Whether `op` is a real jump (CPython's `is_jump`): the `SETUP_*`
/// pseudo-instructions are not.
pub fn is_jump(op: Opcode) -> bool {
    op.has_jump() && !op.is_pseudo()
}

/// Whether `op` opens a protected range (`SETUP_FINALLY`, `SETUP_CLEANUP`,
/// `SETUP_WITH`).
pub fn is_block_push(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::SETUP_FINALLY | Opcode::SETUP_CLEANUP | Opcode::SETUP_WITH
    )
}

/// Whether `op` must end its block (CFG-1).
pub fn ends_block(op: Opcode) -> bool {
    is_jump(op)
        || matches!(
            op,
            Opcode::RETURN_VALUE | Opcode::RAISE_VARARGS | Opcode::RERAISE
        )
}

/// A basic block.
#[derive(Clone, Debug, Default)]
pub struct Block {
    /// The instructions (CFG-1).
    pub instrs: Vec<Instruction>,
    /// The block control falls into (CFG-2).
    pub next: Option<Label>,
    /// Ends with a return or raise.
    pub exit: bool,
    /// Control never falls through to `next`.
    pub nofallthrough: bool,
    /// Holds a `RETURN_VALUE`.
    pub returns: bool,
    /// Number of predecessors (after [`Cfg::mark_reachable`]).
    pub predecessors: u32,
    /// Stack depth at entry, computed by the assembler (-1: unknown).
    pub startdepth: i32,
    /// A handler entered with `lasti` pushed.
    pub preserve_lasti: bool,
    /// Scratch flag of the walks.
    pub visited: bool,
    /// Index of the first instruction in the final code.
    pub offset: u32,
}

/// Largest block `extend_block` copies into a jump's place.
const MAX_COPY_SIZE: usize = 4;

/// The graph of one code unit.
#[derive(Clone, Debug)]
pub struct Cfg {
    /// Every block ever made, in creation order (CFG-2).
    pub blocks: Vec<Block>,
    /// The block instructions are appended to.
    pub current: Label,
    /// The last instruction ended a block: the next one opens a new block.
    need_new_block: bool,
    /// Constant folding's index of `co_consts` by `codegen::const_key`,
    /// and the number of constants it covers.
    const_index: (std::collections::HashMap<String, usize>, usize),
}

impl Default for Cfg {
    fn default() -> Self {
        Cfg::new()
    }
}

impl Cfg {
    /// A graph with one empty entry block.
    pub fn new() -> Cfg {
        Cfg {
            blocks: vec![Block::default()],
            current: Label(0),
            need_new_block: false,
            const_index: (std::collections::HashMap::new(), 0),
        }
    }

    /// The entry block.
    pub fn entry(&self) -> Label {
        Label(0)
    }

    /// A new, unlinked block.
    pub fn new_block(&mut self) -> Label {
        self.blocks.push(Block::default());
        Label((self.blocks.len() - 1) as u32)
    }

    /// Makes `label` the fall-through successor of the current block and the
    /// new current block (`compiler_use_next_block`).
    pub fn use_next_block(&mut self, label: Label) {
        let cur = self.current;
        self.blocks[cur.index()].next = Some(label);
        self.current = label;
        self.need_new_block = false;
    }

    /// Appends an instruction to the current block (CFG-1).
    pub fn add(&mut self, instr: Instruction) {
        if self.need_new_block {
            let b = self.new_block();
            self.use_next_block(b);
        }
        let block = &mut self.blocks[self.current.index()];
        if instr.op == Opcode::RETURN_VALUE {
            block.returns = true;
        }
        block.instrs.push(instr);
        if ends_block(instr.op) {
            self.need_new_block = true;
        }
    }

    /// Whether the current block holds a `RETURN_VALUE`.
    pub fn current_returns(&self) -> bool {
        self.blocks[self.current.index()].returns
    }

    fn block(&self, l: Label) -> &Block {
        &self.blocks[l.index()]
    }

    fn block_mut(&mut self, l: Label) -> &mut Block {
        &mut self.blocks[l.index()]
    }

    /// The blocks in layout order, from the entry along `next`.
    pub fn chain(&self) -> Vec<Label> {
        let mut out = Vec::new();
        let mut b = Some(self.entry());
        while let Some(l) = b {
            out.push(l);
            b = self.block(l).next;
        }
        out
    }

    /// The first non-empty block at or after `l` along `next`.
    fn skip_empty(&self, mut l: Label) -> Label {
        while self.block(l).instrs.is_empty() {
            match self.block(l).next {
                Some(n) => l = n,
                None => break,
            }
        }
        l
    }

    /// `normalize_basic_block` for every block: exit and fall-through flags,
    /// jump targets moved past empty blocks.
    pub fn normalize(&mut self) {
        for bi in (0..self.blocks.len()).rev() {
            let n = self.blocks[bi].instrs.len();
            for i in 0..n {
                let op = self.blocks[bi].instrs[i].op;
                match op {
                    Opcode::RETURN_VALUE | Opcode::RAISE_VARARGS | Opcode::RERAISE => {
                        self.blocks[bi].exit = true;
                        self.blocks[bi].nofallthrough = true;
                    }
                    _ => {}
                }
                if op == Opcode::JUMP {
                    self.blocks[bi].nofallthrough = true;
                }
                if is_jump(op) {
                    if let Some(t) = self.blocks[bi].instrs[i].target {
                        let t = self.skip_empty(t);
                        self.blocks[bi].instrs[i].target = Some(t);
                    }
                }
            }
        }
    }

    /// `extend_block` for every block, newest first: a block ending in
    /// `JUMP` to a small exit block without line numbers gets a copy of it.
    pub fn extend_blocks(&mut self) {
        for bi in (0..self.blocks.len()).rev() {
            self.extend_block(bi);
        }
    }

    fn extend_block(&mut self, bi: usize) {
        let Some(last) = self.blocks[bi].instrs.last().copied() else {
            return;
        };
        if last.op != Opcode::JUMP {
            return;
        }
        let Some(target) = last.target else {
            return;
        };
        let t = self.block(target);
        if !(t.exit && t.instrs.len() <= MAX_COPY_SIZE) {
            return;
        }
        if t.instrs.iter().any(|i| i.lineno() > 0) {
            return;
        }
        let copy = t.instrs.clone();
        let b = &mut self.blocks[bi];
        if let Some(l) = b.instrs.last_mut() {
            l.op = Opcode::NOP;
            l.target = None;
        }
        b.instrs.extend(copy);
        b.exit = true;
    }

    /// CPython's `optimize_cfg`: peephole each block, inline small exits,
    /// drop unreachable blocks, remove NOPs and jumps to the next block.
    pub fn optimize(&mut self, consts: &mut Vec<Constant>) {
        for l in self.chain() {
            self.optimize_block(l, consts);
            self.clean_block(l);
        }
        self.extend_blocks();
        self.mark_reachable();
        for l in self.chain() {
            let b = self.block_mut(l);
            if b.predecessors == 0 {
                b.instrs.clear();
                b.nofallthrough = false;
            }
        }
        self.eliminate_empty_blocks();
        for l in self.chain() {
            self.clean_block(l);
        }
        let mut maybe_empty = false;
        for l in self.chain() {
            let next = self.block(l).next;
            let b = self.block_mut(l);
            if let Some(last) = b.instrs.last_mut() {
                if last.op == Opcode::JUMP && last.target == next {
                    b.nofallthrough = false;
                    last.op = Opcode::NOP;
                    last.target = None;
                    maybe_empty = true;
                }
            }
        }
        if maybe_empty {
            self.eliminate_empty_blocks();
        }
    }

    /// `optimize_basic_block`.
    fn optimize_block(&mut self, l: Label, consts: &mut Vec<Constant>) {
        let mut i = 0usize;
        while i < self.block(l).instrs.len() {
            let inst = self.block(l).instrs[i];
            let len = self.block(l).instrs.len();
            let nextop = if i + 1 < len {
                Some(self.block(l).instrs[i + 1].op)
            } else {
                None
            };
            let mut target_instr: Option<Instruction> = None;
            if is_jump(inst.op) || is_block_push(inst.op) {
                if let Some(t) = inst.target {
                    let t = self.skip_empty(t);
                    self.block_mut(l).instrs[i].target = Some(t);
                    target_instr = self.block(t).instrs.first().copied();
                }
            }
            let inst = self.block(l).instrs[i];
            let top = target_instr.map(|t| t.op);
            use Opcode::*;
            match inst.op {
                LOAD_CONST => {
                    let value = consts.get(inst.arg as usize);
                    match (nextop, value) {
                        (Some(POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE), Some(c)) => {
                            if let Some(truth) = const_truth(c) {
                                let jump_if_true = nextop == Some(POP_JUMP_IF_TRUE);
                                let b = self.block_mut(l);
                                b.instrs[i].op = NOP;
                                if truth == jump_if_true {
                                    b.instrs[i + 1].op = JUMP;
                                    b.nofallthrough = true;
                                } else {
                                    b.instrs[i + 1].op = NOP;
                                    b.instrs[i + 1].target = None;
                                }
                            }
                        }
                        (Some(JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP), Some(c)) => {
                            if let Some(truth) = const_truth(c) {
                                let jump_if_true = nextop == Some(JUMP_IF_TRUE_OR_POP);
                                let b = self.block_mut(l);
                                if truth == jump_if_true {
                                    b.instrs[i + 1].op = JUMP;
                                    b.nofallthrough = true;
                                } else {
                                    b.instrs[i].op = NOP;
                                    b.instrs[i + 1].op = NOP;
                                    b.instrs[i + 1].target = None;
                                }
                            }
                        }
                        (Some(IS_OP), Some(Constant::None)) => {
                            let jump_op = self.block(l).instrs.get(i + 2).map(|x| x.op);
                            if matches!(jump_op, Some(POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE)) {
                                let b = self.block_mut(l);
                                let nextarg = b.instrs[i + 1].arg != 0;
                                b.instrs[i].op = NOP;
                                b.instrs[i + 1].op = NOP;
                                let to_not_none = nextarg ^ (jump_op == Some(POP_JUMP_IF_FALSE));
                                b.instrs[i + 2].op = if to_not_none {
                                    POP_JUMP_IF_NOT_NONE
                                } else {
                                    POP_JUMP_IF_NONE
                                };
                            }
                        }
                        _ => {}
                    }
                }
                BUILD_TUPLE => {
                    let n = inst.arg as usize;
                    let next = self.block(l).instrs.get(i + 1).copied();
                    if let Some(next) = next {
                        if next.op == UNPACK_SEQUENCE && next.arg == inst.arg {
                            match n {
                                1 => {
                                    let b = self.block_mut(l);
                                    b.instrs[i].op = NOP;
                                    b.instrs[i + 1].op = NOP;
                                    i += 1;
                                    continue;
                                }
                                2 | 3 => {
                                    let b = self.block_mut(l);
                                    b.instrs[i].op = NOP;
                                    b.instrs[i + 1].op = SWAP;
                                    i += 1;
                                    continue;
                                }
                                _ => {}
                            }
                        }
                    }
                    if i >= n {
                        self.fold_tuple_on_constants(l, i - n, n, consts);
                    }
                }
                JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP => {
                    let (same_pop, same_keep, other_keep, other_pop) =
                        if inst.op == JUMP_IF_FALSE_OR_POP {
                            (
                                POP_JUMP_IF_FALSE,
                                JUMP_IF_FALSE_OR_POP,
                                JUMP_IF_TRUE_OR_POP,
                                POP_JUMP_IF_TRUE,
                            )
                        } else {
                            (
                                POP_JUMP_IF_TRUE,
                                JUMP_IF_TRUE_OR_POP,
                                JUMP_IF_FALSE_OR_POP,
                                POP_JUMP_IF_FALSE,
                            )
                        };
                    if let Some(t) = target_instr {
                        if t.op == same_pop {
                            if self.jump_thread(l, i, t, same_pop) {
                                continue;
                            }
                        } else if t.op == JUMP || t.op == same_keep {
                            if self.jump_thread(l, i, t, same_keep) {
                                continue;
                            }
                        } else if (t.op == other_keep || t.op == other_pop)
                            && inst.lineno() == t.lineno()
                        {
                            let tgt = inst.target.expect("jump target");
                            let tgt = self.skip_empty(tgt);
                            let after = self.block(tgt).next;
                            if let Some(after) = after {
                                let b = self.block_mut(l);
                                b.instrs[i].op = same_pop;
                                b.instrs[i].target = Some(after);
                                continue;
                            }
                        }
                    }
                }
                POP_JUMP_IF_NOT_NONE | POP_JUMP_IF_NONE | POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE
                | JUMP => {
                    if let Some(t) = target_instr {
                        if top == Some(JUMP) && self.jump_thread(l, i, t, inst.op) {
                            continue;
                        }
                    }
                }
                SWAP => {
                    if inst.arg == 1 {
                        self.block_mut(l).instrs[i].op = NOP;
                    } else {
                        let end = swaptimize(&mut self.block_mut(l).instrs, i);
                        apply_static_swaps(&mut self.block_mut(l).instrs, end);
                        i = end;
                    }
                }
                _ => {}
            }
            i += 1;
        }
    }

    /// `jump_thread`: retarget the jump at `i` past the jump `target`
    /// (same line only); true when it changed, so the caller looks again.
    fn jump_thread(&mut self, l: Label, i: usize, target: Instruction, op: Opcode) -> bool {
        let inst = self.block(l).instrs[i];
        if inst.lineno() == target.lineno() && inst.target != target.target {
            let b = self.block_mut(l);
            b.instrs[i].target = target.target;
            b.instrs[i].op = op;
            return true;
        }
        false
    }

    /// `fold_tuple_on_constants`: `LOAD_CONST`s then `BUILD_TUPLE n` become
    /// one `LOAD_CONST` of the tuple.
    fn fold_tuple_on_constants(
        &mut self,
        l: Label,
        start: usize,
        n: usize,
        consts: &mut Vec<Constant>,
    ) {
        let b = self.block_mut(l);
        let mut items = Vec::with_capacity(n);
        for k in 0..n {
            let ins = b.instrs[start + k];
            if ins.op != Opcode::LOAD_CONST {
                return;
            }
            items.push(consts[ins.arg as usize].clone());
        }
        let tuple = Constant::Tuple(items.into_boxed_slice());
        // `const_index` maps each constant's key to its first index; it is
        // rebuilt when `consts` grew behind its back.
        if self.const_index.1 != consts.len() {
            self.const_index.0.clear();
            for (i, c) in consts.iter().enumerate() {
                self.const_index
                    .0
                    .entry(super::codegen::const_key(c))
                    .or_insert(i);
            }
            self.const_index.1 = consts.len();
        }
        let key = super::codegen::const_key(&tuple);
        let index = match self.const_index.0.get(&key) {
            Some(&i) => i,
            None => {
                consts.push(tuple);
                self.const_index.0.insert(key, consts.len() - 1);
                self.const_index.1 = consts.len();
                consts.len() - 1
            }
        };
        let b = self.block_mut(l);
        for k in 0..n {
            b.instrs[start + k].op = Opcode::NOP;
        }
        b.instrs[start + n].op = Opcode::LOAD_CONST;
        b.instrs[start + n].arg = index as u32;
    }

    /// `clean_basic_block`: remove NOPs whose line is not needed.
    pub fn clean_block(&mut self, l: Label) {
        let next_first_line = {
            let mut next = self.block(l).next;
            while let Some(n) = next {
                if self.block(n).instrs.is_empty() {
                    next = self.block(n).next;
                } else {
                    break;
                }
            }
            next.and_then(|n| self.block(n).instrs.first().map(|i| i.lineno()))
        };
        let b = self.block_mut(l);
        let mut out: Vec<Instruction> = Vec::with_capacity(b.instrs.len());
        let mut prev_lineno = -1i64;
        let n = b.instrs.len();
        for src in 0..n {
            let ins = b.instrs[src];
            let lineno = ins.lineno();
            if ins.op == Opcode::NOP {
                if lineno < 0 || prev_lineno == lineno {
                    continue;
                }
                if src < n - 1 {
                    let next_lineno = b.instrs[src + 1].lineno();
                    if next_lineno == lineno {
                        continue;
                    }
                    if next_lineno < 0 {
                        b.instrs[src + 1].pos = ins.pos;
                        continue;
                    }
                } else if next_first_line == Some(lineno) {
                    continue;
                }
            }
            out.push(ins);
            prev_lineno = lineno;
        }
        b.instrs = out;
    }

    /// `mark_reachable`: predecessor counts from the entry.
    pub fn mark_reachable(&mut self) {
        for b in &mut self.blocks {
            b.predecessors = 0;
        }
        let entry = self.entry();
        self.block_mut(entry).predecessors = 1;
        let mut stack = vec![entry];
        while let Some(l) = stack.pop() {
            let (next, nofall) = (self.block(l).next, self.block(l).nofallthrough);
            if let (Some(n), false) = (next, nofall) {
                if self.block(n).predecessors == 0 {
                    stack.push(n);
                }
                self.block_mut(n).predecessors += 1;
            }
            let targets: Vec<Label> = self
                .block(l)
                .instrs
                .iter()
                .filter(|i| is_jump(i.op) || is_block_push(i.op))
                .filter_map(|i| i.target)
                .collect();
            for t in targets {
                if self.block(t).predecessors == 0 {
                    stack.push(t);
                }
                self.block_mut(t).predecessors += 1;
            }
        }
    }

    /// `eliminate_empty_basic_blocks`.
    fn eliminate_empty_blocks(&mut self) {
        for l in self.chain() {
            let mut next = self.block(l).next;
            while let Some(n) = next {
                if self.block(n).instrs.is_empty() && self.block(n).next.is_some() {
                    next = self.block(n).next;
                } else {
                    break;
                }
            }
            self.block_mut(l).next = next;
        }
        for l in self.chain() {
            let last = self.block(l).instrs.last().copied();
            if let Some(last) = last {
                if is_jump(last.op) {
                    if let Some(t) = last.target {
                        let t = self.skip_empty(t);
                        if let Some(li) = self.block_mut(l).instrs.last_mut() {
                            li.target = Some(t);
                        }
                    }
                }
            }
        }
    }

    fn is_exit_without_lineno(&self, l: Label) -> bool {
        let b = self.block(l);
        b.exit && b.instrs.iter().all(|i| i.lineno() < 0)
    }

    /// `duplicate_exits_without_lineno`: an exit block with no line reached
    /// by several jumps is copied for each, so each copy takes the line of
    /// its jump.
    pub fn duplicate_exits_without_lineno(&mut self) {
        let original = self.blocks.len();
        for bi in (0..original).rev() {
            let Some(last) = self.blocks[bi].instrs.last().copied() else {
                continue;
            };
            if !is_jump(last.op) {
                continue;
            }
            let Some(target) = last.target else {
                continue;
            };
            if self.is_exit_without_lineno(target) && self.block(target).predecessors > 1 {
                let mut copy = self.block(target).clone();
                if let Some(first) = copy.instrs.first_mut() {
                    first.pos = last.pos;
                }
                copy.predecessors = 1;
                copy.next = self.block(target).next;
                copy.nofallthrough = true;
                self.blocks.push(copy);
                let new = Label((self.blocks.len() - 1) as u32);
                if let Some(li) = self.blocks[bi].instrs.last_mut() {
                    li.target = Some(new);
                }
                let t = self.block_mut(target);
                t.predecessors -= 1;
                t.next = Some(new);
            }
        }
        for bi in (0..self.blocks.len()).rev() {
            while let Some(n) = self.blocks[bi].next {
                if self.block(n).instrs.is_empty() {
                    self.blocks[bi].next = self.block(n).next;
                } else {
                    break;
                }
            }
        }
        for bi in (0..self.blocks.len()).rev() {
            let b = &self.blocks[bi];
            if b.nofallthrough || b.instrs.is_empty() {
                continue;
            }
            let Some(n) = b.next else { continue };
            if self.is_exit_without_lineno(n) {
                let pos = self.blocks[bi]
                    .instrs
                    .last()
                    .map(|i| i.pos)
                    .unwrap_or_default();
                if let Some(first) = self.block_mut(n).instrs.first_mut() {
                    first.pos = pos;
                }
            }
        }
    }

    /// `propagate_line_numbers`: an instruction without a line takes its
    /// predecessor's; a successor with one predecessor inherits too. The
    /// entry block starts from `entry` (the position of the `RESUME`
    /// CPython puts first, which pyrite does not have).
    pub fn propagate_line_numbers(&mut self, entry: Position) {
        for l in self.chain() {
            if self.block(l).instrs.is_empty() {
                continue;
            }
            let mut prev = if l == self.entry() {
                entry
            } else {
                Position::default()
            };
            for ins in &mut self.block_mut(l).instrs {
                if ins.pos.line == 0 {
                    ins.pos = prev;
                } else {
                    prev = ins.pos;
                }
            }
            let b = self.block(l);
            if !b.nofallthrough {
                if let Some(n) = b.next {
                    if self.block(n).predecessors == 1 {
                        if let Some(first) = self.block_mut(n).instrs.first_mut() {
                            if first.pos.line == 0 {
                                first.pos = prev;
                            }
                        }
                    }
                }
            }
            let last = self.block(l).instrs.last().copied();
            if let Some(last) = last {
                if is_jump(last.op) {
                    if let Some(t) = last.target {
                        if self.block(t).predecessors == 1 {
                            if let Some(first) = self.block_mut(t).instrs.first_mut() {
                                if first.pos.line == 0 {
                                    first.pos = prev;
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// `guarantee_lineno_for_exits`: a return block with no line at all
    /// takes the last line seen before it.
    pub fn guarantee_lineno_for_exits(&mut self, first_line: u32) {
        let mut lineno = first_line;
        for l in self.chain() {
            let b = self.block_mut(l);
            let Some(last) = b.instrs.last().copied() else {
                continue;
            };
            if last.pos.line == 0 {
                if last.op == Opcode::RETURN_VALUE {
                    for ins in &mut b.instrs {
                        ins.pos.line = lineno;
                        ins.pos.end_line = lineno;
                    }
                }
            } else {
                lineno = last.pos.line;
            }
        }
    }

    /// `label_exception_targets`: each instruction's handler is the
    /// innermost `SETUP_*` active at it; handlers entered with `lasti` are
    /// marked. Then the `SETUP_*`/`POP_BLOCK` pseudo-instructions become
    /// NOPs.
    pub fn label_exception_targets(&mut self) {
        for b in &mut self.blocks {
            b.visited = false;
        }
        let entry = self.entry();
        let mut todo: Vec<(Label, Vec<Label>)> = vec![(entry, Vec::new())];
        self.block_mut(entry).visited = true;
        while let Some((l, mut stack)) = todo.pop() {
            let mut handler = stack.last().copied();
            let n = self.block(l).instrs.len();
            for i in 0..n {
                let ins = self.block(l).instrs[i];
                if is_block_push(ins.op) {
                    let t = ins.target.expect("setup target");
                    if !self.block(t).visited {
                        self.block_mut(t).visited = true;
                        todo.push((t, stack.clone()));
                    }
                    if ins.op != Opcode::SETUP_FINALLY {
                        self.block_mut(t).preserve_lasti = true;
                    }
                    stack.push(t);
                    handler = Some(t);
                } else if ins.op == Opcode::POP_BLOCK {
                    stack.pop();
                    handler = stack.last().copied();
                } else if is_jump(ins.op) {
                    self.block_mut(l).instrs[i].except = handler;
                    let t = ins.target.expect("jump target");
                    if !self.block(t).visited {
                        self.block_mut(t).visited = true;
                        todo.push((t, stack.clone()));
                    }
                } else {
                    self.block_mut(l).instrs[i].except = handler;
                }
            }
            let b = self.block(l);
            if !b.nofallthrough {
                if let Some(next) = b.next {
                    if !self.block(next).visited {
                        self.block_mut(next).visited = true;
                        todo.push((next, stack));
                    }
                }
            }
        }
        for b in &mut self.blocks {
            for ins in &mut b.instrs {
                if is_block_push(ins.op) || ins.op == Opcode::POP_BLOCK {
                    ins.op = Opcode::NOP;
                    ins.target = None;
                }
            }
        }
    }
}

/// The truth value of a constant, as `PyObject_IsTrue` gives it.
pub fn const_truth(c: &Constant) -> Option<bool> {
    Some(match c {
        Constant::None => false,
        Constant::Ellipsis => true,
        Constant::Bool(b) => *b,
        Constant::Int(i) => *i != 0,
        Constant::BigInt(_) => true,
        Constant::Float(f) => *f != 0.0,
        Constant::Complex(r, i) => *r != 0.0 || *i != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) => !t.is_empty(),
        Constant::FrozenSet(t) => !t.is_empty(),
        Constant::Code(_) => true,
    })
}

/// `swaptimize`: replaces a run of SWAPs and NOPs starting at `ix` with an
/// equivalent minimal one; returns the index of the run's last instruction.
fn swaptimize(instrs: &mut [Instruction], ix: usize) -> usize {
    let mut depth = instrs[ix].arg as usize;
    let mut len = 0usize;
    let mut more = false;
    let limit = instrs.len() - ix;
    loop {
        len += 1;
        if len >= limit {
            break;
        }
        let op = instrs[ix + len].op;
        if op == Opcode::SWAP {
            depth = depth.max(instrs[ix + len].arg as usize);
            more = true;
        } else if op != Opcode::NOP {
            break;
        }
    }
    if !more {
        return ix;
    }
    let mut stack: Vec<i64> = (0..depth as i64).collect();
    for k in 0..len {
        let ins = instrs[ix + k];
        if ins.op == Opcode::SWAP {
            let a = ins.arg as usize - 1;
            stack.swap(0, a);
        }
    }
    const VISITED: i64 = -1;
    let mut current = len as i64 - 1;
    for i in 0..depth {
        if stack[i] == VISITED || stack[i] == i as i64 {
            continue;
        }
        let mut j = i;
        loop {
            if j != 0 {
                let ins = &mut instrs[ix + current as usize];
                ins.op = Opcode::SWAP;
                ins.arg = j as u32 + 1;
                current -= 1;
            }
            if stack[j] == VISITED {
                break;
            }
            let next_j = stack[j] as usize;
            stack[j] = VISITED;
            j = next_j;
        }
    }
    while current >= 0 {
        instrs[ix + current as usize].op = Opcode::NOP;
        current -= 1;
    }
    ix + len - 1
}

fn swappable(op: Opcode) -> bool {
    matches!(op, Opcode::STORE_FAST | Opcode::POP_TOP)
}

fn stores_to(ins: &Instruction) -> i64 {
    if ins.op == Opcode::STORE_FAST {
        ins.arg as i64
    } else {
        -1
    }
}

fn next_swappable(instrs: &[Instruction], mut i: usize, lineno: i64) -> Option<usize> {
    loop {
        i += 1;
        if i >= instrs.len() {
            return None;
        }
        let ins = &instrs[i];
        if lineno >= 0 && ins.lineno() != lineno {
            return None;
        }
        if ins.op == Opcode::NOP {
            continue;
        }
        if swappable(ins.op) {
            return Some(i);
        }
        return None;
    }
}

/// `apply_static_swaps`: `SWAP n` before `n` stores or pops becomes a
/// reordering of those instructions.
fn apply_static_swaps(instrs: &mut [Instruction], i: usize) {
    let mut i = i as i64;
    while i >= 0 {
        let iu = i as usize;
        let swap = instrs[iu];
        if swap.op != Opcode::SWAP {
            if swap.op == Opcode::NOP || swappable(swap.op) {
                i -= 1;
                continue;
            }
            return;
        }
        let Some(j) = next_swappable(instrs, iu, -1) else {
            return;
        };
        let mut k = j;
        let lineno = instrs[j].lineno();
        let mut count = swap.arg as i64 - 1;
        while count > 0 {
            match next_swappable(instrs, k, lineno) {
                Some(n) => k = n,
                None => return,
            }
            count -= 1;
        }
        let (sj, sk) = (stores_to(&instrs[j]), stores_to(&instrs[k]));
        if sj >= 0 || sk >= 0 {
            if sj == sk {
                return;
            }
            for ins in &instrs[j + 1..k] {
                let s = stores_to(ins);
                if s >= 0 && (s == sj || s == sk) {
                    return;
                }
            }
        }
        instrs[iu].op = Opcode::NOP;
        instrs.swap(j, k);
        i -= 1;
    }
}
