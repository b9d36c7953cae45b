//! Text formatting: the format-spec mini-language ([`parse_spec`], used by
//! `str.__format__` and open to the number types), `format(value, spec)`
//! through the `__format__` protocol, `str.format` / `format_map` (fields,
//! attribute and index access, conversions, nested specs), and printf-style
//! `%` formatting for `str` and `bytes` with CPython's messages.

use std::borrow::Cow;

use super::err::{key_error, overflow_error, type_error, value_error, PyErr, PyResult};
use super::float::as_float;
use super::int::{as_int, new_int};
use super::object::{PyObject, Ref};
use super::protocol;
use super::str::{as_str, is_exact_str, new_str};
use super::tuple::{is_tuple, items};

// ---------------------------------------------------------------------------
// The format-spec mini-language.

/// A parsed standard format specifier
/// (`[[fill]align][sign][z][#][0][width][grouping][.precision][type]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    /// The fill character (default space).
    pub fill: char,
    /// `<`, `>`, `^` or `=`; `None`: the type's default.
    pub align: Option<char>,
    /// `+`, `-` or space.
    pub sign: Option<char>,
    /// `z`: coerce negative zero to zero.
    pub no_neg_zero: bool,
    /// `#`.
    pub alternate: bool,
    /// The minimum width.
    pub width: Option<usize>,
    /// `,` or `_` (for `_` with b/o/x/X: every four digits).
    pub grouping: Option<char>,
    /// The precision.
    pub precision: Option<usize>,
    /// The presentation type; `None` when absent and no default was given.
    pub kind: Option<char>,
}

fn too_many_digits() -> PyErr {
    value_error("Too many decimal digits in format string")
}

/// Read decimal digits at `*pos`: `Ok(None)` when there are none.
fn read_int(chars: &[char], pos: &mut usize) -> PyResult<Option<usize>> {
    let start = *pos;
    let mut v: usize = 0;
    while let Some(d) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        v = v
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize))
            .filter(|v| *v <= isize::MAX as usize)
            .ok_or_else(too_many_digits)?;
        *pos += 1;
    }
    Ok(if *pos == start { None } else { Some(v) })
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '^' | '=')
}

/// The message CPython writes for a character in a format error:
/// printable ASCII as itself, anything else as `\x..`.
fn shown_char(c: char) -> String {
    if (' '..='~').contains(&c) && c != ' ' {
        c.to_string()
    } else {
        format!("\\x{:x}", c as u32)
    }
}

/// Parse a standard format spec (CPython's
/// `parse_internal_render_format_spec`). `default_kind` fills an absent
/// type; `default_align` is `>` for numbers (which makes a leading `0`
/// mean `=` alignment) and `<` for text; `type_name` names the object in
/// the "Invalid format specifier" message.
pub fn parse_spec(
    spec: &str,
    default_kind: Option<char>,
    default_align: char,
    type_name: &str,
) -> PyResult<FormatSpec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut out = FormatSpec {
        fill: ' ',
        align: None,
        sign: None,
        no_neg_zero: false,
        alternate: false,
        width: None,
        grouping: None,
        precision: None,
        kind: default_kind,
    };
    let mut pos = 0;
    let mut fill_given = false;
    if chars.len() >= 2 && is_align(chars[1]) {
        out.fill = chars[0];
        out.align = Some(chars[1]);
        fill_given = true;
        pos = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        out.align = Some(chars[0]);
        pos = 1;
    }
    if let Some(&c @ ('+' | '-' | ' ')) = chars.get(pos) {
        out.sign = Some(c);
        pos += 1;
    }
    if chars.get(pos) == Some(&'z') {
        out.no_neg_zero = true;
        pos += 1;
    }
    if chars.get(pos) == Some(&'#') {
        out.alternate = true;
        pos += 1;
    }
    if !fill_given && chars.get(pos) == Some(&'0') {
        out.fill = '0';
        if out.align.is_none() && default_align == '>' {
            out.align = Some('=');
        }
        pos += 1;
    }
    out.width = read_int(&chars, &mut pos)?;
    let both = || value_error("Cannot specify both ',' and '_'.");
    if chars.get(pos) == Some(&',') {
        out.grouping = Some(',');
        pos += 1;
    }
    if chars.get(pos) == Some(&'_') {
        if out.grouping.is_some() {
            return Err(both());
        }
        out.grouping = Some('_');
        pos += 1;
    }
    if chars.get(pos) == Some(&',') && out.grouping == Some('_') {
        return Err(both());
    }
    if chars.get(pos) == Some(&'.') {
        pos += 1;
        match read_int(&chars, &mut pos)? {
            Some(p) => out.precision = Some(p),
            None => return Err(value_error("Format specifier missing precision")),
        }
    }
    if chars.len() - pos > 1 {
        return Err(value_error(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    if chars.len() - pos == 1 {
        out.kind = Some(chars[pos]);
    }
    if let Some(g) = out.grouping {
        let ok = match out.kind {
            None => true,
            Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('b' | 'o' | 'x' | 'X') => g == '_',
            _ => false,
        };
        if !ok {
            let k = out.kind.unwrap_or('\0');
            return Err(value_error(format!(
                "Cannot specify '{g}' with '{}'.",
                shown_char(k)
            )));
        }
    }
    Ok(out)
}

/// Pad `text` (of `len` code points) to `width` with `fill`, aligned per
/// `align` (`<`, `>`, `^`; CPython puts the odd pad on the right).
pub fn pad(text: &str, len: usize, width: Option<usize>, fill: char, align: char) -> String {
    let width = width.unwrap_or(0);
    if len >= width {
        return text.to_string();
    }
    let total = width - len;
    let (left, right) = match align {
        '>' | '=' => (total, 0),
        '^' => (total / 2, total - total / 2),
        _ => (0, total),
    };
    let mut out = String::with_capacity(text.len() + total * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(text);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// `format(s, spec)` for a str: fill, align, width and precision.
pub fn format_str_spec(text: &str, spec: &str, type_name: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(text.to_string());
    }
    let f = parse_spec(spec, Some('s'), '<', type_name)?;
    if f.kind != Some('s') {
        return Err(value_error(format!(
            "Unknown format code '{}' for object of type '{type_name}'",
            shown_char(f.kind.unwrap_or('\0'))
        )));
    }
    match f.sign {
        Some(' ') => return Err(value_error("Space not allowed in string format specifier")),
        Some(_) => return Err(value_error("Sign not allowed in string format specifier")),
        None => {}
    }
    if f.no_neg_zero {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if f.alternate {
        return Err(value_error(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if f.align == Some('=') {
        return Err(value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let (shown, len) = match f.precision {
        Some(p) => match text.char_indices().nth(p) {
            Some((cut, _)) => (&text[..cut], p),
            None => (text, super::str::count_chars(text)),
        },
        None => (text, super::str::count_chars(text)),
    };
    Ok(pad(shown, len, f.width, f.fill, f.align.unwrap_or('<')))
}

/// `format(value, spec)`: `type(value).__format__(value, spec)`, checked
/// to return a str (CPython's `PyObject_Format`).
pub fn format_value(v: &PyObject, spec: &str) -> PyResult {
    if is_exact_str(v) {
        if spec.is_empty() {
            return Ok(v.to_ref());
        }
        return Ok(new_str(&format_str_spec(
            as_str(v).unwrap_or(""),
            spec,
            "str",
        )?));
    }
    if spec.is_empty() && std::ptr::eq(v.ty(), &super::int::INT_TYPE) {
        return protocol::str_of(v);
    }
    static NAME: std::sync::OnceLock<super::global::Global<Ref>> = std::sync::OnceLock::new();
    let name = NAME.get_or_init(|| super::global::Global::new(super::str::intern("__format__")));
    let Some(f) = v.ty().lookup(name.get()) else {
        return Err(type_error(format!(
            "Type {} doesn't define __format__",
            v.ty().name()
        )));
    };
    let r = protocol::call_method_obj(&f, v, &[new_str(spec)])?;
    if as_str(&r).is_none() {
        return Err(type_error(format!(
            "__format__ must return a str, not {}",
            r.ty().name()
        )));
    }
    Ok(r)
}

// ---------------------------------------------------------------------------
// str.format and str.format_map.

/// Where `str.format` finds its fields.
pub enum FieldSource<'a> {
    /// `format(*args, **kwargs)`: positional values, then keyword names and
    /// values.
    Call {
        /// Positional arguments.
        args: &'a [Ref],
        /// Keyword names (str objects).
        names: &'a [Ref],
        /// Keyword values.
        values: &'a [Ref],
    },
    /// `format_map(mapping)`.
    Map(&'a PyObject),
}

#[derive(PartialEq, Eq, Clone, Copy)]
enum AutoNumber {
    Init,
    Auto,
    Manual,
}

struct Formatter<'a> {
    src: FieldSource<'a>,
    auto: AutoNumber,
    next_auto: usize,
}

/// Parse decimal digits of a whole field part: `Ok(None)` if any
/// character is not a digit (CPython's `get_integer`).
fn part_index(s: &str) -> PyResult<Option<usize>> {
    if s.is_empty() || !s.bytes().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    let mut v: usize = 0;
    for d in s.bytes() {
        v = v
            .checked_mul(10)
            .and_then(|v| v.checked_add((d - b'0') as usize))
            .filter(|v| *v <= isize::MAX as usize)
            .ok_or_else(too_many_digits)?;
    }
    Ok(Some(v))
}

// The format string is scanned as bytes: every character with a meaning
// (`{`, `}`, `!`, `:`, `.`, `[`, `]`) is ASCII, so each index where one is
// found is a character boundary of the str.
impl Formatter<'_> {
    fn build(&mut self, fmt: &str, depth: i32, out: &mut String) -> PyResult<()> {
        if depth <= 0 {
            return Err(value_error("Max string recursion exceeded"));
        }
        let b = fmt.as_bytes();
        let n = b.len();
        let mut i = 0;
        while i < n {
            // Literal text up to the next brace.
            let start = i;
            while i < n && b[i] != b'{' && b[i] != b'}' {
                i += 1;
            }
            out.push_str(&fmt[start..i]);
            if i >= n {
                break;
            }
            let c = b[i];
            i += 1;
            if c == b'}' {
                if i < n && b[i] == b'}' {
                    out.push('}');
                    i += 1;
                    continue;
                }
                return Err(value_error("Single '}' encountered in format string"));
            }
            if i >= n {
                return Err(value_error("Single '{' encountered in format string"));
            }
            if b[i] == b'{' {
                out.push('{');
                i += 1;
                continue;
            }
            i = self.field(fmt, i, depth, out)?;
        }
        Ok(())
    }

    /// Parse and render the field starting at `i` (after its `{`);
    /// returns the index after its closing `}` (CPython's `parse_field`).
    fn field(&mut self, fmt: &str, mut i: usize, depth: i32, out: &mut String) -> PyResult<usize> {
        let b = fmt.as_bytes();
        let n = b.len();
        let name_start = i;
        let mut c = 0u8;
        while i < n {
            c = b[i];
            i += 1;
            match c {
                b'{' => return Err(value_error("unexpected '{' in field name")),
                b'[' => {
                    while i < n && b[i] != b']' {
                        i += 1;
                    }
                    continue;
                }
                b'}' | b':' | b'!' => break,
                _ => continue,
            }
        }
        let terminated = matches!(c, b'}' | b':' | b'!') && i > name_start;
        let name_end = if terminated { i - 1 } else { i };
        let name = &fmt[name_start..name_end];
        let mut conversion = None;
        let mut spec = "";
        let mut expand = false;
        if terminated && (c == b'!' || c == b':') {
            let mut done = false;
            if c == b'!' {
                let Some(conv) = fmt[i..].chars().next() else {
                    return Err(value_error(
                        "end of string while looking for conversion specifier",
                    ));
                };
                conversion = Some(conv);
                i += conv.len_utf8();
                if i < n {
                    let c2 = b[i];
                    i += 1;
                    if c2 == b'}' {
                        done = true;
                    } else if c2 != b':' {
                        return Err(value_error("expected ':' after conversion specifier"));
                    }
                }
            }
            if !done {
                let spec_start = i;
                let mut count = 1;
                let mut closed = false;
                while i < n {
                    let ch = b[i];
                    i += 1;
                    if ch == b'{' {
                        expand = true;
                        count += 1;
                    } else if ch == b'}' {
                        count -= 1;
                        if count == 0 {
                            spec = &fmt[spec_start..i - 1];
                            closed = true;
                            break;
                        }
                    }
                }
                if !closed {
                    return Err(value_error("unmatched '{' in format spec"));
                }
            }
        } else if !(terminated && c == b'}') {
            return Err(value_error("expected '}' before end of string"));
        }
        let obj = self.field_object(name)?;
        let obj = match conversion {
            None => obj,
            Some('r') => protocol::repr(&obj)?,
            Some('s') => protocol::str_of(&obj)?,
            Some('a') => crate::modules::builtins::ascii_of(&obj)?,
            Some(x) => {
                return Err(value_error(format!(
                    "Unknown conversion specifier {}",
                    shown_char(x)
                )))
            }
        };
        let r = if expand {
            let mut expanded = String::new();
            self.build(spec, depth - 1, &mut expanded)?;
            format_value(&obj, &expanded)?
        } else {
            format_value(&obj, spec)?
        };
        out.push_str(as_str(&r).unwrap_or(""));
        Ok(i)
    }

    /// Resolve a field name (`0`, `name`, ``, `0.attr[key]`) to its object.
    fn field_object(&mut self, name: &str) -> PyResult {
        let nb = name.as_bytes();
        let k = nb
            .iter()
            .position(|&c| c == b'.' || c == b'[')
            .unwrap_or(nb.len());
        let first = &name[..k];
        let mut index = part_index(first)?;
        let empty = first.is_empty();
        if empty || index.is_some() {
            if self.auto == AutoNumber::Init {
                self.auto = if empty {
                    AutoNumber::Auto
                } else {
                    AutoNumber::Manual
                };
            }
            if empty && self.auto == AutoNumber::Manual {
                return Err(value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            if !empty && self.auto == AutoNumber::Auto {
                return Err(value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            if empty {
                index = Some(self.next_auto);
                self.next_auto += 1;
            }
        }
        let mut obj = match index {
            Some(ix) => match &self.src {
                FieldSource::Call { args, .. } => args.get(ix).cloned().ok_or_else(|| {
                    super::err::index_error(format!(
                        "Replacement index {ix} out of range for positional args tuple"
                    ))
                })?,
                FieldSource::Map(_) => {
                    return Err(value_error("Format string contains positional fields"))
                }
            },
            None => match &self.src {
                FieldSource::Call { names, values, .. } => {
                    let found = names
                        .iter()
                        .position(|n| as_str(n) == Some(first))
                        .map(|p| values[p].clone());
                    found.ok_or_else(|| key_error(&new_str(first)))?
                }
                FieldSource::Map(m) => protocol::getitem(m, &new_str(first))?,
            },
        };
        // The rest: `.attr` and `[key]` parts.
        let mut i = k;
        while i < nb.len() {
            let c = nb[i];
            i += 1;
            match c {
                b'.' => {
                    let s = i;
                    while i < nb.len() && nb[i] != b'.' && nb[i] != b'[' {
                        i += 1;
                    }
                    if s == i {
                        return Err(value_error("Empty attribute in format string"));
                    }
                    obj = protocol::getattr(&obj, &super::str::intern(&name[s..i]))?;
                }
                b'[' => {
                    let s = i;
                    while i < nb.len() && nb[i] != b']' {
                        i += 1;
                    }
                    if i >= nb.len() {
                        return Err(value_error("Missing ']' in format string"));
                    }
                    let key = &name[s..i];
                    i += 1;
                    if key.is_empty() {
                        return Err(value_error("Empty attribute in format string"));
                    }
                    obj = match part_index(key)? {
                        Some(ix) => protocol::getitem(&obj, &new_int(ix as i64))?,
                        None => protocol::getitem(&obj, &new_str(key))?,
                    };
                }
                _ => {
                    return Err(value_error(
                        "Only '.' or '[' may follow ']' in format field specifier",
                    ))
                }
            }
        }
        Ok(obj)
    }
}

/// `fmt.format(...)` / `fmt.format_map(m)`.
pub fn str_dot_format(fmt: &str, src: FieldSource<'_>) -> PyResult {
    if !fmt.contains(['{', '}']) {
        return Ok(new_str(fmt));
    }
    let mut f = Formatter {
        src,
        auto: AutoNumber::Init,
        next_auto: 0,
    };
    let mut out = String::with_capacity(fmt.len() + 16);
    f.build(fmt, 2, &mut out)?;
    Ok(new_str(&out))
}

// ---------------------------------------------------------------------------
// Floats and ints as printf formats them.

/// `x` formatted as `%e`, `%f` or `%g` (upper case for `E`, `F`, `G`) with
/// `prec` digits; `alt` is the `#` flag. Negative values start with `-`.
pub fn format_float(x: f64, kind: char, prec: usize, alt: bool) -> String {
    let upper = kind.is_ascii_uppercase();
    if !x.is_finite() {
        let s = if x.is_nan() {
            "nan"
        } else if x < 0.0 {
            "-inf"
        } else {
            "inf"
        };
        return if upper {
            s.to_uppercase()
        } else {
            s.to_string()
        };
    }
    let s = match kind.to_ascii_lowercase() {
        'e' => sci(x, prec, alt),
        'f' => {
            let mut s = format!("{x:.prec$}");
            if alt && prec == 0 {
                s.push('.');
            }
            s
        }
        _ => general(x, prec, alt),
    };
    if upper {
        s.to_uppercase()
    } else {
        s
    }
}

/// `%.{prec}e` with a signed exponent of at least two digits.
fn sci(x: f64, prec: usize, alt: bool) -> String {
    let s = format!("{x:.prec$e}");
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut out = mant.to_string();
    if alt && prec == 0 {
        out.push('.');
    }
    let sign = if exp < 0 { '-' } else { '+' };
    out.push_str(&format!("e{sign}{:02}", exp.abs()));
    out
}

/// `%g`: fixed or scientific by the exponent, trailing zeros removed
/// unless `alt`.
fn general(x: f64, prec: usize, alt: bool) -> String {
    let p = prec.max(1);
    let exp = if x == 0.0 {
        0
    } else {
        let s = format!("{:.*e}", p - 1, x);
        s.split_once('e')
            .and_then(|(_, e)| e.parse::<i32>().ok())
            .unwrap_or(0)
    };
    let mut s = if exp >= -4 && exp < p as i32 {
        let digits = (p as i32 - 1 - exp).max(0) as usize;
        format!("{x:.digits$}")
    } else {
        sci(x, p - 1, false)
    };
    let (mant, tail) = match s.find('e') {
        Some(k) => (s[..k].to_string(), s[k..].to_string()),
        None => (s.clone(), String::new()),
    };
    let mut mant = mant;
    if alt {
        if !mant.contains('.') {
            mant.push('.');
        }
    } else if mant.contains('.') {
        while mant.ends_with('0') {
            mant.pop();
        }
        if mant.ends_with('.') {
            mant.pop();
        }
    }
    s = mant + &tail;
    s
}

/// The digits of an int in `radix` (2, 8, 10 or 16), and whether it is
/// negative.
pub fn int_digits(v: &PyObject, radix: u32, upper: bool) -> (String, bool) {
    let i = as_int(v).expect("int");
    let (neg, s) = match i.small() {
        Some(x) => {
            let m = x.unsigned_abs();
            let s = match radix {
                2 => format!("{m:b}"),
                8 => format!("{m:o}"),
                16 => format!("{m:x}"),
                _ => m.to_string(),
            };
            (x < 0, s)
        }
        None => {
            let b = i.to_bigint();
            let neg = b.sign() == num_bigint::Sign::Minus;
            (neg, b.magnitude().to_str_radix(radix))
        }
    };
    (if upper { s.to_uppercase() } else { s }, neg)
}

// ---------------------------------------------------------------------------
// printf-style formatting.

/// Flags of one `%` conversion.
#[derive(Default, Clone, Copy)]
struct Flags {
    left: bool,
    sign: bool,
    space: bool,
    alt: bool,
    zero: bool,
}

/// The argument cursor of CPython's `unicode_format_getnextarg`.
struct Args {
    args: Ref,
    arglen: i64,
    argidx: i64,
    dict: Option<Ref>,
}

impl Args {
    fn new(args: &PyObject) -> Args {
        let tuple = is_tuple(args);
        let mapping = !tuple
            && as_str(args).is_none()
            && args.ty().slots.getitem.get().is_some()
            && super::bytes::as_bytes(args).is_none();
        Args {
            args: args.to_ref(),
            arglen: if tuple { items(args).len() as i64 } else { -1 },
            argidx: if tuple { 0 } else { -2 },
            dict: if mapping { Some(args.to_ref()) } else { None },
        }
    }

    fn next(&mut self) -> PyResult {
        if self.argidx < self.arglen {
            let i = self.argidx;
            self.argidx += 1;
            if self.arglen < 0 {
                return Ok(self.args.clone());
            }
            return Ok(items(&self.args)[i as usize].clone());
        }
        Err(type_error("not enough arguments for format string"))
    }
}

/// Whether we format for `bytes % args` (different messages and `%s`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Str,
    Bytes,
}

fn star_arg(a: &mut Args) -> PyResult<i64> {
    let v = a.next()?;
    if as_int(&v).is_none() {
        return Err(type_error("* wants int"));
    }
    super::int::small_value(&v)
        .ok_or_else(|| overflow_error("Python int too large to convert to C ssize_t"))
}

/// The int a `%d`-family conversion formats, or the TypeError.
fn int_operand(v: &PyObject, conv: char) -> PyResult<Ref> {
    let wrong = || {
        if matches!(conv, 'x' | 'X' | 'o') {
            type_error(format!(
                "%{conv} format: an integer is required, not {}",
                v.ty().name()
            ))
        } else {
            type_error(format!(
                "%{conv} format: a real number is required, not {}",
                v.ty().name()
            ))
        }
    };
    if as_int(v).is_some() {
        return Ok(v.to_ref());
    }
    let slots = &v.ty().slots;
    if matches!(conv, 'x' | 'X' | 'o') {
        if slots.index.get().is_some() {
            return protocol::index(v);
        }
        return Err(wrong());
    }
    if let Some(f) = as_float(v) {
        if f.is_nan() {
            return Err(value_error("cannot convert float NaN to integer"));
        }
        if f.is_infinite() {
            return Err(overflow_error("cannot convert float infinity to integer"));
        }
        return Ok(super::int::new_bigint(float_to_bigint(f)));
    }
    if slots.index.get().is_some() {
        return protocol::index(v);
    }
    if let Some(int) = slots.int.get() {
        return int(v);
    }
    Err(wrong())
}

fn float_to_bigint(f: f64) -> num_bigint::BigInt {
    use num_traits::FromPrimitive;
    num_bigint::BigInt::from_f64(f.trunc()).unwrap_or_default()
}

/// The float a `%e`-family conversion formats, or the TypeError.
fn float_operand(v: &PyObject, mode: Mode) -> PyResult<f64> {
    if let Some(f) = as_float(v) {
        return Ok(f);
    }
    if let Some(i) = as_int(v) {
        return match i.small() {
            Some(x) => Ok(x as f64),
            None => {
                use num_traits::ToPrimitive;
                i.to_bigint()
                    .to_f64()
                    .filter(|f| f.is_finite())
                    .ok_or_else(|| overflow_error("int too large to convert to float"))
            }
        };
    }
    if let Some(f) = v.ty().slots.float.get() {
        let r = f(v)?;
        if let Some(x) = as_float(&r) {
            return Ok(x);
        }
    }
    if v.ty().slots.index.get().is_some() {
        let r = protocol::index(v)?;
        return float_operand(&r, mode);
    }
    Err(type_error(match mode {
        Mode::Str => format!("must be real number, not {}", v.ty().name()),
        Mode::Bytes => format!("float argument required, not {}", v.ty().name()),
    }))
}

/// The output of the `%` engine: UTF-8 text for a str format, raw bytes
/// for a bytes format; `Str` counts widths and precisions in characters,
/// `Bytes` in bytes.
struct Out {
    buf: Vec<u8>,
    mode: Mode,
}

impl Out {
    fn pad(&mut self, c: u8, n: usize) {
        self.buf.extend(std::iter::repeat_n(c, n));
    }

    /// Lay out a number: sign, prefix, then digits (ASCII), padded to
    /// `width` by the flags (`-` left, `0` zeros after the sign, else
    /// spaces before).
    fn number(&mut self, neg: bool, prefix: &str, body: &str, flags: Flags, width: usize) {
        let sign: &[u8] = if neg {
            b"-"
        } else if flags.sign {
            b"+"
        } else if flags.space {
            b" "
        } else {
            b""
        };
        let len = sign.len() + prefix.len() + body.len();
        let padn = width.saturating_sub(len);
        if flags.left {
            self.buf.extend_from_slice(sign);
            self.buf.extend_from_slice(prefix.as_bytes());
            self.buf.extend_from_slice(body.as_bytes());
            self.pad(b' ', padn);
        } else if flags.zero {
            self.buf.extend_from_slice(sign);
            self.buf.extend_from_slice(prefix.as_bytes());
            self.pad(b'0', padn);
            self.buf.extend_from_slice(body.as_bytes());
        } else {
            self.pad(b' ', padn);
            self.buf.extend_from_slice(sign);
            self.buf.extend_from_slice(prefix.as_bytes());
            self.buf.extend_from_slice(body.as_bytes());
        }
    }

    /// Text (UTF-8 for `Str`, any bytes for `Bytes`) cut to `prec` units
    /// and padded with spaces to `width` units.
    fn text(&mut self, text: &[u8], prec: Option<usize>, flags: Flags, width: usize) {
        let (shown, len) = match self.mode {
            Mode::Bytes => {
                let cut = prec.map_or(text.len(), |p| p.min(text.len()));
                (&text[..cut], cut)
            }
            Mode::Str => {
                // Character starts are the bytes that are not UTF-8
                // continuation bytes.
                let starts = text
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| (**b & 0xc0) != 0x80);
                match prec {
                    Some(p) => match starts.clone().nth(p) {
                        Some((cut, _)) => (&text[..cut], p),
                        None => (text, starts.count()),
                    },
                    None => (text, starts.count()),
                }
            }
        };
        let padn = width.saturating_sub(len);
        if flags.left {
            self.buf.extend_from_slice(shown);
            self.pad(b' ', padn);
        } else {
            self.pad(b' ', padn);
            self.buf.extend_from_slice(shown);
        }
    }
}

fn bytes_operand(v: &PyObject) -> PyResult<Vec<u8>> {
    if let Some(data) = super::bytearray::bytes_like(v) {
        return Ok(data.into_owned());
    }
    if let Some(f) = v.ty().lookup_str("__bytes__") {
        let r = protocol::call_method_obj(&f, v, &[])?;
        if let Some(b) = super::bytes::as_bytes(&r) {
            return Ok(b.to_vec());
        }
        return Err(type_error(format!(
            "__bytes__ returned non-bytes (type {})",
            r.ty().name()
        )));
    }
    Err(type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        v.ty().name()
    )))
}

fn char_operand(v: &PyObject, mode: Mode) -> PyResult<char> {
    if mode == Mode::Bytes {
        let err = || type_error("%c requires an integer in range(256) or a single byte");
        if let Some(data) = super::bytearray::bytes_like(v) {
            return match data.len() {
                1 => Ok(data[0] as char),
                _ => Err(err()),
            };
        }
        if as_int(v).is_none() && v.ty().slots.index.get().is_none() {
            return Err(err());
        }
        let i = protocol::index(v)?;
        return match super::int::small_value(&i) {
            Some(x @ 0..=255) => Ok(x as u8 as char),
            _ => Err(overflow_error("%c arg not in range(256)")),
        };
    }
    if let Some(s) = as_str(v) {
        let mut it = s.chars();
        return match (it.next(), it.next()) {
            (Some(c), None) => Ok(c),
            _ => Err(type_error("%c requires int or char")),
        };
    }
    if as_int(v).is_none() && v.ty().slots.index.get().is_none() {
        return Err(type_error("%c requires int or char"));
    }
    let i = protocol::index(v)?;
    let range = || overflow_error("%c arg not in range(0x110000)");
    match super::int::small_value(&i) {
        Some(x) if (0..0x11_0000).contains(&x) => {
            Ok(char::from_u32(x as u32).unwrap_or('\u{fffd}'))
        }
        _ => Err(range()),
    }
}

/// Read a decimal width or precision at `*i`.
fn read_num(fmt: &[u8], i: &mut usize, what: &str) -> PyResult<usize> {
    let mut v: usize = 0;
    while *i < fmt.len() && fmt[*i].is_ascii_digit() {
        v = v
            .checked_mul(10)
            .and_then(|w| w.checked_add((fmt[*i] - b'0') as usize))
            .ok_or_else(|| value_error(format!("{what} too big")))?;
        *i += 1;
    }
    Ok(v)
}

/// The engine of `str % args` and `bytes % args` (CPython's
/// `PyUnicode_Format` / `_PyBytes_FormatEx`). For `Mode::Str`, `fmt` is
/// UTF-8 and every character with a meaning is ASCII, so the literal runs
/// between them are whole characters.
fn percent_engine(fmt: &[u8], args: &PyObject, mode: Mode) -> PyResult<Vec<u8>> {
    let mut a = Args::new(args);
    let mut out = Out {
        buf: Vec::with_capacity(fmt.len() + 16),
        mode,
    };
    let n = fmt.len();
    let mut i = 0;
    let incomplete = || value_error("incomplete format");
    while i < n {
        let start = i;
        while i < n && fmt[i] != b'%' {
            i += 1;
        }
        out.buf.extend_from_slice(&fmt[start..i]);
        if i >= n {
            break;
        }
        i += 1; // the '%'
        if i >= n {
            return Err(incomplete());
        }
        if fmt[i] == b'%' {
            out.buf.push(b'%');
            i += 1;
            continue;
        }
        // `%(key)`
        if fmt[i] == b'(' {
            let Some(dict) = a.dict.clone() else {
                return Err(type_error("format requires a mapping"));
            };
            i += 1;
            let kstart = i;
            let mut depth = 1;
            while i < n {
                match fmt[i] {
                    b'(' => depth += 1,
                    b')' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                return Err(value_error("incomplete format key"));
            }
            let key = &fmt[kstart..i];
            i += 1;
            let key = match mode {
                Mode::Str => new_str(std::str::from_utf8(key).unwrap_or("")),
                Mode::Bytes => super::bytes::new_bytes(key),
            };
            a.args = protocol::getitem(&dict, &key)?;
            a.arglen = -1;
            a.argidx = -2;
        }
        let mut flags = Flags::default();
        while i < n {
            match fmt[i] {
                b'-' => flags.left = true,
                b'+' => flags.sign = true,
                b' ' => flags.space = true,
                b'#' => flags.alt = true,
                b'0' => flags.zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut width: usize = 0;
        if i < n && fmt[i] == b'*' {
            let w = star_arg(&mut a)?;
            if w < 0 {
                flags.left = true;
            }
            width = w.unsigned_abs() as usize;
            i += 1;
        } else {
            width = read_num(fmt, &mut i, "width")?.max(width);
        }
        let mut prec: Option<usize> = None;
        if i < n && fmt[i] == b'.' {
            i += 1;
            if i < n && fmt[i] == b'*' {
                let p = star_arg(&mut a)?;
                prec = Some(p.max(0) as usize);
                i += 1;
            } else {
                prec = Some(read_num(fmt, &mut i, "precision")?);
            }
        }
        while i < n && matches!(fmt[i], b'h' | b'l' | b'L') {
            i += 1;
        }
        if i >= n {
            return Err(incomplete());
        }
        let conv_at = i;
        let conv = fmt[i];
        i += 1;
        let v = a.next()?;
        match conv {
            b's' | b'r' | b'a' | b'b' => {
                let text: Cow<'_, [u8]> = match (conv, mode) {
                    (b's', Mode::Str) => {
                        let s = super::str_ops::str_of_checked(&v)?;
                        Cow::Owned(as_str(&s).unwrap_or("").as_bytes().to_vec())
                    }
                    (b'r', Mode::Str) => Cow::Owned(protocol::repr_string(&v)?.into_bytes()),
                    (b'a', _) | (b'r', Mode::Bytes) => {
                        let s = crate::modules::builtins::ascii_of(&v)?;
                        Cow::Owned(as_str(&s).unwrap_or("").as_bytes().to_vec())
                    }
                    (b's' | b'b', Mode::Bytes) => Cow::Owned(bytes_operand(&v)?),
                    _ => return Err(unsupported(fmt, conv_at, mode)),
                };
                out.text(&text, prec, flags, width);
            }
            b'd' | b'i' | b'u' | b'x' | b'X' | b'o' => {
                // bytes formatting treats `%i` as `%d` (its messages say so).
                let c = match (conv, mode) {
                    (b'i', Mode::Bytes) => 'd',
                    _ => conv as char,
                };
                let iv = int_operand(&v, c)?;
                let (radix, upper) = match c {
                    'x' => (16, false),
                    'X' => (16, true),
                    'o' => (8, false),
                    _ => (10, false),
                };
                let (mut digits, neg) = int_digits(&iv, radix, upper);
                if let Some(p) = prec {
                    if digits.len() < p {
                        digits = "0".repeat(p - digits.len()) + &digits;
                    }
                }
                let prefix = match (flags.alt, c) {
                    (true, 'x') => "0x",
                    (true, 'X') => "0X",
                    (true, 'o') => "0o",
                    _ => "",
                };
                out.number(neg, prefix, &digits, flags, width);
            }
            b'e' | b'E' | b'f' | b'F' | b'g' | b'G' => {
                let x = float_operand(&v, mode)?;
                let s = format_float(x, conv as char, prec.unwrap_or(6), flags.alt);
                let (neg, body) = match s.strip_prefix('-') {
                    Some(b) => (true, b),
                    None => (false, s.as_str()),
                };
                out.number(neg, "", body, flags, width);
            }
            b'c' => {
                let c = char_operand(&v, mode)?;
                let mut buf = [0u8; 4];
                let enc: &[u8] = match mode {
                    Mode::Str => c.encode_utf8(&mut buf).as_bytes(),
                    Mode::Bytes => {
                        buf[0] = c as u32 as u8;
                        &buf[..1]
                    }
                };
                out.text(enc, None, flags, width);
            }
            _ => return Err(unsupported(fmt, conv_at, mode)),
        }
    }
    if a.argidx < a.arglen && a.dict.is_none() {
        return Err(type_error(match mode {
            Mode::Str => "not all arguments converted during string formatting",
            Mode::Bytes => "not all arguments converted during bytes formatting",
        }));
    }
    Ok(out.buf)
}

/// "unsupported format character 'z' (0x7a) at index 1": the character
/// (decoded for a str format) and its index in characters.
fn unsupported(fmt: &[u8], at: usize, mode: Mode) -> PyErr {
    let (c, index) = match mode {
        Mode::Bytes => (fmt[at] as char, at),
        Mode::Str => {
            let c = std::str::from_utf8(&fmt[at..])
                .ok()
                .and_then(|s| s.chars().next())
                .unwrap_or('?');
            let index = fmt[..at].iter().filter(|b| (**b & 0xc0) != 0x80).count();
            (c, index)
        }
    };
    let shown = if (' '..='~').contains(&c) { c } else { '?' };
    value_error(format!(
        "unsupported format character '{shown}' (0x{:x}) at index {index}",
        c as u32
    ))
}

/// `fmt % args` for a str format.
pub fn percent_format(fmt: &str, args: &PyObject) -> PyResult {
    if !fmt.contains('%') {
        // Still check the argument count ("not all arguments converted").
        let a = Args::new(args);
        if a.argidx < a.arglen && a.dict.is_none() {
            return Err(type_error(
                "not all arguments converted during string formatting",
            ));
        }
        return Ok(new_str(fmt));
    }
    let out = percent_engine(fmt.as_bytes(), args, Mode::Str)?;
    // Whole UTF-8 pieces only were written, so this always succeeds.
    match String::from_utf8(out) {
        Ok(s) => Ok(new_str(&s)),
        Err(e) => Ok(new_str(&String::from_utf8_lossy(e.as_bytes()))),
    }
}

/// `fmt % args` for a bytes format, as the formatted bytes.
pub fn percent_format_bytes(fmt: &[u8], args: &PyObject) -> PyResult<Vec<u8>> {
    percent_engine(fmt, args, Mode::Bytes)
}
