//! The one opcode table: every instruction's number, name, operand kind and
//! stack effect. The code generator, the assembler's stack-depth pass, the VM
//! and the disassembler all read it; nothing else lists opcodes.
//!
//! Semantics follow CPython 3.11's instructions of the same name (see its
//! `Doc/library/dis.rst`), with these deliberate differences:
//! - no inline caches, `RESUME`, `PRECALL`, `EXTENDED_ARG` or `CACHE` entries:
//!   an instruction is one 32-bit word with a 24-bit operand ([`Instr`]);
//! - jump operands are absolute instruction indices, forward or backward
//!   (the VM checks its eval breaker on backward jumps);
//! - the call protocol keeps the callable *below* its `self` slot:
//!   `[callable, self_or_null, arg1 .. argN]` (CPython 3.11 has
//!   `[null, callable]` or `[meth, self]`); `PUSH_NULL` goes *after* the
//!   callable is loaded;
//! - cells are made by the VM at frame entry (no `MAKE_CELL` /
//!   `COPY_FREE_VARS`); `*_DEREF` operands index the frame's cells then free
//!   variables (`cellvars ++ freevars`), not the whole locals array;
//! - generators are created by the call itself when the code has
//!   `CO_GENERATOR` (no `RETURN_GENERATOR`).

use std::fmt;

/// What an instruction's operand means; the disassembler prints it by kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// No operand (stored as 0).
    None,
    /// A count or flag word printed as a bare number.
    Number,
    /// An index into `consts`.
    Const,
    /// An index into `names`.
    Name,
    /// An index into `varnames` (a fast local).
    Local,
    /// An index into `cellvars ++ freevars`.
    Deref,
    /// An absolute instruction index.
    Jump,
    /// A binary operator, [`BinaryOp`] as a number.
    BinaryOp,
    /// A comparison, [`CompareOp`] as a number.
    Compare,
    /// A superinstruction's two operands, `first | second << 12`
    /// ([`pair_arg`]); [`Opcode::pair_parts`] names the two instructions.
    Pair,
}

macro_rules! opcodes {
    ($( $(#[$doc:meta])* $name:ident = $num:literal, $kind:ident; )*) => {
        /// An instruction's operation. Numbers are pyrite's own.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        #[allow(non_camel_case_types)]
        pub enum Opcode {
            $( $(#[$doc])* $name = $num, )*
        }

        impl Opcode {
            /// Every opcode, in number order.
            pub const ALL: &'static [Opcode] = &[$(Opcode::$name,)*];

            /// The opcode's name as `dis` prints it.
            pub fn name(self) -> &'static str {
                match self { $( Opcode::$name => stringify!($name), )* }
            }

            /// What the operand means.
            pub fn arg_kind(self) -> ArgKind {
                match self { $( Opcode::$name => ArgKind::$kind, )* }
            }

            /// The opcode with this number, if any.
            pub fn from_u8(n: u8) -> Option<Opcode> {
                match n { $( $num => Some(Opcode::$name), )* _ => None }
            }
        }
    };
}

opcodes! {
    /// Does nothing.
    NOP = 0, None;
    /// `[a] -> []`.
    POP_TOP = 1, None;
    /// `[] -> [null]`: the empty `self` slot of a call.
    PUSH_NULL = 2, None;
    /// `[.. x (n-1 items)] -> [.. x (n-1 items) x]`; `COPY 1` duplicates TOS.
    COPY = 3, Number;
    /// Swap TOS with the n-th item (n >= 2).
    SWAP = 4, Number;
    /// `[] -> [consts[i]]`.
    LOAD_CONST = 5, Const;
    /// `[] -> [local i]`; an unbound local raises `UnboundLocalError`.
    LOAD_FAST = 6, Local;
    /// `[v] -> []`, local i = v.
    STORE_FAST = 7, Local;
    /// Unbind local i (`UnboundLocalError` if unbound).
    DELETE_FAST = 8, Local;
    /// `[] -> [v]`: locals dict, then globals, then builtins.
    LOAD_NAME = 9, Name;
    /// `[v] -> []` into the locals dict.
    STORE_NAME = 10, Name;
    /// Delete from the locals dict (`NameError` if absent).
    DELETE_NAME = 11, Name;
    /// `[] -> [v]`: globals, then builtins.
    LOAD_GLOBAL = 12, Name;
    /// `[v] -> []` into globals.
    STORE_GLOBAL = 13, Name;
    /// Delete from globals.
    DELETE_GLOBAL = 14, Name;
    /// `[] -> [cell contents]`; empty cell raises `NameError`/`UnboundLocalError`.
    LOAD_DEREF = 15, Deref;
    /// `[v] -> []` into the cell.
    STORE_DEREF = 16, Deref;
    /// Empty the cell.
    DELETE_DEREF = 17, Deref;
    /// `[] -> [cell]`: the cell object itself, for building a closure.
    LOAD_CLOSURE = 18, Deref;
    /// `[] -> [v]`: a class body's free variable: the locals dict first, then
    /// the cell.
    LOAD_CLASSDEREF = 19, Deref;
    /// `[obj] -> [obj.name]`.
    LOAD_ATTR = 20, Name;
    /// `[v obj] -> []`: `obj.name = v`.
    STORE_ATTR = 21, Name;
    /// `[obj] -> []`: `del obj.name`.
    DELETE_ATTR = 22, Name;
    /// `[obj] -> [meth obj]` when `name` is a plain function found on the
    /// type (the bound method is never made), else `[obj.name null]`.
    LOAD_METHOD = 23, Name;
    /// `[container key] -> [container[key]]`.
    BINARY_SUBSCR = 24, None;
    /// `[v container key] -> []`: `container[key] = v`.
    STORE_SUBSCR = 25, None;
    /// `[container key] -> []`: `del container[key]`.
    DELETE_SUBSCR = 26, None;
    /// `[start stop] -> [slice]` (arg 2) or `[start stop step] -> [slice]` (3).
    BUILD_SLICE = 27, Number;
    /// `[a b] -> [a op b]`; operators `>= 13` are the in-place forms.
    BINARY_OP = 28, BinaryOp;
    /// `[a] -> [-a]`.
    UNARY_NEGATIVE = 29, None;
    /// `[a] -> [+a]`.
    UNARY_POSITIVE = 30, None;
    /// `[a] -> [not a]`.
    UNARY_NOT = 31, None;
    /// `[a] -> [~a]`.
    UNARY_INVERT = 32, None;
    /// `[a b] -> [a cmp b]`.
    COMPARE_OP = 33, Compare;
    /// `[a b] -> [a is b]` (arg 0) or `a is not b` (arg 1).
    IS_OP = 34, Number;
    /// `[a b] -> [a in b]` (arg 0) or `a not in b` (arg 1).
    CONTAINS_OP = 35, Number;
    /// Jump to the target.
    JUMP = 36, Jump;
    /// `[v] -> []`; jump if v is false.
    POP_JUMP_IF_FALSE = 37, Jump;
    /// `[v] -> []`; jump if v is true.
    POP_JUMP_IF_TRUE = 38, Jump;
    /// `[v] -> []`; jump if v is None.
    POP_JUMP_IF_NONE = 39, Jump;
    /// `[v] -> []`; jump if v is not None.
    POP_JUMP_IF_NOT_NONE = 40, Jump;
    /// If TOS is false jump and keep it, else pop it.
    JUMP_IF_FALSE_OR_POP = 41, Jump;
    /// If TOS is true jump and keep it, else pop it.
    JUMP_IF_TRUE_OR_POP = 42, Jump;
    /// `[obj] -> [iter(obj)]`.
    GET_ITER = 43, None;
    /// `[it] -> [it next(it)]`; when exhausted pop `it` and jump.
    FOR_ITER = 44, Jump;
    /// `[a1 .. an] -> [(a1, .., an)]`.
    BUILD_TUPLE = 45, Number;
    /// `[a1 .. an] -> [[a1, .., an]]`.
    BUILD_LIST = 46, Number;
    /// `[a1 .. an] -> [{a1, .., an}]`.
    BUILD_SET = 47, Number;
    /// `[k1 v1 .. kn vn] -> [{k1: v1, ..}]`.
    BUILD_MAP = 48, Number;
    /// `[v1 .. vn keys_tuple] -> [{keys[0]: v1, ..}]`.
    BUILD_CONST_KEY_MAP = 49, Number;
    /// `[s1 .. sn] -> [s1 + .. + sn]` (all str).
    BUILD_STRING = 50, Number;
    /// `[list .. (i-1 items) v] -> [list ..]`: `list.append(v)` where `list`
    /// is the i-th item after popping v (comprehensions).
    LIST_APPEND = 51, Number;
    /// As `LIST_APPEND` for a set.
    SET_ADD = 52, Number;
    /// `[dict .. k v] -> [dict ..]`: `dict[k] = v`, dict is the i-th item
    /// after popping k and v.
    MAP_ADD = 53, Number;
    /// `[list .. it] -> [list ..]`: `list.extend(it)`.
    LIST_EXTEND = 54, Number;
    /// `[set .. it] -> [set ..]`: `set.update(it)`.
    SET_UPDATE = 55, Number;
    /// `[dict .. m] -> [dict ..]`: `dict.update(m)`.
    DICT_UPDATE = 56, Number;
    /// As `DICT_UPDATE` but a repeated key raises `TypeError` (`**kwargs`
    /// in calls; the callable is 2 items below the dict for the message).
    DICT_MERGE = 57, Number;
    /// `[list] -> [tuple(list)]`.
    LIST_TO_TUPLE = 58, None;
    /// `[seq] -> [vn .. v1]`: exactly n items, v1 on top.
    UNPACK_SEQUENCE = 59, Number;
    /// `[seq] -> [after.. list before..]` for `a, *b, c = seq`; the operand
    /// is `before | after << 8`.
    UNPACK_EX = 60, Number;
    /// `[v (spec)] -> [formatted]`: operand bits 0-1 conversion (0 none,
    /// 1 `!s`, 2 `!r`, 3 `!a`), bit 2 a format spec is on the stack.
    FORMAT_VALUE = 61, Number;
    /// The next `CALL` has keyword arguments: consts[i] is the tuple of their
    /// names, which name the last `len(names)` arguments.
    KW_NAMES = 62, Const;
    /// `[callable self_or_null a1 .. an] -> [result]`.
    CALL = 63, Number;
    /// `[callable null args_tuple (kwargs_dict)] -> [result]`; operand bit 0:
    /// a kwargs dict is present.
    CALL_FUNCTION_EX = 64, Number;
    /// `[(defaults) (kwdefaults) (annotations) (closure) code] -> [function]`;
    /// operand bits 0x01 defaults tuple, 0x02 kwdefaults dict, 0x04
    /// annotations tuple, 0x08 closure tuple of cells. The qualname is the
    /// code's.
    MAKE_FUNCTION = 65, Number;
    /// `[v] -> []`: return v from the frame.
    RETURN_VALUE = 66, None;
    /// `[v] -> [sent]`: suspend the generator, producing v; resumes with the
    /// value sent in. Operand 1 marks the yield inside a `yield from` loop
    /// (the generator delegates `throw`/`close` to the iterator below).
    YIELD_VALUE = 67, Number;
    /// `[iter v] -> [iter r]`: send v into iter (next() for None), r is what
    /// it yields; when it returns, `[iter v] -> [retval]` and jump.
    SEND = 68, Jump;
    /// `[obj] -> [iter]`: `iter(obj)`, but generators stay as they are.
    GET_YIELD_FROM_ITER = 69, None;
    /// `[exc] -> [prev_exc exc]` and make `exc` the handled exception.
    PUSH_EXC_INFO = 70, None;
    /// `[prev_exc] -> []`: restore the handled exception.
    POP_EXCEPT = 71, None;
    /// `[exc] -> []` and re-raise it; operand nonzero: the item at that depth
    /// (after popping exc) is the `lasti` of the raising instruction, which
    /// becomes the frame's current instruction again.
    RERAISE = 72, Number;
    /// `[exc type] -> [exc bool]`: does exc match the class or tuple.
    CHECK_EXC_MATCH = 73, None;
    /// `raise` (0 items), `raise exc` (1) or `raise exc from cause` (2).
    RAISE_VARARGS = 74, Number;
    /// `[exit lasti prev_exc exc] -> [exit lasti prev_exc exc result]`:
    /// `result = exit(type(exc), exc, exc.__traceback__)`.
    WITH_EXCEPT_START = 75, None;
    /// `[mgr] -> [bound __exit__, mgr.__enter__()]`.
    BEFORE_WITH = 76, None;
    /// `[] -> [AssertionError]`.
    LOAD_ASSERTION_ERROR = 77, None;
    /// `[] -> [__build_class__]`.
    LOAD_BUILD_CLASS = 78, None;
    /// `[level fromlist] -> [module]`.
    IMPORT_NAME = 79, Name;
    /// `[module] -> [module module.name]`.
    IMPORT_FROM = 80, Name;
    /// `[module] -> []`: `from module import *` into the locals dict.
    IMPORT_STAR = 81, None;
    /// Make `__annotations__` in the locals dict if missing.
    SETUP_ANNOTATIONS = 82, None;
    /// `[v] -> []`: interactive mode: print repr(v) unless None, set `_`.
    PRINT_EXPR = 83, None;
    /// Superinstruction (the course's `LOAD_OTUS`): `LOAD_FAST first` then
    /// `LOAD_CONST second`, `[] -> [local const]`. Superinstructions are
    /// made by the assembler's last pass (`compile/superinstr.rs`) from two
    /// adjacent instructions of one line; the operand is a [`pair_arg`].
    LOAD_OTUS = 84, Pair;
    /// Superinstruction: `LOAD_FAST first` then `LOAD_FAST second` (the
    /// second local is known to be bound).
    LOAD_FAST__LOAD_FAST = 85, Pair;
    /// Superinstruction: `STORE_FAST first` then `LOAD_FAST second`.
    STORE_FAST__LOAD_FAST = 86, Pair;
    /// Superinstruction: `STORE_FAST first` then `STORE_FAST second`.
    STORE_FAST__STORE_FAST = 87, Pair;
    /// Superinstruction: `LOAD_CONST first` then `LOAD_FAST second`.
    LOAD_CONST__LOAD_FAST = 88, Pair;
    /// Superinstruction: `LOAD_CONST first` then `BINARY_OP second`,
    /// `[a] -> [a op const]`.
    LOAD_CONST__BINARY_OP = 89, Pair;
    /// Superinstruction: `LOAD_FAST first` (a local known to be bound)
    /// then `LOAD_ATTR second`, `[] -> [local.name]`.
    LOAD_FAST__LOAD_ATTR = 90, Pair;
    /// Pseudo-instruction (removed by the assembler): a `try` body starts;
    /// an exception jumps to the target with the stack at this depth plus
    /// the exception.
    SETUP_FINALLY = 240, Jump;
    /// Pseudo: as `SETUP_FINALLY` with `lasti` pushed below the exception.
    SETUP_CLEANUP = 241, Jump;
    /// Pseudo: as `SETUP_CLEANUP`, the handler of a `with` body; emitted
    /// after `BEFORE_WITH`, it protects from the `__enter__` result on, and
    /// its handler starts without that result (`[exit lasti exc]`).
    SETUP_WITH = 242, Jump;
    /// Pseudo: the protected range ends.
    POP_BLOCK = 243, None;
}

impl Opcode {
    /// Whether this is a pseudo-instruction the assembler removes.
    pub fn is_pseudo(self) -> bool {
        (self as u8) >= Opcode::SETUP_FINALLY as u8
    }

    /// The two instructions a superinstruction stands for.
    pub fn pair_parts(self) -> Option<(Opcode, Opcode)> {
        use Opcode::*;
        Some(match self {
            LOAD_OTUS => (LOAD_FAST, LOAD_CONST),
            LOAD_FAST__LOAD_FAST => (LOAD_FAST, LOAD_FAST),
            STORE_FAST__LOAD_FAST => (STORE_FAST, LOAD_FAST),
            STORE_FAST__STORE_FAST => (STORE_FAST, STORE_FAST),
            LOAD_CONST__LOAD_FAST => (LOAD_CONST, LOAD_FAST),
            LOAD_CONST__BINARY_OP => (LOAD_CONST, BINARY_OP),
            LOAD_FAST__LOAD_ATTR => (LOAD_FAST, LOAD_ATTR),
            _ => return None,
        })
    }

    /// The superinstruction for `first` followed by `second`, if any.
    pub fn fused(first: Opcode, second: Opcode) -> Option<Opcode> {
        Opcode::ALL
            .iter()
            .copied()
            .find(|op| op.pair_parts() == Some((first, second)))
    }

    /// Whether the instruction may jump to its operand.
    pub fn has_jump(self) -> bool {
        self.arg_kind() == ArgKind::Jump
    }

    /// Whether control never falls through to the next instruction.
    pub fn is_terminator(self) -> bool {
        matches!(
            self,
            Opcode::JUMP | Opcode::RETURN_VALUE | Opcode::RERAISE | Opcode::RAISE_VARARGS
        )
    }

    /// Stack effect of the instruction: when it falls through (`jump ==
    /// false`) or when it jumps (`jump == true`; for pseudo-instructions,
    /// the depth at the handler). CPython's `stack_effect`.
    pub fn stack_effect(self, arg: u32, jump: bool) -> i32 {
        use Opcode::*;
        let n = arg as i32;
        match self {
            NOP | JUMP | UNARY_NEGATIVE | UNARY_POSITIVE | UNARY_NOT | UNARY_INVERT | GET_ITER
            | GET_YIELD_FROM_ITER | LIST_TO_TUPLE | KW_NAMES | SETUP_ANNOTATIONS | YIELD_VALUE
            | POP_BLOCK | SWAP | CHECK_EXC_MATCH => 0,
            POP_TOP | STORE_FAST | STORE_NAME | STORE_GLOBAL | STORE_DEREF | DELETE_ATTR
            | POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE | POP_JUMP_IF_NONE | POP_JUMP_IF_NOT_NONE
            | RETURN_VALUE | POP_EXCEPT | RERAISE | IMPORT_STAR | PRINT_EXPR | BINARY_SUBSCR
            | BINARY_OP | COMPARE_OP | IS_OP | CONTAINS_OP | LIST_APPEND | SET_ADD
            | LIST_EXTEND | SET_UPDATE | DICT_UPDATE | DICT_MERGE | IMPORT_NAME => -1,
            DELETE_FAST | DELETE_NAME | DELETE_GLOBAL | DELETE_DEREF => 0,
            PUSH_NULL | COPY | LOAD_CONST | LOAD_FAST | LOAD_NAME | LOAD_GLOBAL | LOAD_DEREF
            | LOAD_CLOSURE | LOAD_CLASSDEREF | LOAD_ASSERTION_ERROR | LOAD_BUILD_CLASS
            | IMPORT_FROM | PUSH_EXC_INFO | WITH_EXCEPT_START | BEFORE_WITH | LOAD_METHOD => 1,
            LOAD_ATTR => 0,
            STORE_ATTR | DELETE_SUBSCR | MAP_ADD => -2,
            STORE_SUBSCR => -3,
            BUILD_SLICE => 1 - n,
            JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP => {
                if jump {
                    0
                } else {
                    -1
                }
            }
            FOR_ITER => {
                if jump {
                    -1
                } else {
                    1
                }
            }
            BUILD_TUPLE | BUILD_LIST | BUILD_SET | BUILD_STRING => 1 - n,
            BUILD_MAP => 1 - 2 * n,
            BUILD_CONST_KEY_MAP => -n,
            UNPACK_SEQUENCE => n - 1,
            UNPACK_EX => (n & 0xff) + (n >> 8),
            FORMAT_VALUE => {
                if n & 4 != 0 {
                    -1
                } else {
                    0
                }
            }
            CALL => -n - 1,
            CALL_FUNCTION_EX => -2 - (n & 1),
            MAKE_FUNCTION => -((n & 1) + ((n >> 1) & 1) + ((n >> 2) & 1) + ((n >> 3) & 1)),
            SEND => {
                if jump {
                    -1
                } else {
                    0
                }
            }
            RAISE_VARARGS => -n,
            LOAD_OTUS | LOAD_FAST__LOAD_FAST | LOAD_CONST__LOAD_FAST => 2,
            STORE_FAST__LOAD_FAST | LOAD_CONST__BINARY_OP => 0,
            LOAD_FAST__LOAD_ATTR => 1,
            STORE_FAST__STORE_FAST => -2,
            SETUP_FINALLY => {
                if jump {
                    1
                } else {
                    0
                }
            }
            SETUP_CLEANUP => {
                if jump {
                    2
                } else {
                    0
                }
            }
            // The handler pops the `__enter__` result, then pushes lasti
            // and the exception: one more than at the SETUP (CPython's
            // `stack_effect`).
            SETUP_WITH => {
                if jump {
                    1
                } else {
                    0
                }
            }
        }
    }
}

impl fmt::Display for Opcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The largest operand an instruction can hold (24 bits).
pub const MAX_ARG: u32 = (1 << 24) - 1;

/// Bits of each half of a superinstruction's operand.
pub const PAIR_BITS: u32 = 12;
/// The largest operand either half of a superinstruction holds (4095).
pub const PAIR_MAX: u32 = (1 << PAIR_BITS) - 1;
const _: () = assert!(2 * PAIR_BITS <= 24, "a pair fits the 24-bit operand");

/// A superinstruction's operand: `first | second << 12`, or None when
/// either does not fit 12 bits (the pair is then not fused).
pub fn pair_arg(first: u32, second: u32) -> Option<u32> {
    (first <= PAIR_MAX && second <= PAIR_MAX).then_some(first | second << PAIR_BITS)
}

/// The two operands of a superinstruction.
#[inline(always)]
pub fn split_pair(arg: u32) -> (u32, u32) {
    (arg & PAIR_MAX, arg >> PAIR_BITS)
}

/// One instruction: the opcode in the low 8 bits, the operand in the high 24.
///
/// INSTR-1: the low byte is always a valid `Opcode` discriminant (only
/// [`Instr::new`] builds an `Instr`; decoding raw words goes through
/// [`Opcode::from_u8`]).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Instr(u32);

impl Instr {
    /// An instruction; `arg` must not exceed [`MAX_ARG`] (the assembler
    /// reports larger operands as "too many ..." errors before encoding).
    #[inline]
    pub fn new(op: Opcode, arg: u32) -> Instr {
        debug_assert!(arg <= MAX_ARG, "operand out of range");
        Instr(op as u32 | (arg << 8))
    }

    /// The opcode.
    #[inline(always)]
    pub fn op(self) -> Opcode {
        // SAFETY: INSTR-1 — the only constructor, `Instr::new`, stores a
        // valid `Opcode` discriminant in the low byte, and `Opcode` is
        // `repr(u8)`.
        unsafe { std::mem::transmute::<u8, Opcode>(self.0 as u8) }
    }

    /// The operand.
    #[inline(always)]
    pub fn arg(self) -> u32 {
        self.0 >> 8
    }

    /// The raw word (for `co_code` and the bytecode cache).
    pub fn to_bits(self) -> u32 {
        self.0
    }
}

impl fmt::Debug for Instr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.op(), self.arg())
    }
}

/// `BINARY_OP` operands: CPython 3.11's `NB_*` numbering.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinaryOp {
    Add = 0,
    And = 1,
    FloorDivide = 2,
    Lshift = 3,
    MatrixMultiply = 4,
    Multiply = 5,
    Remainder = 6,
    Or = 7,
    Power = 8,
    Rshift = 9,
    Subtract = 10,
    TrueDivide = 11,
    Xor = 12,
}

impl BinaryOp {
    /// Every operator, in number order.
    pub const ALL: [BinaryOp; 13] = [
        BinaryOp::Add,
        BinaryOp::And,
        BinaryOp::FloorDivide,
        BinaryOp::Lshift,
        BinaryOp::MatrixMultiply,
        BinaryOp::Multiply,
        BinaryOp::Remainder,
        BinaryOp::Or,
        BinaryOp::Power,
        BinaryOp::Rshift,
        BinaryOp::Subtract,
        BinaryOp::TrueDivide,
        BinaryOp::Xor,
    ];
    /// Added to an operator's number for its in-place form (`+=`).
    pub const INPLACE: u32 = 13;

    /// Decode a `BINARY_OP` operand: the operator and whether it is in place.
    pub fn decode(arg: u32) -> Option<(BinaryOp, bool)> {
        let inplace = arg >= Self::INPLACE;
        let base = if inplace { arg - Self::INPLACE } else { arg };
        Self::ALL.get(base as usize).map(|&op| (op, inplace))
    }

    /// The operator's symbol (`+`), as error messages and `dis` show it.
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Add => "+",
            BinaryOp::And => "&",
            BinaryOp::FloorDivide => "//",
            BinaryOp::Lshift => "<<",
            BinaryOp::MatrixMultiply => "@",
            BinaryOp::Multiply => "*",
            BinaryOp::Remainder => "%",
            BinaryOp::Or => "|",
            BinaryOp::Power => "**",
            BinaryOp::Rshift => ">>",
            BinaryOp::Subtract => "-",
            BinaryOp::TrueDivide => "/",
            BinaryOp::Xor => "^",
        }
    }
}

/// `COMPARE_OP` operands: CPython's `Py_LT` .. `Py_GE` numbering.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CompareOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CompareOp {
    /// Every comparison, in number order.
    pub const ALL: [CompareOp; 6] = [
        CompareOp::Lt,
        CompareOp::Le,
        CompareOp::Eq,
        CompareOp::Ne,
        CompareOp::Gt,
        CompareOp::Ge,
    ];

    /// Decode a `COMPARE_OP` operand.
    pub fn decode(arg: u32) -> Option<CompareOp> {
        Self::ALL.get(arg as usize).copied()
    }

    /// The comparison's symbol (`<=`).
    pub fn symbol(self) -> &'static str {
        match self {
            CompareOp::Lt => "<",
            CompareOp::Le => "<=",
            CompareOp::Eq => "==",
            CompareOp::Ne => "!=",
            CompareOp::Gt => ">",
            CompareOp::Ge => ">=",
        }
    }

    /// The comparison with its operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Eq => CompareOp::Eq,
            CompareOp::Ne => CompareOp::Ne,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn superinstructions_are_their_parts() {
        for &op in Opcode::ALL {
            if let Some((a, b)) = op.pair_parts() {
                assert_eq!(op.arg_kind(), ArgKind::Pair);
                assert_eq!(Opcode::fused(a, b), Some(op));
                assert_eq!(
                    op.stack_effect(0, false),
                    a.stack_effect(0, false) + b.stack_effect(0, false)
                );
            } else {
                assert_ne!(op.arg_kind(), ArgKind::Pair, "{op}");
            }
        }
        assert_eq!(pair_arg(4095, 7).map(split_pair), Some((4095, 7)));
        assert_eq!(pair_arg(4096, 0), None);
    }

    #[test]
    fn numbers_round_trip() {
        for &op in Opcode::ALL {
            assert_eq!(Opcode::from_u8(op as u8), Some(op));
            let i = Instr::new(op, MAX_ARG);
            assert_eq!((i.op(), i.arg()), (op, MAX_ARG));
        }
    }
}
