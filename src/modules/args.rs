//! Parsing the arguments of built-in functions: positional and keyword
//! values against a list of parameter names, with CPython's messages.

use crate::objects::err::{type_error, PyResult};
use crate::objects::object::Ref;
use crate::objects::str::as_str;
use crate::objects::tuple::items;
use crate::objects::typeobj::KwNames;

/// Bind `args` / `kwnames` to `names`; the first `required` are required.
/// Positional-only parameters are the first `posonly`. Returns one slot per
/// name.
pub fn parse(
    fname: &str,
    args: &[Ref],
    kw: KwNames<'_>,
    names: &[&str],
    required: usize,
    posonly: usize,
) -> PyResult<Vec<Option<Ref>>> {
    let kwn: &[Ref] = kw.map(items).unwrap_or(&[]);
    let npos = args.len() - kwn.len();
    if npos > names.len() {
        return Err(type_error(if names.len() == required {
            format!(
                "{fname}() takes {} positional argument{} but {npos} were given",
                names.len(),
                if names.len() == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{fname}() takes at most {} argument{} ({npos} given)",
                names.len(),
                if names.len() == 1 { "" } else { "s" }
            )
        }));
    }
    let mut out: Vec<Option<Ref>> = vec![None; names.len()];
    for (i, a) in args[..npos].iter().enumerate() {
        out[i] = Some(a.clone());
    }
    for (k, v) in kwn.iter().zip(&args[npos..]) {
        let k = as_str(k).unwrap_or("");
        match names.iter().position(|n| *n == k) {
            Some(i) if i >= posonly => {
                if out[i].is_some() {
                    return Err(type_error(format!(
                        "argument for {fname}() given by name ('{k}') and position ({})",
                        i + 1
                    )));
                }
                out[i] = Some(v.clone());
            }
            _ => {
                return Err(type_error(format!(
                    "{fname}() got an unexpected keyword argument '{k}'"
                )));
            }
        }
    }
    for (i, slot) in out.iter().enumerate().take(required) {
        if slot.is_none() {
            return Err(type_error(format!(
                "{fname}() missing required argument '{}' (pos {})",
                names[i],
                i + 1
            )));
        }
    }
    Ok(out)
}

/// Reject keyword arguments.
pub fn no_kwargs(fname: &str, kw: KwNames<'_>) -> PyResult<()> {
    if kw.is_some_and(|k| !items(k).is_empty()) {
        return Err(type_error(format!("{fname}() takes no keyword arguments")));
    }
    Ok(())
}

/// Check the positional count is in `min..=max` (and no keywords).
pub fn positional<'a>(
    fname: &str,
    args: &'a [Ref],
    kw: KwNames<'_>,
    min: usize,
    max: usize,
) -> PyResult<&'a [Ref]> {
    no_kwargs(fname, kw)?;
    let n = args.len();
    if n < min || n > max {
        let msg = if min == 1 && max == 1 {
            format!("{fname}() takes exactly one argument ({n} given)")
        } else if min == max {
            format!("{fname} expected {min} arguments, got {n}")
        } else if n < min {
            format!(
                "{fname} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{fname} expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            )
        };
        return Err(type_error(msg));
    }
    Ok(args)
}
