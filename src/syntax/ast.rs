//! The abstract syntax tree: Python 3.11's `ast` node types (without
//! async/await and `match`), allocated in a `bumpalo::Bump` and freed at once.
//!
//! Invariant AST-1: every node with a position in CPython's `ast` carries a
//! [`Span`] with CPython's values: 1-based lines, 0-based UTF-8 byte columns,
//! exclusive end. Field order and names follow CPython's `_fields`.

use std::cell::Cell;

pub use super::token::Pos;

/// Start and end of a node (AST-1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Span {
    /// `lineno`, `col_offset`.
    pub start: Pos,
    /// `end_lineno`, `end_col_offset`.
    pub end: Pos,
}

/// A list of expressions in the arena.
pub type Exprs<'a> = &'a [&'a Expr<'a>];
/// A block of statements in the arena.
pub type Body<'a> = &'a [&'a Stmt<'a>];

/// `ast.Module`.
#[derive(Debug)]
pub struct Module<'a> {
    /// The statements.
    pub body: Body<'a>,
}

/// A statement.
#[derive(Debug)]
pub struct Stmt<'a> {
    /// What it is.
    pub kind: StmtKind<'a>,
    /// Where it is.
    pub span: Span,
}

/// The statement kinds.
#[derive(Debug)]
#[allow(missing_docs)]
pub enum StmtKind<'a> {
    FunctionDef {
        name: &'a str,
        args: &'a Arguments<'a>,
        body: Body<'a>,
        decorator_list: Exprs<'a>,
        returns: Option<&'a Expr<'a>>,
    },
    ClassDef {
        name: &'a str,
        bases: Exprs<'a>,
        keywords: &'a [Keyword<'a>],
        body: Body<'a>,
        decorator_list: Exprs<'a>,
    },
    Return {
        value: Option<&'a Expr<'a>>,
    },
    Delete {
        targets: Exprs<'a>,
    },
    Assign {
        targets: Exprs<'a>,
        value: &'a Expr<'a>,
    },
    AugAssign {
        target: &'a Expr<'a>,
        op: Operator,
        value: &'a Expr<'a>,
    },
    AnnAssign {
        target: &'a Expr<'a>,
        annotation: &'a Expr<'a>,
        value: Option<&'a Expr<'a>>,
        simple: bool,
    },
    For {
        target: &'a Expr<'a>,
        iter: &'a Expr<'a>,
        body: Body<'a>,
        orelse: Body<'a>,
    },
    While {
        test: &'a Expr<'a>,
        body: Body<'a>,
        orelse: Body<'a>,
    },
    If {
        test: &'a Expr<'a>,
        body: Body<'a>,
        orelse: Body<'a>,
    },
    With {
        items: &'a [WithItem<'a>],
        body: Body<'a>,
    },
    Raise {
        exc: Option<&'a Expr<'a>>,
        cause: Option<&'a Expr<'a>>,
    },
    Try {
        body: Body<'a>,
        handlers: &'a [ExceptHandler<'a>],
        orelse: Body<'a>,
        finalbody: Body<'a>,
    },
    Assert {
        test: &'a Expr<'a>,
        msg: Option<&'a Expr<'a>>,
    },
    Import {
        names: &'a [Alias<'a>],
    },
    ImportFrom {
        module: Option<&'a str>,
        names: &'a [Alias<'a>],
        level: u32,
    },
    Global {
        names: &'a [&'a str],
    },
    Nonlocal {
        names: &'a [&'a str],
    },
    Expr {
        value: &'a Expr<'a>,
    },
    Pass,
    Break,
    Continue,
}

/// An expression.
#[derive(Debug)]
pub struct Expr<'a> {
    /// What it is.
    pub kind: ExprKind<'a>,
    /// Where it is.
    pub span: Span,
}

/// The expression kinds.
#[derive(Debug)]
#[allow(missing_docs)]
pub enum ExprKind<'a> {
    BoolOp {
        op: BoolOp,
        values: Exprs<'a>,
    },
    NamedExpr {
        target: &'a Expr<'a>,
        value: &'a Expr<'a>,
    },
    BinOp {
        left: &'a Expr<'a>,
        op: Operator,
        right: &'a Expr<'a>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: &'a Expr<'a>,
    },
    Lambda {
        args: &'a Arguments<'a>,
        body: &'a Expr<'a>,
    },
    IfExp {
        test: &'a Expr<'a>,
        body: &'a Expr<'a>,
        orelse: &'a Expr<'a>,
    },
    /// `keys[i]` is `None` for a `**mapping` entry.
    Dict {
        keys: &'a [Option<&'a Expr<'a>>],
        values: Exprs<'a>,
    },
    Set {
        elts: Exprs<'a>,
    },
    ListComp {
        elt: &'a Expr<'a>,
        generators: &'a [Comprehension<'a>],
    },
    SetComp {
        elt: &'a Expr<'a>,
        generators: &'a [Comprehension<'a>],
    },
    DictComp {
        key: &'a Expr<'a>,
        value: &'a Expr<'a>,
        generators: &'a [Comprehension<'a>],
    },
    GeneratorExp {
        elt: &'a Expr<'a>,
        generators: &'a [Comprehension<'a>],
    },
    Yield {
        value: Option<&'a Expr<'a>>,
    },
    YieldFrom {
        value: &'a Expr<'a>,
    },
    Compare {
        left: &'a Expr<'a>,
        ops: &'a [CmpOp],
        comparators: Exprs<'a>,
    },
    Call {
        func: &'a Expr<'a>,
        args: Exprs<'a>,
        keywords: &'a [Keyword<'a>],
    },
    /// `conversion` is -1 or the code of `s`, `r`, `a`.
    FormattedValue {
        value: &'a Expr<'a>,
        conversion: i32,
        format_spec: Option<&'a Expr<'a>>,
    },
    JoinedStr {
        values: Exprs<'a>,
    },
    Constant(Constant<'a>),
    Attribute {
        value: &'a Expr<'a>,
        attr: &'a str,
        ctx: Cell<ExprContext>,
    },
    Subscript {
        value: &'a Expr<'a>,
        slice: &'a Expr<'a>,
        ctx: Cell<ExprContext>,
    },
    Starred {
        value: &'a Expr<'a>,
        ctx: Cell<ExprContext>,
    },
    Name {
        id: &'a str,
        ctx: Cell<ExprContext>,
    },
    List {
        elts: Exprs<'a>,
        ctx: Cell<ExprContext>,
    },
    Tuple {
        elts: Exprs<'a>,
        ctx: Cell<ExprContext>,
    },
    Slice {
        lower: Option<&'a Expr<'a>>,
        upper: Option<&'a Expr<'a>>,
        step: Option<&'a Expr<'a>>,
    },
}

impl ExprKind<'_> {
    /// The context cell of a node that has one (`Name`, `Attribute`,
    /// `Subscript`, `Starred`, `List`, `Tuple`).
    pub fn ctx(&self) -> Option<&Cell<ExprContext>> {
        match self {
            ExprKind::Attribute { ctx, .. }
            | ExprKind::Subscript { ctx, .. }
            | ExprKind::Starred { ctx, .. }
            | ExprKind::Name { ctx, .. }
            | ExprKind::List { ctx, .. }
            | ExprKind::Tuple { ctx, .. } => Some(ctx),
            _ => None,
        }
    }
}

/// A constant value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Constant<'a> {
    /// An integer of any size, as canonical decimal digits (no sign, no
    /// leading zeros).
    Int(&'a str),
    /// A float.
    Float(f64),
    /// An imaginary number: the value of its imaginary part.
    Complex(f64),
    /// A string.
    Str(&'a str),
    /// A bytes literal.
    Bytes(&'a [u8]),
    /// `True`.
    True,
    /// `False`.
    False,
    /// `None`.
    None,
    /// `...`.
    Ellipsis,
}

/// `ast.expr_context`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum ExprContext {
    Load,
    Store,
    Del,
}

/// `ast.boolop`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum BoolOp {
    And,
    Or,
}

/// `ast.operator`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Operator {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

/// `ast.unaryop`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

/// `ast.cmpop`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

/// `ast.comprehension` (no position in CPython).
#[derive(Debug)]
pub struct Comprehension<'a> {
    /// The loop target.
    pub target: &'a Expr<'a>,
    /// The iterable.
    pub iter: &'a Expr<'a>,
    /// The `if` filters.
    pub ifs: Exprs<'a>,
}

/// `ast.excepthandler`.
#[derive(Debug)]
pub struct ExceptHandler<'a> {
    /// The exception type, if any.
    pub type_: Option<&'a Expr<'a>>,
    /// The `as` name, if any.
    pub name: Option<&'a str>,
    /// The handler body.
    pub body: Body<'a>,
    /// Where it is.
    pub span: Span,
}

/// `ast.arguments` (no position in CPython).
#[derive(Debug, Default)]
pub struct Arguments<'a> {
    /// Parameters before `/`.
    pub posonlyargs: &'a [Arg<'a>],
    /// Ordinary parameters.
    pub args: &'a [Arg<'a>],
    /// `*args`.
    pub vararg: Option<&'a Arg<'a>>,
    /// Parameters after `*` or `*args`.
    pub kwonlyargs: &'a [Arg<'a>],
    /// Defaults of the keyword-only parameters, `None` where there is none.
    pub kw_defaults: &'a [Option<&'a Expr<'a>>],
    /// `**kwargs`.
    pub kwarg: Option<&'a Arg<'a>>,
    /// Defaults of the last positional parameters.
    pub defaults: Exprs<'a>,
}

/// `ast.arg`.
#[derive(Debug)]
pub struct Arg<'a> {
    /// The parameter name.
    pub arg: &'a str,
    /// The annotation, if any.
    pub annotation: Option<&'a Expr<'a>>,
    /// Where it is.
    pub span: Span,
}

/// `ast.keyword`.
#[derive(Debug)]
pub struct Keyword<'a> {
    /// The name, `None` for `**mapping`.
    pub arg: Option<&'a str>,
    /// The value.
    pub value: &'a Expr<'a>,
    /// Where it is.
    pub span: Span,
}

/// `ast.alias`.
#[derive(Debug)]
pub struct Alias<'a> {
    /// The imported name (dotted for `import a.b`), or `*`.
    pub name: &'a str,
    /// The `as` name.
    pub asname: Option<&'a str>,
    /// Where it is.
    pub span: Span,
}

/// `ast.withitem` (no position in CPython).
#[derive(Debug)]
pub struct WithItem<'a> {
    /// The context manager.
    pub context_expr: &'a Expr<'a>,
    /// The `as` target.
    pub optional_vars: Option<&'a Expr<'a>>,
}
