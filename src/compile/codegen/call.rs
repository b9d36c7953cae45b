//! Calls. pyrite's protocol keeps the callable below its `self` slot:
//! `f(x)` is `f; PUSH_NULL; x; CALL 1`, `o.m(x)` is `o; LOAD_METHOD m; x;
//! CALL 1`, keyword arguments add `KW_NAMES names` before the `CALL`, and
//! `*args`/`**kwargs` build a tuple and a dict for `CALL_FUNCTION_EX`
//! (CPython's `compiler_call`, `maybe_optimize_method_call`,
//! `compiler_call_helper`).

use super::expr::Display;
use super::{span_pos, Compiler, Result, STACK_USE_GUIDELINE};
use crate::compile::code::Constant;
use crate::compile::opcode::Opcode;
use crate::compile::symtable::SymbolFlags;
use crate::syntax::ast::{Expr, ExprContext, ExprKind, Keyword};

impl<'s, 'a> Compiler<'s, 'a> {
    /// `validate_keywords`: no `__debug__=`, no keyword given twice.
    fn validate_keywords(&mut self, keywords: &'a [Keyword<'a>]) -> Result<()> {
        for (i, k) in keywords.iter().enumerate() {
            let Some(name) = k.arg else { continue };
            self.check_forbidden(name, ExprContext::Store)?;
            for other in &keywords[i + 1..] {
                if other.arg == Some(name) {
                    return Err(self.error_at(
                        format!("keyword argument repeated: {name}"),
                        span_pos(other.span),
                    ));
                }
            }
        }
        Ok(())
    }

    /// `compiler_call`.
    pub(super) fn call(
        &mut self,
        func: &'a Expr<'a>,
        args: &'a [&'a Expr<'a>],
        keywords: &'a [Keyword<'a>],
    ) -> Result<()> {
        self.validate_keywords(keywords)?;
        self.check_caller(func);
        if self.method_call(func, args, keywords)? {
            return Ok(());
        }
        let call_loc = self.ur().loc;
        self.expr(func)?;
        self.set_loc(func.span);
        self.emit(Opcode::PUSH_NULL, 0);
        self.u().loc = call_loc;
        self.call_helper(0, args, keywords)
    }

    /// Whether the base of `o.m` is a name imported at module level.
    fn is_import_originated(&self, e: &Expr<'_>) -> bool {
        let ExprKind::Name { id, .. } = &e.kind else {
            return false;
        };
        self.table
            .root()
            .symbol(id)
            .is_some_and(|s| s.flags().intersects(SymbolFlags::IMPORTED))
    }

    /// `maybe_optimize_method_call`: `o.m(args)` with plain arguments uses
    /// `LOAD_METHOD`; false when the call does not qualify.
    fn method_call(
        &mut self,
        func: &'a Expr<'a>,
        args: &'a [&'a Expr<'a>],
        keywords: &'a [Keyword<'a>],
    ) -> Result<bool> {
        let ExprKind::Attribute { value, attr, ctx } = &func.kind else {
            return Ok(false);
        };
        if ctx.get() != ExprContext::Load || self.is_import_originated(value) {
            return Ok(false);
        }
        let (argsl, kwdsl) = (args.len(), keywords.len());
        if argsl + kwdsl + usize::from(kwdsl != 0) >= STACK_USE_GUIDELINE {
            return Ok(false);
        }
        if args.iter().any(|a| super::expr::is_starred(a))
            || keywords.iter().any(|k| k.arg.is_none())
        {
            return Ok(false);
        }
        let call_loc = self.ur().loc;
        self.expr(value)?;
        self.set_loc(func.span);
        self.update_start_location_to_match_attr(func);
        self.emit_name(Opcode::LOAD_METHOD, attr);
        for a in args.iter() {
            self.expr(a)?;
        }
        if kwdsl > 0 {
            for k in keywords.iter() {
                self.expr(k.value)?;
            }
            self.kw_names(keywords);
        }
        self.u().loc = call_loc;
        self.update_start_location_to_match_attr(func);
        self.emit(Opcode::CALL, (argsl + kwdsl) as u32);
        Ok(true)
    }

    /// `compiler_call_simple_kw_helper`: `KW_NAMES` with the names tuple.
    fn kw_names(&mut self, keywords: &'a [Keyword<'a>]) {
        let names: Vec<Constant> = keywords
            .iter()
            .map(|k| Constant::Str(k.arg.unwrap_or("").into()))
            .collect();
        let i = self.add_const(Constant::Tuple(names.into_boxed_slice()));
        self.emit(Opcode::KW_NAMES, i);
    }

    /// `compiler_call_helper`: the arguments after the callable and its
    /// `self` slot (`n` positional arguments already pushed), then the call.
    pub(super) fn call_helper(
        &mut self,
        n: u32,
        args: &'a [&'a Expr<'a>],
        keywords: &'a [Keyword<'a>],
    ) -> Result<()> {
        use Opcode::*;
        self.validate_keywords(keywords)?;
        let (nelts, nkwelts) = (args.len(), keywords.len());
        let simple = nelts + nkwelts * 2 <= STACK_USE_GUIDELINE
            && !args.iter().any(|a| super::expr::is_starred(a))
            && !keywords.iter().any(|k| k.arg.is_none());
        if simple {
            for a in args.iter() {
                self.expr(a)?;
            }
            if nkwelts > 0 {
                for k in keywords.iter() {
                    self.expr(k.value)?;
                }
                self.kw_names(keywords);
            }
            self.emit(CALL, n + (nelts + nkwelts) as u32);
            return Ok(());
        }
        match args {
            [single] if n == 0 => match &single.kind {
                ExprKind::Starred { value, .. } => self.expr(value)?,
                _ => self.starunpack(args, n, Display::Tuple)?,
            },
            _ => self.starunpack(args, n, Display::Tuple)?,
        }
        if nkwelts > 0 {
            let mut have_dict = false;
            let mut nseen = 0usize;
            for (i, kw) in keywords.iter().enumerate() {
                if kw.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(keywords, i - nseen, i)?;
                        if have_dict {
                            self.emit(DICT_MERGE, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit(BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.expr(kw.value)?;
                    self.emit(DICT_MERGE, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(keywords, nkwelts - nseen, nkwelts)?;
                if have_dict {
                    self.emit(DICT_MERGE, 1);
                }
            }
        }
        self.emit(CALL_FUNCTION_EX, u32::from(nkwelts > 0));
        Ok(())
    }

    /// `compiler_subkwargs`: keywords `begin..end` as one dict.
    fn subkwargs(&mut self, keywords: &'a [Keyword<'a>], begin: usize, end: usize) -> Result<()> {
        use Opcode::*;
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            for k in &keywords[begin..end] {
                self.expr(k.value)?;
            }
            let names: Vec<Constant> = keywords[begin..end]
                .iter()
                .map(|k| Constant::Str(k.arg.unwrap_or("").into()))
                .collect();
            self.load_const(Constant::Tuple(names.into_boxed_slice()));
            self.emit(BUILD_CONST_KEY_MAP, n as u32);
            return Ok(());
        }
        if big {
            self.emit_noline(BUILD_MAP, 0);
        }
        for k in &keywords[begin..end] {
            self.load_const(Constant::Str(k.arg.unwrap_or("").into()));
            self.expr(k.value)?;
            if big {
                self.emit_noline(MAP_ADD, 1);
            }
        }
        if !big {
            self.emit(BUILD_MAP, n as u32);
        }
        Ok(())
    }
}
