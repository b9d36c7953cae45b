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
    ("exec", super::builtins_exec::exec),
    ("eval", super::builtins_exec::eval),
    ("compile", super::builtins_exec::compile),
    ("vars", super::builtins_misc::vars),
    ("dir", super::builtins_misc::dir),
    ("input", super::builtins_misc::input),
    ("open", super::builtins_misc::open),
    ("divmod", super::builtins_num::divmod),
    ("pow", super::builtins_num::pow),
    ("round", super::builtins_num::round),
    ("hex", super::builtins_num::hex),
    ("oct", super::builtins_num::oct),
    ("bin", super::builtins_num::bin),
    ("chr", super::builtins_text::chr),
    ("ord", super::builtins_text::ord),
    ("format", super::builtins_text::format),
];

/// Types added to `builtins`.
pub const TYPES: &[&TypeObject] = &[
    &crate::objects::range::RANGE_TYPE,
    &crate::objects::itertools_builtins::ENUMERATE_TYPE,
    &crate::objects::itertools_builtins::ZIP_TYPE,
    &crate::objects::itertools_builtins::MAP_TYPE,
    &crate::objects::itertools_builtins::FILTER_TYPE,
    &crate::objects::itertools_builtins::REVERSED_TYPE,
    &crate::objects::superobj::SUPER_TYPE,
    &crate::objects::bytearray::BYTEARRAY_TYPE,
];
