//! The `math` module as CPython 3.11's `Modules/mathmodule.c` behaves:
//! libm functions wrapped with CPython's error rules (`math_1`: a NaN from
//! a non-NaN argument is "math domain error", an infinity from a finite
//! argument is "math range error" or a domain error), exact integer
//! functions on big ints (`factorial`, `comb`, `perm`, `gcd`, `lcm`,
//! `isqrt`), CPython's own `gamma` / `lgamma` (Lanczos), `fsum` (Shewchuk's
//! exact partials) and `hypot` / `dist` (the accurate `vector_norm`).

use num_bigint::BigInt;
use num_integer::{Integer, Roots};
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::objects::err::{overflow_error, type_error, value_error, PyErr, PyResult};
use crate::objects::float::{as_float, new_float, FLOAT_TYPE};
use crate::objects::float_ops::{self, real_arg};
use crate::objects::int::{new_bigint, new_from_value, new_int, IntValue, INT_TYPE};
use crate::objects::int_ops::{self, big, int_value};
use crate::objects::libm;
use crate::objects::object::{PyObject, Ref};
use crate::objects::protocol;
use crate::objects::tuple::new_tuple;
use crate::objects::typeobj::{KwNames, NativeFn};

use super::args;

fn domain() -> PyErr {
    value_error("math domain error")
}

fn range() -> PyErr {
    overflow_error("math range error")
}

/// One argument, as CPython's METH_O functions count them.
fn one<'a>(fname: &str, a: &'a [Ref], kw: KwNames<'_>) -> PyResult<&'a Ref> {
    args::no_kwargs(&format!("math.{fname}"), kw)?;
    if a.len() != 1 {
        return Err(type_error(format!(
            "math.{fname}() takes exactly one argument ({} given)",
            a.len()
        )));
    }
    Ok(&a[0])
}

/// Exactly two positional arguments (argument-clinic style message).
fn two<'a>(fname: &str, a: &'a [Ref], kw: KwNames<'_>) -> PyResult<(&'a Ref, &'a Ref)> {
    args::no_kwargs(fname, kw)?;
    if a.len() != 2 {
        return Err(type_error(format!(
            "{fname} expected 2 arguments, got {}",
            a.len()
        )));
    }
    Ok((&a[0], &a[1]))
}

/// CPython's `math_1`: apply `f`, map NaN / infinite results to errors.
fn math_1(x: f64, f: fn(f64) -> f64, can_overflow: bool) -> PyResult {
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range() } else { domain() });
    }
    Ok(new_float(r))
}

macro_rules! func1 {
    ($($name:ident => $f:expr, $over:expr;)*) => {
        $(
            fn $name(a: &[Ref], kw: KwNames<'_>) -> PyResult {
                let x = real_arg(one(stringify!($name), a, kw)?)?;
                math_1(x, $f, $over)
            }
        )*
    };
}

func1! {
    sqrt => f64::sqrt, false;
    exp => libm::exp, true;
    exp2 => libm::exp2, true;
    expm1 => libm::expm1, true;
    log1p => libm::log1p, false;
    sin => libm::sin, false;
    cos => libm::cos, false;
    tan => libm::tan, false;
    asin => libm::asin, false;
    acos => libm::acos, false;
    atan => libm::atan, false;
    sinh => libm::sinh, true;
    cosh => libm::cosh, true;
    tanh => libm::tanh, false;
    asinh => libm::asinh, false;
    acosh => libm::acosh, false;
    atanh => libm::atanh, false;
    fabs => f64::abs, false;
    cbrt => libm::cbrt, false;
    erf => libm::erf, false;
    erfc => libm::erfc, false;
}

fn isfinite(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let x = real_arg(one("isfinite", a, kw)?)?;
    Ok(crate::objects::bool::new_bool(x.is_finite()))
}

fn isinf(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let x = real_arg(one("isinf", a, kw)?)?;
    Ok(crate::objects::bool::new_bool(x.is_infinite()))
}

fn isnan(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let x = real_arg(one("isnan", a, kw)?)?;
    Ok(crate::objects::bool::new_bool(x.is_nan()))
}

fn degrees(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let x = real_arg(one("degrees", a, kw)?)?;
    Ok(new_float(x * (180.0 / std::f64::consts::PI)))
}

fn radians(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let x = real_arg(one("radians", a, kw)?)?;
    Ok(new_float(x * (std::f64::consts::PI / 180.0)))
}

// ---- logarithms --------------------------------------------------------

/// `func(x)` for an int or float argument, big ints included (CPython's
/// `loghelper`: `x = m * 2**e` when x does not fit a float).
fn loghelper(arg: &PyObject, func: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(v) = int_value(arg) {
        if int_ops::signum(v) <= 0 {
            return Err(domain());
        }
        return match int_ops::to_f64(v) {
            Ok(x) => m_log_checked(x, func),
            Err(_) => {
                let e = int_ops::bit_length(v) as i64 - 60;
                let top: BigInt = &*big(v) >> e as usize;
                let m = top.to_f64().unwrap_or(1.0);
                Ok(func(m) + func(2.0) * e as f64)
            }
        };
    }
    let x = real_arg(arg)?;
    m_log_checked(x, func)
}

fn m_log_checked(x: f64, func: fn(f64) -> f64) -> PyResult<f64> {
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(func(x))
}

fn log(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    args::no_kwargs("log", kw)?;
    if a.is_empty() || a.len() > 2 {
        return Err(type_error("math.log requires 1 to 2 arguments"));
    }
    let num = loghelper(&a[0], libm::log)?;
    if a.len() == 1 {
        return Ok(new_float(num));
    }
    let den = loghelper(&a[1], libm::log)?;
    if den == 0.0 {
        return Err(crate::objects::err::zero_division("float division by zero"));
    }
    Ok(new_float(num / den))
}

fn log2(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    Ok(new_float(loghelper(one("log2", a, kw)?, libm::log2)?))
}

fn log10(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    Ok(new_float(loghelper(one("log10", a, kw)?, libm::log10)?))
}

// ---- two-argument float functions --------------------------------------

fn pow(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let (x, y) = two("pow", a, kw)?;
    let (x, y) = (real_arg(x)?, real_arg(y)?);
    let r = if !x.is_finite() || !y.is_finite() {
        if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        }
    } else {
        let r = libm::pow(x, y);
        if r.is_nan() {
            return Err(domain());
        }
        if r.is_infinite() {
            return Err(if x == 0.0 { domain() } else { range() });
        }
        r
    };
    Ok(new_float(r))
}

fn atan2(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let (y, x) = two("atan2", a, kw)?;
    Ok(new_float(libm::atan2(real_arg(y)?, real_arg(x)?)))
}

fn copysign(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let (x, y) = two("copysign", a, kw)?;
    Ok(new_float(real_arg(x)?.copysign(real_arg(y)?)))
}

fn fmod(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let (x, y) = two("fmod", a, kw)?;
    let (x, y) = (real_arg(x)?, real_arg(y)?);
    if y.is_infinite() && x.is_finite() {
        return Ok(new_float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain());
    }
    Ok(new_float(r))
}

fn remainder(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let (x, y) = two("remainder", a, kw)?;
    let (x, y) = (real_arg(x)?, real_arg(y)?);
    let r = if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            f64::NAN
        } else {
            let (absx, absy) = (x.abs(), y.abs());
            let m = absx % absy;
            let c = absy - m;
            let r = if m < c {
                m
            } else if m > c {
                -c
            } else {
                m - 2.0 * ((0.5 * (absx - m)) % absy)
            };
            1.0f64.copysign(x) * r
        }
    } else if x.is_nan() {
        x
    } else if y.is_nan() {
        y
    } else if x.is_infinite() {
        f64::NAN
    } else {
        x
    };
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain());
    }
    Ok(new_float(r))
}

fn isclose(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let p = args::parse("isclose", a, kw, &["a", "b", "rel_tol", "abs_tol"], 2, 2)?;
    let x = real_arg(p[0].as_ref().expect("required"))?;
    let y = real_arg(p[1].as_ref().expect("required"))?;
    let rel_tol = match &p[2] {
        Some(v) => real_arg(v)?,
        None => 1e-9,
    };
    let abs_tol = match &p[3] {
        Some(v) => real_arg(v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(crate::objects::bool::new_bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(crate::objects::bool::new_bool(false));
    }
    let diff = (y - x).abs();
    let close = diff <= (rel_tol * y).abs() || diff <= (rel_tol * x).abs() || diff <= abs_tol;
    Ok(crate::objects::bool::new_bool(close))
}

fn frexp(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let x = real_arg(one("frexp", a, kw)?)?;
    let (m, e) = if x.is_nan() || x.is_infinite() || x == 0.0 {
        (x, 0)
    } else {
        crate::objects::float::frexp(x)
    };
    Ok(new_tuple(vec![new_float(m), new_int(i64::from(e))]))
}

/// `x * 2**e` correctly rounded (subnormal results included).
fn ldexp_value(x: f64, e: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let e = e.clamp(-5000, 5000);
    let quick = int_ops::ldexp(x, e as i32);
    if quick.abs() >= f64::MIN_POSITIVE || quick.is_infinite() {
        return quick;
    }
    let (m, ex) = float_ops::decompose(x.abs());
    let r = float_ops::scale_to_f64(&BigInt::from(m), i64::from(ex) + e).unwrap_or(f64::INFINITY);
    r.copysign(x)
}

fn ldexp(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let (x, i) = two("ldexp", a, kw)?;
    let x = real_arg(x)?;
    let Some(iv) = int_value(i) else {
        return Err(type_error("Expected an int as second argument to ldexp."));
    };
    let e = match iv {
        IntValue::Small(s) => *s,
        IntValue::Big(b) => {
            if b.is_negative() {
                i64::MIN
            } else {
                i64::MAX
            }
        }
    };
    let r = ldexp_value(x, e);
    if r.is_infinite() && x.is_finite() {
        return Err(range());
    }
    Ok(new_float(r))
}

fn modf(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let x = real_arg(one("modf", a, kw)?)?;
    let (f, i) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        (x.fract().copysign(x), x.trunc())
    };
    Ok(new_tuple(vec![new_float(f), new_float(i)]))
}

fn nextafter(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let (x, y) = two("nextafter", a, kw)?;
    let (x, y) = (real_arg(x)?, real_arg(y)?);
    let r = if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if x == y {
        y
    } else if y > x {
        x.next_up()
    } else {
        x.next_down()
    };
    Ok(new_float(r))
}

fn ulp(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let x = real_arg(one("ulp", a, kw)?)?;
    if x.is_nan() {
        return Ok(new_float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(new_float(x));
    }
    let x2 = x.next_up();
    if x2.is_infinite() {
        return Ok(new_float(x - x.next_down()));
    }
    Ok(new_float(x2 - x))
}

// ---- rounding to ints --------------------------------------------------

fn call_special(x: &PyObject, name: &str) -> PyResult<Option<Ref>> {
    match x.ty().lookup_str(name) {
        Some(f) => protocol::call_method_obj(&f, x, &[]).map(Some),
        None => Ok(None),
    }
}

fn floor(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let x = one("floor", a, kw)?;
    if std::ptr::eq(x.ty(), &FLOAT_TYPE) {
        return crate::objects::int_methods::int_from_f64(as_float(x).unwrap_or(0.0).floor());
    }
    if std::ptr::eq(x.ty(), &INT_TYPE) {
        return Ok(x.clone());
    }
    if let Some(r) = call_special(x, "__floor__")? {
        return Ok(r);
    }
    crate::objects::int_methods::int_from_f64(real_arg(x)?.floor())
}

fn ceil(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let x = one("ceil", a, kw)?;
    if std::ptr::eq(x.ty(), &FLOAT_TYPE) {
        return crate::objects::int_methods::int_from_f64(as_float(x).unwrap_or(0.0).ceil());
    }
    if let Some(r) = call_special(x, "__ceil__")? {
        return Ok(r);
    }
    crate::objects::int_methods::int_from_f64(real_arg(x)?.ceil())
}

fn trunc(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let x = one("trunc", a, kw)?;
    if std::ptr::eq(x.ty(), &FLOAT_TYPE) {
        return crate::objects::int_methods::int_from_f64(as_float(x).unwrap_or(0.0));
    }
    match call_special(x, "__trunc__")? {
        Some(r) => Ok(r),
        None => Err(type_error(format!(
            "type {} doesn't define __trunc__ method",
            x.ty().name()
        ))),
    }
}

// ---- integer functions -------------------------------------------------

fn index_value(obj: &PyObject) -> PyResult<IntValue> {
    let i = protocol::index(obj)?;
    Ok(int_value(&i).expect("index returns an int").clone())
}

fn factorial(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let x = one("factorial", a, kw)?;
    if as_float(x).is_some() {
        return Err(type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let v = index_value(x)?;
    let n = match v {
        IntValue::Small(n) => n,
        IntValue::Big(b) => {
            if b.is_negative() {
                return Err(value_error("factorial() not defined for negative values"));
            }
            return Err(overflow_error(format!(
                "factorial() argument should not exceed {}",
                i64::MAX
            )));
        }
    };
    if n < 0 {
        return Err(value_error("factorial() not defined for negative values"));
    }
    if n > 1_000_000 {
        return Err(crate::objects::err::memory_error());
    }
    Ok(new_bigint(product_range(1, n as u64)))
}

/// `lo * (lo+1) * … * hi` by binary splitting (balanced big products).
fn product_range(lo: u64, hi: u64) -> BigInt {
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        let mut acc = BigInt::one();
        let mut small: u64 = 1;
        for k in lo..=hi {
            match small.checked_mul(k) {
                Some(s) => small = s,
                None => {
                    acc *= small;
                    small = k;
                }
            }
        }
        return acc * small;
    }
    let mid = lo + (hi - lo) / 2;
    product_range(lo, mid) * product_range(mid + 1, hi)
}

fn gcd(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    args::no_kwargs("gcd", kw)?;
    let mut acc = IntValue::Small(0);
    for x in a {
        let v = index_value(x)?;
        acc = match (&acc, &v) {
            (IntValue::Small(p), IntValue::Small(q)) if *p != i64::MIN && *q != i64::MIN => {
                IntValue::Small(p.gcd(q))
            }
            _ => int_ops::norm(big(&acc).gcd(&big(&v))),
        };
    }
    Ok(new_from_value(acc))
}

fn lcm(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    args::no_kwargs("lcm", kw)?;
    let mut acc = BigInt::one();
    let mut vals = Vec::with_capacity(a.len());
    for x in a {
        vals.push(index_value(x)?);
    }
    for v in &vals {
        let b = big(v);
        if b.is_zero() {
            return Ok(new_int(0));
        }
        acc = acc.lcm(&b);
    }
    Ok(new_bigint(acc))
}

fn isqrt(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let v = index_value(one("isqrt", a, kw)?)?;
    if int_ops::signum(&v) < 0 {
        return Err(value_error("isqrt() argument must be nonnegative"));
    }
    Ok(match v {
        IntValue::Small(s) => new_int((s as u64).sqrt() as i64),
        IntValue::Big(b) => new_bigint(b.sqrt()),
    })
}

fn nonneg(v: &IntValue, what: &str) -> PyResult<()> {
    if int_ops::signum(v) < 0 {
        return Err(value_error(format!(
            "{what} must be a non-negative integer"
        )));
    }
    Ok(())
}

fn comb(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let (n, k) = two("comb", a, kw)?;
    let (n, k) = (index_value(n)?, index_value(k)?);
    nonneg(&n, "n")?;
    nonneg(&k, "k")?;
    let (n, k) = (big(&n).into_owned(), big(&k).into_owned());
    if k > n {
        return Ok(new_int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let k = k
        .to_i64()
        .ok_or_else(|| overflow_error(format!("min(n - k, k) must not exceed {}", i64::MAX)))?
        as u64;
    if k > 10_000_000 {
        return Err(crate::objects::err::memory_error());
    }
    let mut r = BigInt::one();
    for i in 0..k {
        r = r * (&n - i) / (i + 1);
    }
    Ok(new_bigint(r))
}

fn perm(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    args::no_kwargs("perm", kw)?;
    if a.is_empty() || a.len() > 2 {
        return Err(type_error(format!(
            "perm expected at {} {} argument{}, got {}",
            if a.is_empty() { "least" } else { "most" },
            if a.is_empty() { 1 } else { 2 },
            if a.is_empty() { "" } else { "s" },
            a.len()
        )));
    }
    let k_given = a.get(1).filter(|k| !k.is(crate::objects::none::none_ref()));
    if k_given.is_none() {
        return factorial(&a[..1], None);
    }
    let n = index_value(&a[0])?;
    nonneg(&n, "n")?;
    let n = big(&n).into_owned();
    let k = match k_given {
        Some(k) => {
            let k = index_value(k)?;
            nonneg(&k, "k")?;
            big(&k).into_owned()
        }
        None => n.clone(),
    };
    if k > n {
        return Ok(new_int(0));
    }
    let k = k
        .to_i64()
        .ok_or_else(|| overflow_error(format!("k must not exceed {}", i64::MAX)))?
        as u64;
    if k > 10_000_000 {
        return Err(crate::objects::err::memory_error());
    }
    let mut r = BigInt::one();
    for i in 0..k {
        r *= &n - i;
    }
    Ok(new_bigint(r))
}

// ---- sums, products and norms ------------------------------------------

fn fsum(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let seq = one("fsum", a, kw)?;
    let it = protocol::iter(seq)?;
    let mut p: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    while let Some(item) = protocol::next(&it)? {
        let mut x = real_arg(&item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let yr = hi - x;
            let lo = y - yr;
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(value_error("-inf + inf in fsum"));
        }
        return Ok(new_float(special_sum));
    }
    let mut hi = 0.0;
    let mut n = p.len();
    let mut lo = 0.0;
    if n > 0 {
        n -= 1;
        hi = p[n];
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(new_float(hi))
}

fn prod(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let p = args::parse("prod", a, kw, &["iterable", "start"], 1, 1)?;
    let mut acc = p[1].clone().unwrap_or_else(|| new_int(1));
    let it = protocol::iter(p[0].as_ref().expect("required"))?;
    while let Some(x) = protocol::next(&it)? {
        acc = protocol::binary_op(&acc, &x, crate::compile::opcode::BinaryOp::Multiply)?;
    }
    Ok(acc)
}

/// Two doubles whose sum is a value held exactly.
#[derive(Clone, Copy)]
struct DoubleLength {
    hi: f64,
    lo: f64,
}

fn dl_split(x: f64) -> DoubleLength {
    let t = x * 134217729.0; // Veltkamp's constant 2**27 + 1
    let hi = t - (t - x);
    DoubleLength { hi, lo: x - hi }
}

fn dl_mul(x: f64, y: f64) -> DoubleLength {
    let xx = dl_split(x);
    let yy = dl_split(y);
    let p = xx.hi * yy.hi;
    let q = xx.hi * yy.lo + xx.lo * yy.hi;
    let z = p + q;
    let zz = p - z + q + xx.lo * yy.lo;
    DoubleLength { hi: z, lo: zz }
}

fn dl_fast_sum(a: f64, b: f64) -> DoubleLength {
    let x = a + b;
    let z = x - a;
    DoubleLength { hi: x, lo: b - z }
}

/// CPython 3.11's `vector_norm`: sqrt of the sum of squares, accurate to
/// within 1 ulp (`vec` holds absolute values, `max` their maximum).
fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = crate::objects::float::frexp(max);
    if max_e < -1023 {
        for x in vec.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = int_ops::ldexp(1.0, -max_e);
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for &v in vec.iter() {
        let x = v * scale;
        let pr = dl_mul(x, x);
        let sm = dl_fast_sum(csum, pr.hi);
        csum = sm.hi;
        frac1 += pr.lo;
        frac2 += sm.lo;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let pr = dl_mul(-h, h);
    let sm = dl_fast_sum(csum, pr.hi);
    csum = sm.hi;
    frac1 += pr.lo;
    frac2 += sm.lo;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

fn hypot(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    args::no_kwargs("hypot", kw)?;
    let mut v = Vec::with_capacity(a.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for x in a {
        let x = real_arg(x)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        v.push(x);
    }
    Ok(new_float(vector_norm(&mut v, max, found_nan)))
}

fn dist(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let (p, q) = two("dist", a, kw)?;
    let (p, q) = (protocol::to_vec(p)?, protocol::to_vec(q)?);
    if p.len() != q.len() {
        return Err(value_error(
            "both points must have the same number of dimensions",
        ));
    }
    let mut v = Vec::with_capacity(p.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for (x, y) in p.iter().zip(&q) {
        let d = (real_arg(x)? - real_arg(y)?).abs();
        found_nan |= d.is_nan();
        if d > max {
            max = d;
        }
        v.push(d);
    }
    Ok(new_float(vector_norm(&mut v, max, found_nan)))
}

// ---- gamma and lgamma (CPython's Lanczos approximation) -----------------
// The constants are CPython's literals, kept digit for digit.

#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];
#[allow(clippy::excessive_precision)]
const LOGPI: f64 = 1.144_729_885_849_400_174_143_427_351_353_058_711_647;

fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

fn sinpi(x: f64) -> f64 {
    use std::f64::consts::PI;
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => libm::sin(PI * y),
        1 => libm::cos(PI * (y - 0.5)),
        2 => libm::sin(PI * (1.0 - y)),
        3 => -libm::cos(PI * (y - 1.5)),
        _ => libm::sin(PI * (y - 2.0)),
    };
    1.0f64.copysign(x) * r
}

/// A math error as CPython's `errno` reports it.
enum MathErr {
    Domain,
    Range,
}

fn tgamma(x: f64) -> Result<f64, MathErr> {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return Ok(x);
        }
        return Err(MathErr::Domain);
    }
    if x == 0.0 {
        return Err(MathErr::Domain);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(MathErr::Domain);
        }
        if x <= 23.0 {
            return Ok(GAMMA_INTEGRAL[x as usize - 1]);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() {
            Err(MathErr::Range)
        } else {
            Ok(r)
        };
    }
    if absx > 200.0 {
        if x < 0.0 {
            return Ok(0.0 / sinpi(x));
        }
        return Err(MathErr::Range);
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -std::f64::consts::PI / sinpi(absx) / absx * libm::exp(y) / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= libm::pow(y, absx - 0.5);
        } else {
            let sqrtpow = libm::pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / libm::exp(y);
        r += z * r;
        if absx < 140.0 {
            r *= libm::pow(y, absx - 0.5);
        } else {
            let sqrtpow = libm::pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if r.is_infinite() {
        return Err(MathErr::Range);
    }
    Ok(r)
}

fn lgamma_value(x: f64) -> Result<f64, MathErr> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return Err(MathErr::Domain);
        }
        return Ok(0.0);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-libm::log(absx));
    }
    let mut r = libm::log(lanczos_sum(absx)) - LANCZOS_G;
    r += (absx - 0.5) * (libm::log(absx + LANCZOS_G - 0.5) - 1.0);
    if x < 0.0 {
        r = LOGPI - libm::log(sinpi(absx).abs()) - libm::log(absx) - r;
    }
    if r.is_infinite() {
        return Err(MathErr::Range);
    }
    Ok(r)
}

fn math_err(r: Result<f64, MathErr>) -> PyResult {
    match r {
        Ok(v) => Ok(new_float(v)),
        Err(MathErr::Domain) => Err(domain()),
        Err(MathErr::Range) => Err(range()),
    }
}

fn gamma(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    math_err(tgamma(real_arg(one("gamma", a, kw)?)?))
}

fn lgamma(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    math_err(lgamma_value(real_arg(one("lgamma", a, kw)?)?))
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("sqrt", sqrt),
    ("exp", exp),
    ("exp2", exp2),
    ("expm1", expm1),
    ("log", log),
    ("log1p", log1p),
    ("log2", log2),
    ("log10", log10),
    ("sin", sin),
    ("cos", cos),
    ("tan", tan),
    ("asin", asin),
    ("acos", acos),
    ("atan", atan),
    ("atan2", atan2),
    ("sinh", sinh),
    ("cosh", cosh),
    ("tanh", tanh),
    ("asinh", asinh),
    ("acosh", acosh),
    ("atanh", atanh),
    ("fabs", fabs),
    ("cbrt", cbrt),
    ("erf", erf),
    ("erfc", erfc),
    ("gamma", gamma),
    ("lgamma", lgamma),
    ("isfinite", isfinite),
    ("isinf", isinf),
    ("isnan", isnan),
    ("isclose", isclose),
    ("degrees", degrees),
    ("radians", radians),
    ("pow", pow),
    ("copysign", copysign),
    ("fmod", fmod),
    ("remainder", remainder),
    ("frexp", frexp),
    ("ldexp", ldexp),
    ("modf", modf),
    ("nextafter", nextafter),
    ("ulp", ulp),
    ("floor", floor),
    ("ceil", ceil),
    ("trunc", trunc),
    ("factorial", factorial),
    ("gcd", gcd),
    ("lcm", lcm),
    ("isqrt", isqrt),
    ("comb", comb),
    ("perm", perm),
    ("fsum", fsum),
    ("prod", prod),
    ("hypot", hypot),
    ("dist", dist),
];

/// Make the `math` module.
pub fn make_module() -> Ref {
    let m = super::new_native_module("math", FUNCTIONS);
    let d = crate::objects::module::module_dict(&m).expect("module dict");
    let set = |k: &str, v: f64| crate::objects::dict::set_item_str(&d, k, new_float(v));
    set("pi", std::f64::consts::PI);
    set("e", std::f64::consts::E);
    set("tau", std::f64::consts::TAU);
    set("inf", f64::INFINITY);
    set("nan", f64::NAN);
    m
}
