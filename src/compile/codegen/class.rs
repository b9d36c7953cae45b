//! Class definitions: the body is a function-like unit that stores
//! `__module__` (from `__name__`), `__qualname__`, runs the body, and
//! returns the `__class__` cell (stored as `__classcell__`) when a method
//! uses `super()` or `__class__`, else None; the class is then made by
//! `__build_class__(func, name, *bases, **keywords)` (`compiler_class`).

use super::{Compiler, Result, UnitKind};
use crate::compile::code::Constant;
use crate::compile::opcode::Opcode;
use crate::syntax::ast::{ExprContext, Stmt, StmtKind};

impl<'s, 'a> Compiler<'s, 'a> {
    /// `compiler_class`.
    pub(super) fn class_def(&mut self, s: &'a Stmt<'a>) -> Result<()> {
        let StmtKind::ClassDef {
            name,
            bases,
            keywords,
            body,
            decorator_list,
        } = &s.kind
        else {
            return Ok(());
        };
        self.decorators(decorator_list)?;
        let first_line = decorator_list
            .first()
            .map_or(s.span.start.line, |d| d.span.start.line);
        let scope = self.stmt_scope(s);
        self.enter_scope(name, UnitKind::Class, scope, first_line);
        self.u().private = Some((*name).to_owned());
        self.nameop("__name__", ExprContext::Load)?;
        self.nameop("__module__", ExprContext::Store)?;
        let qualname = self.ur().qualname.clone();
        self.load_const(Constant::Str(qualname.into()));
        self.nameop("__qualname__", ExprContext::Store)?;
        self.body(body)?;
        self.unset_loc();
        if self.scope().needs_class_closure() {
            let i = self.deref_index("__class__", true);
            self.emit(Opcode::LOAD_CLOSURE, i);
            self.emit(Opcode::COPY, 1);
            self.nameop("__classcell__", ExprContext::Store)?;
        } else {
            self.load_const(Constant::None);
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        let code = self.exit_scope(true);
        self.emit(Opcode::LOAD_BUILD_CLASS, 0);
        self.emit(Opcode::PUSH_NULL, 0);
        self.make_closure(code, 0);
        self.load_const(Constant::Str((*name).into()));
        self.call_helper(2, bases, keywords)?;
        self.apply_decorators(decorator_list);
        self.nameop(name, ExprContext::Store)
    }
}
