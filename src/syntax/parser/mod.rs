//! The parser: tokens to an AST in the arena, by recursive descent over
//! CPython 3.11's grammar, raising CPython's messages for the common errors.
//!
//! Invariant PARSE-1: when the tokenizer stopped at an error, that error wins
//! over any parser error, except "unexpected indent" and a parser error on a
//! line before a bracket that was never closed (CPython's
//! `_PyPegen_tokenize_full_source_to_check_for_errors`).
//! Invariant PARSE-2: recursion is bounded by [`MAX_DEPTH`]; deeper input is
//! a `SyntaxError`, never a stack overflow.

mod expr;
mod literal;
mod stmt;
mod target;

use bumpalo::Bump;

use super::ast::{Expr, ExprKind, Module, Span};
use super::error::{ErrorLoc, RawError, SyntaxError, SyntaxErrorKind};
use super::token::{Pos, Token, TokenKind};
use super::tokenizer::{normalize, tokenize};

/// The deepest nesting of expressions the parser follows (PARSE-2).
pub(crate) const MAX_DEPTH: usize = 450;

/// Parses a module.
///
/// # Errors
/// Any syntax error in `source`, as CPython 3.11 reports it.
pub fn parse_module<'a>(
    source: &str,
    filename: &str,
    arena: &'a Bump,
) -> Result<&'a Module<'a>, SyntaxError> {
    let src = normalize(source);
    parse_normalized(&src, arena).map_err(|e| e.finish(&src, filename))
}

fn parse_normalized<'a>(src: &str, arena: &'a Bump) -> Result<&'a Module<'a>, RawError> {
    let toks = tokenize(src);
    let mut tokens = toks.tokens;
    let tok_error = toks.error;
    if let Some(err) = &tok_error {
        let at = match err.loc {
            ErrorLoc::Range(p, _) => p,
            ErrorLoc::Line(l) => Pos { line: l, col: 0 },
        };
        tokens.push(Token {
            kind: TokenKind::EndMarker,
            text: "",
            start: at,
            end: at,
        });
    }
    let mut p = Parser {
        arena,
        tokens,
        pos: 0,
        prev_end: Pos::default(),
        fstring_token: None,
        depth: 0,
    };
    let result = p.file();
    match (result, tok_error) {
        (Ok(m), None) => Ok(m),
        (Ok(_), Some(t)) => Err(t),
        (Err(e), None) => Err(e),
        (Err(e), Some(t)) => {
            let at_end = p.pos + 1 >= p.tokens.len();
            let indent = e.msg == "unexpected indent";
            let before_unclosed = toks.eof_unclosed && e.line() <= t.line();
            if !at_end && (indent || before_unclosed) {
                Err(e)
            } else {
                Err(t)
            }
        }
    }
}

/// Parses the source of an f-string replacement field as CPython 3.11 does:
/// as an expression wrapped in parentheses.
/// `at` is where `text` starts in the source file: the expression's nodes
/// get positions in the file, as CPython's `fstring_find_expr_location`
/// places them.
pub(crate) fn parse_fstring_expr<'a>(
    text: &str,
    arena: &'a Bump,
    depth: usize,
    at: Option<Pos>,
) -> Result<&'a Expr<'a>, RawError> {
    let src = format!("({text})");
    let mut toks = tokenize(&src);
    if let Some(e) = toks.error {
        return Err(e);
    }
    if let Some(at) = at {
        // Inner line 1, column 1 (after the added parenthesis) is `at`.
        let shift = |p: &mut Pos| {
            if p.line == 1 {
                p.col = (p.col + at.col).saturating_sub(1);
            }
            p.line += at.line - 1;
        };
        for t in toks.tokens.iter_mut() {
            shift(&mut t.start);
            shift(&mut t.end);
        }
    }
    let mut p = Parser {
        arena,
        tokens: toks.tokens,
        pos: 0,
        prev_end: Pos::default(),
        fstring_token: None,
        depth,
    };
    p.fstring_expr()
}

pub(crate) type PResult<T> = Result<T, RawError>;

/// The parser state: the token list, a cursor and the recursion depth.
pub(crate) struct Parser<'a, 'src> {
    pub arena: &'a Bump,
    pub tokens: Vec<Token<'src>>,
    pub pos: usize,
    /// End of the last consumed token that is not NEWLINE/INDENT/DEDENT.
    pub prev_end: Pos,
    pub depth: usize,
    /// The string token whose f-string fields are being parsed: its text and
    /// start, to place the fields' expressions in the source.
    pub fstring_token: Option<(&'src str, Pos)>,
}

impl<'a, 'src> Parser<'a, 'src> {
    /// The current token (the list always ends with ENDMARKER, TOKZ-1).
    pub fn tok(&self) -> Token<'src> {
        self.tokens[self.pos.min(self.tokens.len() - 1)]
    }

    /// The token `n` ahead of the current one.
    pub fn peek(&self, n: usize) -> Token<'src> {
        self.tokens[(self.pos + n).min(self.tokens.len() - 1)]
    }

    /// Consumes the current token and returns it.
    pub fn advance(&mut self) -> Token<'src> {
        let t = self.tok();
        if self.pos + 1 < self.tokens.len() {
            self.pos += 1;
        }
        if !matches!(
            t.kind,
            TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent | TokenKind::EndMarker
        ) {
            self.prev_end = t.end;
        }
        t
    }

    /// True when the current token is the operator `op`.
    pub fn at_op(&self, op: &str) -> bool {
        self.tok().is_op(op)
    }

    /// True when the current token is the keyword (or name) `kw`.
    pub fn at_kw(&self, kw: &str) -> bool {
        self.tok().is_name(kw)
    }

    /// Consumes the operator `op` if it is next.
    pub fn eat_op(&mut self, op: &str) -> bool {
        if self.at_op(op) {
            self.advance();
            true
        } else {
            false
        }
    }

    /// Consumes the keyword `kw` if it is next.
    pub fn eat_kw(&mut self, kw: &str) -> bool {
        if self.at_kw(kw) {
            self.advance();
            true
        } else {
            false
        }
    }

    /// Requires the operator `op`, else "invalid syntax".
    pub fn expect_op(&mut self, op: &str) -> PResult<Token<'src>> {
        if self.at_op(op) {
            Ok(self.advance())
        } else {
            Err(self.invalid())
        }
    }

    /// Requires `:` closing a compound statement header: "expected ':'".
    pub fn expect_colon(&mut self) -> PResult<()> {
        if self.eat_op(":") {
            Ok(())
        } else if self.tok().kind == TokenKind::Newline {
            Err(self.error_at_tok("expected ':'"))
        } else {
            Err(self.invalid())
        }
    }

    /// A `SyntaxError` over the current token.
    pub fn error_at_tok(&self, msg: &str) -> RawError {
        let t = self.tok();
        RawError::syntax(msg, t.start, Some(t.end))
    }

    /// A `SyntaxError` over a span.
    pub fn error_span(&self, msg: impl Into<String>, span: Span) -> RawError {
        RawError::syntax(msg, span.start, Some(span.end))
    }

    /// The generic error at the current token: "invalid syntax", or
    /// "unexpected indent"/"unexpected unindent" at INDENT/DEDENT.
    pub fn invalid(&self) -> RawError {
        let t = self.tok();
        match t.kind {
            TokenKind::Indent => RawError {
                kind: SyntaxErrorKind::IndentationError,
                msg: "unexpected indent".into(),
                loc: ErrorLoc::Line(t.start.line),
            },
            TokenKind::Dedent => RawError {
                kind: SyntaxErrorKind::IndentationError,
                msg: "unexpected unindent".into(),
                loc: ErrorLoc::Line(t.start.line),
            },
            _ => self.error_at_tok("invalid syntax"),
        }
    }

    /// Where the current token starts.
    pub fn start(&self) -> Pos {
        self.tok().start
    }

    /// The span from `start` to the end of the last consumed token.
    pub fn span_from(&self, start: Pos) -> Span {
        Span {
            start,
            end: self.prev_end,
        }
    }

    /// Allocates an expression.
    pub fn expr(&self, kind: ExprKind<'a>, span: Span) -> &'a Expr<'a> {
        self.arena.alloc(Expr { kind, span })
    }

    /// Copies a string into the arena.
    pub fn name(&self, s: &str) -> &'a str {
        self.arena.alloc_str(s)
    }

    /// Moves a vector into the arena.
    pub fn slice<T>(&self, v: Vec<T>) -> &'a [T] {
        self.arena.alloc_slice_fill_iter(v)
    }

    /// Enters one level of nesting (PARSE-2).
    pub fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(RawError::syntax(
                "too many nested expressions",
                self.tok().start,
                Some(self.tok().end),
            ));
        }
        Ok(())
    }

    /// Leaves one level of nesting.
    pub fn leave(&mut self) {
        self.depth -= 1;
    }

    /// The module: statements up to ENDMARKER.
    fn file(&mut self) -> PResult<&'a Module<'a>> {
        let mut body = Vec::new();
        while self.tok().kind != TokenKind::EndMarker {
            if self.tok().kind == TokenKind::Newline {
                self.advance();
                continue;
            }
            self.statement(&mut body)?;
        }
        Ok(self.arena.alloc(Module {
            body: self.slice(body),
        }))
    }
}
