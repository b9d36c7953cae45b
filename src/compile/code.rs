//! [`CodeUnit`]: what the compiler produces for one scope (module, class
//! body, function, lambda, comprehension) — instructions, constants, names,
//! positions and the exception table. Plain Rust data: the VM turns a unit
//! into a Python code object, the disassembler prints it, the bytecode cache
//! serialises it.

use std::rc::Rc;

use super::opcode::Instr;

/// `co_flags` bits (CPython's values).
pub mod flags {
    /// Locals live in the frame's fast slots (functions).
    pub const OPTIMIZED: u32 = 0x0001;
    /// A new locals dict is made for each frame (functions).
    pub const NEWLOCALS: u32 = 0x0002;
    /// The function has `*args`.
    pub const VARARGS: u32 = 0x0004;
    /// The function has `**kwargs`.
    pub const VARKEYWORDS: u32 = 0x0008;
    /// The scope is nested in a function.
    pub const NESTED: u32 = 0x0010;
    /// Calling the function makes a generator.
    pub const GENERATOR: u32 = 0x0020;
    /// The code has no free or cell variables.
    pub const NOFREE: u32 = 0x0040;
}

/// A compile-time constant (`co_consts` entries).
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    /// `None`.
    None,
    /// `...`.
    Ellipsis,
    /// `True` / `False`.
    Bool(bool),
    /// An int that fits a machine word.
    Int(i64),
    /// A larger int, as decimal digits with an optional leading `-`.
    BigInt(Box<str>),
    /// A float.
    Float(f64),
    /// A complex number (real, imaginary).
    Complex(f64, f64),
    /// A str.
    Str(Box<str>),
    /// A bytes object.
    Bytes(Box<[u8]>),
    /// A tuple of constants (folded tuples, keyword-name tuples, defaults).
    Tuple(Box<[Constant]>),
    /// A frozenset of constants (`x in {1, 2}` folding).
    FrozenSet(Box<[Constant]>),
    /// A nested scope's code.
    Code(Rc<CodeUnit>),
}

/// Where an instruction came from: CPython's `co_positions()` entry.
/// Columns are UTF-8 byte offsets, as CPython's are; 0-based.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    /// First line (1-based); 0 for an instruction with no line.
    pub line: u32,
    /// Last line.
    pub end_line: u32,
    /// Start column.
    pub col: u32,
    /// End column (exclusive).
    pub end_col: u32,
}

/// One exception-table entry: while an instruction in `start..end` runs, an
/// exception pops the value stack to `depth` items, pushes `lasti` (the
/// raising instruction's index, as an int) when `push_lasti`, then the
/// exception, and jumps to `target`. Entries do not overlap; they are
/// sorted by `start`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    /// First instruction covered.
    pub start: u32,
    /// One past the last instruction covered.
    pub end: u32,
    /// The handler's first instruction.
    pub target: u32,
    /// Stack depth the handler starts from (before lasti and the exception).
    pub depth: u32,
    /// Whether `lasti` is pushed below the exception.
    pub push_lasti: bool,
}

/// One compiled scope.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeUnit {
    /// `co_name`: the function or class name, `<module>`, `<lambda>`,
    /// `<listcomp>`, `<genexpr>` ….
    pub name: Box<str>,
    /// `co_qualname`: dotted path with `<locals>` (PEP 3155).
    pub qualname: Box<str>,
    /// `co_filename`.
    pub filename: Rc<str>,
    /// `co_firstlineno`.
    pub first_line: u32,
    /// Positional parameters, including positional-only ones.
    pub argcount: u32,
    /// Positional-only parameters.
    pub posonlyargcount: u32,
    /// Keyword-only parameters.
    pub kwonlyargcount: u32,
    /// `co_flags` ([`flags`]).
    pub flags: u32,
    /// Most values the stack ever holds.
    pub stacksize: u32,
    /// The instructions; jump operands index this vector.
    pub instrs: Vec<Instr>,
    /// `positions[i]` is where `instrs[i]` came from.
    pub positions: Vec<Position>,
    /// `co_consts`; for a function, entry 0 is its docstring or None.
    pub consts: Vec<Constant>,
    /// `co_names`: attribute, global and imported names.
    pub names: Vec<Box<str>>,
    /// `co_varnames`: parameters first (positional, keyword-only, `*args`,
    /// `**kwargs`), then other locals.
    pub varnames: Vec<Box<str>>,
    /// `co_cellvars`: locals captured by inner scopes (a parameter among them
    /// is copied into its cell when the frame starts).
    pub cellvars: Vec<Box<str>>,
    /// `co_freevars`: variables of enclosing scopes this scope uses.
    pub freevars: Vec<Box<str>>,
    /// The exception table.
    pub exception_table: Vec<ExceptionEntry>,
}

impl CodeUnit {
    /// Whether calling this code makes a generator.
    pub fn is_generator(&self) -> bool {
        self.flags & flags::GENERATOR != 0
    }

    /// The handler for an exception raised at instruction `index`.
    pub fn handler_for(&self, index: u32) -> Option<&ExceptionEntry> {
        let table = &self.exception_table;
        let at = table.partition_point(|e| e.end <= index);
        table.get(at).filter(|e| e.start <= index)
    }
}
