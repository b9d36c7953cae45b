//! pyrite, the interpreter crate: a Python 3 runtime on the memory layer of
//! `pyrite-allocator` and `pyrite-gc`.
//!
//! Only the front end exists so far: [`syntax`] turns source text into an
//! abstract syntax tree or a CPython-compatible `SyntaxError`.

pub mod compile;
pub mod objects;
pub mod syntax;
