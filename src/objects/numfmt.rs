//! The format-spec mini-language for numbers, as CPython's
//! `Python/formatter_unicode.c` and `PyOS_double_to_string` implement it:
//! `[[fill]align][sign][z][#][0][width][,|_][.precision][type]`.
//!
//! A formatted number is laid out as
//! `<lpad><sign><prefix><spad><grouped digits><decimal><remainder><rpad>`;
//! at most one of the three paddings is non-empty. With `0` padding (fill
//! `0`, align `=`) the zeros are part of the grouped digits, so separators
//! appear among them (`format(1234, '010,')` is `'00,001,234'`).
//!
//! [`double_to_string`] is `PyOS_double_to_string`: the digits of a float
//! for the `e`, `f`, `g` and `r` (repr) codes with CPython's layout rules;
//! `%`-formatting of strings can reuse it.

use num_bigint::Sign;

use super::err::{overflow_error, value_error, PyResult};
use super::int::IntValue;
use super::int_ops;

/// A parsed format spec.
#[derive(Clone, Debug)]
pub struct Spec {
    /// Padding character.
    pub fill: char,
    /// `<`, `>`, `^` or `=`.
    pub align: char,
    /// Whether an alignment was given.
    pub align_given: bool,
    /// Whether a fill character was given.
    pub fill_given: bool,
    /// `+`, `-`, `' '`, or `'\0'` when absent.
    pub sign: char,
    /// `z`: negative zero shown as zero (floats).
    pub no_neg_0: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// Minimum width, if given.
    pub width: Option<usize>,
    /// Thousands separator: `,` or `_` (or none).
    pub grouping: Option<char>,
    /// Digits per group (3, or 4 for `_` with b/o/x/X).
    pub group_len: usize,
    /// Precision, if given.
    pub precision: Option<usize>,
    /// Presentation type, or `'\0'`.
    pub ty: char,
}

/// Widths and precisions past this raise MemoryError instead of building
/// a string of gigabytes (CPython would try, and usually fail, to).
const MAX_FIELD: usize = 1 << 28;

fn get_integer(s: &[char], pos: &mut usize) -> PyResult<Option<usize>> {
    let start = *pos;
    let mut acc: usize = 0;
    while *pos < s.len() {
        let Some(d) = s[*pos].to_digit(10) else { break };
        if !s[*pos].is_ascii_digit() {
            break;
        }
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as usize))
            .filter(|&a| a <= isize::MAX as usize)
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
        *pos += 1;
    }
    Ok((*pos > start).then_some(acc))
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Parse `spec` for an object of type `type_name` whose default alignment
/// is `default_align` (`>` for numbers, `<` for strings).
pub fn parse_spec(spec: &str, type_name: &str, default_align: char) -> PyResult<Spec> {
    let s: Vec<char> = spec.chars().collect();
    let mut f = Spec {
        fill: ' ',
        align: default_align,
        align_given: false,
        fill_given: false,
        sign: '\0',
        no_neg_0: false,
        alternate: false,
        width: None,
        grouping: None,
        group_len: 3,
        precision: None,
        ty: '\0',
    };
    let mut pos = 0;
    if s.len() >= 2 && is_align(s[1]) {
        f.align = s[1];
        f.fill = s[0];
        f.fill_given = true;
        f.align_given = true;
        pos = 2;
    } else if !s.is_empty() && is_align(s[0]) {
        f.align = s[0];
        f.align_given = true;
        pos = 1;
    }
    if pos < s.len() && matches!(s[pos], '+' | '-' | ' ') {
        f.sign = s[pos];
        pos += 1;
    }
    if pos < s.len() && s[pos] == 'z' {
        f.no_neg_0 = true;
        pos += 1;
    }
    if pos < s.len() && s[pos] == '#' {
        f.alternate = true;
        pos += 1;
    }
    if !f.fill_given && pos < s.len() && s[pos] == '0' {
        f.fill = '0';
        if !f.align_given && default_align == '>' {
            f.align = '=';
        }
        pos += 1;
    }
    f.width = get_integer(&s, &mut pos)?;
    if f.width.is_some_and(|w| w > MAX_FIELD) {
        return Err(super::err::memory_error());
    }
    let both = || value_error("Cannot specify both ',' and '_'.");
    if pos < s.len() && s[pos] == ',' {
        f.grouping = Some(',');
        pos += 1;
    }
    if pos < s.len() && s[pos] == '_' {
        if f.grouping.is_some() {
            return Err(both());
        }
        f.grouping = Some('_');
        pos += 1;
    }
    if pos < s.len() && s[pos] == ',' && f.grouping == Some('_') {
        return Err(both());
    }
    if pos < s.len() && s[pos] == '.' {
        pos += 1;
        f.precision = get_integer(&s, &mut pos)?;
        match f.precision {
            None => return Err(value_error("Format specifier missing precision")),
            // Past i32::MAX each type reports its own error.
            Some(p) if p > MAX_FIELD && p <= i32::MAX as usize => {
                return Err(super::err::memory_error())
            }
            Some(_) => {}
        }
    }
    if s.len() - pos > 1 {
        return Err(value_error(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    if pos < s.len() {
        f.ty = s[pos];
    }
    if let Some(g) = f.grouping {
        match f.ty {
            'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => {}
            'b' | 'o' | 'x' | 'X' if g == '_' => f.group_len = 4,
            t => {
                return Err(value_error(if (' '..'\x7f').contains(&t) && t != ' ' {
                    format!("Cannot specify '{g}' with '{t}'.")
                } else {
                    format!("Cannot specify '{g}' with '\\x{:x}'.", t as u32)
                }))
            }
        }
    }
    Ok(f)
}

fn unknown_code(ty: char, type_name: &str) -> super::err::PyErr {
    if (' '..'\x7f').contains(&ty) && ty != ' ' {
        value_error(format!(
            "Unknown format code '{ty}' for object of type '{type_name}'"
        ))
    } else {
        value_error(format!(
            "Unknown format code '\\x{:x}' for object of type '{type_name}'",
            ty as u32
        ))
    }
}

/// The parts of a number to lay out.
struct Parts<'a> {
    sign_char: Option<char>,
    prefix: &'a str,
    digits: &'a str,
    decimal: bool,
    remainder: &'a str,
}

/// CPython's `_PyUnicode_InsertThousandsGrouping` for ASCII digits:
/// groups of `group` (None: no grouping) separated by `sep`, padded with
/// leading zeros up to `min_width` characters.
fn group_digits(digits: &str, min_width: isize, group: Option<usize>, sep: Option<char>) -> String {
    let d = digits.as_bytes();
    let mut remaining = d.len() as isize;
    let mut min_width = min_width;
    let mut pieces: Vec<String> = Vec::new(); // right to left
    let mut end = d.len();
    let sep_len = isize::from(sep.is_some());
    let take = |l: isize, remaining: &mut isize, end: &mut usize| -> String {
        let n_zeros = (l - *remaining).max(0) as usize;
        let n_chars = (*remaining).min(l).max(0) as usize;
        let start = *end - n_chars;
        let mut s = "0".repeat(n_zeros);
        s.push_str(std::str::from_utf8(&d[start..*end]).unwrap_or(""));
        *end = start;
        *remaining -= n_chars as isize;
        s
    };
    let mut broken = false;
    if let (Some(g), Some(_)) = (group, sep) {
        loop {
            let l = (g as isize).min(remaining.max(min_width).max(1));
            pieces.push(take(l, &mut remaining, &mut end));
            min_width -= l;
            if remaining <= 0 && min_width <= 0 {
                broken = true;
                break;
            }
            min_width -= sep_len;
        }
    }
    if !broken {
        let l = remaining.max(min_width).max(1);
        pieces.push(take(l, &mut remaining, &mut end));
    }
    pieces.reverse();
    match sep {
        Some(c) if group.is_some() => pieces.join(&c.to_string()),
        _ => pieces.concat(),
    }
}

/// Lay out a number (CPython's `calc_number_widths` + `fill_number`).
fn layout(p: &Parts<'_>, f: &Spec, locale_grouping: bool) -> String {
    let sign = match f.sign {
        '+' => Some(if p.sign_char == Some('-') { '-' } else { '+' }),
        ' ' => Some(if p.sign_char == Some('-') { '-' } else { ' ' }),
        _ => p.sign_char.filter(|&c| c == '-'),
    };
    let n_sign = usize::from(sign.is_some());
    let n_prefix = p.prefix.chars().count();
    let n_remainder = p.remainder.chars().count();
    let n_decimal = usize::from(p.decimal);
    let non_digit = (n_sign + n_prefix + n_decimal + n_remainder) as isize;
    let width = f.width.map_or(-1, |w| w as isize);
    let min_width = if f.fill == '0' && f.align == '=' {
        width - non_digit
    } else {
        0
    };
    let (group, sep) = match (f.grouping, locale_grouping) {
        (Some(c), false) => (Some(f.group_len), Some(c)),
        _ => (None, None),
    };
    let grouped = if p.digits.is_empty() {
        String::new()
    } else {
        group_digits(p.digits, min_width, group, sep)
    };
    let n_grouped = grouped.chars().count() as isize;
    let padding = (width - (non_digit + n_grouped)).max(0) as usize;
    let (mut lpad, mut spad, mut rpad) = (0, 0, 0);
    match f.align {
        '<' => rpad = padding,
        '^' => {
            lpad = padding / 2;
            rpad = padding - lpad;
        }
        '=' => spad = padding,
        _ => lpad = padding,
    }
    let fill = |n: usize| std::iter::repeat_n(f.fill, n);
    let mut out = String::new();
    out.extend(fill(lpad));
    if let Some(c) = sign {
        out.push(c);
    }
    out.push_str(p.prefix);
    out.extend(fill(spad));
    out.push_str(&grouped);
    if p.decimal {
        out.push('.');
    }
    out.push_str(p.remainder);
    out.extend(fill(rpad));
    out
}

/// `format(int, spec)` for a non-empty spec.
pub fn format_int(v: &IntValue, spec: &str) -> PyResult<String> {
    format_int_named(v, spec, "int")
}

/// As [`format_int`] with the type name used in error messages.
pub fn format_int_named(v: &IntValue, spec: &str, type_name: &str) -> PyResult<String> {
    let mut f = parse_spec(spec, type_name, '>')?;
    if f.ty == '\0' {
        f.ty = 'd';
    }
    match f.ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let x = int_ops::to_f64(v)?;
            return format_float_spec(x, &f);
        }
        t => return Err(unknown_code(t, type_name)),
    }
    if f.precision.is_some() {
        return Err(value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if f.no_neg_0 {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if f.ty == 'c' {
        if f.sign != '\0' {
            return Err(value_error(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if f.alternate {
            return Err(value_error(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let ch = super::float_ops::small_int(v)
            .and_then(|x| u32::try_from(x).ok())
            .filter(|&x| x <= 0x10ffff)
            .ok_or_else(|| overflow_error("%c arg not in range(0x110000)"))?;
        let s: String = char::from_u32(ch)
            .map(String::from)
            .unwrap_or_else(|| lone_surrogate(ch));
        let p = Parts {
            sign_char: None,
            prefix: "",
            digits: "",
            decimal: false,
            remainder: &s,
        };
        return Ok(layout(&p, &f, false));
    }
    let negative = int_ops::signum(v) < 0;
    let (radix, prefix) = match f.ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let digits = magnitude_digits(v, radix)?;
    let digits = if f.ty == 'X' {
        digits.to_ascii_uppercase()
    } else {
        digits
    };
    let p = Parts {
        sign_char: negative.then_some('-'),
        prefix: if f.alternate { prefix } else { "" },
        digits: &digits,
        decimal: false,
        remainder: "",
    };
    Ok(layout(&p, &f, f.ty == 'n'))
}

/// A lone surrogate cannot live in a Rust string: pyrite's str cannot
/// hold one, so `%c` of a surrogate gives the replacement character.
fn lone_surrogate(_cp: u32) -> String {
    '\u{fffd}'.to_string()
}

/// The digits of `|v|` in `radix` (decimal obeys the conversion limit).
fn magnitude_digits(v: &IntValue, radix: u32) -> PyResult<String> {
    Ok(match v {
        IntValue::Small(s) => {
            let m = s.unsigned_abs();
            match radix {
                2 => format!("{m:b}"),
                8 => format!("{m:o}"),
                16 => format!("{m:x}"),
                _ => m.to_string(),
            }
        }
        IntValue::Big(b) => {
            if radix == 10 {
                let s = super::int_methods::int_to_decimal(v)?;
                if b.sign() == Sign::Minus {
                    s[1..].to_string()
                } else {
                    s
                }
            } else {
                b.magnitude().to_str_radix(radix)
            }
        }
    })
}

// ---- floats ------------------------------------------------------------

/// `PyOS_double_to_string` flags.
#[derive(Clone, Copy, Debug, Default)]
pub struct DtsFlags {
    /// Always add a sign (`+` for non-negative).
    pub sign: bool,
    /// Add `.0` to an integer-looking result (repr-like).
    pub add_dot_0: bool,
    /// Alternate form: keep the decimal point and trailing zeros.
    pub alt: bool,
    /// Drop the sign of a result that rounds to zero.
    pub no_neg_0: bool,
}

/// Digits of `x` (finite, >= 0) without trailing zeros and the position
/// of the decimal point (CPython's `_Py_dg_dtoa` output).
/// `mode` 0: shortest round-trip; 2: `n` significant digits; 3: `n`
/// digits after the point.
fn dtoa(x: f64, mode: u8, n: usize) -> (String, i32) {
    if x == 0.0 {
        return ("0".into(), 1);
    }
    match mode {
        0 => {
            let r = super::float_repr::float_repr(x);
            let (mant, exp) = match r.split_once('e') {
                Some((m, e)) => (m.to_string(), e.parse::<i32>().unwrap_or(0)),
                None => (r.clone(), 0),
            };
            let (ip, fp) = mant.split_once('.').unwrap_or((&mant, ""));
            let all = format!("{ip}{fp}");
            let lead = all.len() - all.trim_start_matches('0').len();
            let digits = all.trim_start_matches('0').trim_end_matches('0');
            let decpt = ip.len() as i32 - lead as i32 + exp;
            if digits.is_empty() {
                ("0".into(), 1)
            } else {
                (digits.to_string(), decpt)
            }
        }
        2 => {
            let s = format!("{:.*e}", n.saturating_sub(1), x);
            let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
            let exp: i32 = exp.parse().unwrap_or(0);
            let digits: String = mant.chars().filter(|c| *c != '.').collect();
            let digits = digits.trim_end_matches('0');
            if digits.is_empty() {
                ("0".into(), 1)
            } else {
                (digits.to_string(), exp + 1)
            }
        }
        _ => {
            let s = format!("{:.*}", n, x);
            let (ip, fp) = s.split_once('.').unwrap_or((&s, ""));
            let all = format!("{ip}{fp}");
            let trimmed = all.trim_start_matches('0');
            let lead = all.len() - trimmed.len();
            let digits = trimmed.trim_end_matches('0');
            if digits.is_empty() {
                // Rounded to zero: no digits, the point after n places.
                (String::new(), -(n as i32))
            } else {
                (digits.to_string(), ip.len() as i32 - lead as i32)
            }
        }
    }
}

/// `PyOS_double_to_string(x, code, precision, flags)`: `code` is one of
/// `e E f F g G r` (`r`: repr digits, precision unused).
pub fn double_to_string(x: f64, code: char, precision: usize, flags: DtsFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    if x.is_nan() || x.is_infinite() {
        let body = if x.is_nan() { "nan" } else { "inf" };
        let body = if upper {
            body.to_ascii_uppercase()
        } else {
            body.to_string()
        };
        let neg = x.is_infinite() && x < 0.0;
        let sign = if neg {
            "-"
        } else if flags.sign {
            "+"
        } else {
            ""
        };
        return format!("{sign}{body}");
    }
    let (mode, precision) = match code {
        'e' => (2, precision + 1),
        'f' => (3, precision),
        'g' => (2, precision.max(1)),
        _ => (0, 0),
    };
    let (digits, decpt) = dtoa(x.abs(), mode, precision);
    let mut negative = x.is_sign_negative();
    if flags.no_neg_0 && negative && digits.bytes().all(|c| c == b'0') {
        negative = false;
    }
    let digits_len = digits.len() as i64;
    let mut decpt = i64::from(decpt);
    let mut use_exp = false;
    let mut vdigits_end = digits_len;
    if code == 'e' {
        use_exp = true;
        vdigits_end = precision as i64;
    } else if code == 'f' {
        vdigits_end = decpt + precision as i64;
    } else if code == 'g' {
        let limit = if flags.add_dot_0 {
            precision as i64 - 1
        } else {
            precision as i64
        };
        if decpt <= -4 || decpt > limit {
            use_exp = true;
        }
        if flags.alt {
            vdigits_end = precision as i64;
        }
    } else if decpt <= -4 || decpt > 16 {
        use_exp = true;
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && flags.add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }
    let zeros = |n: i64| "0".repeat(n.max(0) as usize);
    let mut out = String::new();
    if negative {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    if decpt <= 0 {
        out.push_str(&zeros(decpt - vdigits_start));
        out.push('.');
        out.push_str(&zeros(-decpt));
    } else {
        out.push_str(&zeros(-vdigits_start));
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    } else {
        out.push_str(&digits);
    }
    if digits_len < decpt {
        out.push_str(&zeros(decpt - digits_len));
        out.push('.');
        out.push_str(&zeros(vdigits_end - decpt));
    } else {
        out.push_str(&zeros(vdigits_end - digits_len));
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        let sign = if exp < 0 { '-' } else { '+' };
        out.push_str(&format!("{sign}{:02}", exp.unsigned_abs()));
    }
    out
}

/// `format(float, spec)` for a non-empty spec.
pub fn format_float(x: f64, spec: &str) -> PyResult<String> {
    let f = parse_spec(spec, "float", '>')?;
    format_float_spec(x, &f)
}

/// Split formatted float text into its layout parts.
fn float_parts(buf: &str) -> Parts<'_> {
    let (sign_char, body) = match buf.strip_prefix('-') {
        Some(rest) => (Some('-'), rest),
        None => (None, buf),
    };
    let ndig = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(ndig);
    let (decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    Parts {
        sign_char,
        prefix: "",
        digits,
        decimal,
        remainder,
    }
}

fn float_text(x: f64, f: &Spec, type_name: &str) -> PyResult<(String, bool)> {
    let mut flags = DtsFlags {
        alt: f.alternate,
        no_neg_0: f.no_neg_0,
        ..DtsFlags::default()
    };
    let mut ty = f.ty;
    let mut default_precision = 6;
    if ty == '\0' {
        flags.add_dot_0 = true;
        ty = 'r';
        default_precision = 0;
    }
    match ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%' | 'r' => {}
        t => return Err(unknown_code(t, type_name)),
    }
    if ty == 'n' {
        ty = 'g';
    }
    let mut val = x;
    let mut pct = false;
    if ty == '%' {
        ty = 'f';
        val *= 100.0;
        pct = true;
    }
    let precision = match f.precision {
        None => default_precision,
        Some(p) => {
            if p > i32::MAX as usize {
                return Err(value_error("precision too big"));
            }
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
    };
    let mut buf = double_to_string(val, ty, precision, flags);
    if pct {
        buf.push('%');
    }
    Ok((buf, f.ty == 'n'))
}

fn format_float_spec(x: f64, f: &Spec) -> PyResult<String> {
    let (buf, locale) = float_text(x, f, "float")?;
    if f.sign != '+' && f.sign != ' ' && f.width.is_none() && !locale && f.grouping.is_none() {
        return Ok(buf);
    }
    Ok(layout(&float_parts(&buf), f, locale))
}

/// `format(complex, spec)` for a non-empty spec (CPython's
/// `format_complex_internal`).
pub fn format_complex(re: f64, im: f64, spec: &str) -> PyResult<String> {
    let f = parse_spec(spec, "complex", '>')?;
    if f.fill == '0' && !f.fill_given && f.align == '=' && !f.align_given {
        return Err(value_error(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if f.align == '=' {
        return Err(value_error(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let mut ty = f.ty;
    let mut skip_re = false;
    let mut add_parens = false;
    let mut default_precision = 6;
    if ty == '\0' {
        ty = 'r';
        default_precision = 0;
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            add_parens = true;
        }
    }
    match ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | 'r' => {}
        t => return Err(unknown_code(t, "complex")),
    }
    if ty == 'n' {
        ty = 'g';
    }
    let precision = match f.precision {
        None => default_precision,
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
    };
    let flags = DtsFlags {
        alt: f.alternate,
        no_neg_0: f.no_neg_0,
        ..DtsFlags::default()
    };
    let re_buf = double_to_string(re, ty, precision, flags);
    let im_buf = double_to_string(im, ty, precision, flags);
    let part_spec = Spec {
        width: None,
        fill: ' ',
        align: '>',
        ..f.clone()
    };
    let mut body = String::new();
    if !skip_re {
        body.push_str(&layout(&float_parts(&re_buf), &part_spec, false));
    }
    let im_spec = Spec {
        sign: if skip_re { f.sign } else { '+' },
        ..part_spec.clone()
    };
    body.push_str(&layout(&float_parts(&im_buf), &im_spec, false));
    body.push('j');
    if add_parens {
        body = format!("({body})");
    }
    let n = body.chars().count();
    let width = f.width.unwrap_or(0);
    if n >= width {
        return Ok(body);
    }
    let pad = width - n;
    let (l, r) = match f.align {
        '<' => (0, pad),
        '^' => (pad / 2, pad - pad / 2),
        _ => (pad, 0),
    };
    let fill = |k: usize| std::iter::repeat_n(f.fill, k).collect::<String>();
    Ok(format!("{}{body}{}", fill(l), fill(r)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(x: f64, code: char, p: usize) -> String {
        double_to_string(x, code, p, DtsFlags::default())
    }

    #[test]
    fn fixed_exponent_and_general() {
        assert_eq!(d(2.675, 'f', 2), "2.67");
        assert_eq!(d(0.5, 'f', 0), "0");
        assert_eq!(d(1.5, 'f', 0), "2");
        assert_eq!(d(100.0, 'e', 6), "1.000000e+02");
        assert_eq!(d(0.0001, 'g', 6), "0.0001");
        assert_eq!(d(0.00001, 'g', 6), "1e-05");
        assert_eq!(d(-0.0001, 'f', 2), "-0.00");
        assert_eq!(d(f64::INFINITY, 'F', 2), "INF");
    }

    #[test]
    fn grouping_with_zero_padding() {
        let v = IntValue::Small(12345);
        assert_eq!(
            format_int(&v, "0=12,").ok().as_deref(),
            Some("0,000,012,345")
        );
        assert_eq!(
            format_int(&v, "x=12,").ok().as_deref(),
            Some("xxxxxx12,345")
        );
        let v = IntValue::Small(255);
        assert_eq!(format_int(&v, "#010_x").ok().as_deref(), Some("0x000_00ff"));
    }
}
