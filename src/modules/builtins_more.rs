//! More built-in functions (iteration helpers, numeric helpers, I/O,
//! exec/eval), and the built-in types defined outside `objects/`.

use crate::objects::typeobj::{NativeFn, TypeObject};

/// Functions added to `builtins`.
pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("sorted", super::builtins_iter::sorted),
    ("min", super::builtins_iter::min),
    ("max", super::builtins_iter::max),
    ("sum", super::builtins_iter::sum),
    ("any", super::builtins_iter::any),
    ("all", super::builtins_iter::all),
];

/// Types added to `builtins`.
pub const TYPES: &[&TypeObject] = &[
    &crate::objects::range::RANGE_TYPE,
    &crate::objects::itertools_builtins::ENUMERATE_TYPE,
    &crate::objects::itertools_builtins::ZIP_TYPE,
    &crate::objects::itertools_builtins::MAP_TYPE,
    &crate::objects::itertools_builtins::FILTER_TYPE,
    &crate::objects::itertools_builtins::REVERSED_TYPE,
];
