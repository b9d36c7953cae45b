//! Generators: `yield` (`YIELD_VALUE 0`) and `yield from`, whose delegation
//! loop is `GET_YIELD_FROM_ITER; LOAD_CONST None; L: SEND exit;
//! YIELD_VALUE 1; JUMP L; exit:` (`compiler_add_yield_from`). A function
//! containing either is flagged `CO_GENERATOR` by the symbol table; the VM
//! makes the generator when it is called.

use super::{Compiler, Result, UnitKind};
use crate::compile::code::Constant;
use crate::compile::opcode::Opcode;
use crate::syntax::ast::Expr;

impl<'s, 'a> Compiler<'s, 'a> {
    fn check_in_function(&self) -> Result<()> {
        if matches!(
            self.ur().kind,
            UnitKind::Function | UnitKind::Lambda | UnitKind::Comprehension
        ) {
            Ok(())
        } else {
            Err(self.error("'yield' outside function"))
        }
    }

    /// `yield value`.
    pub(super) fn yield_expr(&mut self, value: Option<&'a Expr<'a>>) -> Result<()> {
        self.check_in_function()?;
        match value {
            Some(v) => self.expr(v)?,
            None => self.load_const(Constant::None),
        }
        self.emit(Opcode::YIELD_VALUE, 0);
        Ok(())
    }

    /// `yield from value`.
    pub(super) fn yield_from_expr(&mut self, value: &'a Expr<'a>) -> Result<()> {
        self.check_in_function()?;
        self.expr(value)?;
        self.emit(Opcode::GET_YIELD_FROM_ITER, 0);
        self.load_const(Constant::None);
        self.add_yield_from();
        Ok(())
    }

    /// `compiler_add_yield_from`: the `SEND` loop.
    pub(super) fn add_yield_from(&mut self) {
        let start = self.new_block();
        let resume = self.new_block();
        let exit = self.new_block();
        self.use_block(start);
        self.emit_jump(Opcode::SEND, exit);
        self.use_block(resume);
        self.emit(Opcode::YIELD_VALUE, 1);
        self.emit_jump(Opcode::JUMP, start);
        self.use_block(exit);
    }
}
