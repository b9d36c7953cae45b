//! The built-in functions over iterables: `sorted`, `min`, `max`, `sum`
//! (with CPython's int and float fast paths), `any` and `all`. The
//! iterator types (`enumerate`, `zip`, `map`, `filter`, `reversed`,
//! `range`) live in `objects/`.

use crate::compile::opcode::{BinaryOp, CompareOp};
use crate::objects::bool::{as_bool, new_bool};
use crate::objects::err::{type_error, value_error, PyResult};
use crate::objects::float::{new_float, FloatObject};
use crate::objects::int::{as_int, new_int, INT_TYPE};
use crate::objects::list_methods::{list_from_iterable, sort_keywords, sort_list};
use crate::objects::object::{PyObject, Ref};
use crate::objects::protocol;
use crate::objects::str::as_str;
use crate::objects::tuple::items;
use crate::objects::typeobj::KwNames;

fn npos(args: &[Ref], kw: KwNames<'_>) -> usize {
    args.len() - kw.map_or(0, |k| items(k).len())
}

/// `sorted(iterable, /, *, key=None, reverse=False)`.
pub fn sorted(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let n = npos(args, kw);
    if n != 1 {
        return Err(type_error(format!("sorted expected 1 argument, got {n}")));
    }
    let l = list_from_iterable(&args[0])?;
    let (key, reverse) = sort_keywords("sort", &args[1..], kw)?;
    sort_list(&l, key.as_deref(), reverse)?;
    Ok(l)
}

/// `min` / `max` (CPython's `min_max`): `op` is `<` for min, `>` for max.
fn min_max(args: &[Ref], kw: KwNames<'_>, op: CompareOp) -> PyResult {
    let name = if op == CompareOp::Lt { "min" } else { "max" };
    let n = npos(args, kw);
    if n == 0 {
        return Err(type_error(format!(
            "{name} expected at least 1 argument, got 0"
        )));
    }
    let kwn: &[Ref] = kw.map(items).unwrap_or(&[]);
    let (mut key, mut default) = (None, None);
    for (k, v) in kwn.iter().zip(&args[n..]) {
        match as_str(k) {
            Some("key") => {
                key = Some(v.clone()).filter(|f| !f.is(crate::objects::none::none_ref()))
            }
            Some("default") => default = Some(v.clone()),
            other => {
                return Err(type_error(format!(
                    "'{}' is an invalid keyword argument for {name}()",
                    other.unwrap_or("?")
                )))
            }
        }
    }
    if n > 1 && default.is_some() {
        return Err(type_error(format!(
            "Cannot specify a default for {name}() with multiple positional arguments"
        )));
    }
    let mut best: Option<(Ref, Ref)> = None;
    let mut consider = |item: Ref| -> PyResult<()> {
        let val = match &key {
            Some(f) => protocol::call(f, std::slice::from_ref(&item), None)?,
            None => item.clone(),
        };
        match &best {
            None => best = Some((item, val)),
            Some((_, bv)) => {
                if protocol::compare_bool(&val, bv, op)? {
                    best = Some((item, val));
                }
            }
        }
        Ok(())
    };
    if n > 1 {
        for a in &args[..n] {
            consider(a.clone())?;
        }
    } else {
        let it = protocol::iter(&args[0])?;
        while let Some(item) = protocol::next(&it)? {
            consider(item)?;
        }
    }
    match best {
        Some((item, _)) => Ok(item),
        None => default.ok_or_else(|| value_error(format!("{name}() arg is an empty sequence"))),
    }
}

/// `min(...)`.
pub fn min(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    min_max(args, kw, CompareOp::Lt)
}

/// `max(...)`.
pub fn max(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    min_max(args, kw, CompareOp::Gt)
}

/// An exact int or a bool as an i64, for the int fast path.
#[inline]
fn exact_small_int(v: &PyObject) -> Option<i64> {
    if std::ptr::eq(v.ty(), &INT_TYPE) || as_bool(v).is_some() {
        return as_int(v).and_then(|i| i.small());
    }
    None
}

/// `sum(iterable, /, start=0)` (CPython's `builtin_sum_impl`: an i64 loop
/// while items are ints that do not overflow, then a float loop while the
/// total is a float, then generic `+`).
pub fn sum(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let n = npos(args, kw);
    let kwn: &[Ref] = kw.map(items).unwrap_or(&[]);
    if n + kwn.len() > 2 {
        return Err(type_error(format!(
            "sum() takes at most 2 arguments ({} given)",
            n + kwn.len()
        )));
    }
    if n == 0 {
        return Err(type_error(
            "sum() takes at least 1 positional argument (0 given)",
        ));
    }
    let mut start = args.get(1).filter(|_| n == 2).cloned();
    for (k, v) in kwn.iter().zip(&args[n..]) {
        match as_str(k) {
            Some("start") if start.is_none() => start = Some(v.clone()),
            Some("start") => {
                return Err(type_error(
                    "argument for sum() given by name ('start') and position (2)",
                ))
            }
            other => {
                return Err(type_error(format!(
                    "sum() got an unexpected keyword argument '{}'",
                    other.unwrap_or("?")
                )))
            }
        }
    }
    let mut result = start.unwrap_or_else(|| new_int(0));
    if as_str(&result).is_some() {
        return Err(type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    if result.is_instance_of(&crate::objects::bytes::BYTES_TYPE) {
        return Err(type_error(
            "sum() can't sum bytes [use b''.join(seq) instead]",
        ));
    }
    if &*result.ty().name() == "bytearray" {
        return Err(type_error(
            "sum() can't sum bytearray [use b''.join(seq) instead]",
        ));
    }
    let it = protocol::iter(&args[0])?;
    if std::ptr::eq(result.ty(), &INT_TYPE) {
        if let Some(mut acc) = as_int(&result).and_then(|i| i.small()) {
            loop {
                let Some(item) = protocol::next(&it)? else {
                    return Ok(new_int(acc));
                };
                if let Some(b) = exact_small_int(&item) {
                    if let Some(s) = acc.checked_add(b) {
                        acc = s;
                        continue;
                    }
                }
                result = protocol::binary_op(&new_int(acc), &item, BinaryOp::Add)?;
                break;
            }
        }
    }
    if result.downcast_exact::<FloatObject>().is_some() {
        let mut acc = crate::objects::float::as_float(&result).unwrap_or(0.0);
        loop {
            let Some(item) = protocol::next(&it)? else {
                return Ok(new_float(acc));
            };
            if let Some(f) = item.downcast_exact::<FloatObject>() {
                acc += f.value;
                continue;
            }
            if let Some(i) = as_int(&item).and_then(|i| i.small()) {
                acc += i as f64;
                continue;
            }
            result = protocol::binary_op(&new_float(acc), &item, BinaryOp::Add)?;
            break;
        }
    }
    while let Some(item) = protocol::next(&it)? {
        result = protocol::binary_op(&result, &item, BinaryOp::Add)?;
    }
    Ok(result)
}

fn one_iterable<'a>(name: &str, args: &'a [Ref], kw: KwNames<'_>) -> PyResult<&'a Ref> {
    crate::objects::method_args::no_kw(name, kw)?;
    if args.len() != 1 {
        return Err(type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    Ok(&args[0])
}

/// `any(iterable)`.
pub fn any(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let it = protocol::iter(one_iterable("any", args, kw)?)?;
    while let Some(v) = protocol::next(&it)? {
        if protocol::is_true(&v)? {
            return Ok(new_bool(true));
        }
    }
    Ok(new_bool(false))
}

/// `all(iterable)`.
pub fn all(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let it = protocol::iter(one_iterable("all", args, kw)?)?;
    while let Some(v) = protocol::next(&it)? {
        if !protocol::is_true(&v)? {
            return Ok(new_bool(false));
        }
    }
    Ok(new_bool(true))
}
