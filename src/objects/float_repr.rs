//! `repr(float)` exactly as CPython prints it: the shortest string that
//! reads back as the same float (CPython's `float_repr_style == 'short'`),
//! in fixed notation when the decimal point falls within 16 digits of the
//! start, else in exponent notation with at least two exponent digits.
//!
//! The digits are those of CPython's `_Py_dg_dtoa` in mode 0: the fewest
//! that read back as the same float and, among those, the closest to its
//! exact value, ties going to the even digit. Rust's `{:e}` gives the fewest
//! digits but breaks ties upwards, so the digit count comes from it and the
//! digits from exact rounding to that count (see [`shortest_digits`]).

/// The repr of `x` as CPython 3.11 prints it (`str(x)` is the same).
///
/// ```
/// use pyrite::objects::float_repr::float_repr;
/// assert_eq!(float_repr(0.1), "0.1");
/// assert_eq!(float_repr(1e16), "1e+16");
/// assert_eq!(float_repr(-0.0), "-0.0");
/// assert_eq!(float_repr(1.5e-7), "1.5e-07");
/// ```
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.into();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let sci = shortest_digits(x.abs());
    let (mantissa, exponent) = sci.split_once('e').unwrap_or((&sci, "0"));
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let exponent: i32 = exponent.parse().unwrap_or(0);
    // CPython's `decpt`: where the decimal point goes, counted from the
    // first digit.
    let decpt = exponent + 1;
    let body = if (-3..=16).contains(&decpt) {
        fixed(&digits, decpt)
    } else {
        scientific(&digits, exponent)
    };
    format!("{sign}{body}")
}

/// `x` (finite, non-negative) as `d[.ddd]e[-]N` with CPython's mode-0
/// digits. `{:e}` finds how many digits are needed; `{:.Ne}` then rounds
/// the exact value to that many, half to even, which picks the closest of
/// the candidates (`2013152262951804.25` becomes `…804.2`, not `…804.3`).
/// The exactly rounded string is kept only if it still reads back as `x`
/// (next to a power of two the interval below `x` is half as wide).
fn shortest_digits(x: f64) -> String {
    let shortest = format!("{x:e}");
    let mantissa = shortest.split('e').next().unwrap_or("");
    let count = mantissa.chars().filter(char::is_ascii_digit).count();
    let exact = format!("{x:.*e}", count.saturating_sub(1));
    if exact.parse::<f64>() == Ok(x) {
        exact
    } else {
        shortest
    }
}

/// `digits` with the decimal point after `decpt` digits, always with a
/// fractional part (`1.0`, `0.001`, `123.5`).
fn fixed(digits: &str, decpt: i32) -> String {
    let len = digits.len() as i32;
    if decpt <= 0 {
        format!("0.{}{digits}", "0".repeat((-decpt) as usize))
    } else if decpt >= len {
        format!("{digits}{}.0", "0".repeat((decpt - len) as usize))
    } else {
        let (int, frac) = digits.split_at(decpt as usize);
        format!("{int}.{frac}")
    }
}

/// `d[.ddd]e±XX`, with at least two exponent digits.
fn scientific(digits: &str, exponent: i32) -> String {
    let (first, rest) = digits.split_at(1);
    let dot = if rest.is_empty() { "" } else { "." };
    let sign = if exponent < 0 { '-' } else { '+' };
    format!("{first}{dot}{rest}e{sign}{:02}", exponent.unsigned_abs())
}

#[cfg(test)]
mod tests {
    use super::float_repr;

    #[test]
    fn boundaries_of_fixed_notation() {
        assert_eq!(float_repr(0.0001), "0.0001");
        assert_eq!(float_repr(0.00001), "1e-05");
        assert_eq!(float_repr(1234567890123456.0), "1234567890123456.0");
        assert_eq!(float_repr(12345678901234567.0), "1.2345678901234568e+16");
        assert_eq!(float_repr(5e-324), "5e-324");
        assert_eq!(float_repr(f64::MAX), "1.7976931348623157e+308");
        assert_eq!(float_repr(f64::NAN), "nan");
        assert_eq!(float_repr(f64::NEG_INFINITY), "-inf");
        assert_eq!(float_repr(100.0), "100.0");
    }
}
