//! The C library's math functions (glibc's libm), which CPython calls:
//! pyrite calls the same ones so that results agree with CPython's to the
//! last bit. Rust's own versions of several (`cbrt`, `asinh`, `acosh`,
//! `atanh` among them) are computed differently and round differently.
//!
//! Every function here is pure and defined for every double (NaN and the
//! infinities included): they only read their arguments, and report domain
//! and range problems through their result (NaN, ±inf), never through
//! memory. The libm is linked by Rust's std on every supported target.

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
    log2, log10, log1p, cbrt, erf, erfc,
);
libm2!(pow, atan2, hypot);
