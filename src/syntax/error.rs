//! `SyntaxError`: the value every bad input turns into, and its rendering as
//! CPython 3.11 prints the tail of an uncaught one (`File` line, source line,
//! caret line, `Kind: message`).
//!
//! Invariant ERR-1: `offset` and `end_offset` are CPython's: 1-based and
//! counted in characters of `text`; 0 means "no column" and, like a column
//! inside the stripped indentation, prints no caret line.

use std::fmt;

use super::token::Pos;

/// Which exception class CPython would raise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// `SyntaxError`.
    SyntaxError,
    /// `IndentationError` (a subclass of `SyntaxError`).
    IndentationError,
    /// `TabError` (a subclass of `IndentationError`).
    TabError,
}

impl SyntaxErrorKind {
    /// The Python class name.
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
        }
    }
}

/// A syntax error with CPython's attributes (`msg`, `filename`, `lineno`,
/// `offset`, `end_lineno`, `end_offset`, `text`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// The exception class.
    pub kind: SyntaxErrorKind,
    /// The message, e.g. `invalid syntax`.
    pub msg: String,
    /// The file name as given to the parser.
    pub filename: String,
    /// 1-based line of the error.
    pub lineno: u32,
    /// 1-based character column (ERR-1).
    pub offset: u32,
    /// 1-based line where the error range ends.
    pub end_lineno: u32,
    /// 1-based exclusive character column where the range ends; 0 for none (ERR-1).
    pub end_offset: u32,
    /// The source line of `lineno`, with its newline if it had one.
    pub text: Option<String>,
}

impl std::error::Error for SyntaxError {}

impl fmt::Display for SyntaxError {
    /// Renders like CPython 3.11's `print_exception` for a syntax error,
    /// without the final newline.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "  File \"{}\", line {}", self.filename, self.lineno)?;
        if let Some(text) = &self.text {
            write_error_text(f, self.offset as i64, self.end_offset as i64, text)?;
        }
        write!(f, "{}: {}", self.kind.name(), self.msg)
    }
}

/// CPython's `print_error_text`: the stripped source line and the caret line.
fn write_error_text(
    f: &mut fmt::Formatter<'_>,
    offset: i64,
    end_offset: i64,
    text: &str,
) -> fmt::Result {
    let carets = if end_offset > 0 && end_offset > offset {
        end_offset - offset
    } else {
        1
    };
    let mut offset = offset - 1;
    let mut text: Vec<char> = text.chars().collect();
    let lead = text
        .iter()
        .take_while(|c| matches!(c, ' ' | '\t' | '\x0c'))
        .count();
    text.drain(..lead);
    offset -= lead as i64;
    let mut len = text.len() as i64;
    if len > 0 && text[len as usize - 1] == '\n' {
        len -= 1;
    }
    if offset > len {
        offset = len;
    }
    while let Some(nl) = text.iter().position(|&c| c == '\n') {
        let inl = nl as i64;
        if inl >= offset {
            break;
        }
        text.drain(..=nl);
        len -= inl + 1;
        offset -= inl + 1;
    }
    let shown: String = text.iter().collect();
    f.write_str("    ")?;
    f.write_str(&shown)?;
    if text.get(len.max(0) as usize) != Some(&'\n') {
        f.write_str("\n")?;
    }
    if offset < 0 {
        return Ok(());
    }
    f.write_str("    ")?;
    for _ in 0..offset {
        f.write_str(" ")?;
    }
    for _ in 0..carets {
        f.write_str("^")?;
    }
    f.write_str("\n")
}

/// Where an error points before it is tied to a file: byte columns on the
/// normalized source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ErrorLoc {
    /// A range; `end` is exclusive, `None` prints one caret.
    Range(Pos, Option<Pos>),
    /// A line with no column (CPython's offset 0): no caret line.
    Line(u32),
}

/// A syntax error found by the tokenizer or parser, not yet tied to a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RawError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub loc: ErrorLoc,
}

impl RawError {
    /// A `SyntaxError` over `start..end`.
    pub fn syntax(msg: impl Into<String>, start: Pos, end: Option<Pos>) -> RawError {
        RawError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: msg.into(),
            loc: ErrorLoc::Range(start, end),
        }
    }

    /// The line the error points at.
    pub fn line(&self) -> u32 {
        match self.loc {
            ErrorLoc::Range(p, _) => p.line,
            ErrorLoc::Line(l) => l,
        }
    }

    /// Ties the error to `filename` and converts byte columns to CPython's
    /// character offsets (ERR-1). `source` is the normalized source.
    pub fn finish(self, source: &str, filename: &str) -> SyntaxError {
        let line_text = |line: u32| -> Option<&str> {
            if line == 0 {
                return None;
            }
            source.split_inclusive('\n').nth(line as usize - 1)
        };
        let (lineno, offset, end_lineno, end_offset) = match self.loc {
            ErrorLoc::Line(l) => (l, 0, l, 0),
            ErrorLoc::Range(start, end) => {
                let text = line_text(start.line).unwrap_or("");
                let offset = char_offset(text, start.col as usize);
                match end {
                    Some(end) => {
                        let end_text = line_text(end.line).unwrap_or("");
                        (
                            start.line,
                            offset,
                            end.line,
                            char_offset(end_text, end.col as usize),
                        )
                    }
                    None => (start.line, offset, start.line, 0),
                }
            }
        };
        let text = line_text(lineno).map(str::to_owned);
        SyntaxError {
            kind: self.kind,
            msg: self.msg,
            filename: filename.to_owned(),
            lineno,
            offset,
            end_lineno,
            end_offset,
            text,
        }
    }
}

/// CPython's `_PyPegen_byte_offset_to_character_offset` for a 0-based byte
/// column: the number of characters in the first `col + 1` bytes, a cut
/// character and the terminating NUL counting as one each.
fn char_offset(line: &str, col: usize) -> u32 {
    let bytes = line.as_bytes();
    let n = (col + 1).min(bytes.len() + 1);
    let within = n.min(bytes.len());
    let count = String::from_utf8_lossy(&bytes[..within]).chars().count();
    (count + usize::from(n > bytes.len())) as u32
}
