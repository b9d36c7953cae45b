//! int's constructor (`int(x)`, `int(s, base)` with CPython's literal
//! rules and the 4300-digit conversion limit), its named methods
//! (`bit_length`, `to_bytes`, `__round__`, `__format__` …) and attributes
//! (`real`, `imag`, `numerator`, `denominator`).

use std::cell::Cell;

use num_bigint::{BigInt, Sign};
use num_traits::{ToPrimitive, Zero};

use super::err::{overflow_error, type_error, value_error, PyErr, PyResult};
use super::int::{new_bigint, new_from_value, new_int, IntValue, INT_TYPE};
use super::int_ops::{self, big, int_of_type, int_value, norm};
use super::object::{PyObject, Ref};
use super::str::{as_str, new_str};
use super::tuple::new_tuple;
use super::typeobj::{GetSetDef, KwNames, MethodDef, MethodKind, TypeObject};
use crate::modules::args;

// ---- the string conversion limit ---------------------------------------

/// CPython 3.11's default `sys.get_int_max_str_digits()`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

thread_local! {
    static MAX_STR_DIGITS: Cell<usize> = const { Cell::new(DEFAULT_MAX_STR_DIGITS) };
}

/// The current limit on decimal digits in int/str conversions (0: none).
pub fn max_str_digits() -> usize {
    MAX_STR_DIGITS.with(Cell::get)
}

/// Set the limit (`sys.set_int_max_str_digits`).
pub fn set_max_str_digits(n: usize) {
    MAX_STR_DIGITS.with(|c| c.set(n));
}

/// `sys.get_int_max_str_digits()`.
pub fn sys_get_int_max_str_digits(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    args::positional("get_int_max_str_digits", a, kw, 0, 0)?;
    Ok(new_int(max_str_digits() as i64))
}

/// `sys.set_int_max_str_digits(maxdigits)`: 0 (no limit) or at least 640.
pub fn sys_set_int_max_str_digits(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let p = args::parse("set_int_max_str_digits", a, kw, &["maxdigits"], 1, 0)?;
    let n = super::protocol::index_i64(p[0].as_ref().expect("required"))?;
    if n != 0 && n < 640 {
        return Err(value_error("maxdigits must be 0 or larger than 640"));
    }
    set_max_str_digits(n as usize);
    Ok(super::none::none())
}

/// The decimal text of an int, or CPython's ValueError past the limit.
pub fn int_to_decimal(v: &IntValue) -> PyResult<String> {
    let b = match v {
        IntValue::Small(s) => return Ok(s.to_string()),
        IntValue::Big(b) => b,
    };
    let limit = max_str_digits();
    // bits * log10(2) >= digits - 1: a quick refusal before the
    // (quadratic) conversion.
    if limit > 0 && b.bits() as f64 * std::f64::consts::LOG10_2 > limit as f64 + 1.0 {
        return Err(str_limit_error());
    }
    let s = b.to_string();
    let ndigits = s.len() - usize::from(b.sign() == Sign::Minus);
    if limit > 0 && ndigits > limit {
        return Err(str_limit_error());
    }
    Ok(s)
}

fn str_limit_error() -> PyErr {
    value_error(format!(
        "Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
        max_str_digits()
    ))
}

/// `repr(int)` with the conversion limit.
pub fn int_repr(obj: &PyObject) -> PyResult {
    let v = int_value(obj).expect("int repr on an int");
    Ok(super::str::from_string(int_to_decimal(v)?))
}

// ---- parsing -----------------------------------------------------------

/// Starts of the Unicode decimal-digit runs (category Nd, Unicode 14)
/// outside ASCII: each run holds the digits 0..=9 in order.
const ND_ZEROS: [u32; 65] = [
    0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6,
    0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50,
    0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// Whether `c` is whitespace as `str.isspace` says.
pub fn is_py_space(c: char) -> bool {
    matches!(
        c as u32,
        0x09..=0x0d
            | 0x1c..=0x20
            | 0x85
            | 0xa0
            | 0x1680
            | 0x2000..=0x200a
            | 0x2028
            | 0x2029
            | 0x202f
            | 0x205f
            | 0x3000
    )
}

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: Unicode
/// decimal digits become ASCII digits and Unicode spaces become `' '`;
/// any other non-ASCII character makes the text invalid (`None`).
pub fn to_ascii_number(s: &str) -> Option<std::borrow::Cow<'_, str>> {
    if s.is_ascii() {
        return Some(std::borrow::Cow::Borrowed(s));
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if is_py_space(c) {
            out.push(' ');
        } else {
            let cp = c as u32;
            let i = ND_ZEROS.partition_point(|&z| z <= cp);
            if i == 0 || cp - ND_ZEROS[i - 1] > 9 {
                return None;
            }
            out.push(char::from(b'0' + (cp - ND_ZEROS[i - 1]) as u8));
        }
    }
    Some(std::borrow::Cow::Owned(out))
}

/// Why a literal did not parse.
pub enum ParseIntError {
    /// Not a valid literal.
    Invalid,
    /// More digits than the conversion limit allows.
    TooManyDigits(usize),
}

/// Parse an int literal as `int(s, base)` does (`base` 0 or 2..=36):
/// surrounding whitespace, a sign, the base prefix, single underscores
/// between digits.
pub fn parse_int(text: &str, base: u32) -> Result<IntValue, ParseIntError> {
    use ParseIntError::Invalid;
    let ascii = to_ascii_number(text).ok_or(Invalid)?;
    let s = ascii.trim_matches(|c: char| c.is_ascii_whitespace() || ('\x1c'..='\x1f').contains(&c));
    let b = s.as_bytes();
    let mut i = 0;
    let negative = match b.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    let mut base = base;
    let prefix_of = |c: u8| match c.to_ascii_lowercase() {
        b'x' => Some(16),
        b'o' => Some(8),
        b'b' => Some(2),
        _ => None,
    };
    let mut after_prefix = false;
    if b.get(i) == Some(&b'0') {
        if let Some(p) = b.get(i + 1).and_then(|&c| prefix_of(c)) {
            if base == 0 || base == p {
                base = p;
                i += 2;
                after_prefix = true;
            }
        }
    }
    let legacy_zero_check = base == 0;
    if base == 0 {
        base = 10;
    }
    let digits = &b[i..];
    // Validate: digits, single underscores between digits (one may follow
    // the prefix).
    let mut clean: Vec<u8> = Vec::with_capacity(digits.len());
    let mut prev_underscore = after_prefix;
    let mut prev_digit = false;
    for (k, &c) in digits.iter().enumerate() {
        if c == b'_' {
            if !(prev_digit || (after_prefix && k == 0)) {
                return Err(Invalid);
            }
            prev_underscore = true;
            prev_digit = false;
            continue;
        }
        let d = match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            b'a'..=b'z' => u32::from(c - b'a') + 10,
            b'A'..=b'Z' => u32::from(c - b'A') + 10,
            _ => return Err(Invalid),
        };
        if d >= base {
            return Err(Invalid);
        }
        clean.push(c);
        prev_underscore = false;
        prev_digit = true;
    }
    if clean.is_empty() || (prev_underscore && !prev_digit) {
        return Err(Invalid);
    }
    if legacy_zero_check && clean[0] == b'0' && clean.iter().any(|&c| c != b'0') {
        return Err(Invalid);
    }
    let limit = max_str_digits();
    if !base.is_power_of_two() && limit > 0 && clean.len() > limit {
        return Err(ParseIntError::TooManyDigits(clean.len()));
    }
    let v = if clean.len() <= 12 || (base <= 10 && clean.len() <= 18) {
        let mut acc: i64 = 0;
        for &c in &clean {
            acc = acc * i64::from(base) + i64::from((c as char).to_digit(36).unwrap_or(0));
        }
        IntValue::Small(if negative { -acc } else { acc })
    } else {
        let mag = BigInt::parse_bytes(&clean, base).ok_or(Invalid)?;
        norm(if negative { -mag } else { mag })
    };
    Ok(v)
}

/// `int(text, base)` with CPython's ValueErrors; `shown` is what the
/// message quotes (the str, or the bytes object).
pub fn int_from_text(text: &str, base: u32, shown: &PyObject) -> PyResult<IntValue> {
    match parse_int(text, base) {
        Ok(v) => Ok(v),
        Err(ParseIntError::TooManyDigits(n)) => Err(value_error(format!(
            "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            max_str_digits(),
            n
        ))),
        Err(ParseIntError::Invalid) => {
            let r = super::protocol::repr_string(shown)?;
            let r: String = r.chars().take(200).collect();
            Err(value_error(format!(
                "invalid literal for int() with base {base}: {r}"
            )))
        }
    }
}

/// The text of a str or bytes object (for `int()` / `float()`), with the
/// bytes decoded as Latin-1 (only ASCII can be valid).
pub fn text_of(obj: &PyObject) -> Option<std::borrow::Cow<'_, str>> {
    if let Some(s) = as_str(obj) {
        return Some(std::borrow::Cow::Borrowed(s));
    }
    super::bytes::as_bytes(obj).map(|b| {
        if b.is_ascii() {
            std::borrow::Cow::Borrowed(std::str::from_utf8(b).unwrap_or(""))
        } else {
            // Non-ASCII bytes never form a valid literal: map them to a
            // character the parsers reject.
            std::borrow::Cow::Owned(
                b.iter()
                    .map(|&c| if c.is_ascii() { c as char } else { '\u{fffd}' })
                    .collect(),
            )
        }
    })
}

// ---- the constructor ---------------------------------------------------

/// `int(x=0)` / `int(x, base=10)` (the `new` slot; `ty` may be a
/// subclass).
pub fn int_new(ty: &TypeObject, a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let kwn: &[Ref] = kw.map(super::tuple::items).unwrap_or(&[]);
    let npos = a.len() - kwn.len();
    if a.len() > 2 {
        return Err(type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            a.len()
        )));
    }
    let mut x = a.first().filter(|_| npos >= 1).cloned();
    let mut base = if npos >= 2 { Some(a[1].clone()) } else { None };
    for (k, v) in kwn.iter().zip(&a[npos..]) {
        match as_str(k) {
            Some("base") if base.is_none() => base = Some(v.clone()),
            Some("base") => {
                return Err(type_error(
                    "argument for int() given by name ('base') and position (2)",
                ))
            }
            Some(other) => {
                return Err(type_error(format!(
                    "'{other}' is an invalid keyword argument for int()"
                )))
            }
            None => return Err(type_error("keywords must be strings")),
        }
    }
    let value = match (x.take(), base) {
        (None, None) => IntValue::Small(0),
        (None, Some(_)) => return Err(type_error("int() missing string argument")),
        (Some(x), None) => return int_from_object(ty, &x),
        (Some(x), Some(b)) => {
            let b = super::protocol::index(&b)?;
            let b = int_value(&b).and_then(|v| match v {
                IntValue::Small(s) => Some(*s),
                IntValue::Big(_) => None,
            });
            let b = match b {
                Some(b) if b == 0 || (2..=36).contains(&b) => b as u32,
                _ => return Err(value_error("int() base must be >= 2 and <= 36, or 0")),
            };
            match text_of(&x) {
                Some(t) => int_from_text(&t, b, &x)?,
                None => {
                    return Err(type_error(
                        "int() can't convert non-string with explicit base",
                    ))
                }
            }
        }
    };
    Ok(int_of_type(ty, value))
}

/// `int(x)` for one argument.
fn int_from_object(ty: &TypeObject, x: &PyObject) -> PyResult {
    if std::ptr::eq(ty, &INT_TYPE) && std::ptr::eq(x.ty(), &INT_TYPE) {
        return Ok(x.to_ref());
    }
    if let Some(t) = text_of(x) {
        return Ok(int_of_type(ty, int_from_text(&t, 10, x)?));
    }
    let r = int_of_object(x)?;
    if std::ptr::eq(ty, &INT_TYPE) {
        return Ok(r);
    }
    Ok(int_of_type(ty, int_value(&r).expect("int").clone()))
}

/// `int(x)` for a non-string: `__int__`, `__index__`, `__trunc__`.
pub fn int_of_object(x: &PyObject) -> PyResult {
    let ty = x.ty();
    if let Some(f) = ty.slots.int.get() {
        let r = f(x)?;
        return check_int_result(r, "__int__");
    }
    if let Some(f) = ty.slots.index.get() {
        let r = f(x)?;
        return check_int_result(r, "__index__");
    }
    if let Some(t) = ty.lookup_str("__trunc__") {
        let r = super::protocol::call_method_obj(&t, x, &[])?;
        if int_value(&r).is_some() {
            return Ok(int_ops::exact_int(&r));
        }
        return super::protocol::index(&r).map_err(|_| {
            type_error(format!(
                "__trunc__ returned non-Integral (type {})",
                r.ty().name()
            ))
        });
    }
    Err(type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        ty.name()
    )))
}

fn check_int_result(r: Ref, what: &str) -> PyResult {
    if int_value(&r).is_some() {
        return Ok(int_ops::exact_int(&r));
    }
    Err(type_error(format!(
        "{what} returned non-int (type {})",
        r.ty().name()
    )))
}

/// `int(f)` for a float: truncation; NaN and infinities raise.
pub fn int_from_f64(f: f64) -> PyResult {
    Ok(new_from_value(int_value_from_f64(f)?))
}

/// The truncated value of a float.
pub fn int_value_from_f64(f: f64) -> PyResult<IntValue> {
    if f.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(overflow_error("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.2e18 {
        return Ok(IntValue::Small(t as i64));
    }
    Ok(norm(
        num_traits::FromPrimitive::from_f64(t).unwrap_or_default(),
    ))
}

// ---- CPython's argument-count messages for built-in methods -------------

/// A METH_NOARGS method: `Type.name() takes no arguments (N given)`.
pub fn no_args(qualname: &str, a: &[Ref], kw: KwNames<'_>) -> PyResult<()> {
    args::no_kwargs(qualname, kw)?;
    if a.len() > 1 {
        return Err(type_error(format!(
            "{qualname}() takes no arguments ({} given)",
            a.len() - 1
        )));
    }
    Ok(())
}

/// A METH_O method: `Type.name() takes exactly one argument (N given)`.
pub fn one_arg<'a>(qualname: &str, a: &'a [Ref], kw: KwNames<'_>) -> PyResult<&'a Ref> {
    args::no_kwargs(qualname, kw)?;
    if a.len() != 2 {
        return Err(type_error(format!(
            "{qualname}() takes exactly one argument ({} given)",
            a.len() - 1
        )));
    }
    Ok(&a[1])
}

/// Arguments unpacked as `PyArg_UnpackTuple(args, name, min, max)` does
/// (self excluded from the counts).
pub fn unpack<'a>(
    name: &str,
    a: &'a [Ref],
    kw: KwNames<'_>,
    min: usize,
    max: usize,
) -> PyResult<&'a [Ref]> {
    args::no_kwargs(name, kw)?;
    let n = a.len() - 1;
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if n < min {
        return Err(type_error(format!(
            "{name} expected {}{min} argument{}, got {n}",
            if min == max { "" } else { "at least " },
            plural(min)
        )));
    }
    if n > max {
        return Err(type_error(format!(
            "{name} expected {}{max} argument{}, got {n}",
            if min == max { "" } else { "at most " },
            plural(max)
        )));
    }
    Ok(a)
}

/// `__divmod__` / `__rdivmod__`'s one argument (CPython's
/// `wrap_binaryfunc` message).
pub fn divmod_args<'a>(a: &'a [Ref], kw: KwNames<'_>) -> PyResult<&'a [Ref]> {
    args::no_kwargs("__divmod__", kw)?;
    if a.len() != 2 {
        return Err(type_error(format!(
            "expected 1 argument, got {}",
            a.len() - 1
        )));
    }
    Ok(a)
}

// ---- methods -----------------------------------------------------------

fn me(a: &[Ref]) -> &IntValue {
    int_value(&a[0]).expect("int method on an int")
}

fn m_bit_length(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("int.bit_length", a, kw)?;
    Ok(new_int(int_ops::bit_length(me(a)) as i64))
}

fn m_bit_count(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("int.bit_count", a, kw)?;
    let n = match me(a) {
        IntValue::Small(s) => u64::from(s.unsigned_abs().count_ones()),
        IntValue::Big(b) => b
            .magnitude()
            .iter_u64_digits()
            .map(|d| u64::from(d.count_ones()))
            .sum(),
    };
    Ok(new_int(n as i64))
}

fn m_conjugate(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("int.conjugate", a, kw)?;
    Ok(int_ops::exact_int(&a[0]))
}

fn m_as_integer_ratio(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("int.as_integer_ratio", a, kw)?;
    Ok(new_tuple(vec![int_ops::exact_int(&a[0]), new_int(1)]))
}

fn m_trunc(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("int.__trunc__", a, kw)?;
    Ok(int_ops::exact_int(&a[0]))
}

fn m_floor(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("int.__floor__", a, kw)?;
    Ok(int_ops::exact_int(&a[0]))
}

fn m_ceil(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("int.__ceil__", a, kw)?;
    Ok(int_ops::exact_int(&a[0]))
}

fn m_getnewargs(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("int.__getnewargs__", a, kw)?;
    Ok(new_tuple(vec![int_ops::exact_int(&a[0])]))
}

fn m_format(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    one_arg("int.__format__", a, kw)?;
    let spec = as_str(&a[1]).ok_or_else(|| {
        type_error(format!(
            "__format__() argument must be str, not {}",
            a[1].ty().name()
        ))
    })?;
    if spec.is_empty() {
        return super::protocol::str_of(&a[0]);
    }
    Ok(super::str::from_string(super::numfmt::format_int(
        me(a),
        spec,
    )?))
}

/// `round(n, ndigits)` for an int: half to even at `10**-ndigits`.
pub fn round_int(v: &IntValue, ndigits: &IntValue) -> PyResult<IntValue> {
    if int_ops::signum(ndigits) >= 0 {
        return Ok(v.clone());
    }
    let k = match ndigits {
        IntValue::Small(s) => s.unsigned_abs(),
        IntValue::Big(_) => u64::MAX,
    };
    // 10**k exceeds any value we can hold once k passes the digit count.
    let digits = (int_ops::bit_length(v) as f64 * std::f64::consts::LOG10_2) as u64 + 1;
    if k > digits {
        return Ok(IntValue::Small(0));
    }
    let p = num_traits::Pow::pow(BigInt::from(10), k as u32);
    let x = big(v);
    let (q, r) = num_integer::Integer::div_mod_floor(&*x, &p);
    let twice: BigInt = &r * 2;
    let q = match twice.cmp(&p) {
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal if num_integer::Integer::is_odd(&q) => q + 1,
        _ => q,
    };
    Ok(norm(q * p))
}

fn m_round(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = unpack("__round__", a, kw, 0, 1)?;
    match a.get(1).filter(|n| !n.is(super::none::none_ref())) {
        None => Ok(int_ops::exact_int(&a[0])),
        Some(n) => {
            let n = super::protocol::index(n)?;
            Ok(new_from_value(round_int(
                me(a),
                int_value(&n).expect("int"),
            )?))
        }
    }
}

fn byteorder_arg(v: Option<&Ref>, fname: &str) -> PyResult<bool> {
    let Some(v) = v else { return Ok(false) };
    match as_str(v) {
        Some("big") => Ok(false),
        Some("little") => Ok(true),
        Some(_) => Err(value_error("byteorder must be either 'little' or 'big'")),
        None => Err(type_error(format!(
            "{fname}() argument 'byteorder' must be str, not {}",
            v.ty().name()
        ))),
    }
}

fn m_to_bytes(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let p = args::parse(
        "to_bytes",
        &a[1..],
        kw,
        &["length", "byteorder", "signed"],
        0,
        0,
    )?;
    let length = match &p[0] {
        Some(l) => super::protocol::index_i64(l)?,
        None => 1,
    };
    if length < 0 {
        return Err(value_error("length argument must be non-negative"));
    }
    let little = byteorder_arg(p[1].as_ref(), "to_bytes")?;
    let signed = match &p[2] {
        Some(s) => super::protocol::is_true(s)?,
        None => false,
    };
    let v = big(me(a));
    if !signed && v.sign() == Sign::Minus {
        return Err(overflow_error("can't convert negative int to unsigned"));
    }
    if length > 1 << 31 {
        return Err(super::err::memory_error());
    }
    let length = length as usize;
    let mut bytes = if signed {
        v.to_signed_bytes_le()
    } else {
        v.to_bytes_le().1
    };
    if v.is_zero() {
        bytes.clear();
    }
    if bytes.len() > length {
        return Err(overflow_error("int too big to convert"));
    }
    let fill = if signed && v.sign() == Sign::Minus {
        0xff
    } else {
        0
    };
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    Ok(super::bytes::new_bytes(&bytes))
}

fn m_from_bytes(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let p = args::parse(
        "from_bytes",
        &a[1..],
        kw,
        &["bytes", "byteorder", "signed"],
        1,
        0,
    )?;
    let src = p[0].clone().expect("required");
    let data: Vec<u8> = match super::bytes::as_bytes(&src) {
        Some(b) => b.to_vec(),
        None => {
            if as_str(&src).is_some() {
                return Err(type_error("cannot convert 'str' object to bytes"));
            }
            let mut out = Vec::new();
            for item in super::protocol::to_vec(&src)? {
                let n = super::protocol::index_i64(&item)?;
                let b =
                    u8::try_from(n).map_err(|_| value_error("bytes must be in range(0, 256)"))?;
                out.push(b);
            }
            out
        }
    };
    let little = byteorder_arg(p[1].as_ref(), "from_bytes")?;
    let signed = match &p[2] {
        Some(s) => super::protocol::is_true(s)?,
        None => false,
    };
    let v = match (signed, little) {
        (true, true) => BigInt::from_signed_bytes_le(&data),
        (true, false) => BigInt::from_signed_bytes_be(&data),
        (false, true) => BigInt::from_bytes_le(Sign::Plus, &data),
        (false, false) => BigInt::from_bytes_be(Sign::Plus, &data),
    };
    let cls = super::typetype::as_type(&a[0]).unwrap_or(&INT_TYPE);
    let r = new_bigint(v);
    if std::ptr::eq(cls, &INT_TYPE) {
        return Ok(r);
    }
    super::protocol::call(&a[0], &[r], None)
}

fn m_pow(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = unpack("", a, kw, 1, 2)?;
    match a.get(2).filter(|m| !m.is(super::none::none_ref())) {
        None => match (int_value(&a[0]), int_value(&a[1])) {
            (Some(x), Some(y)) => int_ops::power(x, y),
            _ => Ok(super::none::not_implemented()),
        },
        Some(m) => match (int_value(&a[0]), int_value(&a[1]), int_value(m)) {
            (Some(x), Some(y), Some(m)) => Ok(new_from_value(int_ops::pow_mod(x, y, m)?)),
            _ => Ok(super::none::not_implemented()),
        },
    }
}

fn m_divmod(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = divmod_args(a, kw)?;
    match (int_value(&a[0]), int_value(&a[1])) {
        (Some(x), Some(y)) => int_ops::divmod_obj(x, y),
        _ => Ok(super::none::not_implemented()),
    }
}

fn m_rdivmod(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = divmod_args(a, kw)?;
    match (int_value(&a[1]), int_value(&a[0])) {
        (Some(x), Some(y)) => int_ops::divmod_obj(x, y),
        _ => Ok(super::none::not_implemented()),
    }
}

const fn method(name: &'static str, func: super::typeobj::NativeFn) -> MethodDef {
    MethodDef {
        name,
        func,
        kind: MethodKind::Instance,
    }
}

/// int's named methods (operators come from the slots).
pub static INT_METHODS: [MethodDef; 16] = [
    method("bit_length", m_bit_length),
    method("bit_count", m_bit_count),
    method("conjugate", m_conjugate),
    method("as_integer_ratio", m_as_integer_ratio),
    method("to_bytes", m_to_bytes),
    MethodDef {
        name: "from_bytes",
        func: m_from_bytes,
        kind: MethodKind::Class,
    },
    method("__format__", m_format),
    method("__round__", m_round),
    method("__trunc__", m_trunc),
    method("__floor__", m_floor),
    method("__ceil__", m_ceil),
    method("__getnewargs__", m_getnewargs),
    method("__pow__", m_pow),
    method("__divmod__", m_divmod),
    method("__rdivmod__", m_rdivmod),
    method("__sizeof__", m_sizeof),
];

/// `int.__sizeof__()`: the object, plus the digits of a big value (held in
/// the bigint's own buffer).
fn m_sizeof(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    super::method_args::no_args("int.__sizeof__", args, kw)?;
    let o = &args[0];
    let digits = match super::int::as_int(o).map(|i| i.value()) {
        Some(super::int::IntValue::Big(b)) => b.iter_u64_digits().len() * 8,
        _ => 0,
    };
    Ok(new_int(((o.ty().slots.sizeof)(o) + digits) as i64))
}

fn g_self(obj: &PyObject) -> PyResult {
    Ok(int_ops::exact_int(obj))
}

fn g_zero(_obj: &PyObject) -> PyResult {
    Ok(new_int(0))
}

fn g_one(_obj: &PyObject) -> PyResult {
    Ok(new_int(1))
}

/// int's attributes.
pub static INT_GETSETS: [GetSetDef; 4] = [
    GetSetDef {
        name: "real",
        get: g_self,
        set: None,
    },
    GetSetDef {
        name: "imag",
        get: g_zero,
        set: None,
    },
    GetSetDef {
        name: "numerator",
        get: g_self,
        set: None,
    },
    GetSetDef {
        name: "denominator",
        get: g_one,
        set: None,
    },
];

/// `hex(x)`, `oct(x)`, `bin(x)`: `x.__index__()` with a base prefix.
pub fn to_base_string(obj: &PyObject, radix: u32) -> PyResult<String> {
    let i = super::protocol::index(obj)?;
    let v = int_value(&i).expect("index returns an int");
    let prefix = match radix {
        16 => "0x",
        8 => "0o",
        _ => "0b",
    };
    let (neg, digits) = match v {
        IntValue::Small(s) => (
            *s < 0,
            match radix {
                16 => format!("{:x}", s.unsigned_abs()),
                8 => format!("{:o}", s.unsigned_abs()),
                _ => format!("{:b}", s.unsigned_abs()),
            },
        ),
        IntValue::Big(b) => (b.sign() == Sign::Minus, b.magnitude().to_str_radix(radix)),
    };
    Ok(format!("{}{prefix}{digits}", if neg { "-" } else { "" }))
}

/// An `i64` of an index-like argument, or OverflowError with `msg`.
pub fn index_to_i64(obj: &PyObject, msg: &str) -> PyResult<i64> {
    let i = super::protocol::index(obj)?;
    int_value(&i)
        .and_then(|v| match v {
            IntValue::Small(s) => Some(*s),
            IntValue::Big(b) => b.to_i64(),
        })
        .ok_or_else(|| overflow_error(msg))
}

/// The repr text of an int object (for callers outside the slots).
pub fn repr_of(v: &IntValue) -> PyResult<Ref> {
    Ok(new_str(&int_to_decimal(v)?))
}
