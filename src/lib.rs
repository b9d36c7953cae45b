//! pyrite, the interpreter crate: a Python 3 runtime on the memory layer of
//! `pyrite-allocator` and `pyrite-gc`.
//!
//! [`syntax`] turns source text into a syntax tree, [`compile`] into code
//! units, [`objects`] is the object model on the allocator and collector,
//! [`vm`] runs code, [`modules`] holds the built-in modules.

pub mod compile;
pub mod modules;
pub mod objects;
pub mod syntax;
pub mod vm;
