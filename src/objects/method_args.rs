//! Argument-count checks of the container types' built-in methods, with
//! CPython's two message styles: `METH_O` / `METH_NOARGS` methods say
//! "list.append() takes exactly one argument (0 given)", Argument Clinic
//! methods say "pop expected at most 1 argument, got 2". `args[0]` is
//! always self.

use super::err::{type_error, PyResult};
use super::object::Ref;
use super::tuple::items;
use super::typeobj::KwNames;

/// A method's qualified name for messages, formatted only when an error is
/// made: `owner.name`, or just `name` when the owner is empty.
#[derive(Clone, Copy)]
struct Qual<'a>(&'a str, &'a str);

impl std::fmt::Display for Qual<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0.is_empty() {
            f.write_str(self.1)
        } else {
            write!(f, "{}.{}", self.0, self.1)
        }
    }
}

#[inline]
fn no_kw_q(q: Qual<'_>, kw: KwNames<'_>) -> PyResult<()> {
    if kw.is_some_and(|k| !items(k).is_empty()) {
        return Err(type_error(format!("{q}() takes no keyword arguments")));
    }
    Ok(())
}

#[inline]
fn no_args_q(q: Qual<'_>, args: &[Ref], kw: KwNames<'_>) -> PyResult<()> {
    no_kw_q(q, kw)?;
    if args.len() != 1 {
        return Err(type_error(format!(
            "{q}() takes no arguments ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    Ok(())
}

#[inline]
fn one_arg_q<'a>(q: Qual<'_>, args: &'a [Ref], kw: KwNames<'_>) -> PyResult<&'a Ref> {
    no_kw_q(q, kw)?;
    if args.len() != 2 {
        return Err(type_error(format!(
            "{q}() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    Ok(&args[1])
}

/// Reject keyword arguments: "list.pop() takes no keyword arguments".
#[inline]
pub fn no_kw(qual: &str, kw: KwNames<'_>) -> PyResult<()> {
    no_kw_q(Qual("", qual), kw)
}

/// As [`no_kw`] for method `name` of type `owner` ("str.strip()").
#[inline]
pub fn no_kw_of(owner: &str, name: &str, kw: KwNames<'_>) -> PyResult<()> {
    no_kw_q(Qual(owner, name), kw)
}

/// A `METH_NOARGS` method: "list.clear() takes no arguments (1 given)".
#[inline]
pub fn no_args(qual: &str, args: &[Ref], kw: KwNames<'_>) -> PyResult<()> {
    no_args_q(Qual("", qual), args, kw)
}

/// As [`no_args`] for method `name` of type `owner`.
#[inline]
pub fn no_args_of(owner: &str, name: &str, args: &[Ref], kw: KwNames<'_>) -> PyResult<()> {
    no_args_q(Qual(owner, name), args, kw)
}

/// A `METH_O` method: its one argument.
#[inline]
pub fn one_arg<'a>(qual: &str, args: &'a [Ref], kw: KwNames<'_>) -> PyResult<&'a Ref> {
    one_arg_q(Qual("", qual), args, kw)
}

/// As [`one_arg`] for method `name` of type `owner`.
#[inline]
pub fn one_arg_of<'a>(
    owner: &str,
    name: &str,
    args: &'a [Ref],
    kw: KwNames<'_>,
) -> PyResult<&'a Ref> {
    one_arg_q(Qual(owner, name), args, kw)
}

/// A positional-only Argument Clinic method taking `min..=max`
/// arguments: the arguments after self.
#[inline]
pub fn clinic<'a>(
    name: &str,
    qual: &str,
    args: &'a [Ref],
    kw: KwNames<'_>,
    min: usize,
    max: usize,
) -> PyResult<&'a [Ref]> {
    no_kw(qual, kw)?;
    let rest = &args[1.min(args.len())..];
    clinic_count(name, rest.len(), min, max)?;
    Ok(rest)
}

/// Argument Clinic's count check (`_PyArg_CheckPositional`) for `n`
/// arguments: "strip expected at most 1 argument, got 2".
#[inline]
pub fn clinic_count(name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    if n < min || n > max {
        let msg = if min == max {
            format!("{name} expected {min} argument{}, got {n}", plural(min))
        } else if n < min {
            format!(
                "{name} expected at least {min} argument{}, got {n}",
                plural(min)
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {n}",
                plural(max)
            )
        };
        return Err(type_error(msg));
    }
    Ok(())
}

/// `PyArg_ParseTuple`'s count check for `n` arguments: "find() takes at
/// least 1 argument (0 given)".
#[inline]
pub fn tuple_count(name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    if n < min {
        return Err(type_error(format!(
            "{name}() takes at least {min} argument{} ({n} given)",
            plural(min)
        )));
    }
    if n > max {
        return Err(type_error(format!(
            "{name}() takes at most {max} argument{} ({n} given)",
            plural(max)
        )));
    }
    Ok(())
}

/// Bind the optional parameters `names` of method `name()` (self is
/// `args[0]`), with `PyArg_ParseTupleAndKeywords`' messages.
pub fn with_keywords(
    name: &str,
    args: &[Ref],
    kw: KwNames<'_>,
    names: &[&str],
) -> PyResult<Vec<Option<Ref>>> {
    let kwn: &[Ref] = kw.map(items).unwrap_or(&[]);
    for k in kwn {
        let k = super::str::as_str(k).unwrap_or("");
        if !names.contains(&k) {
            return Err(type_error(format!(
                "'{k}' is an invalid keyword argument for {name}()"
            )));
        }
    }
    let npos = args.len() - 1 - kwn.len();
    if npos > names.len() {
        return Err(type_error(format!(
            "{name}() takes at most {} argument{} ({npos} given)",
            names.len(),
            plural(names.len())
        )));
    }
    crate::modules::args::parse(name, &args[1..], kw, names, 0, 0)
}

fn plural(k: usize) -> &'static str {
    if k == 1 {
        ""
    } else {
        "s"
    }
}
