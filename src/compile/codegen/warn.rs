//! The compiler's `SyntaxWarning`s, as CPython 3.11's `compile.c` gives
//! them: `is` with a literal, calling or subscripting a literal that cannot
//! be called or subscripted, indexing a sequence literal with a non-integer,
//! and `assert` on a tuple. They are collected while compiling and printed
//! on stderr in the `warnings` module's default format when the module is
//! done (CPython prints each as it is found; nothing runs in between).

use super::Compiler;
use crate::compile::code::Constant;
use crate::syntax::ast::{CmpOp, Expr, ExprKind};

impl<'s, 'a> Compiler<'s, 'a> {
    /// Note a warning at the current location.
    fn warn(&mut self, msg: String) {
        let line = self.ur().loc.line;
        self.warnings.push((line, msg));
    }

    /// The type name `compile.c`'s `infer_type` gives `e` (after constant
    /// folding), if it knows it.
    fn infer_type(&mut self, e: &Expr<'_>) -> Option<&'static str> {
        Some(match &e.kind {
            ExprKind::Tuple { .. } => "tuple",
            ExprKind::List { .. } | ExprKind::ListComp { .. } => "list",
            ExprKind::Dict { .. } | ExprKind::DictComp { .. } => "dict",
            ExprKind::Set { .. } | ExprKind::SetComp { .. } => "set",
            ExprKind::GeneratorExp { .. } => "generator",
            ExprKind::Lambda { .. } => "function",
            ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "str",
            _ => constant_type(&self.const_value(e)?),
        })
    }

    /// `check_compare`: `x is 1` warns, `x is None` does not.
    pub(super) fn check_compare(
        &mut self,
        left: &Expr<'_>,
        ops: &[CmpOp],
        comparators: &[&Expr<'_>],
    ) {
        let mut left_ok = self.is_arg(left);
        for (op, right) in ops.iter().zip(comparators) {
            let right_ok = self.is_arg(right);
            if matches!(op, CmpOp::Is | CmpOp::IsNot) && !(left_ok && right_ok) {
                self.warn(if *op == CmpOp::Is {
                    "\"is\" with a literal. Did you mean \"==\"?".to_string()
                } else {
                    "\"is not\" with a literal. Did you mean \"!=\"?".to_string()
                });
                return;
            }
            left_ok = right_ok;
        }
    }

    /// `check_is_arg`: not a constant, or a singleton constant.
    fn is_arg(&mut self, e: &Expr<'_>) -> bool {
        match self.folded_constant(e) {
            None => true,
            Some(c) => matches!(c, Constant::None | Constant::Bool(_) | Constant::Ellipsis),
        }
    }

    /// The constant `e` is after folding, if the AST optimizer would turn
    /// it into a `Constant` node (displays other than tuples never are).
    fn folded_constant(&mut self, e: &Expr<'_>) -> Option<Constant> {
        match &e.kind {
            ExprKind::List { .. } | ExprKind::Set { .. } | ExprKind::Dict { .. } => None,
            _ => self.const_value(e),
        }
    }

    /// `check_caller`: `(1, 2)(3)` — a missing comma between two items.
    pub(super) fn check_caller(&mut self, func: &Expr<'_>) {
        let literal = matches!(
            func.kind,
            ExprKind::Tuple { .. }
                | ExprKind::List { .. }
                | ExprKind::ListComp { .. }
                | ExprKind::Dict { .. }
                | ExprKind::DictComp { .. }
                | ExprKind::Set { .. }
                | ExprKind::SetComp { .. }
                | ExprKind::GeneratorExp { .. }
                | ExprKind::JoinedStr { .. }
                | ExprKind::FormattedValue { .. }
        ) || self.folded_constant(func).is_some();
        if literal {
            if let Some(t) = self.infer_type(func) {
                self.warn(format!(
                    "'{t}' object is not callable; perhaps you missed a comma?"
                ));
            }
        }
    }

    /// `check_subscripter` and `check_index`, for a subscript being read.
    pub(super) fn check_subscript(&mut self, value: &Expr<'_>, index: &Expr<'_>) {
        let unsubscriptable = match self.folded_constant(value) {
            Some(c) => matches!(
                c,
                Constant::None
                    | Constant::Ellipsis
                    | Constant::Bool(_)
                    | Constant::Int(_)
                    | Constant::BigInt(_)
                    | Constant::Float(_)
                    | Constant::Complex(..)
                    | Constant::FrozenSet(_)
            ),
            None => matches!(
                value.kind,
                ExprKind::Set { .. }
                    | ExprKind::SetComp { .. }
                    | ExprKind::GeneratorExp { .. }
                    | ExprKind::Lambda { .. }
            ),
        };
        if unsubscriptable {
            if let Some(t) = self.infer_type(value) {
                self.warn(format!(
                    "'{t}' object is not subscriptable; perhaps you missed a comma?"
                ));
            }
            return;
        }
        let Some(index_type) = self.infer_type(index) else {
            return;
        };
        if matches!(index_type, "int" | "bool") {
            return;
        }
        let sequence = match self.folded_constant(value) {
            Some(c) => matches!(
                c,
                Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_)
            ),
            None => matches!(
                value.kind,
                ExprKind::Tuple { .. }
                    | ExprKind::List { .. }
                    | ExprKind::ListComp { .. }
                    | ExprKind::JoinedStr { .. }
                    | ExprKind::FormattedValue { .. }
            ),
        };
        if sequence {
            if let Some(t) = self.infer_type(value) {
                self.warn(format!(
                    "{t} indices must be integers or slices, not {index_type}; perhaps you missed a comma?"
                ));
            }
        }
    }

    /// `compiler_assert`'s check: `assert (x, "msg")` is always true.
    pub(super) fn check_assert(&mut self, test: &Expr<'_>) {
        let nonempty_tuple = match &test.kind {
            ExprKind::Tuple { elts, .. } => !elts.is_empty(),
            _ => matches!(self.const_value(test), Some(Constant::Tuple(t)) if !t.is_empty()),
        };
        if nonempty_tuple {
            self.warn("assertion is always true, perhaps remove parentheses?".to_string());
        }
    }
}

/// The type name of a constant.
fn constant_type(c: &Constant) -> &'static str {
    match c {
        Constant::None => "NoneType",
        Constant::Ellipsis => "ellipsis",
        Constant::Bool(_) => "bool",
        Constant::Int(_) | Constant::BigInt(_) => "int",
        Constant::Float(_) => "float",
        Constant::Complex(..) => "complex",
        Constant::Str(_) => "str",
        Constant::Bytes(_) => "bytes",
        Constant::Tuple(_) => "tuple",
        Constant::FrozenSet(_) => "frozenset",
        Constant::Code(_) => "code",
    }
}

/// Print the warnings of a compiled module on stderr as the `warnings`
/// module's default `showwarning` does: `file:line: SyntaxWarning: msg`,
/// then the stripped source line as `linecache` finds it: read from the
/// file named, so none for `<string>` or a file that does not exist.
pub(super) fn print_warnings(filename: &str, warnings: &[(u32, String)]) {
    use std::io::Write;
    if warnings.is_empty() {
        return;
    }
    let file_text = if filename.starts_with('<') {
        None
    } else {
        std::fs::read_to_string(filename).ok()
    };
    let mut err = std::io::stderr().lock();
    for (line, msg) in warnings {
        let _ = writeln!(err, "{filename}:{line}: SyntaxWarning: {msg}");
        let text = file_text
            .as_deref()
            .and_then(|t| t.lines().nth((*line as usize).wrapping_sub(1)));
        if let Some(text) = text.filter(|t| !t.trim().is_empty()) {
            let _ = writeln!(err, "  {}", text.trim());
        }
    }
}
