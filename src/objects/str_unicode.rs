//! Character classes and case mappings as CPython's `unicodedata`-backed
//! predicates define them, built on Rust's Unicode tables: white space
//! (with the ASCII separators 0x1C–0x1F), line breaks, decimal / digit /
//! numeric characters, letters, title case, and case folding.
//!
//! Rust's standard library has no General_Category table, so the classes
//! that need one (decimal digits, title-case letters, letter numbers) use
//! the short tables below: exact for every script's decimal digits up to
//! Unicode 14 and for the title-case letters, approximate for rare
//! numeric characters.

/// `str.isspace` for one character (bidirectional WS/B/S or category Zs).
#[inline]
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// A line boundary of `str.splitlines`.
#[inline]
pub fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\u{0b}'
            | '\u{0c}'
            | '\u{1c}'
            | '\u{1d}'
            | '\u{1e}'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// First code points of the runs of ten decimal digits (category Nd).
const DECIMAL_ZEROS: &[u32] = &[
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// The decimal value of a decimal digit (category Nd).
pub fn decimal_value(c: char) -> Option<u32> {
    let cp = c as u32;
    if cp < 0x80 {
        return c.to_digit(10);
    }
    let k = DECIMAL_ZEROS.partition_point(|&z| z <= cp);
    if k == 0 {
        return None;
    }
    let zero = DECIMAL_ZEROS[k - 1];
    if cp - zero < 10 {
        Some(cp - zero)
    } else {
        None
    }
}

/// `str.isdecimal` for one character.
#[inline]
pub fn is_decimal(c: char) -> bool {
    decimal_value(c).is_some()
}

/// `str.isdigit` for one character: decimals and the other characters
/// with Numeric_Type=Digit (superscripts, subscripts, circled digits …).
pub fn is_digit(c: char) -> bool {
    if is_decimal(c) {
        return true;
    }
    let cp = c as u32;
    matches!(cp,
        0xB2 | 0xB3 | 0xB9 | 0x1369..=0x1371 | 0x19DA | 0x2070 | 0x2074..=0x2079
        | 0x2080..=0x2089 | 0x2460..=0x2468 | 0x2474..=0x247C | 0x2488..=0x2490
        | 0x24EA | 0x24F5..=0x24FD | 0x24FF | 0x2776..=0x277E | 0x2780..=0x2788
        | 0x278A..=0x2792 | 0x10A40..=0x10A43 | 0x1F100..=0x1F10A)
}

/// `str.isnumeric` for one character: Rust's numeric classes (Nd, Nl, No)
/// plus the CJK ideographs with a numeric value.
pub fn is_numeric(c: char) -> bool {
    c.is_numeric()
        || matches!(
            c,
            '〇' | '一'
                | '二'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
                | '百'
                | '千'
                | '万'
                | '億'
                | '兆'
                | '零'
                | '壹'
                | '贰'
                | '貳'
                | '叁'
                | '參'
                | '肆'
                | '伍'
                | '陆'
                | '陸'
                | '柒'
                | '捌'
                | '玖'
                | '拾'
                | '佰'
                | '仟'
                | '廿'
                | '卅'
                | '卌'
        )
}

/// Letter numbers (category Nl): alphabetic to Rust, not to `isalpha`.
fn is_letter_number(c: char) -> bool {
    matches!(c as u32,
        0x16EE..=0x16F0 | 0x2160..=0x2182 | 0x2185..=0x2188 | 0x3007 | 0x3021..=0x3029
        | 0x3038..=0x303A | 0xA6E6..=0xA6EF | 0x10140..=0x10174 | 0x10341 | 0x1034A
        | 0x103D1..=0x103D5 | 0x12400..=0x1246E)
}

/// `str.isalpha` for one character (categories Lu, Ll, Lt, Lm, Lo),
/// approximated as Rust's Alphabetic minus letter numbers and marks.
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    c.is_alphabetic() && !is_letter_number(c) && !is_combining_mark(c)
}

/// Common combining marks (Mn/Mc) that Rust counts as Alphabetic.
fn is_combining_mark(c: char) -> bool {
    matches!(c as u32,
        0x300..=0x36F | 0x483..=0x489 | 0x591..=0x5BD | 0x5BF | 0x5C1..=0x5C2 | 0x5C4..=0x5C5
        | 0x5C7 | 0x610..=0x61A | 0x64B..=0x65F | 0x670 | 0x6D6..=0x6DC | 0x6DF..=0x6E4
        | 0x6E7..=0x6E8 | 0x6EA..=0x6ED | 0x900..=0x903 | 0x93A..=0x93C | 0x93E..=0x94F
        | 0x951..=0x957 | 0x962..=0x963 | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF
        | 0xFE20..=0xFE2F)
}

/// `str.isalnum` for one character.
pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}

/// Title-case letters (category Lt).
pub fn is_titlecase(c: char) -> bool {
    matches!(c as u32,
        0x1C5 | 0x1C8 | 0x1CB | 0x1F2 | 0x1F88..=0x1F8F | 0x1F98..=0x1F9F | 0x1FA8..=0x1FAF
        | 0x1FBC | 0x1FCC | 0x1FFC)
}

/// Whether a character has case (CPython's `_PyUnicode_IsCased`).
#[inline]
pub fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_titlecase(c)
}

/// Push the title-case mapping of `c` (CPython's `_PyUnicode_ToTitleFull`).
pub fn push_title(c: char, out: &mut String) {
    let t = match c as u32 {
        0x1C4..=0x1C6 => Some('\u{1C5}'),
        0x1C7..=0x1C9 => Some('\u{1C8}'),
        0x1CA..=0x1CC => Some('\u{1CB}'),
        0x1F1..=0x1F3 => Some('\u{1F2}'),
        _ if is_titlecase(c) => Some(c),
        _ => None,
    };
    if let Some(t) = t {
        out.push(t);
        return;
    }
    let mut up = c.to_uppercase();
    if up.len() == 1 {
        out.extend(up);
        return;
    }
    // Multi-character upper case (ß → SS, ﬁ → FI): title case is the first
    // letter upper, the rest lower (ß → Ss, ﬁ → Fi).
    if let Some(first) = up.next() {
        out.push(first);
    }
    for rest in up {
        out.extend(rest.to_lowercase());
    }
}

/// Push the lower-case mapping of `chars[i]`, with the final-sigma rule
/// (Σ at the end of a word becomes ς).
pub fn push_lower(chars: &[char], i: usize, out: &mut String) {
    let c = chars[i];
    if c == 'Σ' {
        out.push(if is_final_sigma(chars, i) { 'ς' } else { 'σ' });
        return;
    }
    out.extend(c.to_lowercase());
}

/// CPython's `handle_capital_sigma`: a cased letter (skipping
/// case-ignorable ones) before, and none after.
fn is_final_sigma(chars: &[char], i: usize) -> bool {
    let before = chars[..i]
        .iter()
        .rev()
        .find(|c| !is_case_ignorable(**c))
        .is_some_and(|c| is_cased(*c));
    let after = chars[i + 1..]
        .iter()
        .find(|c| !is_case_ignorable(**c))
        .is_some_and(|c| is_cased(*c));
    before && !after
}

/// Case-ignorable characters (apostrophes, periods, modifier letters and
/// combining marks — an approximation of the Unicode property).
fn is_case_ignorable(c: char) -> bool {
    matches!(
        c,
        '\'' | '.' | ':' | '^' | '`' | '\u{ad}' | '\u{b7}' | '\u{2019}'
    ) || is_combining_mark(c)
        || ('\u{2b0}'..='\u{36f}').contains(&c)
}

/// Push the case folding of `c` (`str.casefold`).
pub fn push_casefold(c: char, out: &mut String) {
    match c {
        'ς' => out.push('σ'),
        'ſ' => out.push('s'),
        _ => {
            let up = c.to_uppercase();
            if up.len() > 1 {
                for u in up {
                    out.extend(u.to_lowercase());
                }
            } else {
                out.extend(c.to_lowercase());
            }
        }
    }
}

/// `str.isidentifier` (XID_Start then XID_Continue, approximated by the
/// alphabetic and numeric classes).
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || is_alpha(c) || is_letter_number(c) => {}
        _ => return false,
    }
    chars.all(|c| {
        c == '_'
            || c.is_alphanumeric()
            || is_combining_mark(c)
            || c == '\u{b7}'
            || ('\u{203f}'..='\u{2040}').contains(&c)
    })
}
