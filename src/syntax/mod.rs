//! The front end of the interpreter: Python source text to an abstract
//! syntax tree in a `bumpalo` arena, or a `SyntaxError` matching CPython
//! 3.11's message, position and rendering.
//!
//! Pipeline: [`tokenizer`] (indentation, literals, brackets) → `parser`
//! (hand-written recursive descent) → [`ast`]. [`dump`] renders a tree in the
//! canonical text form that `tests/gen_syntax_expected.py` produces from
//! CPython's own `ast` module.
//!
//! ```
//! let arena = bumpalo::Bump::new();
//! let module = pyrite::syntax::parse_module("x = 1\n", "t.py", &arena).unwrap();
//! assert!(pyrite::syntax::dump_module(module).starts_with("Module\n"));
//! let err = pyrite::syntax::parse_module("x = (1,\n", "t.py", &arena).unwrap_err();
//! assert_eq!(err.msg, "'(' was never closed");
//! ```

pub mod ast;
pub mod dump;
pub mod error;
mod parser;
pub mod token;
mod tokenizer;

pub use dump::dump_module;
pub use error::{SyntaxError, SyntaxErrorKind};
pub use parser::parse_module;
pub use tokenizer::dump_tokens;
