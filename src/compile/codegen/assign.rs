//! Assignment targets: tuple and list unpacking (with one `*target`),
//! augmented assignment (`x += 1`, `o.a += 1`, `o[i] += 1`) and annotated
//! assignment (`x: int = 1`, storing into `__annotations__` in modules and
//! classes).

use super::{Compiler, Result};
use crate::compile::code::Constant;
use crate::compile::opcode::{BinaryOp, Opcode};
use crate::compile::symtable::mangle;
use crate::syntax::ast::{Expr, ExprContext, ExprKind, Operator};

impl<'s, 'a> Compiler<'s, 'a> {
    /// `assignment_helper`: unpack the value on the stack into `elts`.
    pub(super) fn assignment_helper(&mut self, elts: &'a [&'a Expr<'a>]) -> Result<()> {
        self.unpack_helper(elts)?;
        for el in elts.iter() {
            match &el.kind {
                ExprKind::Starred { value, .. } => self.expr(value)?,
                _ => self.expr(el)?,
            }
        }
        Ok(())
    }

    /// `unpack_helper`: `UNPACK_SEQUENCE n` or `UNPACK_EX before|after<<8`.
    fn unpack_helper(&mut self, elts: &'a [&'a Expr<'a>]) -> Result<()> {
        let n = elts.len();
        let mut seen_star = false;
        for (i, el) in elts.iter().enumerate() {
            if matches!(el.kind, ExprKind::Starred { .. }) {
                if seen_star {
                    return Err(self.error("multiple starred expressions in assignment"));
                }
                if i >= (1 << 8) || n - i > (1 << 16) {
                    return Err(self.error("too many expressions in star-unpacking assignment"));
                }
                self.emit(Opcode::UNPACK_EX, (i + ((n - i - 1) << 8)) as u32);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit(Opcode::UNPACK_SEQUENCE, n as u32);
        }
        Ok(())
    }

    /// `compiler_augassign`.
    pub(super) fn aug_assign(
        &mut self,
        target: &'a Expr<'a>,
        op: Operator,
        value: &'a Expr<'a>,
    ) -> Result<()> {
        use Opcode::*;
        let saved = self.ur().loc;
        self.set_loc(target.span);
        match &target.kind {
            ExprKind::Attribute {
                value: obj, attr, ..
            } => {
                self.expr(obj)?;
                self.emit(COPY, 1);
                self.update_start_location_to_match_attr(target);
                self.emit_name(LOAD_ATTR, attr);
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                self.expr(obj)?;
                self.expr(slice)?;
                self.emit(COPY, 2);
                self.emit(COPY, 2);
                self.emit(BINARY_SUBSCR, 0);
            }
            ExprKind::Name { id, .. } => self.nameop(id, ExprContext::Load)?,
            _ => return Err(self.error("illegal expression for augmented assignment")),
        }
        self.u().loc = saved;
        self.expr(value)?;
        self.emit(BINARY_OP, super::expr::binary_op(op) + BinaryOp::INPLACE);
        self.set_loc(target.span);
        match &target.kind {
            ExprKind::Attribute { attr, .. } => {
                self.update_start_location_to_match_attr(target);
                self.emit(SWAP, 2);
                self.emit_name(STORE_ATTR, attr);
            }
            ExprKind::Subscript { .. } => {
                self.emit(SWAP, 3);
                self.emit(SWAP, 2);
                self.emit(STORE_SUBSCR, 0);
            }
            ExprKind::Name { id, .. } => self.nameop(id, ExprContext::Store)?,
            _ => {}
        }
        Ok(())
    }

    /// `check_ann_expr`: evaluate and drop.
    fn check_ann_expr(&mut self, e: &'a Expr<'a>) -> Result<()> {
        self.expr(e)?;
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    /// `check_ann_subscr`.
    fn check_ann_subscr(&mut self, e: &'a Expr<'a>) -> Result<()> {
        match &e.kind {
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.check_ann_expr(part)?;
                }
                Ok(())
            }
            ExprKind::Tuple { elts, .. } => {
                for el in elts.iter() {
                    self.check_ann_subscr(el)?;
                }
                Ok(())
            }
            _ => self.check_ann_expr(e),
        }
    }

    /// An annotation's value: the expression, or its source text under
    /// `from __future__ import annotations`.
    pub(super) fn annotation_value(&mut self, annotation: &'a Expr<'a>) -> Result<()> {
        if self.future_annotations {
            let text = super::function::unparse(annotation);
            self.load_const(Constant::Str(text.into()));
            Ok(())
        } else {
            self.expr(annotation)
        }
    }

    /// `compiler_annassign`.
    pub(super) fn ann_assign(
        &mut self,
        target: &'a Expr<'a>,
        annotation: &'a Expr<'a>,
        value: Option<&'a Expr<'a>>,
        simple: bool,
    ) -> Result<()> {
        if let Some(v) = value {
            self.expr(v)?;
            self.expr(target)?;
        }
        match &target.kind {
            ExprKind::Name { id, .. } => {
                self.check_forbidden(id, ExprContext::Store)?;
                if simple && self.in_module_or_class() {
                    self.annotation_value(annotation)?;
                    self.emit_name(Opcode::LOAD_NAME, "__annotations__");
                    let mangled = mangle(self.ur().private.as_deref(), id).into_owned();
                    self.load_const(Constant::Str(mangled.into()));
                    self.emit(Opcode::STORE_SUBSCR, 0);
                }
            }
            ExprKind::Attribute {
                value: obj, attr, ..
            } => {
                self.check_forbidden(attr, ExprContext::Store)?;
                if value.is_none() {
                    self.check_ann_expr(obj)?;
                }
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                if value.is_none() {
                    self.check_ann_expr(obj)?;
                    self.check_ann_subscr(slice)?;
                }
            }
            _ => return Err(self.error("invalid node type for annotated assignment")),
        }
        if !simple && !self.future_annotations && self.in_module_or_class() {
            self.check_ann_expr(annotation)?;
        }
        Ok(())
    }
}
