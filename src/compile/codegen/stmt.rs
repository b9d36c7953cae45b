//! Statements: the dispatch (`compiler_visit_stmt`) and the simple ones —
//! expression statements, `pass`, `del`, `assert`, `import`,
//! `from ... import`, `global`/`nonlocal` (nothing to emit).

use super::{Compiler, Result, UnitKind};
use crate::compile::code::Constant;
use crate::compile::opcode::Opcode;
use crate::syntax::ast::{Alias, Expr, ExprContext, Stmt, StmtKind};

impl<'s, 'a> Compiler<'s, 'a> {
    /// `compiler_visit_stmt`: every statement starts at its own position.
    pub(super) fn stmt(&mut self, s: &'a Stmt<'a>) -> Result<()> {
        self.enter_nested()?;
        let r = self.stmt1(s);
        self.depth = self.depth.saturating_sub(1);
        r
    }

    fn stmt1(&mut self, s: &'a Stmt<'a>) -> Result<()> {
        self.set_loc(s.span);
        use Opcode::*;
        match &s.kind {
            StmtKind::FunctionDef { .. } => self.function_def(s)?,
            StmtKind::ClassDef { .. } => self.class_def(s)?,
            StmtKind::Return { value } => self.return_stmt(s, *value)?,
            StmtKind::Delete { targets } => {
                for t in targets.iter() {
                    self.expr(t)?;
                }
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                let n = targets.len();
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(COPY, 1);
                    }
                    self.expr(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.ann_assign(target, annotation, *value, *simple)?,
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => self.for_stmt(target, iter, body, orelse)?,
            StmtKind::While { test, body, orelse } => self.while_stmt(s, test, body, orelse)?,
            StmtKind::If { test, body, orelse } => self.if_stmt(test, body, orelse)?,
            StmtKind::With { items, body } => self.with_stmt(s, items, body, 0)?,
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n += 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n += 1;
                    }
                }
                self.emit(RAISE_VARARGS, n);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse)?;
                } else {
                    self.try_finally(body, handlers, orelse, finalbody)?;
                }
            }
            StmtKind::Assert { test, msg } => self.assert_stmt(test, *msg)?,
            StmtKind::Import { names } => self.import(names)?,
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => self.import_from(s, *module, names, *level)?,
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } => {}
            StmtKind::Expr { value } => self.stmt_expr(value)?,
            StmtKind::Pass => self.emit(NOP, 0),
            StmtKind::Break => self.break_stmt()?,
            StmtKind::Continue => self.continue_stmt()?,
        }
        Ok(())
    }

    /// `compiler_visit_stmt_expr`.
    fn stmt_expr(&mut self, value: &'a Expr<'a>) -> Result<()> {
        if self.interactive && self.units.len() <= 1 {
            self.expr(value)?;
            self.emit(Opcode::PRINT_EXPR, 0);
            return Ok(());
        }
        if self.is_const(value) {
            self.emit(Opcode::NOP, 0);
            return Ok(());
        }
        self.expr(value)?;
        self.unset_loc();
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    /// `compiler_assert`: `AssertionError(msg)` is called as
    /// `LOAD_ASSERTION_ERROR; PUSH_NULL; msg; CALL 1`.
    fn assert_stmt(&mut self, test: &'a Expr<'a>, msg: Option<&'a Expr<'a>>) -> Result<()> {
        use Opcode::*;
        if crate::compile::optimize() >= 1 {
            return Ok(()); // -O: asserts are not compiled (nor warned about)
        }
        self.check_assert(test);
        let end = self.new_block();
        self.jump_if(test, end, true)?;
        self.emit(LOAD_ASSERTION_ERROR, 0);
        if let Some(m) = msg {
            self.emit(PUSH_NULL, 0);
            self.expr(m)?;
            self.emit(CALL, 1);
        }
        self.emit(RAISE_VARARGS, 1);
        self.use_block(end);
        Ok(())
    }

    /// `compiler_import`.
    fn import(&mut self, names: &'a [Alias<'a>]) -> Result<()> {
        use Opcode::*;
        for alias in names {
            self.load_const(Constant::Int(0));
            self.load_const(Constant::None);
            self.emit_name(IMPORT_NAME, alias.name);
            match alias.asname {
                Some(asname) => self.import_as(alias.name, asname)?,
                None => {
                    let first = alias.name.split('.').next().unwrap_or(alias.name);
                    self.nameop(first, ExprContext::Store)?;
                }
            }
        }
        Ok(())
    }

    /// `compiler_import_as`: `import a.b.c as d` walks to `c`.
    fn import_as(&mut self, name: &str, asname: &str) -> Result<()> {
        use Opcode::*;
        let parts: Vec<&str> = name.split('.').collect();
        if parts.len() > 1 {
            for (i, attr) in parts[1..].iter().enumerate() {
                let idx = self.name_index(attr);
                self.emit(IMPORT_FROM, idx);
                if i + 2 < parts.len() {
                    self.emit(SWAP, 2);
                    self.emit(POP_TOP, 0);
                }
            }
            self.nameop(asname, ExprContext::Store)?;
            self.emit(POP_TOP, 0);
            return Ok(());
        }
        self.nameop(asname, ExprContext::Store)
    }

    /// `compiler_from_import`.
    fn import_from(
        &mut self,
        s: &'a Stmt<'a>,
        module: Option<&'a str>,
        names: &'a [Alias<'a>],
        level: u32,
    ) -> Result<()> {
        use Opcode::*;
        self.load_const(Constant::Int(level as i64));
        let tuple: Vec<Constant> = names.iter().map(|a| Constant::Str(a.name.into())).collect();
        if s.span.start.line > self.future_lineno && module == Some("__future__") {
            return Err(
                self.error("from __future__ imports must occur at the beginning of the file")
            );
        }
        self.load_const(Constant::Tuple(tuple.into_boxed_slice()));
        self.emit_name(IMPORT_NAME, module.unwrap_or(""));
        for (i, alias) in names.iter().enumerate() {
            if i == 0 && alias.name.starts_with('*') {
                self.emit(IMPORT_STAR, 0);
                return Ok(());
            }
            self.emit_name(IMPORT_FROM, alias.name);
            self.nameop(alias.asname.unwrap_or(alias.name), ExprContext::Store)?;
        }
        self.emit(POP_TOP, 0);
        Ok(())
    }

    /// Whether annotations are evaluated and stored here (module or class).
    pub(super) fn in_module_or_class(&self) -> bool {
        matches!(self.ur().kind, UnitKind::Module | UnitKind::Class)
    }
}
