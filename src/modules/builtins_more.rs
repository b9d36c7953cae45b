//! More built-in functions (iteration helpers, numeric helpers, I/O,
//! exec/eval), and the built-in types defined outside `objects/`.

use crate::objects::typeobj::{NativeFn, TypeObject};

/// Functions added to `builtins`.
pub const FUNCTIONS: &[(&str, NativeFn)] = &[];

/// Types added to `builtins`.
pub const TYPES: &[&TypeObject] = &[];
