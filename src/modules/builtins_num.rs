//! The numeric built-in functions: `divmod`, `pow` (two and three
//! arguments, `pow(x, -1, m)` a modular inverse), `round`, `hex`, `oct`
//! and `bin`.

use crate::compile::opcode::BinaryOp;
use crate::objects::err::{type_error, PyResult};
use crate::objects::float::as_float;
use crate::objects::int_ops::{self, int_value};
use crate::objects::object::{PyObject, Ref};
use crate::objects::protocol;
use crate::objects::str::from_string;
use crate::objects::typeobj::KwNames;
use crate::objects::{float_ops, int_methods};

use super::args;

fn is_number(obj: &PyObject) -> bool {
    int_value(obj).is_some() || as_float(obj).is_some()
}

/// Call `type(obj).name(obj, *rest)` if the type defines it; `None` when
/// it does not or it returned NotImplemented.
fn try_dunder(obj: &PyObject, name: &str, rest: &[Ref]) -> PyResult<Option<Ref>> {
    let Some(f) = obj.ty().lookup_str(name) else {
        return Ok(None);
    };
    let r = protocol::call_method_obj(&f, obj, rest)?;
    if r.is(crate::objects::none::not_implemented_ref()) {
        return Ok(None);
    }
    Ok(Some(r))
}

/// `divmod(a, b)`: int and float directly, else `__divmod__` /
/// `__rdivmod__` (int's and float's return NotImplemented for operands
/// they do not take, so mixed int/float lands on float's).
pub fn divmod(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("divmod", a, kw, 2, 2)?;
    let (x, y) = (&a[0], &a[1]);
    if is_builtin_number(x) && is_builtin_number(y) {
        if let (Some(xv), Some(yv)) = (int_value(x), int_value(y)) {
            return int_ops::divmod_obj(xv, yv);
        }
        if let (Some(xf), Some(yf)) = (float_ops::operand(x), float_ops::operand(y)) {
            return float_ops::float_divmod(xf?, yf?);
        }
    }
    let other_first = !std::ptr::eq(x.ty(), y.ty()) && y.ty().is_subtype(x.ty());
    if other_first {
        if let Some(r) = try_dunder(y, "__rdivmod__", std::slice::from_ref(x))? {
            return Ok(r);
        }
    }
    if let Some(r) = try_dunder(x, "__divmod__", std::slice::from_ref(y))? {
        return Ok(r);
    }
    if !other_first && !std::ptr::eq(x.ty(), y.ty()) {
        if let Some(r) = try_dunder(y, "__rdivmod__", std::slice::from_ref(x))? {
            return Ok(r);
        }
    }
    Err(type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        x.ty().name(),
        y.ty().name()
    )))
}

/// Exactly int, bool or float (whose divmod cannot be overridden).
fn is_builtin_number(obj: &PyObject) -> bool {
    use crate::objects as o;
    let ty = obj.ty();
    std::ptr::eq(ty, &o::int::INT_TYPE)
        || std::ptr::eq(ty, &o::bool::BOOL_TYPE)
        || std::ptr::eq(ty, &o::float::FLOAT_TYPE)
}

/// `pow(base, exp, mod=None)`.
pub fn pow(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let p = args::parse("pow", a, kw, &["base", "exp", "mod"], 2, 0)?;
    let base = p[0].clone().expect("required");
    let exp = p[1].clone().expect("required");
    let modulus = p[2]
        .clone()
        .filter(|m| !m.is(crate::objects::none::none_ref()));
    let Some(m) = modulus else {
        return protocol::binary_op(&base, &exp, BinaryOp::Power);
    };
    if let (Some(x), Some(y), Some(mv)) = (int_value(&base), int_value(&exp), int_value(&m)) {
        return Ok(crate::objects::int::new_from_value(int_ops::pow_mod(
            x, y, mv,
        )?));
    }
    let numeric = |o: &PyObject| is_number(o) || crate::objects::complex::as_complex(o).is_some();
    if numeric(&base) && numeric(&exp) && numeric(&m) {
        return Err(type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        ));
    }
    if !numeric(&base) {
        if let Some(r) = try_dunder(&base, "__pow__", &[exp.clone(), m.clone()])? {
            return Ok(r);
        }
    }
    Err(type_error(format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        base.ty().name(),
        exp.ty().name(),
        m.ty().name()
    )))
}

/// `round(number, ndigits=None)`.
pub fn round(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let p = args::parse("round", a, kw, &["number", "ndigits"], 1, 0)?;
    let x = p[0].clone().expect("required");
    let nd = p[1]
        .clone()
        .filter(|n| !n.is(crate::objects::none::none_ref()));
    let Some(f) = x.ty().lookup_str("__round__") else {
        return Err(type_error(format!(
            "type {} doesn't define __round__ method",
            x.ty().name()
        )));
    };
    match nd {
        None => protocol::call_method_obj(&f, &x, &[]),
        Some(n) => protocol::call_method_obj(&f, &x, &[n]),
    }
}

/// `hex(x)`.
pub fn hex(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("hex", a, kw, 1, 1)?;
    Ok(from_string(int_methods::to_base_string(&a[0], 16)?))
}

/// `oct(x)`.
pub fn oct(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("oct", a, kw, 1, 1)?;
    Ok(from_string(int_methods::to_base_string(&a[0], 8)?))
}

/// `bin(x)`.
pub fn bin(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("bin", a, kw, 1, 1)?;
    Ok(from_string(int_methods::to_base_string(&a[0], 2)?))
}
