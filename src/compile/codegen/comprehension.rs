//! Comprehensions and generator expressions: a nested function taking the
//! outermost iterator as its argument `.0`, made and called at once
//! (`make; PUSH_NULL; iter; GET_ITER; CALL 1`); inside, one `FOR_ITER`
//! loop per `for` clause, the `if` filters as jumps to the loop's
//! continue point, and `LIST_APPEND`/`SET_ADD`/`MAP_ADD`/`YIELD_VALUE` at
//! the innermost level (`compiler_comprehension`).

use super::{Compiler, Result, UnitKind};
use crate::compile::opcode::Opcode;
use crate::syntax::ast::{Comprehension, Expr, ExprKind};

/// Which comprehension (CPython's `COMP_*`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    Gen,
    List,
    Set,
    Dict,
}

impl<'s, 'a> Compiler<'s, 'a> {
    /// `compiler_comprehension` for any of the four forms.
    pub(super) fn comprehension(&mut self, e: &'a Expr<'a>) -> Result<()> {
        let (kind, name, generators, elt, val): (_, _, &'a [Comprehension<'a>], _, _) =
            match &e.kind {
                ExprKind::GeneratorExp { elt, generators } => {
                    (CompKind::Gen, "<genexpr>", *generators, *elt, None)
                }
                ExprKind::ListComp { elt, generators } => {
                    (CompKind::List, "<listcomp>", *generators, *elt, None)
                }
                ExprKind::SetComp { elt, generators } => {
                    (CompKind::Set, "<setcomp>", *generators, *elt, None)
                }
                ExprKind::DictComp {
                    key,
                    value,
                    generators,
                } => (
                    CompKind::Dict,
                    "<dictcomp>",
                    *generators,
                    *key,
                    Some(*value),
                ),
                _ => return Ok(()),
            };
        let Some(outermost) = generators.first() else {
            return Ok(());
        };
        if matches!(elt.kind, ExprKind::Starred { .. }) {
            // The parser's `invalid_comprehension` rule in CPython.
            return Err(self.error_at(
                "iterable unpacking cannot be used in comprehension",
                super::span_pos(elt.span),
            ));
        }
        let scope = self.expr_scope(e);
        self.enter_scope(name, UnitKind::Comprehension, scope, e.span.start.line);
        self.set_loc(e.span);
        match kind {
            CompKind::List => self.emit(Opcode::BUILD_LIST, 0),
            CompKind::Set => self.emit(Opcode::BUILD_SET, 0),
            CompKind::Dict => self.emit(Opcode::BUILD_MAP, 0),
            CompKind::Gen => {}
        }
        self.comprehension_generator(generators, 0, 0, elt, val, kind)?;
        if kind != CompKind::Gen {
            self.emit(Opcode::RETURN_VALUE, 0);
        }
        let code = self.exit_scope(true);
        self.make_closure(code, 0);
        self.emit(Opcode::PUSH_NULL, 0);
        self.iter_expr(outermost.iter)?;
        self.emit(Opcode::GET_ITER, 0);
        self.emit(Opcode::CALL, 1);
        Ok(())
    }

    /// `compiler_sync_comprehension_generator`: the loop of clause
    /// `gen_index`, `depth` loops deep.
    fn comprehension_generator(
        &mut self,
        generators: &'a [Comprehension<'a>],
        gen_index: usize,
        mut depth: u32,
        elt: &'a Expr<'a>,
        val: Option<&'a Expr<'a>>,
        kind: CompKind,
    ) -> Result<()> {
        use Opcode::*;
        let mut start = Some(self.new_block());
        let if_cleanup = self.new_block();
        let anchor = self.new_block();
        let gen = &generators[gen_index];
        if gen_index == 0 {
            self.u().argcount = 1;
            let i = self.varname_index(".0");
            self.emit(LOAD_FAST, i);
        } else {
            let elts: &[&Expr<'_>] = match &gen.iter.kind {
                ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => elts,
                _ => &[],
            };
            if elts.len() == 1
                && !matches!(elts[0].kind, ExprKind::Starred { .. })
                && self.iter_const(gen.iter).is_none()
            {
                self.expr(elts[0])?;
                start = None;
            }
            if start.is_some() {
                self.iter_expr(gen.iter)?;
                self.emit(GET_ITER, 0);
            }
        }
        if let Some(s) = start {
            depth += 1;
            self.use_block(s);
            self.emit_jump(FOR_ITER, anchor);
        }
        self.expr(gen.target)?;
        for cond in gen.ifs.iter() {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if gen_index + 1 < generators.len() {
            self.comprehension_generator(generators, gen_index + 1, depth, elt, val, kind)?;
        } else {
            match kind {
                CompKind::Gen => {
                    self.expr(elt)?;
                    self.emit(YIELD_VALUE, 0);
                    self.emit(POP_TOP, 0);
                }
                CompKind::List => {
                    self.expr(elt)?;
                    self.emit(LIST_APPEND, depth + 1);
                }
                CompKind::Set => {
                    self.expr(elt)?;
                    self.emit(SET_ADD, depth + 1);
                }
                CompKind::Dict => {
                    self.expr(elt)?;
                    if let Some(v) = val {
                        self.expr(v)?;
                    }
                    self.emit(MAP_ADD, depth + 1);
                }
            }
        }
        self.use_block(if_cleanup);
        if let Some(s) = start {
            self.emit_jump(JUMP, s);
            self.use_block(anchor);
        }
        Ok(())
    }
}
