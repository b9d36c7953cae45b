//! Assignment and deletion targets: validation with CPython 3.11's
//! messages (`cannot assign to literal`, `cannot delete function call`, the
//! `here. Maybe you meant '==' instead of '='?` form), and setting the
//! `Store`/`Del` context on the nodes that have one.

use super::super::ast::{Constant, Expr, ExprContext, ExprKind};
use super::super::error::RawError;
use super::{PResult, Parser};

/// What a target is for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum TargetKind {
    /// Assignment, `for`, `with ... as`, comprehension targets.
    Store,
    /// `del` targets.
    Del,
}

/// CPython's `_PyPegen_get_expr_name`: how messages name an expression.
pub(crate) fn expr_name(e: &Expr<'_>) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set { .. } => "set display",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant(c) => match c {
            Constant::None => "None",
            Constant::True => "True",
            Constant::False => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// The first sub-expression that cannot be a target of `kind`, in source order.
pub(crate) fn invalid_target<'e, 'a>(e: &'e Expr<'a>, kind: TargetKind) -> Option<&'e Expr<'a>> {
    match &e.kind {
        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Starred { value, .. } if kind == TargetKind::Store => invalid_target(value, kind),
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            elts.iter().find_map(|x| invalid_target(x, kind))
        }
        _ => Some(e),
    }
}

/// Sets the context of a valid target tree.
fn set_ctx(e: &Expr<'_>, ctx: ExprContext) {
    if let Some(c) = e.kind.ctx() {
        c.set(ctx);
    }
    match &e.kind {
        ExprKind::Starred { value, .. } => set_ctx(value, ctx),
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            elts.iter().for_each(|x| set_ctx(x, ctx))
        }
        _ => {}
    }
}

/// True for a tuple written without parentheses.
fn bare_tuple(e: &Expr<'_>) -> bool {
    match &e.kind {
        ExprKind::Tuple { elts, .. } => elts.first().is_some_and(|f| f.span.start == e.span.start),
        _ => false,
    }
}

impl<'a> Parser<'a, '_> {
    /// Validates a target and sets its context.
    pub fn check_target(&self, e: &'a Expr<'a>, kind: TargetKind) -> PResult<()> {
        if let Some(bad) = invalid_target(e, kind) {
            let verb = match kind {
                TargetKind::Store => "assign to",
                TargetKind::Del => "delete",
            };
            return Err(self.error_span(format!("cannot {verb} {}", expr_name(bad)), bad.span));
        }
        set_ctx(
            e,
            match kind {
                TargetKind::Store => ExprContext::Store,
                TargetKind::Del => ExprContext::Del,
            },
        );
        Ok(())
    }

    /// Validates one target of an assignment statement; `before_value` is
    /// true when the next `=` leads to the assigned value itself (CPython's
    /// `invalid_named_expression` then words the error "... here. Maybe you
    /// meant '==' instead of '='?").
    pub fn check_assign_target(&self, e: &'a Expr<'a>, before_value: bool) -> PResult<()> {
        if invalid_target(e, TargetKind::Store).is_none() {
            self.check_target(e, TargetKind::Store)?;
            return Ok(());
        }
        let candidate = match &e.kind {
            ExprKind::Tuple { elts, .. } if bare_tuple(e) => elts.last().copied().unwrap_or(e),
            _ => e,
        };
        let plain = !matches!(
            candidate.kind,
            ExprKind::List { .. }
                | ExprKind::Tuple { .. }
                | ExprKind::GeneratorExp { .. }
                | ExprKind::Constant(Constant::True | Constant::False | Constant::None)
        );
        if before_value && plain && invalid_target(candidate, TargetKind::Store).is_some() {
            return Err(self.error_span(
                format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    expr_name(candidate)
                ),
                candidate.span,
            ));
        }
        self.check_target(e, TargetKind::Store)
    }

    /// Validates an augmented assignment target.
    pub fn check_aug_target(&self, e: &'a Expr<'a>) -> PResult<()> {
        match e.kind {
            ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
                set_ctx(e, ExprContext::Store);
                Ok(())
            }
            _ => Err(RawError::syntax(
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    expr_name(e)
                ),
                e.span.start,
                Some(e.span.end),
            )),
        }
    }
}
