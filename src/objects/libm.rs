//! The C library's math functions (glibc's libm), which CPython calls:
//! pyrite calls the same ones so that results agree with CPython's to the
//! last bit. Rust's own versions of several (`cbrt`, `asinh`, `acosh`,
//! `atanh` among them) are computed differently and round differently.
//!
//! Every function here is pure and defined for every double (NaN and the
//! infinities included): they only read their arguments, and report domain
//! and range problems through their result (NaN, ±inf), never through
//! memory. The libm is linked by Rust's std on every supported target.
//!
//! `cbrt` is the exception: Rust's runtime brings its own `cbrt` symbol,
//! which the linker prefers to glibc's, so glibc's (`s_cbrt.c`, the one
//! x86-64 uses) is ported here.

macro_rules! libm1 {
    ($($name:ident),* $(,)?) => {
        mod ffi1 {
            extern "C" {
                $(pub fn $name(x: f64) -> f64;)*
            }
        }
        $(
            #[doc = concat!("libm's `", stringify!($name), "`.")]
            #[inline]
            pub fn $name(x: f64) -> f64 {
                // SAFETY: a pure libm function, total on doubles (see the
                // module comment).
                unsafe { ffi1::$name(x) }
            }
        )*
    };
}

macro_rules! libm2 {
    ($($name:ident),* $(,)?) => {
        mod ffi2 {
            extern "C" {
                $(pub fn $name(x: f64, y: f64) -> f64;)*
            }
        }
        $(
            #[doc = concat!("libm's `", stringify!($name), "`.")]
            #[inline]
            pub fn $name(x: f64, y: f64) -> f64 {
                // SAFETY: a pure libm function, total on doubles (see the
                // module comment).
                unsafe { ffi2::$name(x, y) }
            }
        )*
    };
}

libm1!(
    sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, asinh, acosh, atanh, exp, exp2, expm1, log,
    log2, log10, log1p, erf, erfc,
);
libm2!(pow, atan2, hypot);

/// glibc's `cbrt` (sysdeps/ieee754/dbl-64/s_cbrt.c): a polynomial first
/// guess on the mantissa, one rational correction, then the exponent.
#[allow(clippy::excessive_precision)] // glibc's literals, digit for digit
pub fn cbrt(x: f64) -> f64 {
    const CBRT2: f64 = 1.259_921_049_894_873_164_8; // 2^(1/3)
    const SQR_CBRT2: f64 = 1.587_401_051_968_199_474_8; // 2^(2/3)
    const FACTOR: [f64; 5] = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2];
    if x == 0.0 || !x.is_finite() {
        return x + x;
    }
    let (xm, xe) = super::float::frexp(x.abs());
    let u = 0.354_895_765_043_919_86
        + (1.508_191_937_815_848_96
            + (-2.114_994_941_673_712_87
                + (2.446_931_225_635_344_3
                    + (-1.834_692_774_836_130_86
                        + (0.784_932_344_976_639_262 - 0.145_263_899_385_486_377 * xm) * xm)
                        * xm)
                    * xm)
                * xm)
            * xm;
    let t2 = u * u * u;
    let ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * FACTOR[(2 + xe % 3) as usize];
    super::int_ops::ldexp(ym, xe / 3).copysign(x)
}
