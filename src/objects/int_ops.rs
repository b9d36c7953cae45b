//! int's operators: the arithmetic on [`IntValue`] (machine-word `i64`
//! with checked operations, `BigInt` only when a result overflows) and the
//! number slots of `int` installed at start-up. Every binary slot returns
//! `NotImplemented` unless both operands are ints, so `1 + 2.5` reaches
//! float's slots (which accept ints).
//!
//! INT-OPS-1: every result is normalised (INT-1): a value that fits an
//! `i64` is `Small`.

use std::borrow::Cow;
use std::cmp::Ordering;

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::err::{overflow_error, value_error, zero_division, PyErr, PyResult};
use super::int::{
    as_int, new_bigint, new_from_value, new_int, new_int_of_type, IntValue, INT_TYPE,
};
use super::object::{PyObject, Ref};
use crate::compile::opcode::{BinaryOp, CompareOp};

/// The value of an int (or bool, or int subclass) object.
#[inline(always)]
pub fn int_value(obj: &PyObject) -> Option<&IntValue> {
    as_int(obj).map(|i| i.value())
}

/// The value as a `BigInt`, borrowed when it is one.
pub fn big(v: &IntValue) -> Cow<'_, BigInt> {
    match v {
        IntValue::Small(s) => Cow::Owned(BigInt::from(*s)),
        IntValue::Big(b) => Cow::Borrowed(b),
    }
}

/// Normalise a `BigInt` (INT-OPS-1).
pub fn norm(b: BigInt) -> IntValue {
    match b.to_i64() {
        Some(s) => IntValue::Small(s),
        None => IntValue::Big(b),
    }
}

/// The sign of a value: -1, 0 or 1.
pub fn signum(v: &IntValue) -> i32 {
    match v {
        IntValue::Small(s) => s.signum() as i32,
        IntValue::Big(b) => match b.sign() {
            Sign::Minus => -1,
            Sign::NoSign => 0,
            Sign::Plus => 1,
        },
    }
}

/// Whether a value is zero.
pub fn is_zero(v: &IntValue) -> bool {
    matches!(v, IntValue::Small(0))
}

/// `x + y`.
pub fn add(x: &IntValue, y: &IntValue) -> IntValue {
    if let (IntValue::Small(a), IntValue::Small(b)) = (x, y) {
        if let Some(r) = a.checked_add(*b) {
            return IntValue::Small(r);
        }
    }
    norm(&*big(x) + &*big(y))
}

/// `x - y`.
pub fn sub(x: &IntValue, y: &IntValue) -> IntValue {
    if let (IntValue::Small(a), IntValue::Small(b)) = (x, y) {
        if let Some(r) = a.checked_sub(*b) {
            return IntValue::Small(r);
        }
    }
    norm(&*big(x) - &*big(y))
}

/// `x * y`.
pub fn mul(x: &IntValue, y: &IntValue) -> IntValue {
    if let (IntValue::Small(a), IntValue::Small(b)) = (x, y) {
        if let Some(r) = a.checked_mul(*b) {
            return IntValue::Small(r);
        }
    }
    norm(&*big(x) * &*big(y))
}

/// `-x`.
pub fn neg(x: &IntValue) -> IntValue {
    match x {
        IntValue::Small(a) => match a.checked_neg() {
            Some(r) => IntValue::Small(r),
            None => norm(-BigInt::from(*a)),
        },
        IntValue::Big(b) => norm(-b),
    }
}

/// `abs(x)`.
pub fn abs(x: &IntValue) -> IntValue {
    if signum(x) < 0 {
        neg(x)
    } else {
        x.clone()
    }
}

/// Floor division and modulo (`divmod`), the remainder taking the
/// divisor's sign; `None` when `y` is zero.
pub fn divmod(x: &IntValue, y: &IntValue) -> Option<(IntValue, IntValue)> {
    if is_zero(y) {
        return None;
    }
    if let (IntValue::Small(a), IntValue::Small(b)) = (x, y) {
        if let (Some(q), Some(r)) = (a.checked_div(*b), a.checked_rem(*b)) {
            return Some(if r != 0 && ((r < 0) != (*b < 0)) {
                (IntValue::Small(q - 1), IntValue::Small(r + b))
            } else {
                (IntValue::Small(q), IntValue::Small(r))
            });
        }
    }
    let (q, r) = big(x).div_mod_floor(&big(y));
    Some((norm(q), norm(r)))
}

fn int_zero_div() -> PyErr {
    zero_division("integer division or modulo by zero")
}

/// `x // y`.
pub fn floordiv(x: &IntValue, y: &IntValue) -> PyResult<IntValue> {
    divmod(x, y).map(|(q, _)| q).ok_or_else(int_zero_div)
}

/// `x % y`.
pub fn modulo(x: &IntValue, y: &IntValue) -> PyResult<IntValue> {
    if let (IntValue::Small(a), IntValue::Small(b)) = (x, y) {
        if *b != 0 {
            return Ok(IntValue::Small(crate::vm::ops::py_mod(*a, *b)));
        }
    }
    divmod(x, y)
        .map(|(_, r)| r)
        .ok_or_else(|| zero_division("integer modulo by zero"))
}

/// `x < y` etc. as an ordering.
pub fn cmp(x: &IntValue, y: &IntValue) -> Ordering {
    match (x, y) {
        (IntValue::Small(a), IntValue::Small(b)) => a.cmp(b),
        // INT-1: a Big value lies outside the i64 range.
        (IntValue::Small(_), IntValue::Big(b)) => {
            if b.sign() == Sign::Minus {
                Ordering::Greater
            } else {
                Ordering::Less
            }
        }
        (IntValue::Big(a), IntValue::Small(_)) => {
            if a.sign() == Sign::Minus {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        }
        (IntValue::Big(a), IntValue::Big(b)) => a.cmp(b),
    }
}

/// Number of bits of `|x|` (`int.bit_length`).
pub fn bit_length(x: &IntValue) -> u64 {
    match x {
        IntValue::Small(a) => 64 - u64::from(a.unsigned_abs().leading_zeros()),
        IntValue::Big(b) => b.bits(),
    }
}

/// A non-negative `BigInt` as an `f64`, correctly rounded (ties to even);
/// infinity when it is too large.
fn biguint_to_f64(b: &BigInt) -> f64 {
    let nbits = b.bits();
    if nbits <= 64 {
        return b.to_u64().map_or(f64::INFINITY, |u| u as f64);
    }
    // Keep the top 64 bits and fold the rest into a sticky bit: the
    // u64 -> f64 conversion then rounds as the exact value would.
    let shift = nbits - 64;
    let top: BigInt = b >> shift;
    let mut m = top.to_u64().unwrap_or(u64::MAX);
    if b.trailing_zeros().unwrap_or(0) < shift {
        m |= 1;
    }
    let f = m as f64;
    if shift > 2000 {
        return f64::INFINITY;
    }
    ldexp(f, shift as i32)
}

/// `m * 2**e` with one rounding at most (for a normal or overflowing
/// result; the caller avoids subnormal results).
pub fn ldexp(m: f64, e: i32) -> f64 {
    if m == 0.0 || !m.is_finite() {
        return m;
    }
    let mut x = m;
    let mut e = e;
    // Scale in steps that keep each factor a normal power of two.
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
        if x.is_infinite() {
            return x;
        }
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
        if x == 0.0 {
            return x;
        }
    }
    x * 2f64.powi(e)
}

/// The int as a float, correctly rounded; OverflowError when too large.
pub fn to_f64(x: &IntValue) -> PyResult<f64> {
    match x {
        IntValue::Small(a) => Ok(*a as f64),
        IntValue::Big(b) => {
            let f = biguint_to_f64(&b.abs());
            if f.is_infinite() {
                return Err(overflow_error("int too large to convert to float"));
            }
            Ok(if b.sign() == Sign::Minus { -f } else { f })
        }
    }
}

/// `x / y` correctly rounded, as CPython's `long_true_divide`.
pub fn truediv(x: &IntValue, y: &IntValue) -> PyResult<f64> {
    if is_zero(y) {
        return Err(zero_division("division by zero"));
    }
    const EXACT: u64 = 1 << 53;
    if let (IntValue::Small(a), IntValue::Small(b)) = (x, y) {
        if a.unsigned_abs() <= EXACT && b.unsigned_abs() <= EXACT {
            return Ok(*a as f64 / *b as f64);
        }
    }
    let negative = (signum(x) < 0) != (signum(y) < 0);
    let a = big(x).abs();
    let b = big(y).abs();
    if a.is_zero() {
        return Ok(if negative { -0.0 } else { 0.0 });
    }
    let q = div_magnitudes(&a, &b)?;
    Ok(if negative { -q } else { q })
}

fn div_magnitudes(a: &BigInt, b: &BigInt) -> PyResult<f64> {
    let too_large = || overflow_error("integer division result too large for a float");
    let diff = a.bits() as i64 - b.bits() as i64;
    // a/b lies in [2**(diff-1), 2**(diff+1)).
    if diff > 1025 {
        return Err(too_large());
    }
    if diff < -1076 {
        return Ok(0.0);
    }
    // q = floor(a * 2**s / b) has 55 or 56 bits; a sticky bit marks an
    // inexact quotient so the final rounding sees the true value.
    let s = 55 - diff;
    let (q, r) = if s >= 0 {
        (a << s as usize).div_rem(b)
    } else {
        a.div_rem(&(b << (-s) as usize))
    };
    let mut q = q.to_u64().unwrap_or(u64::MAX);
    if !r.is_zero() {
        q |= 1;
    }
    let qbits = 64 - i64::from(q.leading_zeros());
    let exp = qbits - s - 1; // the result lies in [2**exp, 2**(exp+1))
    let f = if exp >= -1022 {
        ldexp(q as f64, -s as i32)
    } else {
        // Subnormal: round q to a multiple of 2**(s-1074), half to even.
        let shift = (s - 1074) as u32;
        let m = if shift >= 64 {
            0
        } else {
            let kept = q >> shift;
            let rem = q & ((1u64 << shift) - 1);
            let half = 1u64 << (shift - 1);
            if rem > half || (rem == half && kept & 1 == 1) {
                kept + 1
            } else {
                kept
            }
        };
        m as f64 * f64::from_bits(1) // exact: m < 2**53 times 2**-1074
    };
    if f.is_infinite() {
        return Err(too_large());
    }
    Ok(f)
}

/// Largest result, in bits, `**` and `<<` build before raising
/// MemoryError (CPython would try and fail to allocate).
const MAX_RESULT_BITS: u64 = 1 << 34;

/// `x ** y` for `y >= 0`.
pub fn pow_nonneg(x: &IntValue, y: &IntValue) -> PyResult<IntValue> {
    if let IntValue::Small(a) = x {
        match a {
            0 => return Ok(IntValue::Small(i64::from(is_zero(y)))),
            1 => return Ok(IntValue::Small(1)),
            -1 => {
                let odd = match y {
                    IntValue::Small(e) => e & 1 == 1,
                    IntValue::Big(b) => b.is_odd(),
                };
                return Ok(IntValue::Small(if odd { -1 } else { 1 }));
            }
            _ => {}
        }
    }
    let e = match y {
        IntValue::Small(e) => *e as u64,
        IntValue::Big(_) => return Err(super::err::memory_error()),
    };
    if let IntValue::Small(a) = x {
        if let Ok(e32) = u32::try_from(e) {
            if let Some(r) = a.checked_pow(e32) {
                return Ok(IntValue::Small(r));
            }
        }
    }
    if bit_length(x).saturating_sub(1).saturating_mul(e) > MAX_RESULT_BITS {
        return Err(super::err::memory_error());
    }
    let e32 = u32::try_from(e).map_err(|_| super::err::memory_error())?;
    Ok(norm(num_traits::Pow::pow(&*big(x), e32)))
}

/// `pow(x, y, m)` for ints: y may be negative (a modular inverse).
pub fn pow_mod(x: &IntValue, y: &IntValue, m: &IntValue) -> PyResult<IntValue> {
    if is_zero(m) {
        return Err(value_error("pow() 3rd argument cannot be 0"));
    }
    let mb = big(m).into_owned();
    let mabs = mb.abs();
    let mut base = big(x).mod_floor(&mabs);
    let mut e = big(y).into_owned();
    if e.sign() == Sign::Minus {
        base = mod_inverse(&base, &mabs)
            .ok_or_else(|| value_error("base is not invertible for the given modulus"))?;
        e = -e;
    }
    let mut r = if mabs.is_one() {
        BigInt::zero()
    } else {
        base.modpow(&e, &mabs)
    };
    // The result takes the modulus's sign, as `%` does.
    if mb.sign() == Sign::Minus && !r.is_zero() {
        r += &mb;
    }
    Ok(norm(r))
}

/// The inverse of `a` modulo `m` (`m > 0`, `0 <= a < m`), if any.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let e = a.extended_gcd(m);
    if !e.gcd.is_one() {
        return None;
    }
    Some(e.x.mod_floor(m))
}

/// `x << y`.
pub fn lshift(x: &IntValue, y: &IntValue) -> PyResult<IntValue> {
    if signum(y) < 0 {
        return Err(value_error("negative shift count"));
    }
    if is_zero(x) {
        return Ok(IntValue::Small(0));
    }
    let n = match y {
        IntValue::Small(n) => *n as u64,
        IntValue::Big(_) => return Err(overflow_error("too many digits in integer")),
    };
    if let IntValue::Small(a) = x {
        if n < 63 {
            let r = a << n;
            if r >> n == *a {
                return Ok(IntValue::Small(r));
            }
        }
    }
    if n > MAX_RESULT_BITS {
        return Err(super::err::memory_error());
    }
    Ok(norm(&*big(x) << n as usize))
}

/// `x >> y` (rounds towards minus infinity).
pub fn rshift(x: &IntValue, y: &IntValue) -> PyResult<IntValue> {
    if signum(y) < 0 {
        return Err(value_error("negative shift count"));
    }
    let n = match y {
        IntValue::Small(n) => *n as u64,
        IntValue::Big(_) => u64::MAX,
    };
    match x {
        IntValue::Small(a) => Ok(IntValue::Small(a >> n.min(63))),
        IntValue::Big(b) => {
            if n >= b.bits() {
                return Ok(IntValue::Small(if b.sign() == Sign::Minus {
                    -1
                } else {
                    0
                }));
            }
            Ok(norm(b >> n as usize))
        }
    }
}

macro_rules! bitwise {
    ($name:ident, $op:tt) => {
        /// A bitwise operator on two's-complement values.
        pub fn $name(x: &IntValue, y: &IntValue) -> IntValue {
            if let (IntValue::Small(a), IntValue::Small(b)) = (x, y) {
                return IntValue::Small(a $op b);
            }
            norm(&*big(x) $op &*big(y))
        }
    };
}
bitwise!(and, &);
bitwise!(or, |);
bitwise!(xor, ^);

/// `~x`.
pub fn invert(x: &IntValue) -> IntValue {
    match x {
        IntValue::Small(a) => IntValue::Small(!a),
        IntValue::Big(b) => norm(-b - 1),
    }
}

// ---- the slots ---------------------------------------------------------

fn not_implemented() -> PyResult {
    Ok(super::none::not_implemented())
}

macro_rules! binary_slot {
    ($name:ident, |$x:ident, $y:ident| $body:expr) => {
        fn $name(a: &PyObject, b: &PyObject) -> PyResult {
            let (Some($x), Some($y)) = (int_value(a), int_value(b)) else {
                return not_implemented();
            };
            $body
        }
    };
}

binary_slot!(int_add, |x, y| Ok(new_from_value(add(x, y))));
binary_slot!(int_sub, |x, y| Ok(new_from_value(sub(x, y))));
binary_slot!(int_mul, |x, y| Ok(new_from_value(mul(x, y))));
binary_slot!(int_floordiv, |x, y| Ok(new_from_value(floordiv(x, y)?)));
binary_slot!(int_mod, |x, y| Ok(new_from_value(modulo(x, y)?)));
binary_slot!(int_truediv, |x, y| Ok(super::float::new_float(truediv(
    x, y
)?)));
binary_slot!(int_lshift, |x, y| Ok(new_from_value(lshift(x, y)?)));
binary_slot!(int_rshift, |x, y| Ok(new_from_value(rshift(x, y)?)));
binary_slot!(int_and, |x, y| Ok(new_from_value(and(x, y))));
binary_slot!(int_or, |x, y| Ok(new_from_value(or(x, y))));
binary_slot!(int_xor, |x, y| Ok(new_from_value(xor(x, y))));
binary_slot!(int_pow, |x, y| power(x, y));

/// `x ** y`: an int for `y >= 0`, else the float power.
pub fn power(x: &IntValue, y: &IntValue) -> PyResult {
    if signum(y) < 0 {
        let r = super::float_ops::float_pow(to_f64(x)?, to_f64(y)?)?;
        return Ok(r);
    }
    Ok(new_from_value(pow_nonneg(x, y)?))
}

/// `divmod(x, y)` for ints as a tuple.
pub fn divmod_obj(x: &IntValue, y: &IntValue) -> PyResult {
    let (q, r) = divmod(x, y).ok_or_else(int_zero_div)?;
    Ok(super::tuple::new_tuple(vec![
        new_from_value(q),
        new_from_value(r),
    ]))
}

fn value_of(obj: &PyObject) -> &IntValue {
    int_value(obj).expect("int slot on an int")
}

/// The value as an exact `int` object (`obj` itself when it is one).
pub fn exact_int(obj: &PyObject) -> Ref {
    if std::ptr::eq(obj.ty(), &INT_TYPE) {
        obj.to_ref()
    } else {
        new_from_value(value_of(obj).clone())
    }
}

fn int_neg(a: &PyObject) -> PyResult {
    Ok(new_from_value(neg(value_of(a))))
}

fn int_pos(a: &PyObject) -> PyResult {
    Ok(exact_int(a))
}

fn int_abs(a: &PyObject) -> PyResult {
    Ok(new_from_value(abs(value_of(a))))
}

fn int_invert(a: &PyObject) -> PyResult {
    Ok(new_from_value(invert(value_of(a))))
}

fn int_bool(a: &PyObject) -> PyResult<bool> {
    Ok(!is_zero(value_of(a)))
}

fn int_float(a: &PyObject) -> PyResult {
    Ok(super::float::new_float(to_f64(value_of(a))?))
}

/// Whether `op` holds for an ordering.
pub fn ordering_holds(o: Ordering, op: CompareOp) -> bool {
    match op {
        CompareOp::Lt => o == Ordering::Less,
        CompareOp::Le => o != Ordering::Greater,
        CompareOp::Eq => o == Ordering::Equal,
        CompareOp::Ne => o != Ordering::Equal,
        CompareOp::Gt => o == Ordering::Greater,
        CompareOp::Ge => o != Ordering::Less,
    }
}

fn int_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (int_value(a), int_value(b)) else {
        return not_implemented();
    };
    Ok(super::bool::new_bool(ordering_holds(cmp(x, y), op)))
}

/// `int` of type `ty` with value `v` (the exact type uses the small-int
/// cache).
pub fn int_of_type(ty: &super::typeobj::TypeObject, v: IntValue) -> Ref {
    if std::ptr::eq(ty, &INT_TYPE) {
        new_from_value(v)
    } else {
        new_int_of_type(ty, v)
    }
}

/// An int object from an `i128` (helpers that compute in a wider word).
pub fn new_i128(v: i128) -> Ref {
    match i64::try_from(v) {
        Ok(s) => new_int(s),
        Err(_) => new_bigint(BigInt::from(v)),
    }
}

/// Set int's number slots (before the dunder wrappers are made).
pub fn install() {
    let s = &INT_TYPE.slots;
    let bin: [(BinaryOp, super::typeobj::BinaryFn); 12] = [
        (BinaryOp::Add, int_add),
        (BinaryOp::Subtract, int_sub),
        (BinaryOp::Multiply, int_mul),
        (BinaryOp::FloorDivide, int_floordiv),
        (BinaryOp::Remainder, int_mod),
        (BinaryOp::TrueDivide, int_truediv),
        (BinaryOp::Lshift, int_lshift),
        (BinaryOp::Rshift, int_rshift),
        (BinaryOp::And, int_and),
        (BinaryOp::Or, int_or),
        (BinaryOp::Xor, int_xor),
        (BinaryOp::Power, int_pow),
    ];
    for (op, f) in bin {
        s.binary[op as usize].set(Some(f));
    }
    s.neg.set(Some(int_neg));
    s.pos.set(Some(int_pos));
    s.abs.set(Some(int_abs));
    s.invert.set(Some(int_invert));
    s.bool.set(Some(int_bool));
    s.int.set(Some(int_pos));
    s.index.set(Some(int_pos));
    s.float.set(Some(int_float));
    s.richcompare.set(Some(int_richcompare));
    s.new.set(Some(super::int_methods::int_new));
}
