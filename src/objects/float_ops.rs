//! float's operators and methods with CPython's semantics: the binary
//! slots accept int operands (so mixed arithmetic lands here), `//` and `%`
//! take the divisor's sign, `**` follows `float_pow`'s special cases (a
//! negative base to a fractional power gives a complex), comparisons with
//! ints are exact, and `float(x)` parses Python's literal grammar.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_traits::{FromPrimitive, Signed, ToPrimitive, Zero};

use super::err::{overflow_error, type_error, value_error, zero_division, PyErr, PyResult};
use super::float::{as_float, new_float, new_float_of_type, FloatObject, FLOAT_TYPE};
use super::int::IntValue;
use super::int_methods::{divmod_args, no_args, one_arg, unpack};
use super::int_ops::{self, int_value};
use super::object::{PyObject, Ref};
use super::str::as_str;
use super::tuple::new_tuple;
use super::typeobj::{GetSetDef, KwNames, MethodDef, MethodKind, TypeObject};
use crate::compile::opcode::{BinaryOp, CompareOp};

/// A float operand: a float, or an int converted (OverflowError when too
/// large); `None` for anything else.
#[inline]
pub fn operand(obj: &PyObject) -> Option<PyResult<f64>> {
    // Exact float first, then ints (a flag test), then float subclasses
    // (an MRO walk).
    if let Some(f) = obj.downcast_exact::<FloatObject>() {
        return Some(Ok(f.value));
    }
    if let Some(v) = int_value(obj) {
        return Some(int_ops::to_f64(v));
    }
    as_float(obj).map(Ok)
}

/// The `errno == ERANGE` OverflowError of float `**`.
fn range_error() -> PyErr {
    PyErr::with_args(
        &super::exceptions::OVERFLOW_ERROR,
        vec![
            super::int::new_int(34),
            super::str::new_str("Numerical result out of range"),
        ],
    )
}

fn is_odd_integer(x: f64) -> bool {
    (x % 2.0).abs() == 1.0
}

/// `x ** y` for floats (CPython's `float_pow`); may return a complex.
pub fn float_pow(iv: f64, iw: f64) -> PyResult {
    float_pow_value(iv, iw).map(|r| match r {
        Ok(f) => new_float(f),
        Err((re, im)) => super::complex::new_complex(re, im),
    })
}

/// The value of `x ** y`: `Ok(float)` or `Err((re, im))` for a complex.
pub fn float_pow_value(iv: f64, iw: f64) -> PyResult<Result<f64, (f64, f64)>> {
    if iw == 0.0 {
        return Ok(Ok(1.0));
    }
    if iv.is_nan() {
        return Ok(Ok(iv));
    }
    if iw.is_nan() {
        return Ok(Ok(if iv == 1.0 { 1.0 } else { iw }));
    }
    if iw.is_infinite() {
        let a = iv.abs();
        return Ok(Ok(if a == 1.0 {
            1.0
        } else if (iw > 0.0) == (a > 1.0) {
            iw.abs()
        } else {
            0.0
        }));
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(Ok(if iw > 0.0 {
            if odd {
                iv
            } else {
                iv.abs()
            }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        }));
    }
    if iv == 0.0 {
        let odd = is_odd_integer(iw);
        if iw < 0.0 {
            return Err(zero_division("0.0 cannot be raised to a negative power"));
        }
        return Ok(Ok(if odd { iv } else { 0.0 }));
    }
    let mut negate = false;
    let mut base = iv;
    if iv < 0.0 {
        if iw != iw.floor() {
            let (re, im) = super::complex_ops::c_pow_checked((iv, 0.0), (iw, 0.0))?;
            return Ok(Err((re, im)));
        }
        base = -iv;
        negate = is_odd_integer(iw);
    }
    if base == 1.0 {
        return Ok(Ok(if negate { -1.0 } else { 1.0 }));
    }
    let r = super::libm::pow(base, iw);
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(Ok(if negate { -r } else { r }))
}

/// `divmod(x, y)` for floats (CPython's `float_divmod`), `y != 0`.
pub fn divmod_values(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `x % y` for floats, `y != 0`.
pub fn mod_value(vx: f64, wx: f64) -> f64 {
    let m = vx % wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m + wx
        } else {
            m
        }
    } else {
        0.0f64.copysign(wx)
    }
}

macro_rules! float_binary {
    ($name:ident, |$x:ident, $y:ident| $body:expr) => {
        fn $name(a: &PyObject, b: &PyObject) -> PyResult {
            let (Some($x), Some($y)) = (operand(a), operand(b)) else {
                return Ok(super::none::not_implemented());
            };
            let ($x, $y) = ($x?, $y?);
            $body
        }
    };
}

float_binary!(float_add, |x, y| Ok(new_float(x + y)));
float_binary!(float_sub, |x, y| Ok(new_float(x - y)));
float_binary!(float_mul, |x, y| Ok(new_float(x * y)));
float_binary!(float_truediv, |x, y| {
    if y == 0.0 {
        return Err(zero_division("float division by zero"));
    }
    Ok(new_float(x / y))
});
float_binary!(float_floordiv, |x, y| {
    if y == 0.0 {
        return Err(zero_division("float floor division by zero"));
    }
    Ok(new_float(divmod_values(x, y).0))
});
float_binary!(float_mod, |x, y| {
    if y == 0.0 {
        return Err(zero_division("float modulo"));
    }
    Ok(new_float(mod_value(x, y)))
});
float_binary!(float_pow_slot, |x, y| float_pow(x, y));

/// `divmod(x, y)` where both are floats or ints (at least one float).
pub fn float_divmod(x: f64, y: f64) -> PyResult {
    if y == 0.0 {
        return Err(zero_division("float divmod()"));
    }
    let (q, r) = divmod_values(x, y);
    Ok(new_tuple(vec![new_float(q), new_float(r)]))
}

fn value(obj: &PyObject) -> f64 {
    as_float(obj).expect("float slot on a float")
}

/// The value as an exact float object (`obj` itself when it is one).
pub fn exact_float(obj: &PyObject) -> Ref {
    if std::ptr::eq(obj.ty(), &FLOAT_TYPE) {
        obj.to_ref()
    } else {
        new_float(value(obj))
    }
}

fn float_neg(a: &PyObject) -> PyResult {
    Ok(new_float(-value(a)))
}

fn float_pos(a: &PyObject) -> PyResult {
    Ok(exact_float(a))
}

fn float_abs(a: &PyObject) -> PyResult {
    Ok(new_float(value(a).abs()))
}

fn float_bool(a: &PyObject) -> PyResult<bool> {
    Ok(value(a) != 0.0)
}

fn float_int(a: &PyObject) -> PyResult {
    super::int_methods::int_from_f64(value(a))
}

/// A float compared with an int, exactly; `None` when the float is NaN.
pub fn cmp_float_int(f: f64, w: &IntValue) -> Option<Ordering> {
    const EXACT: f64 = 9007199254740992.0; // 2**53
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Greater
        } else {
            Ordering::Less
        });
    }
    if let IntValue::Small(n) = w {
        if n.unsigned_abs() <= 1 << 53 {
            return f.partial_cmp(&(*n as f64));
        }
    }
    // |w| > 2**53.
    if f.abs() < EXACT {
        return Some(if int_ops::signum(w) > 0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    // |f| >= 2**53 is an integer: compare exactly.
    let fb = BigInt::from_f64(f).unwrap_or_default();
    Some(fb.cmp(&int_ops::big(w)))
}

fn float_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let x = value(a);
    let ord = if let Some(y) = as_float(b) {
        x.partial_cmp(&y)
    } else if let Some(w) = int_value(b) {
        cmp_float_int(x, w)
    } else {
        return Ok(super::none::not_implemented());
    };
    let r = match ord {
        Some(o) => int_ops::ordering_holds(o, op),
        None => op == CompareOp::Ne,
    };
    Ok(super::bool::new_bool(r))
}

// ---- parsing and the constructor ---------------------------------------

/// Parse a float literal as `float(s)` does: surrounding whitespace, a
/// sign, `inf` / `infinity` / `nan` in any case, digits with single
/// underscores between them, an optional fraction and exponent.
pub fn parse_float(text: &str) -> Option<f64> {
    let ascii = super::int_methods::to_ascii_number(text)?;
    let s = ascii.trim_matches(|c: char| c.is_ascii_whitespace() || ('\x1c'..='\x1f').contains(&c));
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = body.to_ascii_lowercase();
    let special = match lower.as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Some(if neg { -v } else { v });
    }
    let clean = clean_decimal(body)?;
    let v: f64 = clean.parse().ok()?;
    Some(if neg { -v } else { v })
}

/// Validate `digits ['.' digits] [e [sign] digits]` (underscores only
/// between digits, at least one mantissa digit) and drop the underscores.
fn clean_decimal(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    // Digits with single underscores between them; returns the count.
    let digits = |i: &mut usize, out: &mut String| -> Option<usize> {
        let mut n = 0;
        while *i < b.len() {
            let c = b[*i];
            if c.is_ascii_digit() {
                out.push(c as char);
                n += 1;
                *i += 1;
            } else if c == b'_' && n > 0 && b.get(*i + 1).is_some_and(u8::is_ascii_digit) {
                *i += 1;
            } else {
                break;
            }
        }
        if *i < b.len() && b[*i] == b'_' {
            return None;
        }
        Some(n)
    };
    let mut mantissa = digits(&mut i, &mut out)?;
    if b.get(i) == Some(&b'.') {
        out.push('.');
        i += 1;
        if b.get(i) == Some(&b'_') {
            return None;
        }
        mantissa += digits(&mut i, &mut out)?;
    }
    if mantissa == 0 {
        return None;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        out.push('e');
        i += 1;
        if let Some(&c @ (b'+' | b'-')) = b.get(i) {
            out.push(c as char);
            i += 1;
        }
        if b.get(i) == Some(&b'_') || digits(&mut i, &mut out)? == 0 {
            return None;
        }
    }
    (i == b.len()).then_some(out)
}

/// `float(text)` with CPython's ValueError.
pub fn float_from_text(text: &str, shown: &PyObject) -> PyResult<f64> {
    parse_float(text).ok_or_else(|| {
        let r = super::protocol::repr_string(shown).unwrap_or_default();
        value_error(format!("could not convert string to float: {r}"))
    })
}

/// `float(x)` for any object: `__float__`, `__index__`, or a string.
pub fn float_of_object(x: &PyObject) -> PyResult<f64> {
    if let Some(f) = x.downcast_exact::<FloatObject>() {
        return Ok(f.value);
    }
    let ty = x.ty();
    if let Some(f) = ty.slots.float.get() {
        let r = f(x)?;
        return match as_float(&r) {
            Some(v) => Ok(v),
            None => Err(type_error(format!(
                "{}.__float__ returned non-float (type {})",
                ty.name(),
                r.ty().name()
            ))),
        };
    }
    if let Some(f) = ty.slots.index.get() {
        let r = f(x)?;
        let v = int_value(&r).ok_or_else(|| {
            type_error(format!(
                "__index__ returned non-int (type {})",
                r.ty().name()
            ))
        })?;
        return int_ops::to_f64(v);
    }
    if let Some(t) = super::int_methods::text_of(x) {
        return float_from_text(&t, x);
    }
    Err(type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        ty.name()
    )))
}

/// `float(x=0.0)` (the `new` slot; `ty` may be a subclass).
pub fn float_new(ty: &TypeObject, a: &[Ref], kw: KwNames<'_>) -> PyResult {
    if kw.is_some_and(|k| !super::tuple::items(k).is_empty()) {
        return Err(type_error("float() takes no keyword arguments"));
    }
    if a.len() > 1 {
        return Err(type_error(format!(
            "float expected at most 1 argument, got {}",
            a.len()
        )));
    }
    let v = match a.first() {
        None => 0.0,
        Some(x) => {
            if std::ptr::eq(ty, &FLOAT_TYPE) && std::ptr::eq(x.ty(), &FLOAT_TYPE) {
                return Ok(x.clone());
            }
            float_of_object(x)?
        }
    };
    if std::ptr::eq(ty, &FLOAT_TYPE) {
        Ok(new_float(v))
    } else {
        Ok(new_float_of_type(ty, v))
    }
}

// ---- rounding ----------------------------------------------------------

/// `round(x)`: the nearest int, ties to even.
pub fn round_to_int(x: f64) -> PyResult {
    super::int_methods::int_from_f64(x.round_ties_even())
}

/// `round(x, ndigits)` as CPython's `double_round`: exact decimal
/// rounding, ties to even.
pub fn round_digits(x: f64, ndigits: i64) -> PyResult<f64> {
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || x == 0.0 || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let r = if ndigits >= 0 {
        format!("{:.*}", ndigits as usize, x)
            .parse::<f64>()
            .unwrap_or(x)
    } else {
        round_negative(x, (-ndigits) as u32)
    };
    if r.is_infinite() {
        return Err(overflow_error("rounded value too large to represent"));
    }
    Ok(if r == 0.0 { 0.0f64.copysign(x) } else { r })
}

/// `x` rounded to a multiple of `10**k`, computed exactly.
fn round_negative(x: f64, k: u32) -> f64 {
    let (mant, exp) = decompose(x.abs());
    let p = num_traits::Pow::pow(BigInt::from(10), k);
    // |x| = mant * 2**exp; q = round(|x| / 10**k), half to even.
    let (num, den) = if exp >= 0 {
        (BigInt::from(mant) << exp as usize, p.clone())
    } else {
        (BigInt::from(mant), &p << (-exp) as usize)
    };
    let (q, r) = num_integer::Integer::div_rem(&num, &den);
    let twice: BigInt = r * 2;
    let q = match twice.cmp(&den) {
        Ordering::Greater => q + 1,
        Ordering::Equal if num_integer::Integer::is_odd(&q) => q + 1,
        _ => q,
    };
    let v = int_ops::norm(q * p);
    let f = int_ops::to_f64(&v).unwrap_or(f64::INFINITY);
    if x < 0.0 {
        -f
    } else {
        f
    }
}

/// A finite non-negative float as `mant * 2**exp` with an integer mantissa.
pub fn decompose(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let e = ((bits >> 52) & 0x7ff) as i32;
    let m = bits & ((1 << 52) - 1);
    if e == 0 {
        (m, -1074)
    } else {
        (m | (1 << 52), e - 1075)
    }
}

// ---- methods -----------------------------------------------------------

fn me(a: &[Ref]) -> f64 {
    value(&a[0])
}

fn m_is_integer(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("float.is_integer", a, kw)?;
    let x = me(a);
    Ok(super::bool::new_bool(x.is_finite() && x == x.floor()))
}

/// `x.as_integer_ratio()` as values.
pub fn integer_ratio(x: f64) -> PyResult<(BigInt, BigInt)> {
    if x.is_infinite() {
        return Err(overflow_error("cannot convert Infinity to integer ratio"));
    }
    if x.is_nan() {
        return Err(value_error("cannot convert NaN to integer ratio"));
    }
    let (mut mant, mut exp) = decompose(x.abs());
    if mant == 0 {
        return Ok((BigInt::zero(), BigInt::from(1)));
    }
    let tz = mant.trailing_zeros() as i32;
    mant >>= tz;
    exp += tz;
    let mut num = BigInt::from(mant);
    let den = if exp >= 0 {
        num <<= exp as usize;
        BigInt::from(1)
    } else {
        BigInt::from(1) << (-exp) as usize
    };
    if x < 0.0 {
        num = -num;
    }
    Ok((num, den))
}

fn m_as_integer_ratio(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("float.as_integer_ratio", a, kw)?;
    let (n, d) = integer_ratio(me(a))?;
    Ok(new_tuple(vec![
        super::int::new_bigint(n),
        super::int::new_bigint(d),
    ]))
}

fn m_conjugate(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("float.conjugate", a, kw)?;
    Ok(exact_float(&a[0]))
}

fn m_trunc(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("float.__trunc__", a, kw)?;
    super::int_methods::int_from_f64(me(a))
}

fn m_floor(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("float.__floor__", a, kw)?;
    super::int_methods::int_from_f64(me(a).floor())
}

fn m_ceil(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("float.__ceil__", a, kw)?;
    super::int_methods::int_from_f64(me(a).ceil())
}

fn m_round(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = unpack("__round__", a, kw, 0, 1)?;
    match a.get(1).filter(|n| !n.is(super::none::none_ref())) {
        None => round_to_int(me(a)),
        Some(n) => {
            let n = super::protocol::index(n)?;
            let nd = match int_value(&n).expect("int") {
                IntValue::Small(s) => *s,
                IntValue::Big(b) => {
                    if b.is_negative() {
                        i64::MIN
                    } else {
                        i64::MAX
                    }
                }
            };
            Ok(new_float(round_digits(me(a), nd)?))
        }
    }
}

fn m_format(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    one_arg("float.__format__", a, kw)?;
    let spec = as_str(&a[1]).ok_or_else(|| {
        type_error(format!(
            "__format__() argument must be str, not {}",
            a[1].ty().name()
        ))
    })?;
    if spec.is_empty() {
        return super::protocol::str_of(&a[0]);
    }
    Ok(super::str::from_string(super::numfmt::format_float(
        me(a),
        spec,
    )?))
}

fn m_getnewargs(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("float.__getnewargs__", a, kw)?;
    Ok(new_tuple(vec![new_float(me(a))]))
}

fn m_divmod(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = divmod_args(a, kw)?;
    match operand(&a[1]) {
        Some(y) => float_divmod(me(a), y?),
        None => Ok(super::none::not_implemented()),
    }
}

fn m_rdivmod(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = divmod_args(a, kw)?;
    match operand(&a[1]) {
        Some(x) => float_divmod(x?, me(a)),
        None => Ok(super::none::not_implemented()),
    }
}

fn m_pow(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = unpack("", a, kw, 1, 2)?;
    if a.get(2).is_some_and(|m| !m.is(super::none::none_ref())) {
        return Err(type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        ));
    }
    match operand(&a[1]) {
        Some(y) => float_pow(me(a), y?),
        None => Ok(super::none::not_implemented()),
    }
}

/// `float.hex()`: `[-]0x1.hhhhhhhhhhhhhp±e`, CPython's layout.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.into();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let (mut m, mut e) = super::float::frexp(x.abs());
    let shift = 1 - (-1021 - e).max(0);
    m = int_ops::ldexp(m, shift);
    e -= shift;
    let hex = b"0123456789abcdef";
    let mut s = format!("{sign}0x");
    let d = m as usize;
    s.push(hex[d] as char);
    m -= d as f64;
    s.push('.');
    for _ in 0..13 {
        m *= 16.0;
        let d = m as usize;
        s.push(hex[d] as char);
        m -= d as f64;
    }
    s.push_str(&format!("p{e:+}"));
    s
}

fn m_hex(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("float.hex", a, kw)?;
    Ok(super::str::from_string(float_hex(me(a))))
}

/// `float.fromhex(s)`: correctly rounded.
pub fn float_fromhex(text: &str) -> PyResult<f64> {
    let invalid = || value_error("invalid hexadecimal floating-point string");
    let s = text.trim_matches(|c: char| super::int_methods::is_py_space(c));
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = body.to_ascii_lowercase();
    if matches!(lower.as_str(), "inf" | "infinity") {
        return Ok(if neg {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    if lower == "nan" {
        return Ok(f64::NAN);
    }
    let mut rest = lower.as_str();
    if let Some(r) = rest.strip_prefix("0x") {
        rest = r;
    }
    let (mant, exp_part) = match rest.find('p') {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let (int_part, frac_part) = match mant.find('.') {
        Some(i) => (&mant[..i], &mant[i + 1..]),
        None => (mant, ""),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return Err(invalid());
    }
    let all: String = format!("{int_part}{frac_part}");
    if !all.bytes().all(|c| c.is_ascii_hexdigit()) {
        return Err(invalid());
    }
    let mut exp: i64 = match exp_part {
        None => 0,
        Some(e) => {
            let digits = e.trim_start_matches(['+', '-']);
            if digits.is_empty()
                || !digits.bytes().all(|c| c.is_ascii_digit())
                || e.len() - digits.len() > 1
            {
                return Err(invalid());
            }
            // Exponents past any float's range saturate.
            e.parse::<i64>().unwrap_or(if e.starts_with('-') {
                -1 << 40
            } else {
                1 << 40
            })
        }
    };
    exp = exp.saturating_sub(4 * frac_part.len() as i64);
    let m = BigInt::parse_bytes(all.as_bytes(), 16).unwrap_or_default();
    let v = scale_to_f64(&m, exp)
        .ok_or_else(|| overflow_error("hexadecimal value too large to represent as a float"))?;
    Ok(if neg { -v } else { v })
}

/// `m * 2**e` (m >= 0) correctly rounded, subnormals included; `None`
/// when it overflows.
pub fn scale_to_f64(m: &BigInt, e: i64) -> Option<f64> {
    if m.is_zero() {
        return Some(0.0);
    }
    let nbits = m.bits() as i64;
    let top = nbits + e - 1; // m * 2**e lies in [2**top, 2**(top+1))
    if top > 1100 {
        return None;
    }
    if top < -1100 {
        return Some(0.0);
    }
    // Bits to keep: 53, fewer for a subnormal result.
    let keep = if top >= -1022 { 53 } else { 53 - (-1022 - top) };
    let drop = nbits - keep;
    let (q, e2) = if drop > 0 {
        let q: BigInt = m >> drop as usize;
        let rem: BigInt = m - (&q << drop as usize);
        let half = BigInt::from(1) << (drop - 1) as usize;
        let q = match rem.cmp(&half) {
            Ordering::Greater => q + 1,
            Ordering::Equal if num_integer::Integer::is_odd(&q) => q + 1,
            _ => q,
        };
        (q, e + drop)
    } else {
        (m.clone(), e)
    };
    let qf = q.to_f64()?; // exact: at most 54 bits, a power of two if 54
    let r = int_ops::ldexp(qf, e2.clamp(-3000, 3000) as i32);
    (!r.is_infinite()).then_some(r)
}

fn m_fromhex(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    one_arg("float.fromhex", a, kw)?;
    let s = as_str(&a[1]).ok_or_else(|| {
        type_error(format!(
            "fromhex() argument must be str, not {}",
            a[1].ty().name()
        ))
    })?;
    let v = new_float(float_fromhex(s)?);
    if a[0].is(FLOAT_TYPE.as_object()) {
        return Ok(v);
    }
    super::protocol::call(&a[0], &[v], None)
}

const fn method(name: &'static str, func: super::typeobj::NativeFn) -> MethodDef {
    MethodDef {
        name,
        func,
        kind: MethodKind::Instance,
    }
}

/// float's named methods.
pub static FLOAT_METHODS: [MethodDef; 14] = [
    method("is_integer", m_is_integer),
    method("as_integer_ratio", m_as_integer_ratio),
    method("conjugate", m_conjugate),
    method("hex", m_hex),
    MethodDef {
        name: "fromhex",
        func: m_fromhex,
        kind: MethodKind::Class,
    },
    method("__trunc__", m_trunc),
    method("__floor__", m_floor),
    method("__ceil__", m_ceil),
    method("__round__", m_round),
    method("__format__", m_format),
    method("__getnewargs__", m_getnewargs),
    method("__divmod__", m_divmod),
    method("__rdivmod__", m_rdivmod),
    method("__pow__", m_pow),
];

fn g_real(obj: &PyObject) -> PyResult {
    Ok(exact_float(obj))
}

fn g_imag(_obj: &PyObject) -> PyResult {
    Ok(new_float(0.0))
}

/// float's attributes.
pub static FLOAT_GETSETS: [GetSetDef; 2] = [
    GetSetDef {
        name: "real",
        get: g_real,
        set: None,
    },
    GetSetDef {
        name: "imag",
        get: g_imag,
        set: None,
    },
];

/// Set float's number slots (before the dunder wrappers are made).
pub fn install() {
    let s = &FLOAT_TYPE.slots;
    let bin: [(BinaryOp, super::typeobj::BinaryFn); 7] = [
        (BinaryOp::Add, float_add),
        (BinaryOp::Subtract, float_sub),
        (BinaryOp::Multiply, float_mul),
        (BinaryOp::TrueDivide, float_truediv),
        (BinaryOp::FloorDivide, float_floordiv),
        (BinaryOp::Remainder, float_mod),
        (BinaryOp::Power, float_pow_slot),
    ];
    for (op, f) in bin {
        s.binary[op as usize].set(Some(f));
    }
    s.neg.set(Some(float_neg));
    s.pos.set(Some(float_pos));
    s.abs.set(Some(float_abs));
    s.bool.set(Some(float_bool));
    s.int.set(Some(float_int));
    s.float.set(Some(float_pos));
    s.richcompare.set(Some(float_richcompare));
    s.new.set(Some(float_new));
}

/// A float argument of a math function: a float, an int, `__float__` or
/// `__index__`; TypeError "must be real number, not X" otherwise.
pub fn real_arg(obj: &PyObject) -> PyResult<f64> {
    if let Some(r) = operand(obj) {
        return r;
    }
    let ty = obj.ty();
    if ty.slots.float.get().is_some() || ty.slots.index.get().is_some() {
        return float_of_object(obj);
    }
    Err(type_error(format!(
        "must be real number, not {}",
        ty.name()
    )))
}

/// The value of an int as an `i64` if it fits.
pub fn small_int(v: &IntValue) -> Option<i64> {
    match v {
        IntValue::Small(s) => Some(*s),
        IntValue::Big(b) => b.to_i64(),
    }
}
