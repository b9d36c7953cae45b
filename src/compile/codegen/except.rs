//! Exception handling: `try`/`except`/`else`, `try`/`finally` (the
//! `finally` body compiled twice: on the normal path and in the handler),
//! `except ... as e` (with its `e = None; del e` cleanup) and `with` — all
//! with the `SETUP_FINALLY`/`SETUP_CLEANUP`/`SETUP_WITH`/`POP_BLOCK`
//! pseudo-instructions the assembler turns into the exception table, and
//! `PUSH_EXC_INFO`/`POP_EXCEPT`/`RERAISE`/`CHECK_EXC_MATCH`/
//! `WITH_EXCEPT_START` as CPython 3.11 lays them out.

use super::{Compiler, FBlockDatum, FBlockKind, Result};
use crate::compile::code::Constant;
use crate::compile::flowgraph::Label;
use crate::compile::opcode::Opcode;
use crate::syntax::ast::{ExceptHandler, ExprContext, Stmt, WithItem};

impl<'s, 'a> Compiler<'s, 'a> {
    /// `compiler_pop_except_and_reraise`: `COPY 3; POP_EXCEPT; RERAISE 1`.
    fn pop_except_and_reraise(&mut self) {
        self.emit(Opcode::COPY, 3);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::RERAISE, 1);
    }

    /// `compiler_try_finally`.
    pub(super) fn try_finally(
        &mut self,
        body: &'a [&'a Stmt<'a>],
        handlers: &'a [ExceptHandler<'a>],
        orelse: &'a [&'a Stmt<'a>],
        finalbody: &'a [&'a Stmt<'a>],
    ) -> Result<()> {
        use Opcode::*;
        let body_block = self.new_block();
        let end = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.emit_jump(SETUP_FINALLY, end);
        self.use_block(body_block);
        self.push_fblock(
            FBlockKind::FinallyTry,
            Some(body_block),
            Some(end),
            FBlockDatum::Finally(finalbody),
        )?;
        if handlers.is_empty() {
            self.stmts(body)?;
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        self.emit_noline(POP_BLOCK, 0);
        self.pop_fblock(FBlockKind::FinallyTry);
        self.stmts(finalbody)?;
        self.emit_jump_noline(JUMP, exit);
        self.use_block(end);
        self.unset_loc();
        self.emit_jump(SETUP_CLEANUP, cleanup);
        self.emit(PUSH_EXC_INFO, 0);
        self.push_fblock(FBlockKind::FinallyEnd, Some(end), None, FBlockDatum::None)?;
        self.stmts(finalbody)?;
        self.pop_fblock(FBlockKind::FinallyEnd);
        self.emit(RERAISE, 0);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(exit);
        Ok(())
    }

    /// `compiler_try_except`.
    pub(super) fn try_except(
        &mut self,
        body: &'a [&'a Stmt<'a>],
        handlers: &'a [ExceptHandler<'a>],
        orelse: &'a [&'a Stmt<'a>],
    ) -> Result<()> {
        use Opcode::*;
        let body_block = self.new_block();
        let except = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        self.emit_jump(SETUP_FINALLY, except);
        self.use_block(body_block);
        self.push_fblock(
            FBlockKind::TryExcept,
            Some(body_block),
            None,
            FBlockDatum::None,
        )?;
        self.stmts(body)?;
        self.pop_fblock(FBlockKind::TryExcept);
        self.emit_noline(POP_BLOCK, 0);
        self.stmts(orelse)?;
        self.emit_jump_noline(JUMP, end);
        self.use_block(except);
        self.unset_loc();
        self.emit_jump(SETUP_CLEANUP, cleanup);
        self.emit(PUSH_EXC_INFO, 0);
        self.push_fblock(FBlockKind::ExceptionHandler, None, None, FBlockDatum::None)?;
        let n = handlers.len();
        for (i, h) in handlers.iter().enumerate() {
            self.set_loc(h.span);
            if h.type_.is_none() && i + 1 < n {
                return Err(self.error("default 'except:' must be last"));
            }
            let next_except = self.new_block();
            if let Some(t) = h.type_ {
                self.expr(t)?;
                self.emit(CHECK_EXC_MATCH, 0);
                self.emit_jump(POP_JUMP_IF_FALSE, next_except);
            }
            match h.name {
                Some(name) => self.named_handler(name, h.body, end)?,
                None => {
                    let cleanup_body = self.new_block();
                    self.emit(POP_TOP, 0);
                    self.use_block(cleanup_body);
                    self.push_fblock(
                        FBlockKind::HandlerCleanup,
                        Some(cleanup_body),
                        None,
                        FBlockDatum::None,
                    )?;
                    self.stmts(h.body)?;
                    self.pop_fblock(FBlockKind::HandlerCleanup);
                    self.unset_loc();
                    self.emit(POP_BLOCK, 0);
                    self.emit(POP_EXCEPT, 0);
                    self.emit_jump(JUMP, end);
                }
            }
            self.use_block(next_except);
        }
        self.unset_loc();
        self.pop_fblock(FBlockKind::ExceptionHandler);
        self.emit(RERAISE, 0);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(end);
        Ok(())
    }

    /// The body of `except E as name:`, protected so that `name` is
    /// cleared however the body ends.
    fn named_handler(&mut self, name: &'a str, body: &'a [&'a Stmt<'a>], end: Label) -> Result<()> {
        use Opcode::*;
        let cleanup_end = self.new_block();
        let cleanup_body = self.new_block();
        self.nameop(name, ExprContext::Store)?;
        self.emit_jump(SETUP_CLEANUP, cleanup_end);
        self.use_block(cleanup_body);
        self.push_fblock(
            FBlockKind::HandlerCleanup,
            Some(cleanup_body),
            None,
            FBlockDatum::Name(name),
        )?;
        self.stmts(body)?;
        self.pop_fblock(FBlockKind::HandlerCleanup);
        self.unset_loc();
        self.emit(POP_BLOCK, 0);
        self.emit(POP_BLOCK, 0);
        self.emit(POP_EXCEPT, 0);
        self.load_const(Constant::None);
        self.nameop(name, ExprContext::Store)?;
        self.nameop(name, ExprContext::Del)?;
        self.emit_jump(JUMP, end);
        self.use_block(cleanup_end);
        self.unset_loc();
        self.load_const(Constant::None);
        self.nameop(name, ExprContext::Store)?;
        self.nameop(name, ExprContext::Del)?;
        self.emit(RERAISE, 1);
        Ok(())
    }

    /// `compiler_with`: one level per item.
    pub(super) fn with_stmt(
        &mut self,
        s: &'a Stmt<'a>,
        items: &'a [WithItem<'a>],
        body: &'a [&'a Stmt<'a>],
        pos: usize,
    ) -> Result<()> {
        use Opcode::*;
        let item = &items[pos];
        let block = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.expr(item.context_expr)?;
        self.emit(BEFORE_WITH, 0);
        self.emit_jump(SETUP_WITH, final_);
        self.use_block(block);
        self.push_fblock(
            FBlockKind::With,
            Some(block),
            Some(final_),
            FBlockDatum::With(s.span),
        )?;
        match item.optional_vars {
            Some(v) => self.expr(v)?,
            None => self.emit(POP_TOP, 0),
        }
        if pos + 1 == items.len() {
            self.stmts(body)?;
        } else {
            self.with_stmt(s, items, body, pos + 1)?;
        }
        self.unset_loc();
        self.emit(POP_BLOCK, 0);
        self.pop_fblock(FBlockKind::With);
        self.set_loc(s.span);
        self.call_exit_with_nones();
        self.emit(POP_TOP, 0);
        self.emit_jump(JUMP, exit);
        self.use_block(final_);
        self.emit_jump(SETUP_CLEANUP, cleanup);
        self.emit(PUSH_EXC_INFO, 0);
        self.emit(WITH_EXCEPT_START, 0);
        self.with_except_finish(cleanup);
        self.use_block(exit);
        Ok(())
    }

    /// `compiler_with_except_finish`: re-raise unless `__exit__` returned
    /// true.
    fn with_except_finish(&mut self, cleanup: Label) {
        use Opcode::*;
        self.unset_loc();
        let exit = self.new_block();
        self.emit_jump(POP_JUMP_IF_TRUE, exit);
        self.emit(RERAISE, 2);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(exit);
        self.emit(POP_TOP, 0);
        self.emit(POP_BLOCK, 0);
        self.emit(POP_EXCEPT, 0);
        self.emit(POP_TOP, 0);
        self.emit(POP_TOP, 0);
    }
}
