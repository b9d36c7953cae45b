//! Control flow: conditional jumps on expressions (`compiler_jump_if`),
//! `if`, `while`, `for`, `break`, `continue` and `return`, with the
//! frame-block unwinding the last three need (GEN-3).

use super::{Compiler, FBlockDatum, FBlockKind, Result, UnitKind};
use crate::compile::code::Constant;
use crate::compile::flowgraph::Label;
use crate::compile::opcode::Opcode;
use crate::syntax::ast::{BoolOp, CmpOp, Expr, ExprKind, Stmt, UnaryOp};

/// `not (a OP b)` with an invertible OP is folded by CPython's AST
/// optimizer into `a NOT-OP b`: the parts, if `e` is such an expression.
pub(super) fn inverted_compare<'a>(
    e: &'a Expr<'a>,
) -> Option<(&'a Expr<'a>, CmpOp, &'a [&'a Expr<'a>], &'a [CmpOp])> {
    let ExprKind::UnaryOp {
        op: UnaryOp::Not,
        operand,
    } = &e.kind
    else {
        return None;
    };
    let ExprKind::Compare {
        left,
        ops,
        comparators,
    } = &operand.kind
    else {
        return None;
    };
    if ops.len() != 1 {
        return None;
    }
    let inverted = match ops[0] {
        CmpOp::Is => CmpOp::IsNot,
        CmpOp::IsNot => CmpOp::Is,
        CmpOp::In => CmpOp::NotIn,
        CmpOp::NotIn => CmpOp::In,
        _ => return None,
    };
    Some((left, inverted, comparators, ops))
}

impl<'s, 'a> Compiler<'s, 'a> {
    /// Compiles `not (a OP b)` as `a NOT-OP b` (see [`inverted_compare`]).
    pub(super) fn compile_inverted_compare(&mut self, e: &'a Expr<'a>) -> Result<bool> {
        let Some((left, op, comparators, ops)) = inverted_compare(e) else {
            return Ok(false);
        };
        let saved = self.ur().loc;
        if let ExprKind::UnaryOp { operand, .. } = &e.kind {
            self.set_loc(operand.span);
        }
        self.expr(left)?;
        if matches!(ops[0], CmpOp::In | CmpOp::NotIn) {
            self.iter_expr(comparators[0])?;
        } else {
            self.expr(comparators[0])?;
        }
        self.add_compare(op);
        self.u().loc = saved;
        Ok(true)
    }

    /// `compiler_jump_if`: jumps to `next` when `e` is `cond`.
    pub(super) fn jump_if(&mut self, e: &'a Expr<'a>, next: Label, cond: bool) -> Result<()> {
        use Opcode::*;
        if let Some((_, _, _, _)) = inverted_compare(e) {
            // The folded comparison takes the operand's place and position;
            // like any comparison, its position stays set (CPython's
            // `SET_LOC` in `compiler_jump_if`).
            if let ExprKind::UnaryOp { operand, .. } = &e.kind {
                self.set_loc(operand.span);
            }
        }
        if !self.is_const(e) && inverted_compare(e).is_none() {
            if let ExprKind::Compare { .. } = &e.kind {
                self.set_loc(e.span);
            }
            match &e.kind {
                ExprKind::UnaryOp {
                    op: UnaryOp::Not,
                    operand,
                } => return self.jump_if(operand, next, !cond),
                ExprKind::BoolOp { op, values } => {
                    let (last, init) = values.split_last().expect("BoolOp values");
                    let cond2 = *op == BoolOp::Or;
                    let next2 = if cond2 != cond {
                        self.new_block()
                    } else {
                        next
                    };
                    for v in init {
                        self.jump_if(v, next2, cond2)?;
                    }
                    self.jump_if(last, next, cond)?;
                    if next2 != next {
                        self.use_block(next2);
                    }
                    return Ok(());
                }
                ExprKind::IfExp { test, body, orelse } => {
                    let end = self.new_block();
                    let next2 = self.new_block();
                    self.jump_if(test, next2, false)?;
                    self.jump_if(body, next, cond)?;
                    self.emit_jump_noline(JUMP, end);
                    self.use_block(next2);
                    self.jump_if(orelse, next, cond)?;
                    self.use_block(end);
                    return Ok(());
                }
                ExprKind::Compare {
                    left,
                    ops,
                    comparators,
                } if ops.len() > 1 => {
                    self.check_compare(left, ops, comparators);
                    let n = ops.len() - 1;
                    let cleanup = self.new_block();
                    self.expr(left)?;
                    for i in 0..n {
                        self.comparator(ops, comparators, i)?;
                        self.emit(SWAP, 2);
                        self.emit(COPY, 2);
                        self.add_compare(ops[i]);
                        self.emit_jump(POP_JUMP_IF_FALSE, cleanup);
                    }
                    self.comparator(ops, comparators, n)?;
                    self.add_compare(ops[n]);
                    self.emit_jump(
                        if cond {
                            POP_JUMP_IF_TRUE
                        } else {
                            POP_JUMP_IF_FALSE
                        },
                        next,
                    );
                    let end = self.new_block();
                    self.emit_jump_noline(JUMP, end);
                    self.use_block(cleanup);
                    self.emit(POP_TOP, 0);
                    if !cond {
                        self.emit_jump_noline(JUMP, next);
                    }
                    self.use_block(end);
                    return Ok(());
                }
                _ => {}
            }
        }
        self.expr(e)?;
        self.emit_jump(
            if cond {
                POP_JUMP_IF_TRUE
            } else {
                POP_JUMP_IF_FALSE
            },
            next,
        );
        Ok(())
    }

    /// `compiler_if`.
    pub(super) fn if_stmt(
        &mut self,
        test: &'a Expr<'a>,
        body: &'a [&'a Stmt<'a>],
        orelse: &'a [&'a Stmt<'a>],
    ) -> Result<()> {
        let end = self.new_block();
        let next = if orelse.is_empty() {
            end
        } else {
            self.new_block()
        };
        self.jump_if(test, next, false)?;
        self.stmts(body)?;
        if !orelse.is_empty() {
            self.emit_jump_noline(Opcode::JUMP, end);
            self.use_block(next);
            self.stmts(orelse)?;
        }
        self.use_block(end);
        Ok(())
    }

    /// `compiler_while`: the test at the top and, inverted, at the bottom.
    pub(super) fn while_stmt(
        &mut self,
        s: &'a Stmt<'a>,
        test: &'a Expr<'a>,
        body: &'a [&'a Stmt<'a>],
        orelse: &'a [&'a Stmt<'a>],
    ) -> Result<()> {
        let loop_ = self.new_block();
        let body_block = self.new_block();
        let anchor = self.new_block();
        let end = self.new_block();
        self.use_block(loop_);
        self.push_fblock(
            FBlockKind::WhileLoop,
            Some(loop_),
            Some(end),
            FBlockDatum::None,
        )?;
        self.jump_if(test, anchor, false)?;
        self.use_block(body_block);
        self.stmts(body)?;
        self.set_loc(s.span);
        self.jump_if(test, body_block, true)?;
        self.pop_fblock(FBlockKind::WhileLoop);
        self.use_block(anchor);
        self.stmts(orelse)?;
        self.use_block(end);
        Ok(())
    }

    /// `compiler_for`.
    pub(super) fn for_stmt(
        &mut self,
        target: &'a Expr<'a>,
        iter: &'a Expr<'a>,
        body: &'a [&'a Stmt<'a>],
        orelse: &'a [&'a Stmt<'a>],
    ) -> Result<()> {
        use Opcode::*;
        let start = self.new_block();
        let body_block = self.new_block();
        let cleanup = self.new_block();
        let end = self.new_block();
        self.push_fblock(
            FBlockKind::ForLoop,
            Some(start),
            Some(end),
            FBlockDatum::None,
        )?;
        self.iter_expr(iter)?;
        self.emit(GET_ITER, 0);
        self.use_block(start);
        self.emit_jump(FOR_ITER, cleanup);
        self.use_block(body_block);
        self.expr(target)?;
        self.stmts(body)?;
        self.unset_loc();
        self.emit_jump(JUMP, start);
        self.use_block(cleanup);
        self.pop_fblock(FBlockKind::ForLoop);
        self.stmts(orelse)?;
        self.use_block(end);
        Ok(())
    }

    /// `compiler_return`.
    pub(super) fn return_stmt(
        &mut self,
        s: &'a Stmt<'a>,
        value: Option<&'a Expr<'a>>,
    ) -> Result<()> {
        let const_value = match value {
            Some(v) => self.const_value(v),
            None => None,
        };
        let preserve_tos = value.is_some() && const_value.is_none();
        if !matches!(
            self.ur().kind,
            UnitKind::Function | UnitKind::Lambda | UnitKind::Comprehension
        ) {
            return Err(self.error("'return' outside function"));
        }
        if preserve_tos {
            self.expr(value.expect("value"))?;
        } else if let Some(v) = value {
            self.set_loc(v.span);
            self.emit(Opcode::NOP, 0);
        }
        if value.is_none_or(|v| v.span.start.line != s.span.start.line) {
            self.set_loc(s.span);
            self.emit(Opcode::NOP, 0);
        }
        self.unwind_fblock_stack(preserve_tos, false)?;
        match (value, const_value) {
            (None, _) => self.load_const(Constant::None),
            (Some(_), Some(c)) => self.load_const(c),
            _ => {}
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        Ok(())
    }

    /// `compiler_break`.
    pub(super) fn break_stmt(&mut self) -> Result<()> {
        let saved = self.ur().loc;
        self.emit(Opcode::NOP, 0);
        let Some(loop_) = self.unwind_fblock_stack(false, true)? else {
            self.u().loc = saved;
            return Err(self.error("'break' outside loop"));
        };
        self.unwind_fblock(loop_, false)?;
        self.emit_jump(Opcode::JUMP, loop_.exit.expect("loop exit"));
        Ok(())
    }

    /// `compiler_continue`.
    pub(super) fn continue_stmt(&mut self) -> Result<()> {
        let saved = self.ur().loc;
        self.emit(Opcode::NOP, 0);
        let Some(loop_) = self.unwind_fblock_stack(false, true)? else {
            self.u().loc = saved;
            return Err(self.error("'continue' not properly in loop"));
        };
        self.emit_jump(Opcode::JUMP, loop_.block.expect("loop start"));
        Ok(())
    }
}
