//! Tokens: what the tokenizer hands the parser. A token is a kind, the
//! source slice it covers and its start and end [`Pos`].
//!
//! Invariant TOK-1: `text` is exactly the source between `start` and `end`
//! (both on the normalized source, where every line ends in `\n`), except for
//! NEWLINE at end of input, INDENT, DEDENT and ENDMARKER whose text is empty.

/// A position in the source: 1-based line, 0-based column in UTF-8 bytes
/// (the unit of CPython's `ast` `col_offset`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    /// 1-based line number.
    pub line: u32,
    /// 0-based byte offset inside the line.
    pub col: u32,
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// An identifier or keyword (keywords are told apart by the parser).
    Name,
    /// A numeric literal, validated but not yet converted.
    Number,
    /// A string literal with its prefix and quotes, validated for termination.
    String,
    /// End of a logical line.
    Newline,
    /// The indentation grew.
    Indent,
    /// The indentation shrank by one level.
    Dedent,
    /// An operator or delimiter; its text says which.
    Op,
    /// End of input.
    EndMarker,
}

/// One token of the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'src> {
    /// The kind.
    pub kind: TokenKind,
    /// The covered source text (TOK-1).
    pub text: &'src str,
    /// Where the token starts.
    pub start: Pos,
    /// Where the token ends (exclusive).
    pub end: Pos,
}

impl Token<'_> {
    /// True when this is the operator or delimiter `op`.
    pub fn is_op(&self, op: &str) -> bool {
        self.kind == TokenKind::Op && self.text == op
    }

    /// True when this is the name (or keyword) `name`.
    pub fn is_name(&self, name: &str) -> bool {
        self.kind == TokenKind::Name && self.text == name
    }
}

/// Python 3.11's hard keywords: names the grammar reserves.
pub const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// True when `name` is a hard keyword.
pub fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name)
}
