//! The symbol table: one [`Scope`] per module, class, function, lambda and
//! comprehension, and for every name in a scope its [`SymbolFlags`] (how the
//! scope uses the name) and its [`SymbolScope`] (where the name lives: fast
//! local, cell, free variable, global), exactly as CPython 3.11's
//! `Python/symtable.c` computes them.
//!
//! Two passes, as in CPython: [`visit`] walks the tree once, opening a scope
//! per block and recording flags and the SyntaxErrors found on the way;
//! [`analyze`] then resolves every name from the innermost scope outward
//! (class scopes are skipped, except for the implicit `__class__` cell),
//! turning bound names captured by nested functions into cells.
//!
//! Invariants:
//! - SYM-1: `scopes[0]` is the module; every other scope is the child of
//!   exactly one scope and appears after it, in source (visit) order.
//! - SYM-2: a scope's symbols are kept in first-use order (CPython's
//!   `ste_symbols` dict order); names are stored mangled (`__x` inside
//!   `class C` is `_C__x`), as CPython stores them.
//! - SYM-3: after [`build`] every symbol has its resolved [`SymbolScope`].
//!
//! ```
//! use pyrite::compile::symtable::{build, NameAccess, SymbolScope};
//! let arena = bumpalo::Bump::new();
//! let src = "def f(a):\n    def g():\n        return a\n    return g\n";
//! let module = pyrite::syntax::parse_module(src, "t.py", &arena).unwrap();
//! let table = build(module, "t.py", src).unwrap();
//! let f = table.scope(table.root().children()[0]);
//! assert_eq!(f.symbol("a").unwrap().scope(), SymbolScope::Cell);
//! assert_eq!(f.cellvars(), ["a"]);
//! assert_eq!(f.access("g"), NameAccess::Fast);
//! ```

mod analyze;
mod visit;

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::syntax::ast::{Expr, Module, Stmt};
use crate::syntax::SyntaxError;

/// Index of a scope in its [`SymbolTable`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ScopeId(u32);

impl ScopeId {
    fn index(self) -> usize {
        self.0 as usize
    }
}

/// CPython's `_Py_block_ty`: what kind of block a scope is. Lambdas and
/// comprehensions are function blocks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    /// The module (`top`).
    Module,
    /// A class body.
    Class,
    /// A function, lambda or comprehension.
    Function,
}

impl ScopeKind {
    /// The name `symtable.SymbolTable.get_type()` returns.
    pub fn name(self) -> &'static str {
        match self {
            ScopeKind::Module => "module",
            ScopeKind::Class => "class",
            ScopeKind::Function => "function",
        }
    }
}

/// Which comprehension a comprehension scope is (`ste_comprehension`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComprehensionKind {
    /// `[x for ...]`, scope `listcomp`.
    List,
    /// `{x for ...}`, scope `setcomp`.
    Set,
    /// `{k: v for ...}`, scope `dictcomp`.
    Dict,
    /// `(x for ...)`, scope `genexpr`.
    Generator,
}

/// Where a name lives, as the analysis resolved it (CPython's `LOCAL`,
/// `GLOBAL_EXPLICIT`, `GLOBAL_IMPLICIT`, `FREE`, `CELL`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymbolScope {
    /// Bound in this scope and not captured by a nested one.
    Local,
    /// Declared `global` (or bound by a walrus reaching the module).
    GlobalExplicit,
    /// Not bound anywhere enclosing: a global or builtin.
    GlobalImplicit,
    /// Bound in an enclosing function scope (or declared `nonlocal`).
    Free,
    /// Bound here and captured by a nested scope.
    Cell,
}

impl SymbolScope {
    /// CPython's constant name.
    pub fn name(self) -> &'static str {
        match self {
            SymbolScope::Local => "LOCAL",
            SymbolScope::GlobalExplicit => "GLOBAL_EXPLICIT",
            SymbolScope::GlobalImplicit => "GLOBAL_IMPLICIT",
            SymbolScope::Free => "FREE",
            SymbolScope::Cell => "CELL",
        }
    }
}

/// The `DEF_*` bits of a symbol: how its scope uses the name.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SymbolFlags(u16);

impl SymbolFlags {
    /// `DEF_GLOBAL`: a `global` statement (or a walrus reaching the module).
    pub const GLOBAL: SymbolFlags = SymbolFlags(1);
    /// `DEF_LOCAL`: assigned, deleted, or bound by `def`/`class`/`for`/`with`/`except`.
    pub const ASSIGNED: SymbolFlags = SymbolFlags(2);
    /// `DEF_PARAM`: a parameter.
    pub const PARAMETER: SymbolFlags = SymbolFlags(4);
    /// `DEF_NONLOCAL`: a `nonlocal` statement (or a walrus in a comprehension).
    pub const NONLOCAL: SymbolFlags = SymbolFlags(8);
    /// `USE`: read.
    pub const REFERENCED: SymbolFlags = SymbolFlags(16);
    /// `DEF_FREE_CLASS`: free in a method, bound or global in the class.
    pub const FREE_CLASS: SymbolFlags = SymbolFlags(64);
    /// `DEF_IMPORT`: bound by an import.
    pub const IMPORTED: SymbolFlags = SymbolFlags(128);
    /// `DEF_ANNOT`: annotated (`x: int`).
    pub const ANNOTATED: SymbolFlags = SymbolFlags(256);
    /// `DEF_COMP_ITER`: a comprehension's loop variable.
    pub const COMP_ITER: SymbolFlags = SymbolFlags(512);
    /// `DEF_BOUND`: any binding in the scope itself.
    pub const BOUND: SymbolFlags = SymbolFlags(2 | 4 | 128);

    /// The flags, with the words of the dump, in dump order.
    const NAMES: [(SymbolFlags, &'static str); 9] = [
        (SymbolFlags::GLOBAL, "global"),
        (SymbolFlags::ASSIGNED, "assigned"),
        (SymbolFlags::PARAMETER, "parameter"),
        (SymbolFlags::NONLOCAL, "nonlocal"),
        (SymbolFlags::REFERENCED, "referenced"),
        (SymbolFlags::FREE_CLASS, "free_class"),
        (SymbolFlags::IMPORTED, "imported"),
        (SymbolFlags::ANNOTATED, "annotated"),
        (SymbolFlags::COMP_ITER, "comp_iter"),
    ];

    /// True when any bit of `other` is set.
    pub fn intersects(self, other: SymbolFlags) -> bool {
        self.0 & other.0 != 0
    }

    /// True when every bit of `other` is set.
    pub fn contains(self, other: SymbolFlags) -> bool {
        self.0 & other.0 == other.0
    }

    /// True when no bit is set.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl std::ops::BitOr for SymbolFlags {
    type Output = SymbolFlags;
    fn bitor(self, rhs: SymbolFlags) -> SymbolFlags {
        SymbolFlags(self.0 | rhs.0)
    }
}

impl std::ops::BitOrAssign for SymbolFlags {
    fn bitor_assign(&mut self, rhs: SymbolFlags) {
        self.0 |= rhs.0;
    }
}

/// One name of one scope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    name: String,
    flags: SymbolFlags,
    scope: SymbolScope,
}

impl Symbol {
    /// The (mangled) name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// How the scope uses the name.
    pub fn flags(&self) -> SymbolFlags {
        self.flags
    }

    /// Where the name lives (SYM-3).
    pub fn scope(&self) -> SymbolScope {
        self.scope
    }
}

/// How the code generator reaches a name from a scope: CPython 3.11's
/// `compiler_nameop` choice between the `*_FAST`, `*_DEREF`, `*_GLOBAL` and
/// `*_NAME` instructions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameAccess {
    /// A slot of the frame (function locals).
    Fast,
    /// A cell or free variable (`LOAD_CLASSDEREF` when loaded in a class).
    Deref,
    /// The module's globals, then builtins.
    Global,
    /// The scope's namespace dict, then globals, then builtins.
    Name,
}

/// One block: its kind, name, position, names and children.
#[derive(Clone, Debug)]
pub struct Scope {
    kind: ScopeKind,
    name: String,
    lineno: u32,
    nested: bool,
    comprehension: Option<ComprehensionKind>,
    generator: bool,
    varargs: bool,
    varkeywords: bool,
    has_free: bool,
    child_free: bool,
    needs_class_closure: bool,
    /// An annotation block (only under `from __future__ import
    /// annotations`): visited, then discarded with its children.
    annotation: bool,
    params: Vec<String>,
    symbols: Vec<Symbol>,
    index: HashMap<String, usize>,
    children: Vec<ScopeId>,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, lineno: u32, nested: bool) -> Scope {
        Scope {
            kind,
            name: name.to_owned(),
            lineno,
            nested,
            comprehension: None,
            generator: false,
            varargs: false,
            varkeywords: false,
            has_free: false,
            child_free: false,
            needs_class_closure: false,
            annotation: false,
            params: Vec::new(),
            symbols: Vec::new(),
            index: HashMap::new(),
            children: Vec::new(),
        }
    }

    /// Module, class or function.
    pub fn kind(&self) -> ScopeKind {
        self.kind
    }

    /// `top`, the class or function name, `lambda`, `listcomp`, `setcomp`,
    /// `dictcomp` or `genexpr`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The first line of the block (0 for the module).
    pub fn lineno(&self) -> u32 {
        self.lineno
    }

    /// True inside a function scope (CPython's `ste_nested`).
    pub fn is_nested(&self) -> bool {
        self.nested
    }

    /// Which comprehension this is, if it is one.
    pub fn comprehension(&self) -> Option<ComprehensionKind> {
        self.comprehension
    }

    /// True for generator functions and generator expressions.
    pub fn is_generator(&self) -> bool {
        self.generator
    }

    /// True when the function has `*args`.
    pub fn has_varargs(&self) -> bool {
        self.varargs
    }

    /// True when the function has `**kwargs`.
    pub fn has_varkeywords(&self) -> bool {
        self.varkeywords
    }

    /// True when the scope has free variables (CPython's `ste_free`).
    pub fn has_free(&self) -> bool {
        self.has_free
    }

    /// True when a nested scope has free variables (`ste_child_free`).
    pub fn has_child_free(&self) -> bool {
        self.child_free
    }

    /// True for a class whose methods use `__class__` or `super`: the class
    /// body then owns an implicit `__class__` cell.
    pub fn needs_class_closure(&self) -> bool {
        self.needs_class_closure
    }

    /// The parameters in frame order: positional-only, ordinary,
    /// keyword-only, `*args`, `**kwargs` (`.0` for a comprehension). These
    /// open `co_varnames`; the code generator appends other locals as it
    /// meets them.
    pub fn params(&self) -> &[String] {
        &self.params
    }

    /// The symbols in first-use order (SYM-2).
    pub fn symbols(&self) -> &[Symbol] {
        &self.symbols
    }

    /// The symbol of an already mangled name.
    pub fn symbol(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).map(|&i| &self.symbols[i])
    }

    /// The child scopes in source order (SYM-1).
    pub fn children(&self) -> &[ScopeId] {
        &self.children
    }

    /// `co_cellvars` as CPython 3.11 orders them: the CELL names sorted, or
    /// just `__class__` for a class that needs the closure.
    pub fn cellvars(&self) -> Vec<&str> {
        if self.needs_class_closure {
            return vec!["__class__"];
        }
        self.sorted_names(|s| s.scope == SymbolScope::Cell)
    }

    /// `co_freevars` as CPython 3.11 orders them: the FREE names, and in a
    /// class those free in a method but bound in the class, sorted.
    pub fn freevars(&self) -> Vec<&str> {
        self.sorted_names(|s| {
            s.scope == SymbolScope::Free || s.flags.intersects(SymbolFlags::FREE_CLASS)
        })
    }

    fn sorted_names(&self, keep: impl Fn(&Symbol) -> bool) -> Vec<&str> {
        let mut names: Vec<&str> = self
            .symbols
            .iter()
            .filter(|s| keep(s))
            .map(|s| s.name.as_str())
            .collect();
        names.sort_unstable();
        names
    }

    /// How code in this scope reaches the (mangled) `name`, as CPython
    /// 3.11's `compiler_nameop` decides.
    pub fn access(&self, name: &str) -> NameAccess {
        let function = self.kind == ScopeKind::Function;
        match self.symbol(name).map(Symbol::scope) {
            Some(SymbolScope::Free | SymbolScope::Cell) => NameAccess::Deref,
            Some(SymbolScope::Local) if function => NameAccess::Fast,
            Some(SymbolScope::GlobalImplicit) if function => NameAccess::Global,
            Some(SymbolScope::GlobalExplicit) => NameAccess::Global,
            _ => NameAccess::Name,
        }
    }

    fn add_symbol(&mut self, name: &str, flags: SymbolFlags, scope: SymbolScope) -> usize {
        let i = self.symbols.len();
        self.symbols.push(Symbol {
            name: name.to_owned(),
            flags,
            scope,
        });
        self.index.insert(name.to_owned(), i);
        i
    }

    fn flags_of(&self, name: &str) -> SymbolFlags {
        self.symbol(name).map(Symbol::flags).unwrap_or_default()
    }
}

/// The scopes of one module (SYM-1) and the map from the tree's block nodes
/// to their scopes.
#[derive(Clone, Debug)]
pub struct SymbolTable {
    scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
}

impl SymbolTable {
    /// The module scope.
    pub fn root(&self) -> &Scope {
        &self.scopes[0]
    }

    /// The id of the module scope.
    pub fn root_id(&self) -> ScopeId {
        ScopeId(0)
    }

    /// A scope by id.
    pub fn scope(&self, id: ScopeId) -> &Scope {
        &self.scopes[id.index()]
    }

    /// All scopes, the module first (SYM-1).
    pub fn scopes(&self) -> &[Scope] {
        &self.scopes
    }

    /// The scope of a `def` or `class` statement of the tree this table was
    /// built from.
    pub fn stmt_scope(&self, stmt: &Stmt<'_>) -> Option<ScopeId> {
        self.by_node.get(&node_key(stmt)).copied()
    }

    /// The scope of a lambda or comprehension of the tree this table was
    /// built from.
    pub fn expr_scope(&self, expr: &Expr<'_>) -> Option<ScopeId> {
        self.by_node.get(&node_key(expr)).copied()
    }

    /// The canonical text form that `tests/gen_symtable_expected.py` writes
    /// from CPython's `symtable` module.
    pub fn dump(&self) -> String {
        let mut out = String::new();
        self.dump_scope(ScopeId(0), 0, &mut out);
        out
    }

    fn dump_scope(&self, id: ScopeId, depth: usize, out: &mut String) {
        let s = self.scope(id);
        let pad = "  ".repeat(depth);
        let _ = write!(out, "{pad}{} {} line={}", s.kind.name(), s.name, s.lineno);
        out.push_str(if s.nested { " nested\n" } else { "\n" });
        if s.kind == ScopeKind::Function {
            let params = if s.params.is_empty() {
                "-".to_owned()
            } else {
                s.params.join(", ")
            };
            let _ = writeln!(out, "{pad}  params: {params}");
        }
        let mut symbols: Vec<&Symbol> = s.symbols.iter().collect();
        symbols.sort_unstable_by(|a, b| a.name.cmp(&b.name));
        for sym in symbols {
            let _ = write!(out, "{pad}  {}: {}", sym.name, sym.scope.name());
            for (flag, word) in SymbolFlags::NAMES {
                if sym.flags.intersects(flag) {
                    out.push(' ');
                    out.push_str(word);
                }
            }
            out.push('\n');
        }
        for &child in &s.children {
            self.dump_scope(child, depth + 1, out);
        }
    }
}

/// The key of a block node in [`SymbolTable`]'s node map: its address in
/// the arena, stable while the tree lives.
fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

/// CPython's `_Py_Mangle`: `__name` inside `class _C` becomes `_C__name`,
/// unless it ends in `__`, contains a dot, or the class name is only
/// underscores.
pub fn mangle<'n>(private: Option<&str>, name: &'n str) -> std::borrow::Cow<'n, str> {
    let Some(class) = private else {
        return name.into();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.into();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.into();
    }
    format!("_{stripped}{name}").into()
}

/// Builds the symbol table of `module`, parsed from `source` (used for the
/// source line of errors) and named `filename` in errors.
///
/// # Errors
///
/// The first `SyntaxError` CPython 3.11's symtable pass reports, with its
/// message and position: `global`/`nonlocal` misuse, duplicate parameters,
/// `import *` outside the module, `yield` in a comprehension, and the
/// assignment-expression rules of comprehensions.
pub fn build(
    module: &Module<'_>,
    filename: &str,
    source: &str,
) -> Result<SymbolTable, SyntaxError> {
    let mut table = visit::collect(module, filename, source)?;
    analyze::analyze(&mut table)?;
    Ok(table.table)
}
