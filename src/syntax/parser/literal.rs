//! Literals: numbers to constants (integers of any size as decimal digits),
//! string and bytes literals with every prefix and escape, implicit
//! concatenation, and f-strings (replacement fields, `!r/!s/!a`, nested
//! format specs, the `=` form) as CPython 3.11 builds them.

use super::super::ast::{Constant, Expr, ExprKind, Span};
use super::super::error::RawError;
use super::super::token::TokenKind;
use super::{parse_fstring_expr, PResult, Parser};

/// One piece of an f-string under construction.
enum Piece<'a> {
    Text(String),
    Field(&'a Expr<'a>),
}

/// Decimal digits of an integer written in `radix` (digits only, no `_`).
fn to_decimal(digits: &str, radix: u32) -> String {
    // Little-endian limbs in base 10^9.
    let mut limbs: Vec<u64> = vec![0];
    for c in digits.chars() {
        let mut carry = u64::from(c.to_digit(radix).unwrap_or(0));
        for limb in limbs.iter_mut() {
            let v = *limb * u64::from(radix) + carry;
            *limb = v % 1_000_000_000;
            carry = v / 1_000_000_000;
        }
        if carry > 0 {
            limbs.push(carry);
        }
    }
    let mut out = String::new();
    for (i, limb) in limbs.iter().rev().enumerate() {
        if i == 0 {
            out.push_str(&limb.to_string());
        } else {
            out.push_str(&format!("{limb:09}"));
        }
    }
    out
}

impl<'a> Parser<'a, '_> {
    /// Converts a NUMBER token (already validated by the tokenizer).
    pub fn number(&self, text: &str, span: Span) -> PResult<Constant<'a>> {
        let clean: String = text.chars().filter(|&c| c != '_').collect();
        let lower = clean.to_ascii_lowercase();
        let radix = match lower.get(..2) {
            Some("0x") => Some(16),
            Some("0o") => Some(8),
            Some("0b") => Some(2),
            _ => None,
        };
        if let Some(radix) = radix {
            return Ok(Constant::Int(self.name(&to_decimal(&lower[2..], radix))));
        }
        if let Some(imag) = lower.strip_suffix('j') {
            return imag
                .parse::<f64>()
                .map(Constant::Complex)
                .map_err(|_| self.error_span("invalid imaginary literal", span));
        }
        if lower.contains(['.', 'e']) {
            return lower
                .parse::<f64>()
                .map(Constant::Float)
                .map_err(|_| self.error_span("invalid decimal literal", span));
        }
        Ok(Constant::Int(self.name(&to_decimal(&lower, 10))))
    }

    /// Adjacent STRING tokens: one constant, or a JoinedStr if any is an f-string.
    pub fn strings(&mut self) -> PResult<&'a Expr<'a>> {
        let start = self.start();
        let mut toks = Vec::new();
        while self.tok().kind == TokenKind::String {
            toks.push(self.advance());
        }
        let span = self.span_from(start);
        // Errors CPython raises while building the string point at the token
        // after it (the last token the parser read).
        let after = self.tok();
        let err_after = |msg: String| RawError::syntax(msg, after.start, Some(after.end));
        let mut bytes: Option<bool> = None;
        let mut any_f = false;
        let mut pieces: Vec<Piece<'a>> = Vec::new();
        let mut byte_value: Vec<u8> = Vec::new();
        for t in &toks {
            let quote_at = t.text.find(['\'', '"']).unwrap_or(0);
            let prefix = t.text[..quote_at].to_ascii_lowercase();
            let rest = &t.text[quote_at..];
            let q = if rest.starts_with("\"\"\"") || rest.starts_with("'''") {
                3
            } else {
                1
            };
            let body = &rest[q..rest.len() - q];
            let is_bytes = prefix.contains('b');
            let raw = prefix.contains('r');
            let is_f = prefix.contains('f');
            if bytes.is_some_and(|b| b != is_bytes) {
                return Err(self.error_span("cannot mix bytes and nonbytes literals", span));
            }
            bytes = Some(is_bytes);
            if is_bytes {
                if !body.is_ascii() {
                    return Err(RawError::syntax(
                        "bytes can only contain ASCII literal characters",
                        t.start,
                        Some(t.end),
                    ));
                }
                byte_value.extend(decode(body, raw, true).map_err(err_after)?.into_iter().map(
                    |c| match c {
                        Decoded::Char(c) => c as u8,
                        Decoded::Byte(b) => b,
                    },
                ));
            } else if is_f {
                any_f = true;
                self.fstring_token = Some((t.text, t.start));
                self.fstring(body, raw, span, &mut pieces, 0)
                    .map_err(|e| match e {
                        FErr::Msg(m) => err_after(m),
                        FErr::Raw(r) => r,
                    })?;
            } else {
                let s = decode_str(body, raw).map_err(err_after)?;
                push_text(&mut pieces, s);
            }
        }
        if bytes == Some(true) {
            let b = self.arena.alloc_slice_copy(&byte_value);
            return Ok(self.expr(ExprKind::Constant(Constant::Bytes(b)), span));
        }
        if !any_f {
            let s: String = pieces
                .iter()
                .map(|p| match p {
                    Piece::Text(s) => s.as_str(),
                    Piece::Field(_) => "",
                })
                .collect();
            return Ok(self.expr(ExprKind::Constant(Constant::Str(self.name(&s))), span));
        }
        Ok(self.joined(pieces, span))
    }

    fn joined(&self, pieces: Vec<Piece<'a>>, span: Span) -> &'a Expr<'a> {
        let values: Vec<&'a Expr<'a>> = pieces
            .into_iter()
            .filter_map(|p| match p {
                Piece::Text(s) if s.is_empty() => None,
                Piece::Text(s) => {
                    Some(self.expr(ExprKind::Constant(Constant::Str(self.name(&s))), span))
                }
                Piece::Field(e) => Some(e),
            })
            .collect();
        self.expr(
            ExprKind::JoinedStr {
                values: self.slice(values),
            },
            span,
        )
    }

    /// Parses an f-string body (or a format spec when `nest` > 0) into pieces.
    /// Returns the byte index where a format spec ended (at its `}`).
    fn fstring(
        &mut self,
        body: &str,
        raw: bool,
        span: Span,
        pieces: &mut Vec<Piece<'a>>,
        nest: usize,
    ) -> Result<usize, FErr> {
        let b = body.as_bytes();
        let mut i = 0;
        let mut lit = String::new();
        while i < b.len() {
            let c = b[i];
            if c == b'{' {
                if nest == 0 && b.get(i + 1) == Some(&b'{') {
                    lit.push('{');
                    i += 2;
                    continue;
                }
                push_text(pieces, decode_str(&lit, raw).map_err(FErr::Msg)?);
                lit.clear();
                i = self.field(body, i + 1, raw, span, pieces, nest)?;
            } else if c == b'}' {
                if nest > 0 {
                    push_text(pieces, decode_str(&lit, raw).map_err(FErr::Msg)?);
                    return Ok(i);
                }
                if b.get(i + 1) == Some(&b'}') {
                    lit.push('}');
                    i += 2;
                    continue;
                }
                return Err(FErr::Msg("f-string: single '}' is not allowed".into()));
            } else {
                let ch = body[i..].chars().next().unwrap_or('\0');
                lit.push(ch);
                i += ch.len_utf8();
                if ch == '\\' && !raw && i < b.len() && b[i] != b'{' && b[i] != b'}' {
                    let n = body[i..].chars().next().unwrap_or('\0');
                    lit.push(n);
                    i += n.len_utf8();
                    // `\N{name}`: the braces belong to the escape.
                    if n == 'N' && b.get(i) == Some(&b'{') {
                        if let Some(close) = body[i..].find('}') {
                            lit.push_str(&body[i..=i + close]);
                            i += close + 1;
                        }
                    }
                }
            }
        }
        if nest > 0 {
            return Err(FErr::Msg("f-string: expecting '}'".into()));
        }
        push_text(pieces, decode_str(&lit, raw).map_err(FErr::Msg)?);
        Ok(i)
    }

    /// One replacement field starting after `{` at byte `i`; returns the
    /// index after its `}`.
    fn field(
        &mut self,
        body: &str,
        i: usize,
        raw: bool,
        span: Span,
        pieces: &mut Vec<Piece<'a>>,
        nest: usize,
    ) -> Result<usize, FErr> {
        if nest >= 2 {
            return Err(FErr::Msg("f-string: expressions nested too deeply".into()));
        }
        let b = body.as_bytes();
        let mut j = i;
        let mut depth = 0i32;
        let mut quote: Option<u8> = None;
        while j < b.len() {
            let c = b[j];
            if let Some(q) = quote {
                if c == q {
                    quote = None;
                }
                if c == b'\\' {
                    return Err(FErr::Msg(
                        "f-string expression part cannot include a backslash".into(),
                    ));
                }
                j += 1;
                continue;
            }
            match c {
                b'\\' => {
                    return Err(FErr::Msg(
                        "f-string expression part cannot include a backslash".into(),
                    ))
                }
                b'#' => {
                    return Err(FErr::Msg(
                        "f-string expression part cannot include '#'".into(),
                    ))
                }
                b'\'' | b'"' => quote = Some(c),
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' if depth > 0 => depth -= 1,
                b'}' | b':' if depth == 0 => break,
                b'!' if depth == 0 && b.get(j + 1) != Some(&b'=') => break,
                b'=' if depth == 0
                    && b.get(j + 1) != Some(&b'=')
                    && !matches!(b.get(j.wrapping_sub(1)), Some(b'=' | b'!' | b'<' | b'>')) =>
                {
                    break
                }
                _ => {}
            }
            j += 1;
        }
        if quote.is_some() || depth > 0 {
            return Err(FErr::Msg("f-string: expecting '}'".into()));
        }
        let expr_text = &body[i..j];
        if expr_text.trim().is_empty() {
            return Err(FErr::Msg(if j < b.len() {
                "f-string: empty expression not allowed".into()
            } else {
                "f-string: expecting '}'".into()
            }));
        }
        if j >= b.len() {
            return Err(FErr::Msg("f-string: expecting '}'".into()));
        }
        let at = self.fstring_token.and_then(|(tok_text, start)| {
            let k = tok_text.find(expr_text)?;
            let before = &tok_text[..k];
            let lines = before.matches('\n').count() as u32;
            let col = match before.rfind('\n') {
                Some(nl) => (k - nl - 1) as u32,
                None => start.col + k as u32,
            };
            Some(super::super::token::Pos {
                line: start.line + lines,
                col,
            })
        });
        let value = parse_fstring_expr(expr_text, self.arena, self.depth + 1, at).map_err(|e| {
            FErr::Raw(RawError::syntax(
                format!("f-string: {}", e.msg),
                span.start,
                Some(span.end),
            ))
        })?;
        let mut conversion = -1;
        let mut self_doc = false;
        if b[j] == b'=' {
            self_doc = true;
            j += 1;
            let ws_end = j + body[j..].len() - body[j..].trim_start().len();
            push_text(pieces, format!("{}={}", expr_text, &body[j..ws_end]));
            j = ws_end;
        }
        if j < b.len() && b[j] == b'!' {
            let conv = b.get(j + 1).copied();
            conversion = match conv {
                Some(b's') => 115,
                Some(b'r') => 114,
                Some(b'a') => 97,
                Some(b':' | b'}') | None => {
                    return Err(FErr::Msg("f-string: missed conversion character".into()))
                }
                Some(_) => {
                    let ch = body[j + 1..].chars().next().unwrap_or('?');
                    return Err(FErr::Msg(format!(
                        "f-string: invalid conversion character '{ch}': expected 's', 'r', or 'a'"
                    )));
                }
            };
            j += 2;
        }
        let mut format_spec = None;
        if j < b.len() && b[j] == b':' {
            let mut spec = Vec::new();
            let end = self.fstring(&body[j + 1..], raw, span, &mut spec, nest + 1)?;
            format_spec = Some(self.joined(spec, span));
            j = j + 1 + end;
        }
        if j >= b.len() || b[j] != b'}' {
            return Err(FErr::Msg("f-string: expecting '}'".into()));
        }
        if self_doc && conversion == -1 && format_spec.is_none() {
            conversion = 114;
        }
        pieces.push(Piece::Field(self.expr(
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            },
            span,
        )));
        Ok(j + 1)
    }

    /// The body of an f-string replacement field: `( star_expressions )`.
    pub fn fstring_expr(&mut self) -> PResult<&'a Expr<'a>> {
        let e = self.star_expressions()?;
        if self.tok().kind != TokenKind::Newline {
            return Err(self.invalid());
        }
        Ok(e)
    }
}

/// An f-string error: a message placed at the token after the string, or a
/// fully placed error.
enum FErr {
    Msg(String),
    Raw(RawError),
}

fn push_text(pieces: &mut Vec<Piece<'_>>, s: String) {
    if let Some(Piece::Text(last)) = pieces.last_mut() {
        last.push_str(&s);
    } else {
        pieces.push(Piece::Text(s));
    }
}

/// A decoded unit of a literal.
enum Decoded {
    Char(char),
    Byte(u8),
}

fn decode_str(body: &str, raw: bool) -> Result<String, String> {
    let mut s = String::new();
    for d in decode(body, raw, false)? {
        match d {
            Decoded::Char(c) => s.push(c),
            Decoded::Byte(b) => s.push(char::from(b)),
        }
    }
    Ok(s)
}

/// Decodes escapes of a string (`bytes == false`) or bytes literal body.
fn decode(body: &str, raw: bool, bytes: bool) -> Result<Vec<Decoded>, String> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    // Error positions as CPython reports them: it decodes the body after
    // turning each non-ASCII character into a 10-byte `\UXXXXXXXX`.
    let mut pos = Vec::with_capacity(chars.len() + 1);
    let mut p = 0;
    for &(_, c) in &chars {
        pos.push(p);
        p += if c.is_ascii() { 1 } else { 10 };
    }
    pos.push(p);
    let mut i = 0;
    let codec = if bytes { "bytes" } else { "unicodeescape" };
    while i < chars.len() {
        let (_, c) = chars[i];
        let at = pos[i];
        i += 1;
        if c != '\\' || raw {
            out.push(Decoded::Char(c));
            continue;
        }
        let Some(&(_, e)) = chars.get(i) else {
            out.push(Decoded::Char('\\'));
            break;
        };
        i += 1;
        let simple = match e {
            '\n' => Some(None),
            '\\' => Some(Some('\\')),
            '\'' => Some(Some('\'')),
            '"' => Some(Some('"')),
            'a' => Some(Some('\x07')),
            'b' => Some(Some('\x08')),
            'f' => Some(Some('\x0c')),
            'n' => Some(Some('\n')),
            'r' => Some(Some('\r')),
            't' => Some(Some('\t')),
            'v' => Some(Some('\x0b')),
            _ => None,
        };
        if let Some(s) = simple {
            if let Some(c) = s {
                out.push(Decoded::Char(c));
            }
            continue;
        }
        match e {
            '0'..='7' => {
                let mut v = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.get(i).and_then(|&(_, c)| c.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            i += 1;
                        }
                        None => break,
                    }
                }
                if bytes {
                    out.push(Decoded::Byte((v & 0xff) as u8));
                } else {
                    out.push(Decoded::Char(char::from_u32(v).unwrap_or('\0')));
                }
            }
            'x' | 'u' | 'U' if e == 'x' || !bytes => {
                let n = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let digits: String = chars[i..]
                    .iter()
                    .take(n)
                    .map(|&(_, c)| c)
                    .take_while(char::is_ascii_hexdigit)
                    .collect();
                if digits.len() < n {
                    let end = at + 1 + digits.len();
                    let what = match e {
                        'x' => "\\xXX",
                        'u' => "\\uXXXX",
                        _ => "\\UXXXXXXXX",
                    };
                    return Err(format!(
                        "(unicode error) '{codec}' codec can't decode bytes in position {at}-{end}: truncated {what} escape"
                    ));
                }
                i += n;
                let v = u32::from_str_radix(&digits, 16).unwrap_or(0);
                if bytes {
                    out.push(Decoded::Byte(v as u8));
                } else {
                    match char::from_u32(v) {
                        Some(c) => out.push(Decoded::Char(c)),
                        None if v > 0x10ffff => {
                            return Err(format!(
                                "(unicode error) '{codec}' codec can't decode bytes in position {at}-{}: illegal Unicode character",
                                at + 1 + n
                            ))
                        }
                        None => {
                            return Err(
                                "pyrite cannot represent a lone surrogate in a string literal"
                                    .into(),
                            )
                        }
                    }
                }
            }
            'N' if !bytes => {
                // CPython's `\N{name}`; the error's end is one past what
                // was read.
                let byte_at = |k: usize| chars.get(k).map_or(body.len(), |&(b, _)| b);
                let mut message = "malformed \\N character escape";
                let mut end = pos[i];
                if chars.get(i).map(|&(_, c)| c) == Some('{') {
                    let start = i + 1;
                    let mut k = start;
                    while k < chars.len() && chars[k].1 != '}' {
                        k += 1;
                    }
                    end = pos[k];
                    if k < chars.len() && k > start {
                        end = pos[k + 1];
                        let name = &body[byte_at(start)..byte_at(k)];
                        if let Some(c) = unicode_names2::character(name) {
                            out.push(Decoded::Char(c));
                            i = k + 1;
                            continue;
                        }
                        message = "unknown Unicode character name";
                    }
                }
                return Err(format!(
                    "(unicode error) '{codec}' codec can't decode bytes in position {at}-{}: {message}",
                    end - 1
                ));
            }
            _ => {
                out.push(Decoded::Char('\\'));
                out.push(Decoded::Char(e));
            }
        }
    }
    Ok(out)
}
