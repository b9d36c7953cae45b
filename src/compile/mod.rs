//! The compiler: from the syntax tree to [`code::CodeUnit`]s. Passes: the
//! [`symtable`] (which scope every name lives in, as CPython 3.11's
//! `Python/symtable.c` computes it), then code generation and assembly
//! against the one [`opcode`] table.

pub mod assemble;
pub mod code;
pub mod codegen;
pub mod dis;
pub mod flowgraph;
pub mod marshal;
pub mod opcode;
pub mod superinstr;
pub mod symtable;
