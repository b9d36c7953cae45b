//! Code generation: the syntax tree and its symbol table to [`CodeUnit`]s,
//! instruction for instruction as CPython 3.11's `Python/compile.c` emits
//! them, adapted to the differences [`crate::compile::opcode`] documents
//! (callable-then-self call protocol with `PUSH_NULL` after the callable,
//! absolute jumps, `*_DEREF` indexing `cellvars ++ freevars`, no
//! `RESUME`/`PRECALL`/`MAKE_CELL`/`COPY_FREE_VARS`/`RETURN_GENERATOR`).
//!
//! The files mirror the tree: [`expr`], [`stmt`], [`assign`] (targets,
//! unpacking, augmented assignment), [`call`], [`comprehension`],
//! [`function`] (def, lambda, decorators, defaults, annotations),
//! [`class`], [`control`] (if/while/for/break/continue/return),
//! [`except`] (try, raise, with), [`generator`] (yield, yield from) and
//! [`fold`] (the constant folding of CPython's AST optimizer).
//!
//! Invariants:
//! - GEN-1: `units` is the stack of scopes being compiled, the module at the
//!   bottom; each unit owns its control-flow graph and its tables.
//! - GEN-2: `Unit::loc` is the position new instructions get; every
//!   statement sets it and every expression restores it when done
//!   (CPython's `SET_LOC` and `compiler_visit_expr`).
//! - GEN-3: `Unit::fblocks` mirrors the frame blocks (loops, try, with,
//!   handlers) open at the current instruction, innermost last.
//!
//! ```
//! use pyrite::compile::codegen::{compile, Mode};
//! let code = compile("x = 1\nprint(x)\n", "t.py", Mode::Exec).unwrap();
//! assert_eq!(&*code.name, "<module>");
//! let err = compile("return 1\n", "t.py", Mode::Exec).unwrap_err();
//! assert_eq!(err.msg, "'return' outside function");
//! ```

mod assign;
mod call;
mod class;
mod comprehension;
mod control;
mod except;
mod expr;
mod fold;
mod function;
mod generator;
mod stmt;
mod warn;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::rc::Rc;

use super::assemble::{assemble, UnitParts};
use super::code::{flags, CodeUnit, Constant, Position};
use super::flowgraph::{Cfg, Instruction, Label};
use super::opcode::Opcode;
use super::symtable::{self, mangle, NameAccess, ScopeId, ScopeKind, SymbolScope, SymbolTable};
use crate::syntax::ast::{Expr, ExprContext, ExprKind, Module, Span, Stmt, StmtKind};
use crate::syntax::{parse_module, SyntaxError, SyntaxErrorKind};

/// What the source is compiled as (the `mode` of Python's `compile()`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module: statements, returning None.
    Exec,
    /// One expression, returning its value.
    Eval,
    /// Interactive input: expression statements print their value.
    Single,
}

/// Parses, analyses and compiles `source`.
///
/// # Errors
///
/// The `SyntaxError` CPython 3.11 raises for the source: from the parser,
/// the symbol table or the code generator.
pub fn compile(
    source: &str,
    filename: &str,
    mode: Mode,
) -> std::result::Result<CodeUnit, SyntaxError> {
    let arena = bumpalo::Bump::new();
    if mode == Mode::Eval {
        let trimmed = source.trim_start_matches([' ', '\t', '\x0c']);
        let result = parse_module(trimmed, filename, &arena)
            .and_then(|module| compile_module(module, trimmed, filename, mode));
        // CPython parses eval input as given, without the newline exec mode
        // adds: an error on an unterminated last line shows it unterminated.
        return result.map_err(|mut e| {
            if !trimmed.ends_with('\n') && e.lineno as usize >= trimmed.lines().count() {
                if let Some(t) = e.text.as_mut() {
                    if t.ends_with('\n') {
                        t.pop();
                    }
                }
            }
            e
        });
    }
    let module = parse_module(source, filename, &arena)?;
    if mode == Mode::Single {
        check_single_statement(module.body, filename, source)?;
    }
    compile_module(module, source, filename, mode)
}

/// `single` input is one statement: a compound statement, or simple
/// statements on one line (the parser's `bad_single_statement`).
fn check_single_statement(
    body: &[&Stmt<'_>],
    filename: &str,
    source: &str,
) -> std::result::Result<(), SyntaxError> {
    let Some((first, rest)) = body.split_first() else {
        return Ok(());
    };
    let line = first.span.start.line;
    let simple = |s: &Stmt<'_>| s.span.start.line == line && s.span.end.line == line;
    if rest.is_empty() || (simple(first) && rest.iter().all(|s| simple(s))) {
        return Ok(());
    }
    Err(simple_error(
        "multiple statements found while compiling a single statement",
        first.span,
        filename,
        source,
    ))
}

/// Compiles a parsed module; `source` is the text it was parsed from (for
/// error lines).
///
/// # Errors
///
/// As [`compile`], past the parser.
pub fn compile_module(
    module: &Module<'_>,
    source: &str,
    filename: &str,
    mode: Mode,
) -> std::result::Result<CodeUnit, SyntaxError> {
    let future = future_features(module, filename, source)?;
    if let Some(span) = too_deep(module.body) {
        return Err(simple_error(
            "maximum recursion depth exceeded during compilation",
            span,
            filename,
            source,
        ));
    }
    let table = symtable::build(module, filename, source)?;
    let mut c = Compiler {
        table,
        filename: Rc::from(filename),
        source,
        interactive: false,
        future_annotations: future.annotations,
        future_lineno: future.lineno,
        units: Vec::new(),
        folded: HashMap::new(),
        depth: 0,
        warnings: Vec::new(),
    };
    let result = c.compile_mod(module, mode);
    warn::print_warnings(filename, &c.warnings);
    result
}

/// The kind of scope a unit compiles (CPython's `COMPILER_SCOPE_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnitKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

/// A frame block (CPython's `fblocktype`, GEN-3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FBlockKind {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    With,
    HandlerCleanup,
    PopValue,
    ExceptionHandler,
}

/// Extra data an unwinding frame block needs.
#[derive(Clone, Copy, Debug)]
pub(crate) enum FBlockDatum<'a> {
    None,
    /// The `finally` body of a `FinallyTry`.
    Finally(&'a [&'a Stmt<'a>]),
    /// The `with` statement of a `With` (its position).
    With(Span),
    /// The `as` name of a `HandlerCleanup`.
    Name(&'a str),
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct FBlock<'a> {
    kind: FBlockKind,
    block: Option<Label>,
    exit: Option<Label>,
    datum: FBlockDatum<'a>,
}

/// CPython's `CO_MAXBLOCKS`.
const MAX_BLOCKS: usize = 20;
/// CPython's `STACK_USE_GUIDELINE`.
const STACK_USE_GUIDELINE: usize = 30;

/// One scope being compiled (GEN-1).
pub(crate) struct Unit<'a> {
    scope: ScopeId,
    kind: UnitKind,
    name: String,
    qualname: String,
    cfg: Cfg,
    consts: Vec<Constant>,
    const_index: HashMap<String, u32>,
    names: Vec<Box<str>>,
    name_index: HashMap<String, u32>,
    varnames: Vec<Box<str>>,
    varname_index: HashMap<String, u32>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    private: Option<String>,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    fblocks: Vec<FBlock<'a>>,
    loc: Position,
    first_line: u32,
}

/// The compiler state for one module (GEN-1).
pub(crate) struct Compiler<'s, 'a> {
    table: SymbolTable,
    filename: Rc<str>,
    source: &'s str,
    interactive: bool,
    future_annotations: bool,
    future_lineno: u32,
    units: Vec<Unit<'a>>,
    /// Constant value of each folded expression node, by address.
    folded: HashMap<usize, Option<Constant>>,
    /// Nesting of `expr`/`stmt`/fold calls (GEN-4).
    depth: u32,
    /// `SyntaxWarning`s found so far: (line, message).
    warnings: Vec<(u32, String)>,
}

/// GEN-4: the deepest nesting of expressions and statements compiled, as
/// CPython 3.11's AST optimizer bounds it (its recursion limit × 3); deeper
/// input is an error, not a stack overflow.
const MAX_NESTING: u32 = 3000;

type Result<T> = std::result::Result<T, SyntaxError>;

/// The position of a node.
pub(crate) fn span_pos(span: Span) -> Position {
    Position {
        line: span.start.line,
        end_line: span.end.line,
        col: span.start.col,
        end_col: span.end.col,
    }
}

/// The key under which equal constants share one `co_consts` slot
/// (CPython's `_PyCode_ConstantKey`: type and value, floats by bits, code
/// objects by identity).
pub(crate) fn const_key(c: &Constant) -> String {
    let mut s = String::new();
    write_key(c, &mut s);
    s
}

fn write_key(c: &Constant, s: &mut String) {
    let _ = match c {
        Constant::None => write!(s, "N"),
        Constant::Ellipsis => write!(s, "E"),
        Constant::Bool(b) => write!(s, "B{b}"),
        Constant::Int(i) => write!(s, "I{i}"),
        Constant::BigInt(d) => write!(s, "I{d}"),
        Constant::Float(f) => write!(s, "F{:x}", f.to_bits()),
        Constant::Complex(r, i) => write!(s, "C{:x},{:x}", r.to_bits(), i.to_bits()),
        Constant::Str(t) => write!(s, "S{}:{t}", t.len()),
        Constant::Bytes(b) => write!(s, "Y{}:{b:?}", b.len()),
        Constant::Tuple(items) | Constant::FrozenSet(items) => {
            s.push(if matches!(c, Constant::Tuple(_)) {
                'T'
            } else {
                'Z'
            });
            s.push('(');
            for it in items.iter() {
                write_key(it, s);
                s.push(',');
            }
            write!(s, ")")
        }
        Constant::Code(code) => write!(s, "K{:p}", Rc::as_ptr(code)),
    };
}

impl<'s, 'a> Compiler<'s, 'a> {
    // ----- units -----

    fn u(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("a unit is open (GEN-1)")
    }

    fn ur(&self) -> &Unit<'a> {
        self.units.last().expect("a unit is open (GEN-1)")
    }

    fn scope(&self) -> &symtable::Scope {
        self.table.scope(self.ur().scope)
    }

    /// `compiler_enter_scope`.
    fn enter_scope(&mut self, name: &str, kind: UnitKind, scope: ScopeId, first_line: u32) {
        let s = self.table.scope(scope);
        let mut u = Unit {
            scope,
            kind,
            name: name.to_owned(),
            qualname: name.to_owned(),
            cfg: Cfg::new(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames: Vec::new(),
            varname_index: HashMap::new(),
            cellvars: s.cellvars().iter().map(|n| n.to_string()).collect(),
            freevars: s.freevars().iter().map(|n| n.to_string()).collect(),
            private: self.units.last().and_then(|p| p.private.clone()),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            fblocks: Vec::new(),
            loc: Position {
                line: first_line,
                end_line: first_line,
                col: 0,
                end_col: 0,
            },
            first_line,
        };
        for p in s.params() {
            let i = u.varnames.len() as u32;
            u.varname_index.insert(p.clone(), i);
            u.varnames.push(p.as_str().into());
        }
        if kind != UnitKind::Module {
            u.qualname = self.qualname_for(name, kind);
        }
        self.units.push(u);
    }

    /// `compiler_set_qualname` for a unit about to be entered.
    fn qualname_for(&self, name: &str, kind: UnitKind) -> String {
        if self.units.len() <= 1 {
            return name.to_owned();
        }
        let parent = self.ur();
        let mut force_global = false;
        if matches!(kind, UnitKind::Function | UnitKind::Class) {
            let mangled = mangle(parent.private.as_deref(), name);
            let ps = self.table.scope(parent.scope);
            if ps.symbol(&mangled).map(|s| s.scope()) == Some(SymbolScope::GlobalExplicit) {
                force_global = true;
            }
        }
        if force_global {
            return name.to_owned();
        }
        let base = if matches!(parent.kind, UnitKind::Function | UnitKind::Lambda) {
            format!("{}.<locals>", parent.qualname)
        } else {
            parent.qualname.clone()
        };
        format!("{base}.{name}")
    }

    /// Closes the current unit: the implicit `return None`, then assembly.
    fn exit_scope(&mut self, add_none: bool) -> CodeUnit {
        if !self.ur().cfg.current_returns() {
            self.unset_loc();
            if add_none {
                self.load_const(Constant::None);
            }
            self.emit(Opcode::RETURN_VALUE, 0);
        }
        let u = self.units.pop().expect("unit (GEN-1)");
        let s = self.table.scope(u.scope);
        let mut fl = 0;
        if s.kind() == ScopeKind::Function {
            fl |= flags::OPTIMIZED | flags::NEWLOCALS;
            if s.is_nested() {
                fl |= flags::NESTED;
            }
            if s.is_generator() {
                fl |= flags::GENERATOR;
            }
            if s.has_varargs() {
                fl |= flags::VARARGS;
            }
            if s.has_varkeywords() {
                fl |= flags::VARKEYWORDS;
            }
        }
        assemble(UnitParts {
            name: u.name,
            qualname: u.qualname,
            filename: self.filename.clone(),
            first_line: u.first_line,
            argcount: u.argcount,
            posonlyargcount: u.posonlyargcount,
            kwonlyargcount: u.kwonlyargcount,
            flags: fl,
            is_module: u.kind == UnitKind::Module,
            cfg: u.cfg,
            consts: u.consts,
            names: u.names,
            varnames: u.varnames,
            cellvars: u.cellvars.into_iter().map(|s| s.into_boxed_str()).collect(),
            freevars: u.freevars.into_iter().map(|s| s.into_boxed_str()).collect(),
        })
    }

    /// The scope id of a `def`/`class` statement.
    fn stmt_scope(&self, s: &Stmt<'_>) -> ScopeId {
        self.table
            .stmt_scope(s)
            .expect("the symbol table has a scope for every def and class")
    }

    /// The scope id of a lambda or comprehension.
    fn expr_scope(&self, e: &Expr<'_>) -> ScopeId {
        self.table
            .expr_scope(e)
            .expect("the symbol table has a scope for every lambda and comprehension")
    }

    // ----- positions -----

    fn set_loc(&mut self, span: Span) {
        self.u().loc = span_pos(span);
    }

    fn unset_loc(&mut self) {
        self.u().loc = Position::default();
    }

    // ----- emission -----

    fn add(&mut self, op: Opcode, arg: u32, target: Option<Label>, pos: Position) {
        self.u().cfg.add(Instruction {
            op,
            arg,
            target,
            pos,
            except: None,
        });
    }

    /// Appends `op arg` at the current position.
    fn emit(&mut self, op: Opcode, arg: u32) {
        let pos = self.ur().loc;
        self.add(op, arg, None, pos);
    }

    /// Appends an artificial `op arg` (no position).
    fn emit_noline(&mut self, op: Opcode, arg: u32) {
        self.add(op, arg, None, Position::default());
    }

    /// Appends a jump (or `SETUP_*`) to `target`.
    fn emit_jump(&mut self, op: Opcode, target: Label) {
        let pos = self.ur().loc;
        self.add(op, 0, Some(target), pos);
    }

    /// Appends an artificial jump.
    fn emit_jump_noline(&mut self, op: Opcode, target: Label) {
        self.add(op, 0, Some(target), Position::default());
    }

    fn new_block(&mut self) -> Label {
        self.u().cfg.new_block()
    }

    fn use_block(&mut self, l: Label) {
        self.u().cfg.use_next_block(l);
    }

    /// The `co_consts` index of `c`, added if new.
    fn add_const(&mut self, c: Constant) -> u32 {
        let key = const_key(&c);
        let u = self.u();
        if let Some(&i) = u.const_index.get(&key) {
            return i;
        }
        let i = u.consts.len() as u32;
        u.consts.push(c);
        u.const_index.insert(key, i);
        i
    }

    fn load_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.emit(Opcode::LOAD_CONST, i);
    }

    /// The `co_names` index of `name` (unmangled).
    fn name_index(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(&i) = u.name_index.get(name) {
            return i;
        }
        let i = u.names.len() as u32;
        u.names.push(name.into());
        u.name_index.insert(name.to_owned(), i);
        i
    }

    /// Emits `op` with the mangled `name` from `co_names`.
    fn emit_name(&mut self, op: Opcode, name: &str) {
        let mangled = mangle(self.ur().private.as_deref(), name).into_owned();
        let i = self.name_index(&mangled);
        self.emit(op, i);
    }

    fn varname_index(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(&i) = u.varname_index.get(name) {
            return i;
        }
        let i = u.varnames.len() as u32;
        u.varnames.push(name.into());
        u.varname_index.insert(name.to_owned(), i);
        i
    }

    /// The `*_DEREF` index of a cell or free variable (`cellvars ++
    /// freevars`).
    fn deref_index(&self, name: &str, cell: bool) -> u32 {
        let u = self.ur();
        if cell {
            if let Some(i) = u.cellvars.iter().position(|n| n == name) {
                return i as u32;
            }
        }
        match u.freevars.iter().position(|n| n == name) {
            Some(i) => (u.cellvars.len() + i) as u32,
            None => u.cellvars.iter().position(|n| n == name).unwrap_or(0) as u32,
        }
    }

    // ----- errors -----

    /// A `SyntaxError` at the current position (`compiler_error`).
    fn error(&self, msg: impl Into<String>) -> SyntaxError {
        let loc = self.ur().loc;
        self.error_at(msg, loc)
    }

    fn error_at(&self, msg: impl Into<String>, loc: Position) -> SyntaxError {
        let normalized = self.source.replace("\r\n", "\n").replace('\r', "\n");
        let text = if loc.line == 0 {
            None
        } else {
            normalized
                .split_inclusive('\n')
                .nth(loc.line as usize - 1)
                .map(|l| {
                    let mut l = l.to_owned();
                    if !l.ends_with('\n') {
                        l.push('\n');
                    }
                    l
                })
        };
        SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: msg.into(),
            filename: self.filename.to_string(),
            lineno: loc.line,
            offset: loc.col + 1,
            end_lineno: loc.end_line,
            end_offset: loc.end_col + 1,
            text,
        }
    }

    /// `forbidden_name`: `__debug__` cannot be bound or deleted.
    fn check_forbidden(&self, name: &str, ctx: ExprContext) -> Result<()> {
        if name == "__debug__" {
            match ctx {
                ExprContext::Store => return Err(self.error("cannot assign to __debug__")),
                ExprContext::Del => return Err(self.error("cannot delete __debug__")),
                ExprContext::Load => {}
            }
        }
        Ok(())
    }

    // ----- names -----

    /// `compiler_nameop`: load, store or delete `name` with the
    /// instruction its scope calls for.
    fn nameop(&mut self, name: &str, ctx: ExprContext) -> Result<()> {
        self.check_forbidden(name, ctx)?;
        let mangled = mangle(self.ur().private.as_deref(), name).into_owned();
        let scope = self.scope();
        let symbol_scope = scope.symbol(&mangled).map(|s| s.scope());
        let access = scope.access(&mangled);
        let class = self.ur().kind == UnitKind::Class;
        use Opcode::*;
        match access {
            NameAccess::Deref => {
                let cell = symbol_scope == Some(SymbolScope::Cell);
                let i = self.deref_index(&mangled, cell);
                let op = match ctx {
                    ExprContext::Load if class => LOAD_CLASSDEREF,
                    ExprContext::Load => LOAD_DEREF,
                    ExprContext::Store => STORE_DEREF,
                    ExprContext::Del => DELETE_DEREF,
                };
                self.emit(op, i);
            }
            NameAccess::Fast => {
                let i = self.varname_index(&mangled);
                let op = match ctx {
                    ExprContext::Load => LOAD_FAST,
                    ExprContext::Store => STORE_FAST,
                    ExprContext::Del => DELETE_FAST,
                };
                self.emit(op, i);
            }
            NameAccess::Global => {
                let i = self.name_index(&mangled);
                let op = match ctx {
                    ExprContext::Load => LOAD_GLOBAL,
                    ExprContext::Store => STORE_GLOBAL,
                    ExprContext::Del => DELETE_GLOBAL,
                };
                self.emit(op, i);
            }
            NameAccess::Name => {
                let i = self.name_index(&mangled);
                let op = match ctx {
                    ExprContext::Load => LOAD_NAME,
                    ExprContext::Store => STORE_NAME,
                    ExprContext::Del => DELETE_NAME,
                };
                self.emit(op, i);
            }
        }
        Ok(())
    }

    // ----- frame blocks -----

    fn push_fblock(
        &mut self,
        kind: FBlockKind,
        block: Option<Label>,
        exit: Option<Label>,
        datum: FBlockDatum<'a>,
    ) -> Result<()> {
        if self.ur().fblocks.len() >= MAX_BLOCKS {
            return Err(self.error("too many statically nested blocks"));
        }
        self.u().fblocks.push(FBlock {
            kind,
            block,
            exit,
            datum,
        });
        Ok(())
    }

    fn pop_fblock(&mut self, kind: FBlockKind) {
        let f = self.u().fblocks.pop();
        debug_assert_eq!(f.map(|f| f.kind), Some(kind), "GEN-3");
    }

    /// `compiler_unwind_fblock`: the code leaving `info` needs when a
    /// `return`, `break` or `continue` jumps out of it.
    fn unwind_fblock(&mut self, info: FBlock<'a>, preserve_tos: bool) -> Result<()> {
        use Opcode::*;
        match info.kind {
            FBlockKind::WhileLoop | FBlockKind::ExceptionHandler => {}
            FBlockKind::ForLoop => {
                if preserve_tos {
                    self.emit(SWAP, 2);
                }
                self.emit(POP_TOP, 0);
            }
            FBlockKind::TryExcept => self.emit(POP_BLOCK, 0),
            FBlockKind::FinallyTry => {
                self.emit(POP_BLOCK, 0);
                if preserve_tos {
                    self.push_fblock(FBlockKind::PopValue, None, None, FBlockDatum::None)?;
                }
                if let FBlockDatum::Finally(body) = info.datum {
                    self.stmts(body)?;
                }
                if preserve_tos {
                    self.pop_fblock(FBlockKind::PopValue);
                }
                self.unset_loc();
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(SWAP, 2);
                }
                self.emit(POP_TOP, 0);
                if preserve_tos {
                    self.emit(SWAP, 2);
                }
                self.emit(POP_BLOCK, 0);
                self.emit(POP_EXCEPT, 0);
            }
            FBlockKind::With => {
                if let FBlockDatum::With(span) = info.datum {
                    self.set_loc(span);
                }
                self.emit(POP_BLOCK, 0);
                if preserve_tos {
                    self.emit(SWAP, 2);
                }
                self.call_exit_with_nones();
                self.emit(POP_TOP, 0);
                self.unset_loc();
            }
            FBlockKind::HandlerCleanup => {
                let name = match info.datum {
                    FBlockDatum::Name(n) => Some(n),
                    _ => None,
                };
                if name.is_some() {
                    self.emit(POP_BLOCK, 0);
                }
                if preserve_tos {
                    self.emit(SWAP, 2);
                }
                self.emit(POP_BLOCK, 0);
                self.emit(POP_EXCEPT, 0);
                if let Some(n) = name {
                    self.load_const(Constant::None);
                    self.nameop(n, ExprContext::Store)?;
                    self.nameop(n, ExprContext::Del)?;
                }
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit(SWAP, 2);
                }
                self.emit(POP_TOP, 0);
            }
        }
        Ok(())
    }

    /// `compiler_unwind_fblock_stack`: unwinds every frame block, or up to
    /// the innermost loop when `loop_` is wanted; returns that loop.
    fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        want_loop: bool,
    ) -> Result<Option<FBlock<'a>>> {
        let Some(top) = self.ur().fblocks.last().copied() else {
            return Ok(None);
        };
        if want_loop && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
            return Ok(Some(top));
        }
        self.u().fblocks.pop();
        self.unwind_fblock(top, preserve_tos)?;
        let found = self.unwind_fblock_stack(preserve_tos, want_loop)?;
        self.u().fblocks.push(top);
        Ok(found)
    }

    /// `compiler_call_exit_with_nones`: `__exit__(None, None, None)`.
    fn call_exit_with_nones(&mut self) {
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.emit(Opcode::CALL, 2);
    }

    // ----- module -----

    /// `compiler_mod`.
    fn compile_mod(&mut self, module: &'a Module<'a>, mode: Mode) -> Result<CodeUnit> {
        let root = self.table.root_id();
        self.enter_scope("<module>", UnitKind::Module, root, 1);
        self.u().loc = Position {
            line: 1,
            end_line: 1,
            col: 0,
            end_col: 0,
        };
        let mut add_none = true;
        match mode {
            Mode::Exec => self.body(module.body)?,
            Mode::Single => {
                if find_ann(module.body) {
                    self.emit(Opcode::SETUP_ANNOTATIONS, 0);
                }
                self.interactive = true;
                self.stmts(module.body)?;
            }
            Mode::Eval => {
                let value = match module.body {
                    [s] => match &s.kind {
                        StmtKind::Expr { value } => *value,
                        _ => return Err(self.invalid_eval(s.span)),
                    },
                    [s, ..] => return Err(self.invalid_eval(s.span)),
                    [] => {
                        return Err(self.error_at(
                            "invalid syntax",
                            Position {
                                line: 1,
                                end_line: 1,
                                col: 0,
                                end_col: 0,
                            },
                        ))
                    }
                };
                self.expr(value)?;
                add_none = false;
            }
        }
        Ok(self.exit_scope(add_none))
    }

    fn invalid_eval(&self, span: Span) -> SyntaxError {
        self.error_at("invalid syntax", span_pos(span))
    }

    /// `compiler_body`: annotations set-up, the docstring, the statements.
    fn body(&mut self, stmts: &'a [&'a Stmt<'a>]) -> Result<()> {
        if self.ur().kind == UnitKind::Module {
            if let Some(first) = stmts.first() {
                self.set_loc(first.span);
            }
        }
        if find_ann(stmts) {
            self.emit(Opcode::SETUP_ANNOTATIONS, 0);
        }
        let mut rest = stmts;
        // -OO drops docstrings (`compiler_body`).
        if let Some(first) = stmts.first().filter(|_| crate::compile::optimize() < 2) {
            if let StmtKind::Expr { value } = &first.kind {
                if matches!(self.const_value(value), Some(Constant::Str(_))) {
                    self.set_loc(first.span);
                    self.expr(value)?;
                    self.unset_loc();
                    self.nameop("__doc__", ExprContext::Store)?;
                    rest = &stmts[1..];
                }
            }
        }
        self.stmts(rest)
    }

    /// Enters one level of nesting (GEN-4).
    fn enter_nested(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            self.depth = 0;
            return Err(self.error("maximum recursion depth exceeded during compilation"));
        }
        Ok(())
    }

    fn stmts(&mut self, body: &'a [&'a Stmt<'a>]) -> Result<()> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    /// The docstring of a body (after folding), if any.
    fn docstring(&mut self, body: &'a [&'a Stmt<'a>]) -> Option<Constant> {
        if crate::compile::optimize() >= 2 {
            return None; // -OO
        }
        let first = body.first()?;
        if let StmtKind::Expr { value } = &first.kind {
            if let Some(c @ Constant::Str(_)) = self.const_value(value) {
                return Some(c);
            }
        }
        None
    }
}

/// GEN-4 before any recursive pass (the symbol table recurses too): the
/// statement holding an expression nested deeper than [`MAX_NESTING`]
/// (operator chains are the only unbounded nesting the parser builds),
/// measured without recursion on expressions.
fn too_deep(body: &[&Stmt<'_>]) -> Option<Span> {
    let mut stmts: Vec<(&Stmt<'_>, u32)> = body.iter().rev().map(|s| (*s, 1)).collect();
    while let Some((s, depth)) = stmts.pop() {
        let mut exprs: Vec<&Expr<'_>> = Vec::new();
        let mut blocks: Vec<&[&Stmt<'_>]> = Vec::new();
        stmt_children(s, &mut exprs, &mut blocks);
        let mut work: Vec<(&Expr<'_>, u32)> = exprs.into_iter().map(|e| (e, depth + 1)).collect();
        while let Some((e, d)) = work.pop() {
            if d > MAX_NESTING {
                return Some(s.span);
            }
            let mut kids = Vec::new();
            expr_children(e, &mut kids, &mut blocks);
            work.extend(kids.into_iter().map(|k| (k, d + 1)));
        }
        for b in blocks {
            stmts.extend(b.iter().rev().map(|c| (*c, depth + 1)));
        }
    }
    None
}

fn stmt_children<'t>(
    s: &'t Stmt<'t>,
    exprs: &mut Vec<&'t Expr<'t>>,
    blocks: &mut Vec<&'t [&'t Stmt<'t>]>,
) {
    use StmtKind as S;
    match &s.kind {
        S::FunctionDef {
            args,
            body,
            decorator_list,
            returns,
            ..
        } => {
            exprs.extend(decorator_list.iter().copied());
            exprs.extend(returns.iter().copied());
            args_children(args, exprs);
            blocks.push(body);
        }
        S::ClassDef {
            bases,
            keywords,
            body,
            decorator_list,
            ..
        } => {
            exprs.extend(bases.iter().copied());
            exprs.extend(keywords.iter().map(|k| k.value));
            exprs.extend(decorator_list.iter().copied());
            blocks.push(body);
        }
        S::Return { value } => exprs.extend(value.iter().copied()),
        S::Delete { targets } => exprs.extend(targets.iter().copied()),
        S::Assign { targets, value } => {
            exprs.extend(targets.iter().copied());
            exprs.push(value);
        }
        S::AugAssign { target, value, .. } => exprs.extend([*target, *value]),
        S::AnnAssign {
            target,
            annotation,
            value,
            ..
        } => {
            exprs.extend([*target, *annotation]);
            exprs.extend(value.iter().copied());
        }
        S::For {
            target,
            iter,
            body,
            orelse,
        } => {
            exprs.extend([*target, *iter]);
            blocks.extend([*body, *orelse]);
        }
        S::While { test, body, orelse } | S::If { test, body, orelse } => {
            exprs.push(test);
            blocks.extend([*body, *orelse]);
        }
        S::With { items, body } => {
            for i in items.iter() {
                exprs.push(i.context_expr);
                exprs.extend(i.optional_vars.iter().copied());
            }
            blocks.push(body);
        }
        S::Raise { exc, cause } => {
            exprs.extend(exc.iter().copied());
            exprs.extend(cause.iter().copied());
        }
        S::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            blocks.extend([*body, *orelse, *finalbody]);
            for h in handlers.iter() {
                exprs.extend(h.type_.iter().copied());
                blocks.push(h.body);
            }
        }
        S::Assert { test, msg } => {
            exprs.push(test);
            exprs.extend(msg.iter().copied());
        }
        S::Expr { value } => exprs.push(value),
        _ => {}
    }
}

fn args_children<'t>(args: &'t crate::syntax::ast::Arguments<'t>, out: &mut Vec<&'t Expr<'t>>) {
    out.extend(args.defaults.iter().copied());
    out.extend(args.kw_defaults.iter().flatten().copied());
    let all = args
        .posonlyargs
        .iter()
        .chain(args.args.iter())
        .chain(args.vararg)
        .chain(args.kwonlyargs.iter())
        .chain(args.kwarg);
    out.extend(all.filter_map(|a| a.annotation));
}

fn expr_children<'t>(
    e: &'t Expr<'t>,
    out: &mut Vec<&'t Expr<'t>>,
    _blocks: &mut Vec<&'t [&'t Stmt<'t>]>,
) {
    use ExprKind as E;
    match &e.kind {
        E::BoolOp { values, .. } => out.extend(values.iter().copied()),
        E::NamedExpr { target, value } => out.extend([*target, *value]),
        E::BinOp { left, right, .. } => out.extend([*left, *right]),
        E::UnaryOp { operand, .. } => out.push(operand),
        E::Lambda { args, body } => {
            args_children(args, out);
            out.push(body);
        }
        E::IfExp { test, body, orelse } => out.extend([*test, *body, *orelse]),
        E::Dict { keys, values } => {
            out.extend(keys.iter().flatten().copied());
            out.extend(values.iter().copied());
        }
        E::Set { elts } | E::List { elts, .. } | E::Tuple { elts, .. } => {
            out.extend(elts.iter().copied())
        }
        E::ListComp { elt, generators }
        | E::SetComp { elt, generators }
        | E::GeneratorExp { elt, generators } => {
            out.push(elt);
            for g in generators.iter() {
                out.extend([g.target, g.iter]);
                out.extend(g.ifs.iter().copied());
            }
        }
        E::DictComp {
            key,
            value,
            generators,
        } => {
            out.extend([*key, *value]);
            for g in generators.iter() {
                out.extend([g.target, g.iter]);
                out.extend(g.ifs.iter().copied());
            }
        }
        E::Yield { value } => out.extend(value.iter().copied()),
        E::YieldFrom { value } => out.push(value),
        E::Compare {
            left, comparators, ..
        } => {
            out.push(left);
            out.extend(comparators.iter().copied());
        }
        E::Call {
            func,
            args,
            keywords,
        } => {
            out.push(func);
            out.extend(args.iter().copied());
            out.extend(keywords.iter().map(|k| k.value));
        }
        E::FormattedValue {
            value, format_spec, ..
        } => {
            out.push(value);
            out.extend(format_spec.iter().copied());
        }
        E::JoinedStr { values } => out.extend(values.iter().copied()),
        E::Attribute { value, .. } | E::Starred { value, .. } => out.push(value),
        E::Subscript { value, slice, .. } => out.extend([*value, *slice]),
        E::Slice { lower, upper, step } => {
            out.extend(lower.iter().chain(upper.iter()).chain(step.iter()).copied())
        }
        E::Constant(_) | E::Name { .. } => {}
    }
}

/// `find_ann`: whether a block holds an annotated assignment.
fn find_ann(stmts: &[&Stmt<'_>]) -> bool {
    stmts.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::For { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::If { body, orelse, .. } => find_ann(body) || find_ann(orelse),
        StmtKind::With { body, .. } => find_ann(body),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            handlers.iter().any(|h| find_ann(h.body))
                || find_ann(body)
                || find_ann(finalbody)
                || find_ann(orelse)
        }
        _ => false,
    })
}

/// What `future.c` finds at the top of a module.
struct Future {
    annotations: bool,
    /// Line of the last leading `from __future__` import (0: none).
    lineno: u32,
}

/// The features CPython 3.11 knows (`future.c`).
const FUTURE_FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

/// `future_parse`: the leading `from __future__` imports and their errors.
fn future_features(module: &Module<'_>, filename: &str, source: &str) -> Result<Future> {
    let mut fut = Future {
        annotations: false,
        lineno: 0,
    };
    let mut body = module.body;
    if let Some(first) = body.first() {
        if let StmtKind::Expr { value } = &first.kind {
            if matches!(
                value.kind,
                ExprKind::Constant(crate::syntax::ast::Constant::Str(_))
            ) {
                body = &body[1..];
            }
        }
    }
    for s in body {
        let StmtKind::ImportFrom {
            module: Some("__future__"),
            names,
            ..
        } = &s.kind
        else {
            break;
        };
        for a in names.iter() {
            if a.name == "braces" {
                return Err(simple_error("not a chance", s.span, filename, source));
            }
            if !FUTURE_FEATURES.contains(&a.name) {
                return Err(simple_error(
                    &format!("future feature {} is not defined", a.name),
                    s.span,
                    filename,
                    source,
                ));
            }
            if a.name == "annotations" {
                fut.annotations = true;
            }
        }
        fut.lineno = s.span.start.line;
    }
    Ok(fut)
}

fn simple_error(msg: &str, span: Span, filename: &str, source: &str) -> SyntaxError {
    let normalized = source.replace("\r\n", "\n").replace('\r', "\n");
    let text = normalized
        .split_inclusive('\n')
        .nth((span.start.line as usize).wrapping_sub(1))
        .map(|l| {
            let mut l = l.to_owned();
            if !l.ends_with('\n') {
                l.push('\n');
            }
            l
        });
    SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg: msg.to_owned(),
        filename: filename.to_owned(),
        lineno: span.start.line,
        offset: span.start.col + 1,
        end_lineno: span.end.line,
        end_offset: span.end.col + 1,
        text,
    }
}
