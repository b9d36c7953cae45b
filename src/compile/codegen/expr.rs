//! Expressions: names, operators, displays (tuple, list, set, dict with
//! their `*`/`**` unpacking), comparisons and chains, attribute and
//! subscript access, slices, f-strings, conditional expressions, walrus
//! (CPython's `compiler_visit_expr1` and its helpers).

use super::fold;
use super::{Compiler, Result, STACK_USE_GUIDELINE};
use crate::compile::code::Constant;
use crate::compile::opcode::{BinaryOp, CompareOp, Opcode};
use crate::syntax::ast::{BoolOp, CmpOp, Expr, ExprContext, ExprKind, Operator, UnaryOp};

/// `BINARY_OP` operand of an operator (in place: add [`BinaryOp::INPLACE`]).
pub(super) fn binary_op(op: Operator) -> u32 {
    let b = match op {
        Operator::Add => BinaryOp::Add,
        Operator::Sub => BinaryOp::Subtract,
        Operator::Mult => BinaryOp::Multiply,
        Operator::MatMult => BinaryOp::MatrixMultiply,
        Operator::Div => BinaryOp::TrueDivide,
        Operator::Mod => BinaryOp::Remainder,
        Operator::Pow => BinaryOp::Power,
        Operator::LShift => BinaryOp::Lshift,
        Operator::RShift => BinaryOp::Rshift,
        Operator::BitOr => BinaryOp::Or,
        Operator::BitXor => BinaryOp::Xor,
        Operator::BitAnd => BinaryOp::And,
        Operator::FloorDiv => BinaryOp::FloorDivide,
    };
    b as u32
}

/// Which collection a display builds (`starunpack_helper`'s opcodes).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Display {
    List,
    Tuple,
    Set,
}

impl<'s, 'a> Compiler<'s, 'a> {
    /// `compiler_visit_expr`: compiles `e` at its own position, then
    /// restores the position (GEN-2).
    pub(super) fn expr(&mut self, e: &'a Expr<'a>) -> Result<()> {
        self.enter_nested()?;
        let saved = self.ur().loc;
        self.set_loc(e.span);
        let r = self.expr1(e);
        self.u().loc = saved;
        self.depth = self.depth.saturating_sub(1);
        r
    }

    fn expr1(&mut self, e: &'a Expr<'a>) -> Result<()> {
        if let Some(c) = self.const_value(e) {
            self.load_const(c);
            return Ok(());
        }
        if self.compile_inverted_compare(e)? {
            return Ok(());
        }
        use Opcode::*;
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(COPY, 1);
                self.expr(target)?;
            }
            ExprKind::BoolOp { op, values } => self.boolop(*op, values)?,
            ExprKind::BinOp { left, op, right } => {
                if *op == Operator::Mod && self.percent_format(left, right)? {
                    return Ok(());
                }
                self.expr(left)?;
                self.expr(right)?;
                self.emit(BINARY_OP, binary_op(*op));
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                self.emit(
                    match op {
                        UnaryOp::Invert => UNARY_INVERT,
                        UnaryOp::Not => UNARY_NOT,
                        UnaryOp::UAdd => UNARY_POSITIVE,
                        UnaryOp::USub => UNARY_NEGATIVE,
                    },
                    0,
                );
            }
            ExprKind::Lambda { args, body } => self.lambda(e, args, body)?,
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_block();
                let next = self.new_block();
                self.jump_if(test, next, false)?;
                self.expr(body)?;
                self.emit_jump_noline(JUMP, end);
                self.use_block(next);
                self.expr(orelse)?;
                self.use_block(end);
            }
            ExprKind::Dict { keys, values } => self.dict(keys, values)?,
            ExprKind::Set { elts } => self.starunpack(elts, 0, Display::Set)?,
            ExprKind::List { elts, ctx } => match ctx.get() {
                ExprContext::Store => self.assignment_helper(elts)?,
                ExprContext::Load => self.starunpack(elts, 0, Display::List)?,
                ExprContext::Del => {
                    for el in elts.iter() {
                        self.expr(el)?;
                    }
                }
            },
            ExprKind::Tuple { elts, ctx } => match ctx.get() {
                ExprContext::Store => self.assignment_helper(elts)?,
                ExprContext::Load => self.starunpack(elts, 0, Display::Tuple)?,
                ExprContext::Del => {
                    for el in elts.iter() {
                        self.expr(el)?;
                    }
                }
            },
            ExprKind::ListComp { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::DictComp { .. }
            | ExprKind::GeneratorExp { .. } => self.comprehension(e)?,
            ExprKind::Yield { value } => self.yield_expr(*value)?,
            ExprKind::YieldFrom { value } => self.yield_from_expr(value)?,
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compare(left, ops, comparators)?,
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(func, args, keywords)?,
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.expr(value)?;
                let mut arg = match *conversion {
                    c if c == 's' as i32 => 1,
                    c if c == 'r' as i32 => 2,
                    c if c == 'a' as i32 => 3,
                    _ => 0,
                };
                if let Some(spec) = format_spec {
                    self.expr(spec)?;
                    arg |= 4;
                }
                self.emit(FORMAT_VALUE, arg);
            }
            ExprKind::JoinedStr { values } => {
                if values.len() > STACK_USE_GUIDELINE {
                    self.load_const(Constant::Str("".into()));
                    self.emit_name(LOAD_METHOD, "join");
                    self.emit(BUILD_LIST, 0);
                    for v in values.iter() {
                        self.expr(v)?;
                        self.emit(LIST_APPEND, 1);
                    }
                    self.emit(CALL, 1);
                } else {
                    for v in values.iter() {
                        self.expr(v)?;
                    }
                    if values.len() != 1 {
                        self.emit(BUILD_STRING, values.len() as u32);
                    }
                }
            }
            ExprKind::Constant(c) => self.load_const(fold::literal(c)),
            ExprKind::Attribute { value, attr, ctx } => {
                self.expr(value)?;
                self.update_start_location_to_match_attr(e);
                match ctx.get() {
                    ExprContext::Load => self.emit_name(LOAD_ATTR, attr),
                    ExprContext::Store => {
                        self.check_forbidden(attr, ExprContext::Store)?;
                        self.emit_name(STORE_ATTR, attr);
                    }
                    ExprContext::Del => self.emit_name(DELETE_ATTR, attr),
                }
            }
            ExprKind::Subscript { value, slice, ctx } => {
                if ctx.get() == ExprContext::Load {
                    self.check_subscript(value, slice);
                }
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(
                    match ctx.get() {
                        ExprContext::Load => BINARY_SUBSCR,
                        ExprContext::Store => STORE_SUBSCR,
                        ExprContext::Del => DELETE_SUBSCR,
                    },
                    0,
                );
            }
            ExprKind::Starred { ctx, .. } => {
                return Err(self.error(if ctx.get() == ExprContext::Store {
                    "starred assignment target must be in a list or tuple"
                } else {
                    "can't use starred expression here"
                }));
            }
            ExprKind::Slice { lower, upper, step } => {
                let mut n = 2;
                match lower {
                    Some(l) => self.expr(l)?,
                    None => self.load_const(Constant::None),
                }
                match upper {
                    Some(u) => self.expr(u)?,
                    None => self.load_const(Constant::None),
                }
                if let Some(s) = step {
                    n += 1;
                    self.expr(s)?;
                }
                self.emit(BUILD_SLICE, n);
            }
            ExprKind::Name { id, ctx } => self.nameop(id, ctx.get())?,
        }
        Ok(())
    }

    /// `'fmt' % (a, b)` with simple `%s`/`%r`/`%a` units, compiled as the
    /// f-string CPython's AST optimizer makes of it; false if it does not
    /// qualify.
    fn percent_format(&mut self, left: &'a Expr<'a>, right: &'a Expr<'a>) -> Result<bool> {
        let ExprKind::Tuple { elts, .. } = &right.kind else {
            return Ok(false);
        };
        if elts.iter().any(|e| is_starred(e)) || self.is_const(right) {
            return Ok(false);
        }
        let Some(Constant::Str(fmt)) = self.const_value(left) else {
            return Ok(false);
        };
        let Some(parts) = fold::format_parts(&fmt, elts.len()) else {
            return Ok(false);
        };
        use Opcode::*;
        let big = parts.len() > STACK_USE_GUIDELINE;
        if big {
            self.load_const(Constant::Str("".into()));
            self.emit_name(LOAD_METHOD, "join");
            self.emit(BUILD_LIST, 0);
        }
        let saved = self.ur().loc;
        for part in &parts {
            match part {
                fold::FormatPart::Literal(text) => {
                    self.unset_loc();
                    self.load_const(Constant::Str(text.as_str().into()));
                }
                fold::FormatPart::Value {
                    index,
                    conversion,
                    spec,
                } => {
                    let arg = elts[*index];
                    self.set_loc(arg.span);
                    self.expr(arg)?;
                    let mut oparg = match conversion {
                        's' => 1,
                        'r' => 2,
                        _ => 3,
                    };
                    if let Some(spec) = spec {
                        self.unset_loc();
                        self.load_const(Constant::Str(spec.as_str().into()));
                        self.set_loc(arg.span);
                        oparg |= 4;
                    }
                    self.emit(FORMAT_VALUE, oparg);
                }
            }
            if big {
                self.u().loc = saved;
                self.emit(LIST_APPEND, 1);
            }
        }
        self.u().loc = saved;
        if big {
            self.emit(CALL, 1);
        } else if parts.len() != 1 {
            self.emit(BUILD_STRING, parts.len() as u32);
        }
        Ok(true)
    }

    /// `update_start_location_to_match_attr`: an attribute access spanning
    /// lines is located at the attribute name.
    pub(super) fn update_start_location_to_match_attr(&mut self, attr: &Expr<'_>) {
        let ExprKind::Attribute { attr: name, .. } = &attr.kind else {
            return;
        };
        let end_line = attr.span.end.line;
        let end_col = attr.span.end.col;
        let u = self.u();
        if u.loc.line != end_line {
            u.loc.line = end_line;
            let len = name.chars().count() as u32;
            if len <= end_col {
                u.loc.col = end_col - len;
            } else {
                u.loc.col = 0;
                u.loc.end_col = 0;
            }
            u.loc.end_line = u.loc.end_line.max(u.loc.line);
            if u.loc.line == u.loc.end_line {
                u.loc.end_col = u.loc.end_col.max(u.loc.col);
            }
        }
    }

    /// `compiler_boolop`.
    fn boolop(&mut self, op: BoolOp, values: &'a [&'a Expr<'a>]) -> Result<()> {
        let jump = if op == BoolOp::And {
            Opcode::JUMP_IF_FALSE_OR_POP
        } else {
            Opcode::JUMP_IF_TRUE_OR_POP
        };
        let end = self.new_block();
        let (last, init) = values.split_last().expect("a BoolOp has values");
        for v in init {
            self.expr(v)?;
            self.emit_jump(jump, end);
            let next = self.new_block();
            self.use_block(next);
        }
        self.expr(last)?;
        self.use_block(end);
        Ok(())
    }

    /// The comparison instruction for `op` (`compiler_addcompare`).
    pub(super) fn add_compare(&mut self, op: CmpOp) {
        use Opcode::*;
        let (opcode, arg) = match op {
            CmpOp::Eq => (COMPARE_OP, CompareOp::Eq as u32),
            CmpOp::NotEq => (COMPARE_OP, CompareOp::Ne as u32),
            CmpOp::Lt => (COMPARE_OP, CompareOp::Lt as u32),
            CmpOp::LtE => (COMPARE_OP, CompareOp::Le as u32),
            CmpOp::Gt => (COMPARE_OP, CompareOp::Gt as u32),
            CmpOp::GtE => (COMPARE_OP, CompareOp::Ge as u32),
            CmpOp::Is => (IS_OP, 0),
            CmpOp::IsNot => (IS_OP, 1),
            CmpOp::In => (CONTAINS_OP, 0),
            CmpOp::NotIn => (CONTAINS_OP, 1),
        };
        self.emit(opcode, arg);
    }

    /// A comparator: the last one of `in`/`not in` gets `fold_iter`.
    pub(super) fn comparator(
        &mut self,
        ops: &[CmpOp],
        comparators: &'a [&'a Expr<'a>],
        i: usize,
    ) -> Result<()> {
        let e = comparators[i];
        if i == ops.len() - 1 && matches!(ops[i], CmpOp::In | CmpOp::NotIn) {
            return self.iter_expr(e);
        }
        self.expr(e)
    }

    /// An iterable position (`fold_iter`): a list display is built as a
    /// tuple, a constant list or set is loaded as a tuple or frozenset.
    pub(super) fn iter_expr(&mut self, e: &'a Expr<'a>) -> Result<()> {
        match &e.kind {
            ExprKind::List { elts, .. } if !elts.iter().any(|x| is_starred(x)) => {
                let saved = self.ur().loc;
                self.set_loc(e.span);
                let r = match self.iter_const(e) {
                    Some(c) => {
                        self.load_const(c);
                        Ok(())
                    }
                    None => self.starunpack(elts, 0, Display::Tuple),
                };
                self.u().loc = saved;
                r
            }
            ExprKind::Set { .. } => match self.iter_const(e) {
                Some(c) => {
                    let saved = self.ur().loc;
                    self.set_loc(e.span);
                    self.load_const(c);
                    self.u().loc = saved;
                    Ok(())
                }
                None => self.expr(e),
            },
            _ => self.expr(e),
        }
    }

    /// `compiler_compare`.
    fn compare(
        &mut self,
        left: &'a Expr<'a>,
        ops: &'a [CmpOp],
        comparators: &'a [&'a Expr<'a>],
    ) -> Result<()> {
        use Opcode::*;
        self.check_compare(left, ops, comparators);
        self.expr(left)?;
        let n = ops.len() - 1;
        if n == 0 {
            self.comparator(ops, comparators, 0)?;
            self.add_compare(ops[0]);
            return Ok(());
        }
        let cleanup = self.new_block();
        for i in 0..n {
            self.comparator(ops, comparators, i)?;
            self.emit(SWAP, 2);
            self.emit(COPY, 2);
            self.add_compare(ops[i]);
            self.emit_jump(JUMP_IF_FALSE_OR_POP, cleanup);
        }
        self.comparator(ops, comparators, n)?;
        self.add_compare(ops[n]);
        let end = self.new_block();
        self.emit_jump_noline(JUMP, end);
        self.use_block(cleanup);
        self.emit(SWAP, 2);
        self.emit(POP_TOP, 0);
        self.use_block(end);
        Ok(())
    }

    /// `starunpack_helper`: a list, tuple or set display (or the positional
    /// arguments of a `*` call, `pushed` items already on the stack).
    pub(super) fn starunpack(
        &mut self,
        elts: &'a [&'a Expr<'a>],
        pushed: u32,
        kind: Display,
    ) -> Result<()> {
        use Opcode::*;
        let (build, add, extend) = match kind {
            Display::List | Display::Tuple => (BUILD_LIST, LIST_APPEND, LIST_EXTEND),
            Display::Set => (BUILD_SET, SET_ADD, SET_UPDATE),
        };
        let tuple = kind == Display::Tuple;
        let n = elts.len();
        if n > 2 {
            let mut items = Vec::with_capacity(n);
            for el in elts.iter() {
                match self.const_value(el) {
                    Some(c) => items.push(c),
                    None => break,
                }
            }
            if items.len() == n {
                if tuple && pushed == 0 {
                    self.load_const(Constant::Tuple(items.into_boxed_slice()));
                } else {
                    let folded = if kind == Display::Set {
                        fold::frozenset(items)
                    } else {
                        Constant::Tuple(items.into_boxed_slice())
                    };
                    self.emit(build, pushed);
                    self.load_const(folded);
                    self.emit(extend, 1);
                    if tuple {
                        self.emit(LIST_TO_TUPLE, 0);
                    }
                }
                return Ok(());
            }
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(|e| is_starred(e));
        if !seen_star && !big {
            for el in elts.iter() {
                self.expr(el)?;
            }
            let count = n as u32 + pushed;
            self.emit(if tuple { BUILD_TUPLE } else { build }, count);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build, pushed);
            built = true;
        }
        for (i, el) in elts.iter().enumerate() {
            if let ExprKind::Starred { value, .. } = &el.kind {
                if !built {
                    self.emit(build, i as u32 + pushed);
                    built = true;
                }
                self.expr(value)?;
                self.emit(extend, 1);
            } else {
                self.expr(el)?;
                if built {
                    self.emit(add, 1);
                }
            }
        }
        if tuple {
            self.emit(LIST_TO_TUPLE, 0);
        }
        Ok(())
    }

    /// `compiler_subdict`: keys and values `begin..end` as one dict.
    fn subdict(
        &mut self,
        keys: &'a [Option<&'a Expr<'a>>],
        values: &'a [&'a Expr<'a>],
        begin: usize,
        end: usize,
    ) -> Result<()> {
        use Opcode::*;
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            let mut consts = Vec::with_capacity(n);
            for k in &keys[begin..end] {
                match k.and_then(|k| self.const_value(k)) {
                    Some(c) => consts.push(c),
                    None => break,
                }
            }
            if consts.len() == n {
                for v in &values[begin..end] {
                    self.expr(v)?;
                }
                self.load_const(Constant::Tuple(consts.into_boxed_slice()));
                self.emit(BUILD_CONST_KEY_MAP, n as u32);
                return Ok(());
            }
        }
        if big {
            self.emit(BUILD_MAP, 0);
        }
        for i in begin..end {
            if let Some(k) = keys[i] {
                self.expr(k)?;
            }
            self.expr(values[i])?;
            if big {
                self.emit(MAP_ADD, 1);
            }
        }
        if !big {
            self.emit(BUILD_MAP, n as u32);
        }
        Ok(())
    }

    /// `compiler_dict`.
    fn dict(&mut self, keys: &'a [Option<&'a Expr<'a>>], values: &'a [&'a Expr<'a>]) -> Result<()> {
        use Opcode::*;
        let n = values.len();
        let mut have_dict = false;
        let mut elements = 0usize;
        for i in 0..n {
            if keys[i].is_none() {
                if elements > 0 {
                    self.subdict(keys, values, i - elements, i)?;
                    if have_dict {
                        self.emit(DICT_UPDATE, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(BUILD_MAP, 0);
                    have_dict = true;
                }
                self.expr(values[i])?;
                self.emit(DICT_UPDATE, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(keys, values, i - elements, i + 1)?;
                if have_dict {
                    self.emit(DICT_UPDATE, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(keys, values, n - elements, n)?;
            if have_dict {
                self.emit(DICT_UPDATE, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(BUILD_MAP, 0);
        }
        Ok(())
    }
}

/// Whether `e` is a `*value`.
pub(super) fn is_starred(e: &Expr<'_>) -> bool {
    matches!(e.kind, ExprKind::Starred { .. })
}
