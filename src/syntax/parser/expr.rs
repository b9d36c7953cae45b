//! Expressions: precedence climbing from `star_expressions` down to atoms,
//! with calls, subscripts, slices, displays, comprehensions and lambdas.

use std::cell::Cell;

use super::super::ast::{
    Arg, Arguments, BoolOp, CmpOp, Comprehension, Constant, Expr, ExprContext, ExprKind, Keyword,
    Operator, Span, UnaryOp,
};
use super::super::error::RawError;
use super::super::token::{is_keyword, Pos, TokenKind};
use super::{PResult, Parser};

const LOAD: ExprContext = ExprContext::Load;

/// Binary operator levels, loosest first: `|`, `^`, `&`, shifts, sums, terms.
const BINARY_LEVELS: &[&[(&str, Operator)]] = &[
    &[("|", Operator::BitOr)],
    &[("^", Operator::BitXor)],
    &[("&", Operator::BitAnd)],
    &[("<<", Operator::LShift), (">>", Operator::RShift)],
    &[("+", Operator::Add), ("-", Operator::Sub)],
    &[
        ("*", Operator::Mult),
        ("/", Operator::Div),
        ("//", Operator::FloorDiv),
        ("%", Operator::Mod),
        ("@", Operator::MatMult),
    ],
];

/// True for tokens that may start an expression.
pub(crate) fn starts_expression(p: &Parser<'_, '_>) -> bool {
    let t = p.tok();
    match t.kind {
        TokenKind::Number | TokenKind::String => true,
        TokenKind::Name => {
            !is_keyword(t.text)
                || matches!(
                    t.text,
                    "None" | "True" | "False" | "not" | "lambda" | "await"
                )
        }
        TokenKind::Op => matches!(t.text, "(" | "[" | "{" | "-" | "+" | "~" | "..." | "*"),
        _ => false,
    }
}

impl<'a, 'src> Parser<'a, 'src> {
    /// `star_expressions`: a tuple when there is a comma.
    pub fn star_expressions(&mut self) -> PResult<&'a Expr<'a>> {
        let start = self.start();
        let first = self.star_expression()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if !starts_expression(self) {
                break;
            }
            elts.push(self.star_expression()?);
        }
        Ok(self.tuple(elts, start))
    }

    fn tuple(&self, elts: Vec<&'a Expr<'a>>, start: Pos) -> &'a Expr<'a> {
        self.expr(
            ExprKind::Tuple {
                elts: self.slice(elts),
                ctx: Cell::new(LOAD),
            },
            self.span_from(start),
        )
    }

    /// `star_expression`: `*bitwise_or` or an expression.
    pub fn star_expression(&mut self) -> PResult<&'a Expr<'a>> {
        if self.at_op("*") {
            let start = self.start();
            self.advance();
            let value = self.bitwise_or()?;
            return Ok(self.expr(
                ExprKind::Starred {
                    value,
                    ctx: Cell::new(LOAD),
                },
                self.span_from(start),
            ));
        }
        self.expression()
    }

    /// `star_named_expression`: `*bitwise_or` or a named expression.
    pub fn star_named_expression(&mut self) -> PResult<&'a Expr<'a>> {
        if self.at_op("*") {
            return self.star_expression();
        }
        self.named_expression()
    }

    /// `named_expression`: `NAME := expression` or an expression.
    pub fn named_expression(&mut self) -> PResult<&'a Expr<'a>> {
        let t = self.tok();
        if t.kind == TokenKind::Name && !is_keyword(t.text) && self.peek(1).is_op(":=") {
            let start = self.start();
            self.advance();
            let target = self.expr(
                ExprKind::Name {
                    id: self.name(t.text),
                    ctx: Cell::new(ExprContext::Store),
                },
                Span {
                    start: t.start,
                    end: t.end,
                },
            );
            self.advance();
            let value = self.expression()?;
            return Ok(self.expr(ExprKind::NamedExpr { target, value }, self.span_from(start)));
        }
        let e = self.expression()?;
        if self.at_op(":=") {
            return Err(self.error_span(
                format!(
                    "cannot use assignment expressions with {}",
                    super::target::expr_name(e)
                ),
                e.span,
            ));
        }
        Ok(e)
    }

    /// `expression`: conditional expressions and lambdas.
    pub fn expression(&mut self) -> PResult<&'a Expr<'a>> {
        self.enter()?;
        let r = self.expression_inner();
        self.leave();
        r
    }

    fn expression_inner(&mut self) -> PResult<&'a Expr<'a>> {
        if self.at_kw("lambda") {
            return self.lambda();
        }
        let start = self.start();
        let body = self.disjunction()?;
        if self.at_kw("if") {
            self.advance();
            let test = self.disjunction()?;
            if !self.eat_kw("else") {
                return Err(self.error_span(
                    "expected 'else' after 'if' expression",
                    self.span_from(start),
                ));
            }
            let orelse = self.expression()?;
            return Ok(self.expr(
                ExprKind::IfExp { test, body, orelse },
                self.span_from(start),
            ));
        }
        Ok(body)
    }

    /// An expression without conditional or lambda (`disjunction`).
    pub fn disjunction(&mut self) -> PResult<&'a Expr<'a>> {
        self.bool_level(BoolOp::Or)
    }

    fn bool_level(&mut self, op: BoolOp) -> PResult<&'a Expr<'a>> {
        let (kw, next) = match op {
            BoolOp::Or => ("or", Some(BoolOp::And)),
            BoolOp::And => ("and", None),
        };
        let start = self.start();
        let first = match next {
            Some(n) => self.bool_level(n)?,
            None => self.inversion()?,
        };
        if !self.at_kw(kw) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat_kw(kw) {
            values.push(match next {
                Some(n) => self.bool_level(n)?,
                None => self.inversion()?,
            });
        }
        Ok(self.expr(
            ExprKind::BoolOp {
                op,
                values: self.slice(values),
            },
            self.span_from(start),
        ))
    }

    fn inversion(&mut self) -> PResult<&'a Expr<'a>> {
        let mut nots = Vec::new();
        while self.at_kw("not") {
            nots.push(self.start());
            self.advance();
        }
        let mut e = self.comparison()?;
        for start in nots.into_iter().rev() {
            e = self.expr(
                ExprKind::UnaryOp {
                    op: UnaryOp::Not,
                    operand: e,
                },
                self.span_from(start),
            );
        }
        Ok(e)
    }

    fn compare_op(&mut self) -> Option<CmpOp> {
        let t = self.tok();
        let op = match (t.kind, t.text) {
            (TokenKind::Op, "==") => CmpOp::Eq,
            (TokenKind::Op, "!=") => CmpOp::NotEq,
            (TokenKind::Op, "<") => CmpOp::Lt,
            (TokenKind::Op, "<=") => CmpOp::LtE,
            (TokenKind::Op, ">") => CmpOp::Gt,
            (TokenKind::Op, ">=") => CmpOp::GtE,
            (TokenKind::Name, "in") => CmpOp::In,
            (TokenKind::Name, "not") if self.peek(1).is_name("in") => {
                self.advance();
                CmpOp::NotIn
            }
            (TokenKind::Name, "is") => {
                if self.peek(1).is_name("not") {
                    self.advance();
                    CmpOp::IsNot
                } else {
                    CmpOp::Is
                }
            }
            _ => return None,
        };
        self.advance();
        Some(op)
    }

    fn comparison(&mut self) -> PResult<&'a Expr<'a>> {
        let start = self.start();
        let left = self.bitwise_or()?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        while let Some(op) = self.compare_op() {
            ops.push(op);
            comparators.push(self.bitwise_or()?);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        Ok(self.expr(
            ExprKind::Compare {
                left,
                ops: self.slice(ops),
                comparators: self.slice(comparators),
            },
            self.span_from(start),
        ))
    }

    /// `bitwise_or`: the binary operators, by precedence climbing.
    pub fn bitwise_or(&mut self) -> PResult<&'a Expr<'a>> {
        self.binary(0)
    }

    fn binary(&mut self, level: usize) -> PResult<&'a Expr<'a>> {
        let Some(ops) = BINARY_LEVELS.get(level) else {
            return self.factor();
        };
        let start = self.start();
        let mut left = self.binary(level + 1)?;
        loop {
            let t = self.tok();
            let Some(&(_, op)) = ops.iter().find(|(s, _)| t.is_op(s)) else {
                return Ok(left);
            };
            if self.at_postfix_step() {
                // `x++` / `x--` (pyrite's extension): only a statement may
                // end with it; `expression_statement` takes it from here.
                if self.postfix_ends_statement() {
                    return Ok(left);
                }
                return Err(self.postfix_misplaced());
            }
            self.advance();
            let right = self.binary(level + 1)?;
            left = self.expr(ExprKind::BinOp { left, op, right }, self.span_from(start));
        }
    }

    /// Whether the parser is at the `++` or `--` of the course's postfix
    /// step extension (`i++`): two adjacent `+` (or `-`) tokens followed by
    /// a token no unary operand can start with. In valid Python a unary
    /// `+`/`-` always has an operand, so this never takes a valid program
    /// (`a ++b`, `a--b`, `i++ + 1` keep their meaning).
    pub(crate) fn at_postfix_step(&self) -> bool {
        let (first, second) = (self.tok(), self.peek(1));
        let op = first.text;
        if !(first.is_op("+") || first.is_op("-")) || !second.is_op(op) || second.start != first.end
        {
            return false;
        }
        let after = self.peek(2);
        let operand = match after.kind {
            TokenKind::Number | TokenKind::String => true,
            TokenKind::Name => {
                !is_keyword(after.text) || matches!(after.text, "None" | "True" | "False" | "await")
            }
            TokenKind::Op => matches!(after.text, "(" | "[" | "{" | "-" | "+" | "~" | "..."),
            _ => false,
        };
        !operand
    }

    /// Whether the `++`/`--` the parser is at ends the statement (NEWLINE,
    /// `;` or the end of input follows).
    pub(crate) fn postfix_ends_statement(&self) -> bool {
        let after = self.peek(2);
        matches!(after.kind, TokenKind::Newline | TokenKind::EndMarker) || after.is_op(";")
    }

    /// The error for a `++`/`--` used inside an expression, over the two
    /// characters.
    pub(crate) fn postfix_misplaced(&self) -> RawError {
        let (first, second) = (self.tok(), self.peek(1));
        RawError::syntax(
            format!(
                "'{}{}' is only allowed as a statement",
                first.text, second.text
            ),
            first.start,
            Some(second.end),
        )
    }

    /// `factor`: unary `+`, `-`, `~` over a power.
    fn factor(&mut self) -> PResult<&'a Expr<'a>> {
        let mut ops = Vec::new();
        loop {
            let t = self.tok();
            let op = match t.text {
                "+" if t.kind == TokenKind::Op => UnaryOp::UAdd,
                "-" if t.kind == TokenKind::Op => UnaryOp::USub,
                "~" if t.kind == TokenKind::Op => UnaryOp::Invert,
                _ => break,
            };
            ops.push((op, t.start));
            self.advance();
        }
        let mut e = self.power()?;
        for (op, start) in ops.into_iter().rev() {
            e = self.expr(ExprKind::UnaryOp { op, operand: e }, self.span_from(start));
        }
        Ok(e)
    }

    fn power(&mut self) -> PResult<&'a Expr<'a>> {
        let start = self.start();
        let left = self.primary()?;
        if !self.eat_op("**") {
            return Ok(left);
        }
        self.enter()?;
        let right = self.factor();
        self.leave();
        Ok(self.expr(
            ExprKind::BinOp {
                left,
                op: Operator::Pow,
                right: right?,
            },
            self.span_from(start),
        ))
    }

    /// `primary`: an atom followed by attribute, call and subscript trailers.
    pub fn primary(&mut self) -> PResult<&'a Expr<'a>> {
        let start = self.start();
        let mut e = self.atom()?;
        loop {
            if self.eat_op(".") {
                let t = self.tok();
                if t.kind != TokenKind::Name || is_keyword(t.text) {
                    return Err(self.invalid());
                }
                self.advance();
                e = self.expr(
                    ExprKind::Attribute {
                        value: e,
                        attr: self.name(t.text),
                        ctx: Cell::new(LOAD),
                    },
                    self.span_from(start),
                );
            } else if self.at_op("(") {
                e = self.call(e, start)?;
            } else if self.at_op("[") {
                self.advance();
                let slice = self.slices()?;
                self.expect_op("]")?;
                e = self.expr(
                    ExprKind::Subscript {
                        value: e,
                        slice,
                        ctx: Cell::new(LOAD),
                    },
                    self.span_from(start),
                );
            } else {
                return Ok(e);
            }
        }
    }

    fn slices(&mut self) -> PResult<&'a Expr<'a>> {
        let start = self.start();
        let first = self.slice_item()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.at_op("]") {
                break;
            }
            elts.push(self.slice_item()?);
        }
        Ok(self.tuple(elts, start))
    }

    fn slice_item(&mut self) -> PResult<&'a Expr<'a>> {
        let start = self.start();
        if self.at_op("*") {
            return self.star_expression();
        }
        let lower = if self.at_op(":") {
            None
        } else {
            let e = self.named_expression()?;
            if !self.at_op(":") {
                return Ok(e);
            }
            Some(e)
        };
        self.expect_op(":")?;
        let upper = if self.at_op(":") || self.at_op(",") || self.at_op("]") {
            None
        } else {
            Some(self.expression()?)
        };
        let step = if self.eat_op(":") {
            if self.at_op(",") || self.at_op("]") {
                None
            } else {
                Some(self.expression()?)
            }
        } else {
            None
        };
        Ok(self.expr(
            ExprKind::Slice { lower, upper, step },
            self.span_from(start),
        ))
    }

    pub fn call(&mut self, func: &'a Expr<'a>, start: Pos) -> PResult<&'a Expr<'a>> {
        let open = self.start();
        self.advance();
        let mut args = Vec::new();
        let mut keywords: Vec<Keyword<'a>> = Vec::new();
        let mut seen_kwargs = false;
        while !self.at_op(")") {
            let arg_start = self.start();
            let t = self.tok();
            if self.eat_op("**") {
                let value = self.expression()?;
                keywords.push(Keyword {
                    arg: None,
                    value,
                    span: self.span_from(arg_start),
                });
                seen_kwargs = true;
            } else if self.at_op("*") {
                let e = self.star_expression()?;
                if seen_kwargs {
                    return Err(self.error_span(
                        "iterable argument unpacking follows keyword argument unpacking",
                        e.span,
                    ));
                }
                args.push(e);
            } else if t.kind == TokenKind::Name && self.peek(1).is_op("=") {
                if is_keyword(t.text) {
                    return Err(self.invalid());
                }
                self.advance();
                self.advance();
                let value = self.expression()?;
                keywords.push(Keyword {
                    arg: Some(self.name(t.text)),
                    value,
                    span: self.span_from(arg_start),
                });
            } else {
                let e = self.named_expression()?;
                if self.at_kw("for") {
                    let gen = self.comprehension_tail(e, arg_start, "gen")?;
                    let sole = args.is_empty() && keywords.is_empty() && self.at_op(")");
                    if sole {
                        self.advance();
                        let g = match gen.kind {
                            ExprKind::GeneratorExp { elt, generators } => {
                                ExprKind::GeneratorExp { elt, generators }
                            }
                            _ => return Err(self.invalid()),
                        };
                        let g = self.expr(g, self.span_from(open));
                        return Ok(self.expr(
                            ExprKind::Call {
                                func,
                                args: self.slice(vec![g]),
                                keywords: self.slice(Vec::new()),
                            },
                            self.span_from(start),
                        ));
                    }
                    return Err(
                        self.error_span("Generator expression must be parenthesized", gen.span)
                    );
                }
                if self.at_op("=") {
                    return Err(self.error_span(
                        "expression cannot contain assignment, perhaps you meant \"==\"?",
                        Span {
                            start: e.span.start,
                            end: self.tok().end,
                        },
                    ));
                }
                if !keywords.is_empty() {
                    let msg = if seen_kwargs {
                        "positional argument follows keyword argument unpacking"
                    } else {
                        "positional argument follows keyword argument"
                    };
                    let t = self.tok();
                    return Err(RawError::syntax(msg, t.start, Some(t.end)));
                }
                args.push(e);
            }
            if !self.eat_op(",") {
                break;
            }
        }
        if !self.at_op(")") {
            return Err(self.invalid_or_comma());
        }
        self.advance();
        Ok(self.expr(
            ExprKind::Call {
                func,
                args: self.slice(args),
                keywords: self.slice(keywords),
            },
            self.span_from(start),
        ))
    }

    /// Inside brackets, two expressions side by side are "Perhaps you
    /// forgot a comma?"; anything else is "invalid syntax".
    pub fn invalid_or_comma(&mut self) -> RawError {
        let prev = self.pos.checked_sub(1).map(|i| self.tokens[i]);
        if starts_expression(self) && !self.at_op("*") {
            // Re-parse from the expression before the gap to find its span.
            if let Some(prev) = prev {
                if !matches!(prev.text, "," | "(" | "[" | "{" | ":" | "=")
                    && !matches!(self.tok().kind, TokenKind::String)
                {
                    let save = self.pos;
                    let end_pos = self.prev_end;
                    let next = self.expression();
                    let end = self.prev_end;
                    self.pos = save;
                    self.prev_end = end_pos;
                    if next.is_ok() {
                        if let Some(start) = self.last_expression_start() {
                            return RawError::syntax(
                                "invalid syntax. Perhaps you forgot a comma?",
                                start,
                                Some(end),
                            );
                        }
                    }
                }
            }
        }
        self.invalid()
    }

    /// The start of the innermost bracketed item that ends just before the
    /// current token (for the "forgot a comma" range).
    fn last_expression_start(&self) -> Option<Pos> {
        let mut depth = 0i32;
        let mut i = self.pos;
        while i > 0 {
            i -= 1;
            let t = self.tokens[i];
            if t.kind == TokenKind::Op {
                match t.text {
                    ")" | "]" | "}" => depth += 1,
                    "(" | "[" | "{" => {
                        if depth == 0 {
                            return Some(self.tokens[i + 1].start);
                        }
                        depth -= 1;
                    }
                    "," | ":" | "=" if depth == 0 => return Some(self.tokens[i + 1].start),
                    _ => {}
                }
            }
        }
        None
    }

    /// `for` clauses after `elt`; `kind` is "gen", "list", "set".
    pub fn comprehension_tail(
        &mut self,
        elt: &'a Expr<'a>,
        start: Pos,
        kind: &str,
    ) -> PResult<&'a Expr<'a>> {
        let generators = self.generators()?;
        let k = match kind {
            "list" => ExprKind::ListComp { elt, generators },
            "set" => ExprKind::SetComp { elt, generators },
            _ => ExprKind::GeneratorExp { elt, generators },
        };
        Ok(self.expr(k, self.span_from(start)))
    }

    fn generators(&mut self) -> PResult<&'a [Comprehension<'a>]> {
        let mut gens = Vec::new();
        while self.eat_kw("for") {
            let target = self.target_list("in")?;
            if !self.eat_kw("in") {
                return Err(self.invalid());
            }
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat_kw("if") {
                ifs.push(self.disjunction()?);
            }
            gens.push(Comprehension {
                target,
                iter,
                ifs: self.slice(ifs),
            });
        }
        Ok(self.slice(gens))
    }

    /// A `for` target list (`star_targets`), validated and set to Store.
    pub fn target_list(&mut self, stop_kw: &str) -> PResult<&'a Expr<'a>> {
        let start = self.start();
        let first = self.star_target_item()?;
        let e = if self.at_op(",") {
            let mut elts = vec![first];
            while self.eat_op(",") {
                if self.at_kw(stop_kw) || self.at_op("=") {
                    break;
                }
                elts.push(self.star_target_item()?);
            }
            self.tuple(elts, start)
        } else {
            first
        };
        self.check_target(e, super::target::TargetKind::Store)?;
        Ok(e)
    }

    fn star_target_item(&mut self) -> PResult<&'a Expr<'a>> {
        if self.at_op("*") {
            let start = self.start();
            self.advance();
            let value = self.star_target_item()?;
            return Ok(self.expr(
                ExprKind::Starred {
                    value,
                    ctx: Cell::new(LOAD),
                },
                self.span_from(start),
            ));
        }
        self.bitwise_or()
    }

    fn lambda(&mut self) -> PResult<&'a Expr<'a>> {
        let start = self.start();
        self.advance();
        let args = self.parameters(":", false)?;
        self.expect_colon_lambda()?;
        let body = self.expression()?;
        Ok(self.expr(ExprKind::Lambda { args, body }, self.span_from(start)))
    }

    fn expect_colon_lambda(&mut self) -> PResult<()> {
        if self.eat_op(":") {
            Ok(())
        } else {
            Err(self.invalid())
        }
    }

    /// A parameter list up to `close` (`)` for def, `:` for lambda).
    pub fn parameters(&mut self, close: &str, annotations: bool) -> PResult<&'a Arguments<'a>> {
        let mut posonly = Vec::new();
        let mut args: Vec<Arg<'a>> = Vec::new();
        let mut defaults = Vec::new();
        let mut vararg = None;
        let mut kwonly = Vec::new();
        let mut kw_defaults = Vec::new();
        let mut kwarg = None;
        let mut star_seen = false;
        while !self.at_op(close) {
            if kwarg.is_some() {
                return Err(self.error_at_tok("arguments cannot follow var-keyword argument"));
            }
            if self.eat_op("/") {
                if star_seen || !posonly.is_empty() || args.is_empty() {
                    let msg = if star_seen {
                        "/ must be ahead of *"
                    } else if !posonly.is_empty() {
                        "/ may appear only once"
                    } else {
                        "at least one argument must precede /"
                    };
                    let t = self.tokens[self.pos - 1];
                    return Err(RawError::syntax(msg, t.start, Some(t.end)));
                }
                posonly = std::mem::take(&mut args);
            } else if self.at_op("*") {
                let t = self.advance();
                if star_seen {
                    return Err(RawError::syntax(
                        "* argument may appear only once",
                        t.start,
                        Some(t.end),
                    ));
                }
                star_seen = true;
                if self.at_op(",") || self.at_op(close) {
                    if self.at_op(close) || self.peek(1).is_op(close) {
                        return Err(RawError::syntax(
                            "named arguments must follow bare *",
                            t.start,
                            Some(t.end),
                        ));
                    }
                } else {
                    vararg = Some(&*self.arena.alloc(self.param(annotations)?));
                }
            } else if self.eat_op("**") {
                kwarg = Some(&*self.arena.alloc(self.param(annotations)?));
            } else {
                let a = self.param(annotations)?;
                let default = if self.eat_op("=") {
                    Some(self.expression()?)
                } else {
                    None
                };
                if star_seen {
                    kwonly.push(a);
                    kw_defaults.push(default);
                } else {
                    match default {
                        Some(d) => defaults.push(d),
                        None if !defaults.is_empty() => {
                            return Err(self.error_span(
                                "non-default argument follows default argument",
                                a.span,
                            ))
                        }
                        None => {}
                    }
                    args.push(a);
                }
            }
            if !self.eat_op(",") {
                break;
            }
        }
        if !self.at_op(close) {
            return Err(self.invalid());
        }
        Ok(self.arena.alloc(Arguments {
            posonlyargs: self.slice(posonly),
            args: self.slice(args),
            vararg,
            kwonlyargs: self.slice(kwonly),
            kw_defaults: self.slice(kw_defaults),
            kwarg,
            defaults: self.slice(defaults),
        }))
    }

    fn param(&mut self, annotations: bool) -> PResult<Arg<'a>> {
        let t = self.tok();
        if t.kind != TokenKind::Name || is_keyword(t.text) {
            return Err(self.invalid());
        }
        self.advance();
        let annotation = if annotations && self.eat_op(":") {
            Some(self.expression()?)
        } else {
            None
        };
        Ok(Arg {
            arg: self.name(t.text),
            annotation,
            span: self.span_from(t.start),
        })
    }

    /// `atom`: names, constants, strings, numbers, displays and groups.
    fn atom(&mut self) -> PResult<&'a Expr<'a>> {
        let t = self.tok();
        let span = Span {
            start: t.start,
            end: t.end,
        };
        match t.kind {
            TokenKind::Name => {
                let c = match t.text {
                    "None" => Constant::None,
                    "True" => Constant::True,
                    "False" => Constant::False,
                    _ if is_keyword(t.text) => return Err(self.invalid()),
                    _ => {
                        self.advance();
                        return Ok(self.expr(
                            ExprKind::Name {
                                id: self.name(t.text),
                                ctx: Cell::new(LOAD),
                            },
                            span,
                        ));
                    }
                };
                self.advance();
                Ok(self.expr(ExprKind::Constant(c), span))
            }
            TokenKind::Number => {
                self.advance();
                let c = self.number(t.text, span)?;
                Ok(self.expr(ExprKind::Constant(c), span))
            }
            TokenKind::String => self.strings(),
            TokenKind::Op => match t.text {
                "..." => {
                    self.advance();
                    Ok(self.expr(ExprKind::Constant(Constant::Ellipsis), span))
                }
                "(" => self.paren(),
                "[" => self.list(),
                "{" => self.brace(),
                _ => Err(self.invalid()),
            },
            _ => Err(self.invalid()),
        }
    }

    fn paren(&mut self) -> PResult<&'a Expr<'a>> {
        let start = self.start();
        self.advance();
        self.enter()?;
        let r = self.paren_inner(start);
        self.leave();
        r
    }

    fn paren_inner(&mut self, start: Pos) -> PResult<&'a Expr<'a>> {
        if self.eat_op(")") {
            return Ok(self.tuple(Vec::new(), start));
        }
        if self.at_kw("yield") {
            let e = self.yield_expr()?;
            self.expect_op(")")?;
            return Ok(e);
        }
        let first = self.star_named_expression()?;
        if self.at_kw("for") {
            let g = self.comprehension_tail(first, start, "gen")?;
            self.expect_op(")")?;
            let kind = match &g.kind {
                ExprKind::GeneratorExp { elt, generators } => {
                    ExprKind::GeneratorExp { elt, generators }
                }
                _ => return Err(self.invalid()),
            };
            return Ok(self.expr(kind, self.span_from(start)));
        }
        if self.eat_op(")") {
            if let ExprKind::Starred { .. } = first.kind {
                return Err(self.error_span("cannot use starred expression here", first.span));
            }
            return Ok(first);
        }
        if !self.at_op(",") {
            if self.at_op("=") {
                return Err(self.assign_in_expression(first));
            }
            return Err(self.invalid_or_comma());
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.at_op(")") {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        if !self.at_op(")") {
            if self.at_op("=") {
                let last = elts[elts.len() - 1];
                return Err(self.assign_in_expression(last));
            }
            return Err(self.invalid_or_comma());
        }
        self.advance();
        Ok(self.tuple(elts, start))
    }

    /// `x = y` where an expression was expected: CPython's
    /// `invalid_named_expression`.
    pub fn assign_in_expression(&self, e: &'a Expr<'a>) -> RawError {
        match e.kind {
            ExprKind::Name { .. } => {
                self.error_at_tok("invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
            }
            _ => self.error_span(
                format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    super::target::expr_name(e)
                ),
                e.span,
            ),
        }
    }

    fn list(&mut self) -> PResult<&'a Expr<'a>> {
        let start = self.start();
        self.advance();
        self.enter()?;
        let r = self.list_inner(start);
        self.leave();
        r
    }

    fn list_inner(&mut self, start: Pos) -> PResult<&'a Expr<'a>> {
        let mut elts = Vec::new();
        while !self.at_op("]") {
            let e = self.star_named_expression()?;
            if elts.is_empty() && self.at_kw("for") {
                let c = self.comprehension_tail(e, start, "list")?;
                self.expect_op("]")?;
                let kind = match &c.kind {
                    ExprKind::ListComp { elt, generators } => {
                        ExprKind::ListComp { elt, generators }
                    }
                    _ => return Err(self.invalid()),
                };
                return Ok(self.expr(kind, self.span_from(start)));
            }
            elts.push(e);
            if !self.eat_op(",") {
                break;
            }
        }
        if !self.at_op("]") {
            if self.at_op("=") {
                if let Some(last) = elts.last() {
                    return Err(self.assign_in_expression(last));
                }
            }
            return Err(self.invalid_or_comma());
        }
        self.advance();
        Ok(self.expr(
            ExprKind::List {
                elts: self.slice(elts),
                ctx: Cell::new(LOAD),
            },
            self.span_from(start),
        ))
    }

    fn brace(&mut self) -> PResult<&'a Expr<'a>> {
        let start = self.start();
        self.advance();
        self.enter()?;
        let r = self.brace_inner(start);
        self.leave();
        r
    }

    fn brace_inner(&mut self, start: Pos) -> PResult<&'a Expr<'a>> {
        if self.eat_op("}") {
            return Ok(self.expr(
                ExprKind::Dict {
                    keys: self.slice(Vec::new()),
                    values: self.slice(Vec::new()),
                },
                self.span_from(start),
            ));
        }
        // A dict when the first item is `**x` or `key: value`.
        let is_dict;
        let mut keys = Vec::new();
        let mut values = Vec::new();
        let mut elts = Vec::new();
        if self.eat_op("**") {
            keys.push(None);
            values.push(self.bitwise_or()?);
            is_dict = true;
        } else {
            let first = self.star_named_expression()?;
            if self.eat_op(":") {
                let value = self.expression()?;
                if self.at_kw("for") {
                    let generators = self.generators()?;
                    self.expect_op("}")?;
                    return Ok(self.expr(
                        ExprKind::DictComp {
                            key: first,
                            value,
                            generators,
                        },
                        self.span_from(start),
                    ));
                }
                keys.push(Some(first));
                values.push(value);
                is_dict = true;
            } else {
                if self.at_kw("for") {
                    let c = self.comprehension_tail(first, start, "set")?;
                    self.expect_op("}")?;
                    let kind = match &c.kind {
                        ExprKind::SetComp { elt, generators } => {
                            ExprKind::SetComp { elt, generators }
                        }
                        _ => return Err(self.invalid()),
                    };
                    return Ok(self.expr(kind, self.span_from(start)));
                }
                elts.push(first);
                is_dict = false;
            }
        }
        while self.eat_op(",") {
            if self.at_op("}") {
                break;
            }
            if is_dict {
                if self.eat_op("**") {
                    keys.push(None);
                    values.push(self.bitwise_or()?);
                } else {
                    keys.push(Some(self.expression()?));
                    if !self.eat_op(":") {
                        return Err(self.invalid_or_comma());
                    }
                    values.push(self.expression()?);
                }
            } else {
                elts.push(self.star_named_expression()?);
            }
        }
        if !self.at_op("}") {
            return Err(self.invalid_or_comma());
        }
        self.advance();
        let kind = if is_dict {
            ExprKind::Dict {
                keys: self.slice(keys),
                values: self.slice(values),
            }
        } else {
            ExprKind::Set {
                elts: self.slice(elts),
            }
        };
        Ok(self.expr(kind, self.span_from(start)))
    }

    /// `yield`, `yield from x`, `yield a, b`.
    pub fn yield_expr(&mut self) -> PResult<&'a Expr<'a>> {
        let start = self.start();
        self.advance();
        if self.eat_kw("from") {
            let value = self.expression()?;
            return Ok(self.expr(ExprKind::YieldFrom { value }, self.span_from(start)));
        }
        let value = if starts_expression(self) {
            Some(self.star_expressions()?)
        } else {
            None
        };
        Ok(self.expr(ExprKind::Yield { value }, self.span_from(start)))
    }
}
