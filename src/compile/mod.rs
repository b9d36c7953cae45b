//! The compiler: from the syntax tree to code objects. So far its first
//! pass, the [`symtable`] (which scope every name lives in), as CPython
//! 3.11's `Python/symtable.c` computes it.

pub mod symtable;
