//! Argument-count checks of the container types' built-in methods, with
//! CPython's two message styles: `METH_O` / `METH_NOARGS` methods say
//! "list.append() takes exactly one argument (0 given)", Argument Clinic
//! methods say "pop expected at most 1 argument, got 2". `args[0]` is
//! always self.

use super::err::{type_error, PyResult};
use super::object::Ref;
use super::tuple::items;
use super::typeobj::KwNames;

/// Reject keyword arguments: "list.pop() takes no keyword arguments".
#[inline]
pub fn no_kw(qual: &str, kw: KwNames<'_>) -> PyResult<()> {
    if kw.is_some_and(|k| !items(k).is_empty()) {
        return Err(type_error(format!("{qual}() takes no keyword arguments")));
    }
    Ok(())
}

/// A `METH_NOARGS` method: "list.clear() takes no arguments (1 given)".
#[inline]
pub fn no_args(qual: &str, args: &[Ref], kw: KwNames<'_>) -> PyResult<()> {
    no_kw(qual, kw)?;
    if args.len() != 1 {
        return Err(type_error(format!(
            "{qual}() takes no arguments ({} given)",
            args.len() - 1
        )));
    }
    Ok(())
}

/// A `METH_O` method: its one argument.
#[inline]
pub fn one_arg<'a>(qual: &str, args: &'a [Ref], kw: KwNames<'_>) -> PyResult<&'a Ref> {
    no_kw(qual, kw)?;
    if args.len() != 2 {
        return Err(type_error(format!(
            "{qual}() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    Ok(&args[1])
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
    let n = rest.len();
    if n < min || n > max {
        let plural = |k: usize| if k == 1 { "" } else { "s" };
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
    Ok(rest)
}
