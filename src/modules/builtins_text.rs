//! The text built-ins: `chr`, `ord` and `format(value, spec)`.

use crate::objects::err::{type_error, value_error, PyResult};
use crate::objects::int::new_int;
use crate::objects::object::Ref;
use crate::objects::str::{as_str, as_str_object, char_str};
use crate::objects::typeobj::KwNames;

use super::args;

/// `chr(i)`.
pub fn chr(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = exactly_one("chr", a, kw)?;
    let i = crate::objects::protocol::index(&a[0])?;
    let range = || value_error("chr() arg not in range(0x110000)");
    let v = crate::objects::int::small_value(&i).ok_or_else(|| {
        crate::objects::err::overflow_error("Python int too large to convert to C int")
    })?;
    if !(0..0x11_0000).contains(&v) {
        return Err(range());
    }
    // Lone surrogates cannot be held in pyrite's UTF-8 text.
    Ok(char_str(char::from_u32(v as u32).unwrap_or('\u{fffd}')))
}

/// `ord(c)`.
pub fn ord(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = exactly_one("ord", a, kw)?;
    let v = &a[0];
    if let Some(so) = as_str_object(v) {
        if so.char_len() == 1 {
            return Ok(new_int(so.char_at(0) as i64));
        }
        return Err(type_error(format!(
            "ord() expected a character, but string of length {} found",
            so.char_len()
        )));
    }
    if let Some(d) = crate::objects::bytearray::bytes_like(v) {
        if d.len() == 1 {
            return Ok(new_int(d[0] as i64));
        }
        return Err(type_error(format!(
            "ord() expected a character, but string of length {} found",
            d.len()
        )));
    }
    Err(type_error(format!(
        "ord() expected string of length 1, but {} found",
        v.ty().name()
    )))
}

/// `format(value, format_spec='')`.
pub fn format(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("format", a, kw, 1, 2)?;
    let value = &a[0];
    let spec = match a.get(1) {
        None => "",
        Some(s) => as_str(s).ok_or_else(|| {
            type_error(format!(
                "format() argument 2 must be str, not {}",
                s.ty().name()
            ))
        })?,
    };
    crate::objects::str_format::format_value(value, spec)
}

fn exactly_one<'a>(name: &str, a: &'a [Ref], kw: KwNames<'_>) -> PyResult<&'a [Ref]> {
    args::no_kwargs(name, kw)?;
    if a.len() != 1 {
        return Err(type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            a.len()
        )));
    }
    Ok(a)
}
