//! The tokenizer: normalized source text to [`Token`]s, with CPython 3.11's
//! indentation rules (INDENT/DEDENT, tabs to multiples of 8, `TabError`),
//! implicit line joining inside brackets, backslash continuations, and the
//! literal checks CPython's tokenizer makes (numbers, string termination).
//!
//! Invariant TOKZ-1: the token list ends with ENDMARKER, or stops at the
//! first tokenizer error, which [`Tokens::error`] then holds. The parser
//! treats reaching the end of a list without ENDMARKER as hitting that error.
//! Invariant TOKZ-2: the source is normalized first (`\r\n` and `\r` become
//! `\n`, and a final `\n` is added), as CPython does for `compile()`.

use super::error::{ErrorLoc, RawError, SyntaxErrorKind};
use super::token::{Pos, Token, TokenKind};

/// CPython's `MAXLEVEL`: brackets nested deeper are a syntax error.
pub(crate) const MAX_BRACKET_DEPTH: usize = 200;

/// CPython's `MAXINDENT`: indentation levels deeper are an error.
const MAX_INDENT_DEPTH: usize = 100;

/// The tokenizer's result (TOKZ-1).
pub(crate) struct Tokens<'src> {
    /// The tokens up to the end or the first error.
    pub tokens: Vec<Token<'src>>,
    /// The tokenizer error that stopped tokenizing, if any.
    pub error: Option<RawError>,
    /// True when `error` is "'(' was never closed" found at end of input.
    pub eof_unclosed: bool,
}

/// Normalizes line ends as CPython's `translate_newlines` does (TOKZ-2).
pub(crate) fn normalize(source: &str) -> String {
    let mut out = source.replace("\r\n", "\n").replace('\r', "\n");
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// Tokenizes normalized source (TOKZ-2).
pub(crate) fn tokenize(src: &str) -> Tokens<'_> {
    let mut t = Tokenizer {
        src,
        pos: 0,
        line: 1,
        line_start: 0,
        indents: vec![(0, 0)],
        brackets: Vec::new(),
        at_line_start: true,
        tokens: Vec::new(),
    };
    let result = t.run();
    let (error, eof_unclosed) = match result {
        Ok(()) => (None, false),
        Err((e, unclosed)) => (Some(e), unclosed),
    };
    Tokens {
        tokens: t.tokens,
        error,
        eof_unclosed,
    }
}

/// The token stream of `source`, one token per line, in the form
/// `tests/gen_tokens_expected.py` writes from CPython's `tokenize` module:
/// `KIND 'text' line:col-line:col` (columns in characters) for names,
/// numbers, strings and operators; the bare kind for NEWLINE, INDENT,
/// DEDENT and ENDMARKER (whose positions CPython's two tokenizers place
/// differently). A tokenizer error ends the dump with `ERROR message`.
pub fn dump_tokens(source: &str) -> String {
    use std::fmt::Write;
    let src = normalize(source);
    let lines: Vec<&str> = src.split_inclusive('\n').collect();
    let char_col = |p: Pos| -> usize {
        let line = lines.get(p.line as usize - 1).copied().unwrap_or("");
        line.get(..p.col as usize)
            .map_or(p.col as usize, |s| s.chars().count())
    };
    let toks = tokenize(&src);
    let mut out = String::new();
    for t in &toks.tokens {
        let kind = match t.kind {
            TokenKind::Name => "NAME",
            TokenKind::Number => "NUMBER",
            TokenKind::String => "STRING",
            TokenKind::Op => "OP",
            TokenKind::Newline => "NEWLINE",
            TokenKind::Indent => "INDENT",
            TokenKind::Dedent => "DEDENT",
            TokenKind::EndMarker => "ENDMARKER",
        };
        if matches!(
            t.kind,
            TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent | TokenKind::EndMarker
        ) {
            let _ = writeln!(out, "{kind}");
        } else {
            let _ = writeln!(
                out,
                "{kind} {:?} {}:{}-{}:{}",
                t.text,
                t.start.line,
                char_col(t.start),
                t.end.line,
                char_col(t.end)
            );
        }
    }
    if let Some(e) = &toks.error {
        let _ = writeln!(out, "ERROR {}", e.msg);
    }
    out
}

type TokResult<T> = Result<T, (RawError, bool)>;

struct Tokenizer<'src> {
    src: &'src str,
    pos: usize,
    line: u32,
    line_start: usize,
    /// Indentation stack: (column with tabs to multiples of 8, column with tabs as 1).
    indents: Vec<(usize, usize)>,
    /// Open brackets: the character and where it stands.
    brackets: Vec<(char, Pos)>,
    at_line_start: bool,
    tokens: Vec<Token<'src>>,
}

const OPERATORS: &[&str] = &[
    "**=", "//=", ">>=", "<<=", "...", "->", ":=", "==", "!=", "<=", ">=", "**", "//", "<<", ">>",
    "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "+", "-", "*", "/", "|", "&", "<", ">",
    "=", ".", "%", "~", "^", "@", ":", ",", ";", "!", "$", "?", "`",
];

fn fail<T>(e: RawError) -> TokResult<T> {
    Err((e, false))
}

/// CPython's `is_potential_identifier_start`.
fn ident_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || c as u32 >= 128
}

/// CPython's `is_potential_identifier_char`.
fn ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c as u32 >= 128
}

/// An approximation of `str.isprintable()` for one character.
pub(crate) fn is_printable(c: char) -> bool {
    !(c.is_control()
        || (c.is_whitespace() && c != ' ')
        || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}'))
}

impl<'src> Tokenizer<'src> {
    fn peek(&self) -> Option<char> {
        self.src[self.pos..].chars().next()
    }

    fn peek_at(&self, n: usize) -> Option<char> {
        self.src[self.pos..].chars().nth(n)
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.line_start = self.pos;
        }
        Some(c)
    }

    fn here(&self) -> Pos {
        Pos {
            line: self.line,
            col: (self.pos - self.line_start) as u32,
        }
    }

    /// An error placed as CPython's `syntaxerror()` places it: the offset
    /// counts the characters before byte position `cur` on the current line.
    fn err_cur(&self, msg: impl Into<String>, cur: usize) -> RawError {
        let col = (cur - self.line_start) as u32;
        RawError::syntax(
            msg,
            Pos {
                line: self.line,
                col: col.saturating_sub(1),
            },
            None,
        )
    }

    fn push(&mut self, kind: TokenKind, start_byte: usize, start: Pos) {
        self.tokens.push(Token {
            kind,
            text: &self.src[start_byte..self.pos],
            start,
            end: self.here(),
        });
    }

    fn run(&mut self) -> TokResult<()> {
        loop {
            if self.at_line_start && self.brackets.is_empty() && !self.indentation()? {
                continue;
            }
            while matches!(self.peek(), Some(' ' | '\t' | '\x0c')) {
                self.bump();
            }
            let start_byte = self.pos;
            let start = self.here();
            let Some(c) = self.peek() else {
                return self.end_of_input();
            };
            match c {
                '#' => {
                    while !matches!(self.peek(), Some('\n') | None) {
                        self.bump();
                    }
                }
                '\n' => {
                    self.bump();
                    if self.brackets.is_empty() {
                        self.tokens.push(Token {
                            kind: TokenKind::Newline,
                            text: &self.src[start_byte..start_byte + 1],
                            start,
                            end: Pos {
                                line: start.line,
                                col: start.col + 1,
                            },
                        });
                        self.at_line_start = true;
                    }
                }
                '\\' => {
                    self.bump();
                    match self.peek() {
                        Some('\n') => {
                            self.bump();
                            if self.peek().is_none() {
                                return fail(RawError::syntax(
                                    "unexpected EOF while parsing",
                                    Pos {
                                        line: start.line,
                                        col: start.col + 1,
                                    },
                                    None,
                                ));
                            }
                        }
                        _ => {
                            return fail(RawError::syntax(
                                "unexpected character after line continuation character",
                                Pos {
                                    line: start.line,
                                    col: start.col + 1,
                                },
                                None,
                            ))
                        }
                    }
                }
                '0'..='9' => self.number(start_byte, start)?,
                '.' if matches!(self.peek_at(1), Some('0'..='9')) => {
                    self.number(start_byte, start)?
                }
                '"' | '\'' => self.string(start_byte, start)?,
                '(' | '[' | '{' => {
                    self.bump();
                    if self.brackets.len() >= MAX_BRACKET_DEPTH {
                        return fail(self.err_cur("too many nested parentheses", self.pos));
                    }
                    self.brackets.push((c, start));
                    self.push(TokenKind::Op, start_byte, start);
                }
                ')' | ']' | '}' => {
                    self.bump();
                    let Some((open, open_pos)) = self.brackets.pop() else {
                        return fail(self.err_cur(format!("unmatched '{c}'"), self.pos));
                    };
                    let expected = match open {
                        '(' => ')',
                        '[' => ']',
                        _ => '}',
                    };
                    if c != expected {
                        let msg = if open_pos.line != start.line {
                            format!(
                                "closing parenthesis '{c}' does not match opening parenthesis '{open}' on line {}",
                                open_pos.line
                            )
                        } else {
                            format!(
                                "closing parenthesis '{c}' does not match opening parenthesis '{open}'"
                            )
                        };
                        return fail(self.err_cur(msg, self.pos));
                    }
                    self.push(TokenKind::Op, start_byte, start);
                }
                c if ident_start(c) => self.name_or_string(start_byte, start)?,
                c if c.is_ascii() && !c.is_ascii_control() => {
                    let rest = &self.src[self.pos..];
                    let op = OPERATORS.iter().find(|op| rest.starts_with(**op));
                    match op {
                        Some(op) => {
                            self.pos += op.len();
                            self.push(TokenKind::Op, start_byte, start);
                        }
                        None => {
                            self.bump();
                            return fail(self.invalid_char(c));
                        }
                    }
                }
                c => {
                    self.bump();
                    return fail(self.invalid_char(c));
                }
            }
        }
    }

    fn invalid_char(&self, c: char) -> RawError {
        let msg = if is_printable(c) {
            format!("invalid character '{c}' (U+{:04X})", c as u32)
        } else {
            format!("invalid non-printable character U+{:04X}", c as u32)
        };
        self.err_cur(msg, self.pos)
    }

    /// Measures the indentation of a new logical line and emits INDENT or
    /// DEDENTs. Returns false when the line was blank or a comment (consumed).
    fn indentation(&mut self) -> TokResult<bool> {
        let line_byte = self.pos;
        let (mut col, mut altcol) = (0usize, 0usize);
        loop {
            match self.peek() {
                Some(' ') => {
                    col += 1;
                    altcol += 1;
                }
                Some('\t') => {
                    col = (col / 8 + 1) * 8;
                    altcol += 1;
                }
                Some('\x0c') => {
                    col = 0;
                    altcol = 0;
                }
                _ => break,
            }
            self.bump();
        }
        match self.peek() {
            None => {
                self.at_line_start = false;
                return Ok(true);
            }
            Some('#') | Some('\n') => {
                while !matches!(self.peek(), Some('\n') | None) {
                    self.bump();
                }
                self.bump();
                return Ok(false);
            }
            Some('\\') if self.peek_at(1) == Some('\n') => {
                // A continuation line starting a statement keeps the
                // indentation measured so far, as CPython does.
            }
            _ => {}
        }
        self.at_line_start = false;
        let here = self.here();
        let line_pos = Pos {
            line: self.line,
            col: 0,
        };
        let (top, top_alt) = *self.indents.last().unwrap_or(&(0, 0));
        let tab_error = RawError {
            kind: SyntaxErrorKind::TabError,
            msg: "inconsistent use of tabs and spaces in indentation".into(),
            loc: ErrorLoc::Line(self.line),
        };
        if col == top {
            if altcol != top_alt {
                return fail(tab_error);
            }
        } else if col > top {
            if altcol <= top_alt {
                return fail(tab_error);
            }
            if self.indents.len() >= MAX_INDENT_DEPTH {
                return fail(RawError {
                    kind: SyntaxErrorKind::IndentationError,
                    msg: "too many levels of indentation".into(),
                    loc: ErrorLoc::Line(self.line),
                });
            }
            self.indents.push((col, altcol));
            self.tokens.push(Token {
                kind: TokenKind::Indent,
                text: &self.src[line_byte..self.pos],
                start: line_pos,
                end: here,
            });
        } else {
            while self.indents.len() > 1 && col < self.indents[self.indents.len() - 1].0 {
                self.indents.pop();
                self.tokens.push(Token {
                    kind: TokenKind::Dedent,
                    text: "",
                    start: here,
                    end: here,
                });
            }
            let (top, top_alt) = *self.indents.last().unwrap_or(&(0, 0));
            if col != top {
                let line_end = self.src[self.line_start..]
                    .find('\n')
                    .map_or(self.src.len(), |i| self.line_start + i + 1);
                return fail(RawError {
                    kind: SyntaxErrorKind::IndentationError,
                    msg: "unindent does not match any outer indentation level".into(),
                    loc: ErrorLoc::Range(
                        Pos {
                            line: self.line,
                            col: (line_end - self.line_start).saturating_sub(1) as u32,
                        },
                        None,
                    ),
                });
            }
            if altcol != top_alt {
                return fail(tab_error);
            }
        }
        Ok(true)
    }

    fn end_of_input(&mut self) -> TokResult<()> {
        if let Some(&(open, open_pos)) = self.brackets.last() {
            return Err((
                RawError::syntax(format!("'{open}' was never closed"), open_pos, None),
                true,
            ));
        }
        let here = self.here();
        if let Some(last) = self.tokens.last() {
            if !matches!(last.kind, TokenKind::Newline | TokenKind::Dedent) {
                self.tokens.push(Token {
                    kind: TokenKind::Newline,
                    text: "",
                    start: last.end,
                    end: Pos {
                        line: last.end.line,
                        col: last.end.col + 1,
                    },
                });
            }
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.tokens.push(Token {
                kind: TokenKind::Dedent,
                text: "",
                start: here,
                end: here,
            });
        }
        self.tokens.push(Token {
            kind: TokenKind::EndMarker,
            text: "",
            start: here,
            end: here,
        });
        Ok(())
    }

    fn name_or_string(&mut self, start_byte: usize, start: Pos) -> TokResult<()> {
        while matches!(self.peek(), Some(c) if ident_char(c)) {
            self.bump();
        }
        let word = &self.src[start_byte..self.pos];
        if matches!(self.peek(), Some('"' | '\'')) && is_string_prefix(word) {
            return self.string(start_byte, start);
        }
        if !word.is_ascii() {
            let mut chars = word.char_indices();
            if let Some((_, first)) = chars.next() {
                let bad = if first == '_' || first.is_alphabetic() {
                    chars
                        .find(|&(_, c)| !(c == '_' || c.is_alphanumeric() || is_mark(c)))
                        .map(|(i, c)| (start_byte + i, c))
                } else {
                    Some((start_byte, first))
                };
                if let Some((at, c)) = bad {
                    self.pos = at + c.len_utf8();
                    return fail(self.invalid_char(c));
                }
            }
        }
        self.push(TokenKind::Name, start_byte, start);
        Ok(())
    }

    fn string(&mut self, start_byte: usize, start: Pos) -> TokResult<()> {
        let Some(quote) = self.bump() else {
            return fail(self.err_cur("invalid syntax", self.pos));
        };
        let triple = self.peek() == Some(quote) && self.peek_at(1) == Some(quote);
        if triple {
            self.bump();
            self.bump();
        }
        let unterminated = |t: &Self| {
            let what = if triple {
                "unterminated triple-quoted string literal"
            } else {
                "unterminated string literal"
            };
            let detected = if triple {
                t.line.saturating_sub(u32::from(t.pos == t.line_start))
            } else {
                t.line
            };
            RawError::syntax(format!("{what} (detected at line {detected})"), start, None)
        };
        loop {
            match self.peek() {
                None => return fail(unterminated(self)),
                Some('\n') if !triple => return fail(unterminated(self)),
                Some('\\') => {
                    self.bump();
                    if self.peek().is_none() {
                        return fail(unterminated(self));
                    }
                    if !triple && self.peek() == Some('\n') && self.peek_at(1).is_none() {
                        self.bump();
                        return fail(unterminated(self));
                    }
                    self.bump();
                }
                Some(c) if c == quote => {
                    self.bump();
                    if !triple {
                        break;
                    }
                    if self.peek() == Some(quote) && self.peek_at(1) == Some(quote) {
                        self.bump();
                        self.bump();
                        break;
                    }
                }
                Some(_) => {
                    self.bump();
                }
            }
        }
        self.push(TokenKind::String, start_byte, start);
        Ok(())
    }

    fn decimal_tail(&mut self) -> TokResult<()> {
        loop {
            while matches!(self.peek(), Some('0'..='9')) {
                self.bump();
            }
            if self.peek() != Some('_') {
                return Ok(());
            }
            self.bump();
            if !matches!(self.peek(), Some('0'..='9')) {
                return fail(self.err_cur("invalid decimal literal", self.pos));
            }
        }
    }

    /// CPython's `verify_end_of_number`: a literal may be followed directly
    /// by some keywords, never by other name characters.
    fn verify_end(&mut self, kind: &str) -> TokResult<()> {
        let rest = &self.src[self.pos..];
        let keyword_follows = ["and", "else", "for", "if", "in", "is", "or", "not"]
            .iter()
            .any(|k| rest.starts_with(k));
        match self.peek() {
            Some(c) if ident_char(c) && !keyword_follows => {
                fail(self.err_cur(format!("invalid {kind} literal"), self.pos))
            }
            _ => Ok(()),
        }
    }

    fn radix_digits(&mut self, kind: &str, radix: u32) -> TokResult<()> {
        loop {
            if self.peek() == Some('_') {
                self.bump();
            }
            match self.peek() {
                Some(c) if c.is_digit(radix) => {
                    while matches!(self.peek(), Some(c) if c.is_digit(radix)) {
                        self.bump();
                    }
                }
                Some(c) if radix < 10 && c.is_ascii_digit() => {
                    self.bump();
                    return fail(
                        self.err_cur(format!("invalid digit '{c}' in {kind} literal"), self.pos),
                    );
                }
                _ => return fail(self.err_cur(format!("invalid {kind} literal"), self.pos)),
            }
            if self.peek() != Some('_') {
                break;
            }
        }
        if radix < 10 {
            if let Some(c) = self.peek().filter(char::is_ascii_digit) {
                self.bump();
                return fail(
                    self.err_cur(format!("invalid digit '{c}' in {kind} literal"), self.pos),
                );
            }
        }
        self.verify_end(kind)
    }

    fn number(&mut self, start_byte: usize, start: Pos) -> TokResult<()> {
        let first = self.peek();
        if first == Some('0') {
            self.bump();
            let radix = match self.peek() {
                Some('x' | 'X') => Some(("hexadecimal", 16)),
                Some('o' | 'O') => Some(("octal", 8)),
                Some('b' | 'B') => Some(("binary", 2)),
                _ => None,
            };
            if let Some((kind, radix)) = radix {
                self.bump();
                self.radix_digits(kind, radix)?;
                self.push(TokenKind::Number, start_byte, start);
                return Ok(());
            }
            let mut nonzero = false;
            loop {
                while self.peek() == Some('0') {
                    self.bump();
                }
                if self.peek() != Some('_') {
                    break;
                }
                self.bump();
                if !matches!(self.peek(), Some('0'..='9')) {
                    return fail(self.err_cur("invalid decimal literal", self.pos));
                }
            }
            let zeros_end = self.pos;
            if matches!(self.peek(), Some('0'..='9')) {
                nonzero = true;
                self.decimal_tail()?;
            }
            match self.peek() {
                Some('.' | 'e' | 'E' | 'j' | 'J') => {}
                _ if nonzero => {
                    let end_col = (zeros_end - self.line_start) as u32;
                    return fail(RawError::syntax(
                        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                        start,
                        Some(Pos { line: start.line, col: end_col.saturating_sub(1) }),
                    ));
                }
                _ => {
                    self.verify_end("decimal")?;
                    self.push(TokenKind::Number, start_byte, start);
                    return Ok(());
                }
            }
        } else if first != Some('.') {
            self.decimal_tail()?;
        }
        if self.peek() == Some('.') {
            self.bump();
            if matches!(self.peek(), Some('0'..='9')) {
                self.decimal_tail()?;
            }
        }
        if matches!(self.peek(), Some('e' | 'E')) {
            let e_pos = self.pos;
            self.bump();
            let mut sign = false;
            if matches!(self.peek(), Some('+' | '-')) {
                self.bump();
                sign = true;
            }
            if !matches!(self.peek(), Some('0'..='9')) {
                if sign {
                    return fail(self.err_cur("invalid decimal literal", self.pos));
                }
                self.pos = e_pos;
                self.verify_end("decimal")?;
                self.push(TokenKind::Number, start_byte, start);
                return Ok(());
            }
            self.decimal_tail()?;
        }
        if matches!(self.peek(), Some('j' | 'J')) {
            self.bump();
            self.verify_end("imaginary")?;
        } else {
            self.verify_end("decimal")?;
        }
        self.push(TokenKind::Number, start_byte, start);
        Ok(())
    }
}

/// True for combining marks and connector punctuation that identifiers may
/// continue with (an approximation of XID_Continue beyond `is_alphanumeric`).
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36f | 0x483..=0x487 | 0x591..=0x5bd | 0x610..=0x61a
        | 0x64b..=0x65f | 0x900..=0x903 | 0x93a..=0x94f | 0x1ab0..=0x1aff | 0x1dc0..=0x1dff
        | 0x20d0..=0x20ff | 0xfe00..=0xfe0f | 0xfe20..=0xfe2f | 0x203f | 0x2040)
}

/// True when `word` is a string prefix CPython accepts (any case).
fn is_string_prefix(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "r" | "u" | "b" | "f" | "br" | "rb" | "fr" | "rf"
    )
}
