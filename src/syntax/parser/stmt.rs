//! Statements: simple statements, compound statements with their blocks
//! (and CPython's "expected an indented block after ..." errors), decorators
//! and imports.

use super::super::ast::{
    Alias, Body, ExceptHandler, Expr, ExprKind, Keyword, Operator, Span, Stmt, StmtKind, WithItem,
};
use super::super::error::{ErrorLoc, RawError, SyntaxErrorKind};
use super::super::token::{is_keyword, Pos, TokenKind};
use super::expr::starts_expression;
use super::target::TargetKind;
use super::{PResult, Parser};

const AUG_OPS: &[(&str, Operator)] = &[
    ("+=", Operator::Add),
    ("-=", Operator::Sub),
    ("*=", Operator::Mult),
    ("@=", Operator::MatMult),
    ("/=", Operator::Div),
    ("%=", Operator::Mod),
    ("&=", Operator::BitAnd),
    ("|=", Operator::BitOr),
    ("^=", Operator::BitXor),
    ("<<=", Operator::LShift),
    (">>=", Operator::RShift),
    ("**=", Operator::Pow),
    ("//=", Operator::FloorDiv),
];

impl<'a> Parser<'a, '_> {
    fn stmt(&self, kind: StmtKind<'a>, start: Pos) -> &'a Stmt<'a> {
        self.arena.alloc(Stmt {
            kind,
            span: self.span_from(start),
        })
    }

    /// One statement (a compound one, or a line of simple ones) into `body`.
    pub fn statement(&mut self, body: &mut Vec<&'a Stmt<'a>>) -> PResult<()> {
        let t = self.tok();
        if t.kind == TokenKind::Name {
            let s = match t.text {
                "if" => Some(self.if_stmt()?),
                "while" => Some(self.while_stmt()?),
                "for" => Some(self.for_stmt()?),
                "try" => Some(self.try_stmt()?),
                "with" => Some(self.with_stmt()?),
                "def" => Some(self.def_stmt(Vec::new())?),
                "class" => Some(self.class_stmt(Vec::new())?),
                "until" => self.until_stmt()?,
                _ => None,
            };
            if let Some(s) = s {
                body.push(s);
                return Ok(());
            }
        }
        if t.is_op("@") {
            body.push(self.decorated()?);
            return Ok(());
        }
        self.simple_stmts(body)
    }

    fn simple_stmts(&mut self, body: &mut Vec<&'a Stmt<'a>>) -> PResult<()> {
        loop {
            body.push(self.simple_stmt()?);
            if self.at_postfix_step() {
                // `x = i++`, `return i--`: the step is not the statement.
                return Err(self.postfix_misplaced());
            }
            if !self.eat_op(";") || self.tok().kind == TokenKind::Newline {
                break;
            }
        }
        if self.tok().kind != TokenKind::Newline {
            return Err(self.invalid());
        }
        self.advance();
        Ok(())
    }

    /// An indented block or simple statements after `:`; `what` names the
    /// header for CPython's IndentationError.
    fn block(&mut self, what: &str, line: u32) -> PResult<Body<'a>> {
        let mut body = Vec::new();
        if self.tok().kind != TokenKind::Newline {
            self.simple_stmts(&mut body)?;
            return Ok(self.slice(body));
        }
        self.advance();
        if self.tok().kind != TokenKind::Indent {
            let t = self.tok();
            return Err(RawError {
                kind: SyntaxErrorKind::IndentationError,
                msg: format!("expected an indented block after {what} on line {line}"),
                loc: ErrorLoc::Range(t.start, None),
            });
        }
        self.advance();
        while self.tok().kind != TokenKind::Dedent {
            if self.tok().kind == TokenKind::EndMarker {
                return Err(self.invalid());
            }
            self.statement(&mut body)?;
        }
        self.advance();
        Ok(self.slice(body))
    }

    fn if_stmt(&mut self) -> PResult<&'a Stmt<'a>> {
        let kw = self.advance();
        let test = self.named_expression()?;
        self.expect_colon()?;
        let body = self.block(&format!("'{}' statement", kw.text), kw.start.line)?;
        let orelse = if self.at_kw("elif") {
            let s = self.if_stmt()?;
            self.slice(vec![s])
        } else {
            self.else_block()?
        };
        Ok(self.stmt(StmtKind::If { test, body, orelse }, kw.start))
    }

    fn else_block(&mut self) -> PResult<Body<'a>> {
        if !self.at_kw("else") {
            return Ok(self.slice(Vec::new()));
        }
        let kw = self.advance();
        self.expect_colon()?;
        self.block("'else' statement", kw.start.line)
    }

    fn while_stmt(&mut self) -> PResult<&'a Stmt<'a>> {
        let kw = self.advance();
        let test = self.named_expression()?;
        self.expect_colon()?;
        let body = self.block("'while' statement", kw.start.line)?;
        let orelse = self.else_block()?;
        Ok(self.stmt(StmtKind::While { test, body, orelse }, kw.start))
    }

    /// `until COND: body [else: body]` (the course's extension): a loop
    /// running while COND is false, parsed as `while not (COND)`. `until`
    /// is a soft keyword: a line starting with it is first read as Python
    /// (`until = 3`, `until(x)`, `until[0]: int = 1` keep their meaning);
    /// only when that fails and `until EXPR:` parses is it the loop (None
    /// otherwise: the caller reports Python's error).
    fn until_stmt(&mut self) -> PResult<Option<&'a Stmt<'a>>> {
        let save = (self.pos, self.prev_end, self.depth);
        let mut scratch = Vec::new();
        if self.simple_stmts(&mut scratch).is_ok() {
            (self.pos, self.prev_end, self.depth) = save;
            return Ok(None);
        }
        (self.pos, self.prev_end, self.depth) = save;
        let kw = self.advance();
        let header = self.named_expression().and_then(|cond| {
            if self.at_op(":") {
                Ok(cond)
            } else {
                Err(self.invalid())
            }
        });
        let cond = match header {
            Ok(cond) => cond,
            Err(_) => {
                (self.pos, self.prev_end, self.depth) = save;
                return Ok(None);
            }
        };
        self.expect_colon()?;
        let test = self.expr(
            ExprKind::UnaryOp {
                op: super::super::ast::UnaryOp::Not,
                operand: cond,
            },
            cond.span,
        );
        let body = self.block("'until' statement", kw.start.line)?;
        let orelse = self.else_block()?;
        Ok(Some(
            self.stmt(StmtKind::While { test, body, orelse }, kw.start),
        ))
    }

    fn for_stmt(&mut self) -> PResult<&'a Stmt<'a>> {
        let kw = self.advance();
        let target = self.target_list("in")?;
        if !self.eat_kw("in") {
            return Err(self.invalid());
        }
        let iter = self.star_expressions()?;
        self.expect_colon()?;
        let body = self.block("'for' statement", kw.start.line)?;
        let orelse = self.else_block()?;
        Ok(self.stmt(
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            },
            kw.start,
        ))
    }

    fn with_item(&mut self) -> PResult<WithItem<'a>> {
        let context_expr = self.expression()?;
        let optional_vars = if self.eat_kw("as") {
            let e = self.target_list_single()?;
            Some(e)
        } else {
            None
        };
        Ok(WithItem {
            context_expr,
            optional_vars,
        })
    }

    fn target_list_single(&mut self) -> PResult<&'a Expr<'a>> {
        let e = self.star_expression()?;
        self.check_target(e, TargetKind::Store)?;
        Ok(e)
    }

    fn with_stmt(&mut self) -> PResult<&'a Stmt<'a>> {
        let kw = self.advance();
        let mut items = Vec::new();
        if self.at_op("(") {
            let save = (self.pos, self.prev_end);
            self.advance();
            let mut ok = true;
            while !self.at_op(")") {
                match self.with_item() {
                    Ok(i) => items.push(i),
                    Err(_) => {
                        ok = false;
                        break;
                    }
                }
                if !self.eat_op(",") {
                    break;
                }
            }
            if ok && self.eat_op(")") && self.at_op(":") {
                // The parenthesized form.
            } else {
                items.clear();
                (self.pos, self.prev_end) = save;
            }
        }
        if items.is_empty() {
            loop {
                items.push(self.with_item()?);
                if !self.eat_op(",") {
                    break;
                }
            }
        }
        self.expect_colon()?;
        let body = self.block("'with' statement", kw.start.line)?;
        Ok(self.stmt(
            StmtKind::With {
                items: self.slice(items),
                body,
            },
            kw.start,
        ))
    }

    fn try_stmt(&mut self) -> PResult<&'a Stmt<'a>> {
        let kw = self.advance();
        self.expect_colon()?;
        let body = self.block("'try' statement", kw.start.line)?;
        let mut handlers = Vec::new();
        while self.at_kw("except") {
            let ex = self.advance();
            if self.at_op("*") {
                return Err(self.error_at_tok("pyrite does not support 'except*' yet"));
            }
            let mut type_ = None;
            let mut name = None;
            if !self.at_op(":") {
                let start = self.start();
                let e = self.expression()?;
                if self.at_op(",") {
                    let mut elts = vec![e];
                    while self.eat_op(",") {
                        if self.at_op(":") || self.at_kw("as") {
                            break;
                        }
                        elts.push(self.expression()?);
                    }
                    return Err(RawError::syntax(
                        "multiple exception types must be parenthesized",
                        start,
                        Some(self.prev_end),
                    ));
                }
                type_ = Some(e);
                if self.eat_kw("as") {
                    let t = self.tok();
                    if t.kind != TokenKind::Name || is_keyword(t.text) {
                        return Err(self.invalid());
                    }
                    self.advance();
                    name = Some(self.name(t.text));
                }
            }
            self.expect_colon()?;
            let hbody = self.block("'except' statement", ex.start.line)?;
            handlers.push(ExceptHandler {
                type_,
                name,
                body: hbody,
                span: self.span_from(ex.start),
            });
        }
        let orelse = if handlers.is_empty() {
            self.slice(Vec::new())
        } else {
            self.else_block()?
        };
        let finalbody = if self.at_kw("finally") {
            let f = self.advance();
            self.expect_colon()?;
            self.block("'finally' statement", f.start.line)?
        } else {
            if handlers.is_empty() {
                return Err(self.error_at_tok("expected 'except' or 'finally' block"));
            }
            self.slice(Vec::new())
        };
        Ok(self.stmt(
            StmtKind::Try {
                body,
                handlers: self.slice(handlers),
                orelse,
                finalbody,
            },
            kw.start,
        ))
    }

    fn decorated(&mut self) -> PResult<&'a Stmt<'a>> {
        let mut decorators = Vec::new();
        while self.eat_op("@") {
            decorators.push(self.named_expression()?);
            if self.tok().kind != TokenKind::Newline {
                return Err(self.invalid());
            }
            self.advance();
        }
        if self.at_kw("def") {
            self.def_stmt(decorators)
        } else if self.at_kw("class") {
            self.class_stmt(decorators)
        } else {
            Err(self.invalid())
        }
    }

    fn def_name(&mut self) -> PResult<&'a str> {
        let t = self.tok();
        if t.kind != TokenKind::Name || is_keyword(t.text) {
            return Err(self.invalid());
        }
        self.advance();
        Ok(self.name(t.text))
    }

    fn def_stmt(&mut self, decorators: Vec<&'a Expr<'a>>) -> PResult<&'a Stmt<'a>> {
        let kw = self.advance();
        let name = self.def_name()?;
        if !self.at_op("(") {
            return Err(self.error_at_tok("expected '('"));
        }
        self.advance();
        self.enter()?;
        let args = self.parameters(")", true);
        self.leave();
        let args = args?;
        self.expect_op(")")?;
        let returns = if self.eat_op("->") {
            Some(self.expression()?)
        } else {
            None
        };
        self.expect_colon()?;
        let body = self.block("function definition", kw.start.line)?;
        Ok(self.stmt(
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorator_list: self.slice(decorators),
                returns,
            },
            kw.start,
        ))
    }

    fn class_stmt(&mut self, decorators: Vec<&'a Expr<'a>>) -> PResult<&'a Stmt<'a>> {
        let kw = self.advance();
        let name_tok = self.tok();
        let name = self.def_name()?;
        let (bases, keywords): (&'a [&'a Expr<'a>], &'a [Keyword<'a>]) = if self.at_op("(") {
            let dummy = self.expr(
                ExprKind::Name {
                    id: name,
                    ctx: std::cell::Cell::new(super::super::ast::ExprContext::Load),
                },
                Span {
                    start: name_tok.start,
                    end: name_tok.end,
                },
            );
            let call = self.call(dummy, name_tok.start)?;
            match call.kind {
                ExprKind::Call { args, keywords, .. } => (args, keywords),
                _ => (self.slice(Vec::new()), self.slice(Vec::new())),
            }
        } else {
            (self.slice(Vec::new()), self.slice(Vec::new()))
        };
        self.expect_colon()?;
        let body = self.block("class definition", kw.start.line)?;
        Ok(self.stmt(
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list: self.slice(decorators),
            },
            kw.start,
        ))
    }

    fn simple_stmt(&mut self) -> PResult<&'a Stmt<'a>> {
        let t = self.tok();
        let start = t.start;
        if t.kind == TokenKind::Name {
            match t.text {
                "pass" | "break" | "continue" => {
                    self.advance();
                    let kind = match t.text {
                        "pass" => StmtKind::Pass,
                        "break" => StmtKind::Break,
                        _ => StmtKind::Continue,
                    };
                    return Ok(self.stmt(kind, start));
                }
                "return" => {
                    self.advance();
                    let value = if starts_expression(self) {
                        Some(self.star_expressions()?)
                    } else {
                        None
                    };
                    return Ok(self.stmt(StmtKind::Return { value }, start));
                }
                "raise" => {
                    self.advance();
                    let mut exc = None;
                    let mut cause = None;
                    if starts_expression(self) {
                        exc = Some(self.expression()?);
                        if self.eat_kw("from") {
                            cause = Some(self.expression()?);
                        }
                    }
                    return Ok(self.stmt(StmtKind::Raise { exc, cause }, start));
                }
                "global" | "nonlocal" => {
                    self.advance();
                    let mut names = Vec::new();
                    loop {
                        names.push(self.def_name()?);
                        if !self.eat_op(",") {
                            break;
                        }
                    }
                    let names = self.slice(names);
                    let kind = if t.text == "global" {
                        StmtKind::Global { names }
                    } else {
                        StmtKind::Nonlocal { names }
                    };
                    return Ok(self.stmt(kind, start));
                }
                "del" => {
                    self.advance();
                    let mut targets = Vec::new();
                    loop {
                        let e = self.bitwise_or()?;
                        self.check_target(e, TargetKind::Del)?;
                        targets.push(e);
                        if !self.eat_op(",") || !starts_expression(self) {
                            break;
                        }
                    }
                    return Ok(self.stmt(
                        StmtKind::Delete {
                            targets: self.slice(targets),
                        },
                        start,
                    ));
                }
                "assert" => {
                    self.advance();
                    let test = self.expression()?;
                    let msg = if self.eat_op(",") {
                        Some(self.expression()?)
                    } else {
                        None
                    };
                    return Ok(self.stmt(StmtKind::Assert { test, msg }, start));
                }
                "import" => return self.import(),
                "from" => return self.import_from(),
                _ => {}
            }
        }
        self.expression_statement()
    }

    /// `target++` / `target--` (the course's extension): the augmented
    /// assignment `target += 1` / `target -= 1`, the constant 1 placed at
    /// the operator.
    fn postfix_step(&mut self, target: &'a Expr<'a>, start: Pos) -> PResult<&'a Stmt<'a>> {
        if !self.postfix_ends_statement() {
            return Err(self.postfix_misplaced());
        }
        self.check_aug_target(target)?;
        let first = self.advance();
        let second = self.advance();
        let op = if first.text == "+" {
            Operator::Add
        } else {
            Operator::Sub
        };
        let value = self.expr(
            ExprKind::Constant(super::super::ast::Constant::Int("1")),
            Span {
                start: first.start,
                end: second.end,
            },
        );
        Ok(self.stmt(StmtKind::AugAssign { target, op, value }, start))
    }

    fn rhs(&mut self) -> PResult<&'a Expr<'a>> {
        if self.at_kw("yield") {
            self.yield_expr()
        } else {
            self.star_expressions()
        }
    }

    fn expression_statement(&mut self) -> PResult<&'a Stmt<'a>> {
        let start = self.start();
        let first = self.rhs()?;
        if self.at_op(":") {
            self.advance();
            let annotation = self.expression()?;
            let value = if self.eat_op("=") {
                Some(self.rhs()?)
            } else {
                None
            };
            let simple = match first.kind {
                ExprKind::Name { .. } => first.span.start == start,
                ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => false,
                ExprKind::Tuple { .. } => {
                    return Err(self.error_span(
                        "only single target (not tuple) can be annotated",
                        first.span,
                    ))
                }
                ExprKind::List { .. } => {
                    return Err(self
                        .error_span("only single target (not list) can be annotated", first.span))
                }
                _ => return Err(self.error_span("illegal target for annotation", first.span)),
            };
            self.check_target(first, TargetKind::Store)?;
            return Ok(self.stmt(
                StmtKind::AnnAssign {
                    target: first,
                    annotation,
                    value,
                    simple,
                },
                start,
            ));
        }
        if self.at_postfix_step() {
            return self.postfix_step(first, start);
        }
        let t = self.tok();
        if let Some(&(_, op)) = AUG_OPS.iter().find(|(s, _)| t.is_op(s)) {
            self.check_aug_target(first)?;
            self.advance();
            let value = self.rhs()?;
            return Ok(self.stmt(
                StmtKind::AugAssign {
                    target: first,
                    op,
                    value,
                },
                start,
            ));
        }
        if !self.at_op("=") {
            return Ok(self.stmt(StmtKind::Expr { value: first }, start));
        }
        let mut chain = vec![first];
        while self.eat_op("=") {
            chain.push(self.rhs()?);
        }
        let value = chain.pop().unwrap_or(first);
        let n = chain.len();
        for (i, target) in chain.iter().enumerate() {
            self.check_assign_target(target, i + 1 == n)?;
        }
        Ok(self.stmt(
            StmtKind::Assign {
                targets: self.slice(chain),
                value,
            },
            start,
        ))
    }

    fn dotted_name(&mut self) -> PResult<&'a str> {
        let mut s = String::from(self.def_name()?);
        while self.at_op(".") {
            self.advance();
            s.push('.');
            s.push_str(self.def_name()?);
        }
        Ok(self.name(&s))
    }

    fn import(&mut self) -> PResult<&'a Stmt<'a>> {
        let kw = self.advance();
        let mut names = Vec::new();
        loop {
            let start = self.start();
            let name = self.dotted_name()?;
            names.push(self.alias_tail(name, start)?);
            if !self.eat_op(",") {
                break;
            }
        }
        Ok(self.stmt(
            StmtKind::Import {
                names: self.slice(names),
            },
            kw.start,
        ))
    }

    /// The rest of an import alias whose name (starting at `start`) has
    /// been read: an optional `as NAME`.
    fn alias_tail(&mut self, name: &'a str, start: Pos) -> PResult<Alias<'a>> {
        let asname = if self.eat_kw("as") {
            Some(self.def_name()?)
        } else {
            None
        };
        Ok(Alias {
            name,
            asname,
            span: self.span_from(start),
        })
    }

    fn import_from(&mut self) -> PResult<&'a Stmt<'a>> {
        let kw = self.advance();
        let mut level = 0;
        loop {
            if self.eat_op(".") {
                level += 1;
            } else if self.eat_op("...") {
                level += 3;
            } else {
                break;
            }
        }
        let module = if self.at_kw("import") && level > 0 {
            None
        } else {
            Some(self.dotted_name()?)
        };
        if !self.eat_kw("import") {
            return Err(self.invalid());
        }
        let mut names = Vec::new();
        if self.at_op("*") {
            let t = self.advance();
            names.push(Alias {
                name: "*",
                asname: None,
                span: Span {
                    start: t.start,
                    end: t.end,
                },
            });
        } else {
            let paren = self.eat_op("(");
            loop {
                let start = self.start();
                let name = self.def_name()?;
                names.push(self.alias_tail(name, start)?);
                if !self.at_op(",") {
                    break;
                }
                let comma = self.advance();
                if paren && self.at_op(")") {
                    break;
                }
                if !paren && self.tok().kind == TokenKind::Newline {
                    return Err(RawError::syntax(
                        "trailing comma not allowed without surrounding parentheses",
                        comma.start,
                        Some(comma.end),
                    ));
                }
            }
            if paren {
                self.expect_op(")")?;
            }
        }
        Ok(self.stmt(
            StmtKind::ImportFrom {
                module,
                names: self.slice(names),
                level,
            },
            kw.start,
        ))
    }
}
