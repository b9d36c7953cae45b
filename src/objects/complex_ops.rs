//! complex's operators, constructor and methods (CPython's
//! `complexobject.c`): arithmetic with int and float operands, division
//! and `**` by CPython's algorithms, `abs`, `==`, hashing, `complex(x, y)`
//! and `complex('1+2j')`, `real` / `imag`, `conjugate`.

use super::complex::{as_complex, new_complex, new_complex_of_type, COMPLEX_TYPE};
use super::err::{overflow_error, type_error, value_error, zero_division, PyResult};
use super::float::as_float;
use super::int_ops::int_value;
use super::object::{PyObject, Ref};
use super::str::as_str;
use super::typeobj::{GetSetDef, KwNames, MethodDef, MethodKind, TypeObject};
use crate::compile::opcode::{BinaryOp, CompareOp};
use crate::modules::args;

/// A complex number as (re, im).
pub type C = (f64, f64);

/// A complex operand: complex, float or int; `None` otherwise.
fn operand(obj: &PyObject) -> Option<PyResult<C>> {
    if let Some(c) = as_complex(obj) {
        return Some(Ok(c));
    }
    super::float_ops::operand(obj).map(|r| r.map(|f| (f, 0.0)))
}

fn prod(a: C, b: C) -> C {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `a / b` by CPython's `_Py_c_quot`; `None` for division by zero.
pub fn quot(a: C, b: C) -> Option<C> {
    let abs_br = b.0.abs();
    let abs_bi = b.1.abs();
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

fn powu(x: C, n: u64) -> C {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: u64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = prod(r, p);
        }
        mask <<= 1;
        p = prod(p, p);
    }
    r
}

/// `a ** b` as CPython's `complex_pow` computes it, with its errors.
pub fn c_pow_checked(a: C, b: C) -> PyResult<C> {
    let mut edom = false;
    let p = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n >= 0 {
            powu(a, n as u64)
        } else {
            match quot((1.0, 0.0), powu(a, n.unsigned_abs())) {
                Some(q) => q,
                None => {
                    edom = true;
                    (0.0, 0.0)
                }
            }
        }
    } else if b == (0.0, 0.0) {
        (1.0, 0.0)
    } else if a == (0.0, 0.0) {
        if b.1 != 0.0 || b.0 < 0.0 {
            edom = true;
        }
        (0.0, 0.0)
    } else {
        use super::libm;
        let vabs = libm::hypot(a.0, a.1);
        let mut len = libm::pow(vabs, b.0);
        let at = libm::atan2(a.1, a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len /= libm::exp(at * b.1);
            phase += b.1 * libm::log(vabs);
        }
        (len * libm::cos(phase), len * libm::sin(phase))
    };
    if edom {
        return Err(zero_division("0.0 to a negative or complex power"));
    }
    if p.0.is_infinite() || p.1.is_infinite() {
        return Err(overflow_error("complex exponentiation"));
    }
    Ok(p)
}

macro_rules! complex_binary {
    ($name:ident, |$x:ident, $y:ident| $body:expr) => {
        fn $name(a: &PyObject, b: &PyObject) -> PyResult {
            let (Some($x), Some($y)) = (operand(a), operand(b)) else {
                return Ok(super::none::not_implemented());
            };
            let ($x, $y) = ($x?, $y?);
            let r: C = $body;
            Ok(new_complex(r.0, r.1))
        }
    };
}

complex_binary!(complex_add, |x, y| (x.0 + y.0, x.1 + y.1));
complex_binary!(complex_sub, |x, y| (x.0 - y.0, x.1 - y.1));
complex_binary!(complex_mul, |x, y| prod(x, y));
complex_binary!(complex_div, |x, y| quot(x, y)
    .ok_or_else(|| zero_division("complex division by zero"))?);
complex_binary!(complex_pow, |x, y| c_pow_checked(x, y)?);

fn value(obj: &PyObject) -> C {
    as_complex(obj).expect("complex slot on a complex")
}

fn complex_neg(a: &PyObject) -> PyResult {
    let (re, im) = value(a);
    Ok(new_complex(-re, -im))
}

fn complex_pos(a: &PyObject) -> PyResult {
    if std::ptr::eq(a.ty(), &COMPLEX_TYPE) {
        return Ok(a.to_ref());
    }
    let (re, im) = value(a);
    Ok(new_complex(re, im))
}

/// `abs(z)`, OverflowError when finite parts overflow.
pub fn complex_abs_value(z: C) -> PyResult<f64> {
    let r = super::libm::hypot(z.0, z.1);
    if r.is_infinite() && z.0.is_finite() && z.1.is_finite() {
        return Err(overflow_error("absolute value too large"));
    }
    Ok(r)
}

fn complex_abs(a: &PyObject) -> PyResult {
    Ok(super::float::new_float(complex_abs_value(value(a))?))
}

fn complex_bool(a: &PyObject) -> PyResult<bool> {
    let (re, im) = value(a);
    Ok(re != 0.0 || im != 0.0)
}

fn complex_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(super::none::not_implemented());
    }
    let (re, im) = value(a);
    let eq = if let Some(w) = int_value(b) {
        im == 0.0 && super::float_ops::cmp_float_int(re, w) == Some(std::cmp::Ordering::Equal)
    } else if let Some(f) = as_float(b) {
        im == 0.0 && re == f
    } else if let Some((r2, i2)) = as_complex(b) {
        re == r2 && im == i2
    } else {
        return Ok(super::none::not_implemented());
    };
    Ok(super::bool::new_bool(eq == (op == CompareOp::Eq)))
}

fn complex_hash(a: &PyObject) -> PyResult<i64> {
    let (re, im) = value(a);
    let hr = super::float::hash_float(re);
    let hi = super::float::hash_float(im);
    let h = hr.wrapping_add(1000003i64.wrapping_mul(hi));
    Ok(if h == -1 { -2 } else { h })
}

// ---- the constructor ---------------------------------------------------

/// Parse `complex('…')`: `re`, `imj`, `re±imj`, optional parentheses.
pub fn parse_complex(text: &str) -> Option<C> {
    let ascii = super::int_methods::to_ascii_number(text)?;
    let mut s = ascii.trim();
    if let Some(inner) = s.strip_prefix('(') {
        s = inner.strip_suffix(')')?.trim();
    }
    if s.is_empty() {
        return None;
    }
    let b = s.as_bytes();
    if let Some(body) = s.strip_suffix(['j', 'J']) {
        // Find where the imaginary part starts: a sign not after an 'e'.
        let mut split = None;
        for i in (1..body.len()).rev() {
            if (b[i] == b'+' || b[i] == b'-') && !matches!(b[i - 1], b'e' | b'E') {
                split = Some(i);
                break;
            }
        }
        let (re, im) = match split {
            Some(i) => (&body[..i], &body[i..]),
            None => ("", body),
        };
        let im = match im {
            "" | "+" => 1.0,
            "-" => -1.0,
            _ => parse_part(im)?,
        };
        let re = if re.is_empty() { 0.0 } else { parse_part(re)? };
        Some((re, im))
    } else {
        Some((parse_part(s)?, 0.0))
    }
}

fn parse_part(s: &str) -> Option<f64> {
    if s.trim() != s {
        return None;
    }
    super::float_ops::parse_float(s)
}

fn complex_of(x: &PyObject) -> PyResult<Option<C>> {
    if let Some(c) = as_complex(x) {
        return Ok(Some(c));
    }
    if let Some(f) = x.ty().lookup_str("__complex__") {
        let r = super::protocol::call_method_obj(&f, x, &[])?;
        return match as_complex(&r) {
            Some(c) => Ok(Some(c)),
            None => Err(type_error(format!(
                "__complex__ returned non-complex (type {})",
                r.ty().name()
            ))),
        };
    }
    Ok(None)
}

/// `complex(real=0, imag=0)`.
pub fn complex_new(ty: &TypeObject, a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let p = args::parse("complex", a, kw, &["real", "imag"], 0, 0)?;
    let (r, i) = (p[0].clone(), p[1].clone());
    if let Some(r) = &r {
        if let Some(t) = as_str(r) {
            if i.is_some() {
                return Err(type_error(
                    "complex() can't take second arg if first is a string",
                ));
            }
            let (re, im) = parse_complex(t)
                .ok_or_else(|| value_error("complex() arg is a malformed string"))?;
            return Ok(new_complex_of_type(ty, re, im));
        }
    }
    if let Some(i) = &i {
        if as_str(i).is_some() {
            return Err(type_error("complex() second arg can't be a string"));
        }
    }
    let (mut cr, cr_complex) = match &r {
        None => ((0.0, 0.0), false),
        Some(x) => match complex_of(x)? {
            Some(c) => {
                if i.is_none()
                    && std::ptr::eq(ty, &COMPLEX_TYPE)
                    && std::ptr::eq(x.ty(), &COMPLEX_TYPE)
                {
                    return Ok(x.clone());
                }
                (c, true)
            }
            None => ((real_part(x, "first")?, 0.0), false),
        },
    };
    let (mut ci, ci_complex) = match &i {
        None => ((0.0, 0.0), false),
        Some(x) => match as_complex(x) {
            Some(c) => (c, true),
            None => ((real_part(x, "second")?, 0.0), false),
        },
    };
    // (a + bj) + (c + dj)j, adding only the parts that exist.
    if ci_complex {
        cr.0 -= ci.1;
    }
    if cr_complex && i.is_some() {
        ci.0 += cr.1;
    }
    let im = if cr_complex && i.is_none() {
        cr.1
    } else {
        ci.0
    };
    Ok(new_complex_of_type(ty, cr.0, im))
}

fn real_part(x: &PyObject, which: &str) -> PyResult<f64> {
    let ty = x.ty();
    if super::float_ops::operand(x).is_some()
        || ty.slots.float.get().is_some()
        || ty.slots.index.get().is_some()
    {
        return super::float_ops::real_arg(x);
    }
    Err(type_error(format!(
        "complex() {which} argument must be a string or a number, not '{}'",
        ty.name()
    )))
}

// ---- methods and attributes --------------------------------------------

fn m_conjugate(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    super::int_methods::no_args("complex.conjugate", a, kw)?;
    let (re, im) = value(&a[0]);
    Ok(new_complex(re, -im))
}

fn m_getnewargs(a: &[Ref], _kw: KwNames<'_>) -> PyResult {
    let (re, im) = value(&a[0]);
    Ok(super::tuple::new_tuple(vec![
        super::float::new_float(re),
        super::float::new_float(im),
    ]))
}

fn m_format(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    super::int_methods::one_arg("complex.__format__", a, kw)?;
    let spec = as_str(&a[1]).unwrap_or("");
    if spec.is_empty() {
        return super::protocol::str_of(&a[0]);
    }
    let (re, im) = value(&a[0]);
    Ok(super::str::from_string(super::numfmt::format_complex(
        re, im, spec,
    )?))
}

fn m_complex(a: &[Ref], _kw: KwNames<'_>) -> PyResult {
    let (re, im) = value(&a[0]);
    Ok(new_complex(re, im))
}

/// complex's named methods.
pub static COMPLEX_METHODS: [MethodDef; 4] = [
    MethodDef {
        name: "conjugate",
        func: m_conjugate,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "__getnewargs__",
        func: m_getnewargs,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "__format__",
        func: m_format,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "__complex__",
        func: m_complex,
        kind: MethodKind::Instance,
    },
];

fn g_real(obj: &PyObject) -> PyResult {
    Ok(super::float::new_float(value(obj).0))
}

fn g_imag(obj: &PyObject) -> PyResult {
    Ok(super::float::new_float(value(obj).1))
}

/// complex's attributes.
pub static COMPLEX_GETSETS: [GetSetDef; 2] = [
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

/// Set complex's number slots.
pub fn install() {
    let s = &COMPLEX_TYPE.slots;
    let bin: [(BinaryOp, super::typeobj::BinaryFn); 5] = [
        (BinaryOp::Add, complex_add),
        (BinaryOp::Subtract, complex_sub),
        (BinaryOp::Multiply, complex_mul),
        (BinaryOp::TrueDivide, complex_div),
        (BinaryOp::Power, complex_pow),
    ];
    for (op, f) in bin {
        s.binary[op as usize].set(Some(f));
    }
    s.neg.set(Some(complex_neg));
    s.pos.set(Some(complex_pos));
    s.abs.set(Some(complex_abs));
    s.bool.set(Some(complex_bool));
    s.richcompare.set(Some(complex_richcompare));
    s.hash.set(Some(complex_hash));
    s.new.set(Some(complex_new));
}
