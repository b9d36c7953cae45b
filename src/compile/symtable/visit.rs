//! Pass 1 of the symbol table: walk the tree once, open a scope per block,
//! record each name's [`SymbolFlags`] in the scope it occurs in, and report
//! the errors CPython 3.11's `symtable_visit_*` functions report, in the
//! same visiting order (so the same error comes first).
//!
//! Invariant VISIT-1: `stack` holds the open scopes, innermost last; the
//! module is always at the bottom. `state[i]` belongs to scope `i`.

use std::collections::HashMap;

use super::{
    mangle, ComprehensionKind, Scope, ScopeId, ScopeKind, SymbolFlags, SymbolScope, SymbolTable,
};
use crate::syntax::ast::{
    Alias, Arg, Arguments, Comprehension, Constant, ExceptHandler, Expr, ExprContext, ExprKind,
    Module, Span, Stmt, StmtKind,
};
use crate::syntax::{SyntaxError, SyntaxErrorKind};

type Result<T> = std::result::Result<T, SyntaxError>;

/// What pass 1 hands to pass 2.
pub(super) struct Collected<'s> {
    /// The scopes with their flags; symbol scopes are not yet resolved.
    pub table: SymbolTable,
    /// Per scope, the `global`/`nonlocal` directives (and walrus targets
    /// in comprehensions) with where they are, in source order.
    pub directives: Vec<Vec<(String, Span)>>,
    /// Where errors are reported.
    pub site: ErrorSite<'s>,
}

/// The file name and source that errors quote.
pub(super) struct ErrorSite<'s> {
    filename: &'s str,
    source: &'s str,
}

impl ErrorSite<'_> {
    /// A `SyntaxError` over `span`. Like CPython's
    /// `PyErr_RangedSyntaxLocationObject` called from the symtable, the
    /// offsets are the AST's byte columns plus one (not characters), and
    /// the text is the source line.
    pub fn error(&self, msg: String, span: Span) -> SyntaxError {
        let normalized = self.source.replace("\r\n", "\n").replace('\r', "\n");
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
            msg,
            filename: self.filename.to_owned(),
            lineno: span.start.line,
            offset: span.start.col + 1,
            end_lineno: span.end.line,
            end_offset: span.end.col + 1,
            text,
        }
    }
}

/// Visiting state of one scope (CPython keeps it in the entry).
#[derive(Clone, Copy, Default)]
struct VisitState {
    /// Visiting a comprehension's loop target (`ste_comp_iter_target`).
    comp_iter_target: bool,
    /// Depth inside a comprehension's iterable (`ste_comp_iter_expr`).
    comp_iter_expr: u32,
}

struct Visitor<'s> {
    scopes: Vec<Scope>,
    state: Vec<VisitState>,
    directives: Vec<Vec<(String, Span)>>,
    by_node: HashMap<usize, ScopeId>,
    /// Open scopes (VISIT-1).
    stack: Vec<ScopeId>,
    /// The class name names are mangled with (`st_private`).
    private: Option<String>,
    /// `from __future__ import annotations` is in effect.
    future_annotations: bool,
    site: ErrorSite<'s>,
}

/// Runs pass 1 over `module`.
pub(super) fn collect<'s>(
    module: &Module<'_>,
    filename: &'s str,
    source: &'s str,
) -> Result<Collected<'s>> {
    let mut v = Visitor {
        scopes: vec![Scope::new(ScopeKind::Module, "top", 0, false)],
        state: vec![VisitState::default()],
        directives: vec![Vec::new()],
        by_node: HashMap::new(),
        stack: vec![ScopeId(0)],
        private: None,
        future_annotations: future_annotations(module),
        site: ErrorSite { filename, source },
    };
    for stmt in module.body {
        v.stmt(stmt)?;
    }
    Ok(Collected {
        table: SymbolTable {
            scopes: v.scopes,
            by_node: v.by_node,
        },
        directives: v.directives,
        site: v.site,
    })
}

const GLOBAL: SymbolFlags = SymbolFlags::GLOBAL;
const ASSIGNED: SymbolFlags = SymbolFlags::ASSIGNED;
const PARAMETER: SymbolFlags = SymbolFlags::PARAMETER;
const NONLOCAL: SymbolFlags = SymbolFlags::NONLOCAL;
const REFERENCED: SymbolFlags = SymbolFlags::REFERENCED;
const IMPORTED: SymbolFlags = SymbolFlags::IMPORTED;
const ANNOTATED: SymbolFlags = SymbolFlags::ANNOTATED;

impl Visitor<'_> {
    fn cur(&self) -> ScopeId {
        self.stack[self.stack.len() - 1]
    }

    fn cur_scope(&mut self) -> &mut Scope {
        let id = self.cur();
        &mut self.scopes[id.index()]
    }

    fn error<T>(&self, msg: String, span: Span) -> Result<T> {
        Err(self.site.error(msg, span))
    }

    /// `symtable_enter_block`: a new scope, child of the current one.
    fn enter(&mut self, kind: ScopeKind, name: &str, lineno: u32, key: usize) {
        let parent = self.cur();
        let p = &self.scopes[parent.index()];
        let nested = p.nested || (p.kind == ScopeKind::Function && !p.annotation);
        let id = ScopeId(self.scopes.len() as u32);
        self.scopes.push(Scope::new(kind, name, lineno, nested));
        self.state.push(VisitState {
            comp_iter_target: false,
            // bpo-37757: a walrus anywhere inside the outermost iterable is
            // an error, even inside a nested lambda or comprehension.
            comp_iter_expr: self.state[parent.index()].comp_iter_expr,
        });
        self.directives.push(Vec::new());
        self.scopes[parent.index()].children.push(id);
        self.by_node.insert(key, id);
        self.stack.push(id);
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    /// `symtable_lookup`: the flags of `name` in the current scope.
    fn lookup(&self, name: &str) -> SymbolFlags {
        let name = mangle(self.private.as_deref(), name);
        self.scopes[self.cur().index()].flags_of(&name)
    }

    /// `symtable_add_def`: records `flag` for `name` in the current scope.
    fn add_def(&mut self, name: &str, flag: SymbolFlags, span: Span) -> Result<()> {
        self.add_def_in(name, flag, self.cur(), span)
    }

    /// `symtable_add_def_helper`: records `flag` for `name` in scope `id`.
    fn add_def_in(&mut self, name: &str, flag: SymbolFlags, id: ScopeId, span: Span) -> Result<()> {
        let mangled = mangle(self.private.as_deref(), name).into_owned();
        let scope = &self.scopes[id.index()];
        let mut val = flag;
        if let Some(sym) = scope.symbol(&mangled) {
            if flag.intersects(PARAMETER) && sym.flags.intersects(PARAMETER) {
                return self.error(
                    format!("duplicate argument '{name}' in function definition"),
                    span,
                );
            }
            val |= sym.flags;
        }
        if self.state[id.index()].comp_iter_target {
            if val.intersects(GLOBAL | NONLOCAL) {
                return self.error(
                    format!("comprehension inner loop cannot rebind assignment expression target '{name}'"),
                    span,
                );
            }
            val |= SymbolFlags::COMP_ITER;
        }
        set_flags(&mut self.scopes[id.index()], &mangled, val);
        if flag.intersects(PARAMETER) {
            self.scopes[id.index()].params.push(mangled);
        } else if flag.intersects(GLOBAL) {
            // The module's table doubles as CPython's `st_global`.
            let module = &mut self.scopes[0];
            let merged = module.flags_of(&mangled) | flag;
            set_flags(module, &mangled, merged);
        }
        Ok(())
    }

    fn stmts(&mut self, body: &[&Stmt<'_>]) -> Result<()> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn exprs(&mut self, exprs: &[&Expr<'_>]) -> Result<()> {
        exprs.iter().try_for_each(|e| self.expr(e))
    }

    fn opt_expr(&mut self, expr: Option<&Expr<'_>>) -> Result<()> {
        expr.map_or(Ok(()), |e| self.expr(e))
    }

    fn stmt(&mut self, s: &Stmt<'_>) -> Result<()> {
        match &s.kind {
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
            } => {
                self.add_def(name, ASSIGNED, s.span)?;
                self.exprs(args.defaults)?;
                for d in args.kw_defaults.iter().flatten() {
                    self.expr(d)?;
                }
                self.annotations(args, *returns)?;
                self.exprs(decorator_list)?;
                self.enter(ScopeKind::Function, name, s.span.start.line, node_key(s));
                self.arguments(args)?;
                self.stmts(body)?;
                self.exit();
            }
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => {
                self.add_def(name, ASSIGNED, s.span)?;
                self.exprs(bases)?;
                for k in keywords.iter() {
                    self.expr(k.value)?;
                }
                self.exprs(decorator_list)?;
                self.enter(ScopeKind::Class, name, s.span.start.line, node_key(s));
                let outer = self.private.replace((*name).to_owned());
                let result = self.stmts(body);
                self.private = outer;
                result?;
                self.exit();
            }
            StmtKind::Return { value } => self.opt_expr(*value)?,
            StmtKind::Delete { targets } => self.exprs(targets)?,
            StmtKind::Assign { targets, value } => {
                self.exprs(targets)?;
                self.expr(value)?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target)?;
                self.expr(value)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                self.ann_assign(s, target, *value, *simple)?;
                self.annotation(annotation)?;
                self.opt_expr(*value)?;
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.expr(target)?;
                self.expr(iter)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::With { items, body } => {
                for item in items.iter() {
                    self.expr(item.context_expr)?;
                    self.opt_expr(item.optional_vars)?;
                }
                self.stmts(body)?;
            }
            StmtKind::Raise { exc, cause } => {
                self.opt_expr(*exc)?;
                self.opt_expr(*cause)?;
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(body)?;
                self.stmts(orelse)?;
                for h in handlers.iter() {
                    self.handler(h)?;
                }
                self.stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                self.opt_expr(*msg)?;
            }
            StmtKind::Import { names } | StmtKind::ImportFrom { names, .. } => {
                for alias in names.iter() {
                    self.alias(alias)?;
                }
            }
            StmtKind::Global { names } => self.declare(s, names, GLOBAL)?,
            StmtKind::Nonlocal { names } => self.declare(s, names, NONLOCAL)?,
            StmtKind::Expr { value } => self.expr(value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
        Ok(())
    }

    /// The name part of an annotated assignment (`AnnAssign_kind`).
    fn ann_assign(
        &mut self,
        s: &Stmt<'_>,
        target: &Expr<'_>,
        value: Option<&Expr<'_>>,
        simple: bool,
    ) -> Result<()> {
        let ExprKind::Name { id, .. } = target.kind else {
            return self.expr(target);
        };
        let cur = self.lookup(id);
        let at_module = self.cur() == ScopeId(0);
        if cur.intersects(GLOBAL | NONLOCAL) && !at_module && simple {
            let which = if cur.intersects(GLOBAL) {
                "global"
            } else {
                "nonlocal"
            };
            return self.error(format!("annotated name '{id}' can't be {which}"), s.span);
        }
        if simple {
            self.add_def(id, ANNOTATED | ASSIGNED, target.span)?;
        }
        if value.is_some() {
            self.add_def(id, ASSIGNED, target.span)?;
        }
        Ok(())
    }

    /// A `global` or `nonlocal` statement.
    fn declare(&mut self, s: &Stmt<'_>, names: &[&str], flag: SymbolFlags) -> Result<()> {
        let which = if flag == GLOBAL { "global" } else { "nonlocal" };
        for name in names {
            let cur = self.lookup(name);
            if cur.intersects(PARAMETER | ASSIGNED | REFERENCED | ANNOTATED) {
                let msg = if cur.intersects(PARAMETER) {
                    format!("name '{name}' is parameter and {which}")
                } else if cur.intersects(REFERENCED) {
                    format!("name '{name}' is used prior to {which} declaration")
                } else if cur.intersects(ANNOTATED) {
                    format!("annotated name '{name}' can't be {which}")
                } else {
                    format!("name '{name}' is assigned to before {which} declaration")
                };
                return self.error(msg, s.span);
            }
            self.add_def(name, flag, s.span)?;
            self.record_directive(name, s.span);
        }
        Ok(())
    }

    fn handler(&mut self, h: &ExceptHandler<'_>) -> Result<()> {
        self.opt_expr(h.type_)?;
        if let Some(name) = h.name {
            self.add_def(name, ASSIGNED, h.span)?;
        }
        self.stmts(h.body)
    }

    /// `symtable_visit_alias`: `import a.b` binds `a`; `*` only at module level.
    fn alias(&mut self, a: &Alias<'_>) -> Result<()> {
        let name = a.asname.unwrap_or(a.name);
        if name == "*" {
            if self.scopes[self.cur().index()].kind != ScopeKind::Module {
                return self.error("import * only allowed at module level".to_owned(), a.span);
            }
            return Ok(());
        }
        let store = name.split('.').next().unwrap_or(name);
        self.add_def(store, IMPORTED, a.span)
    }

    /// Annotations of a `def`, visited in the enclosing scope (the
    /// parameters' in one annotation block, the return's in another, under
    /// `from __future__ import annotations`).
    fn annotations(&mut self, args: &Arguments<'_>, returns: Option<&Expr<'_>>) -> Result<()> {
        self.annotation_block(|v| {
            for a in args.posonlyargs.iter().chain(args.args.iter()) {
                v.opt_expr(annotation(a))?;
            }
            v.opt_expr(args.vararg.and_then(annotation))?;
            v.opt_expr(args.kwarg.and_then(annotation))?;
            for a in args.kwonlyargs.iter() {
                v.opt_expr(annotation(a))?;
            }
            Ok(())
        })?;
        match returns {
            Some(r) => self.annotation(r),
            None => Ok(()),
        }
    }

    /// `symtable_visit_annotation`: one annotation expression.
    fn annotation(&mut self, e: &Expr<'_>) -> Result<()> {
        self.annotation_block(|v| v.expr(e))
    }

    /// Runs `visit` in a throwaway annotation block when annotations are
    /// postponed (they compile to strings, so their names bind nothing),
    /// in the current scope otherwise.
    fn annotation_block(&mut self, visit: impl FnOnce(&mut Self) -> Result<()>) -> Result<()> {
        if !self.future_annotations {
            return visit(self);
        }
        let parent = self.cur();
        let mark = self.scopes.len();
        let mut block = Scope::new(ScopeKind::Function, "_annotation", 0, false);
        block.annotation = true;
        self.scopes.push(block);
        self.state.push(VisitState {
            comp_iter_target: false,
            comp_iter_expr: self.state[parent.index()].comp_iter_expr,
        });
        self.directives.push(Vec::new());
        self.stack.push(ScopeId(mark as u32));
        visit(self)?;
        self.stack.pop();
        // SYM-1: the block and everything opened inside it go away.
        self.scopes.truncate(mark);
        self.state.truncate(mark);
        self.directives.truncate(mark);
        self.by_node.retain(|_, id| id.index() < mark);
        Ok(())
    }

    /// Fails in an annotation block: `what` cannot be used there.
    fn forbid_in_annotation(&self, what: &str, e: &Expr<'_>) -> Result<()> {
        if self.scopes[self.cur().index()].annotation {
            return self.error(
                format!("'{what}' can not be used within an annotation"),
                e.span,
            );
        }
        Ok(())
    }

    /// `symtable_visit_arguments`: the parameters, in the function's scope.
    fn arguments(&mut self, args: &Arguments<'_>) -> Result<()> {
        let plain = args.posonlyargs.iter().chain(args.args.iter());
        for a in plain.chain(args.kwonlyargs.iter()) {
            self.add_def(a.arg, PARAMETER, a.span)?;
        }
        if let Some(a) = args.vararg {
            self.add_def(a.arg, PARAMETER, a.span)?;
            self.cur_scope().varargs = true;
        }
        if let Some(a) = args.kwarg {
            self.add_def(a.arg, PARAMETER, a.span)?;
            self.cur_scope().varkeywords = true;
        }
        Ok(())
    }

    fn expr(&mut self, e: &Expr<'_>) -> Result<()> {
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.forbid_in_annotation("named expression", e)?;
                self.named_expr(e, target, value)?
            }
            ExprKind::BoolOp { values, .. } => self.exprs(values)?,
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.exprs(args.defaults)?;
                for d in args.kw_defaults.iter().flatten() {
                    self.expr(d)?;
                }
                self.enter(
                    ScopeKind::Function,
                    "lambda",
                    e.span.start.line,
                    node_key(e),
                );
                self.arguments(args)?;
                self.expr(body)?;
                self.exit();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.expr(k)?;
                }
                self.exprs(values)?;
            }
            ExprKind::Set { elts } => self.exprs(elts)?,
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, ComprehensionKind::List, generators, elt, None)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, ComprehensionKind::Set, generators, elt, None)?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, ComprehensionKind::Generator, generators, elt, None)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, ComprehensionKind::Dict, generators, key, Some(value))?,
            ExprKind::Yield { value } => {
                self.forbid_in_annotation("yield expression", e)?;
                self.opt_expr(*value)?;
                self.yield_in_scope(e)?;
            }
            ExprKind::YieldFrom { value } => {
                self.forbid_in_annotation("yield expression", e)?;
                self.expr(value)?;
                self.yield_in_scope(e)?;
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                self.exprs(comparators)?;
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                self.exprs(args)?;
                for k in keywords.iter() {
                    self.expr(k.value)?;
                }
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.expr(value)?;
                self.opt_expr(*format_spec)?;
            }
            ExprKind::JoinedStr { values } => self.exprs(values)?,
            ExprKind::Constant(_) => {}
            ExprKind::Attribute { value, .. } | ExprKind::Starred { value, .. } => {
                self.expr(value)?
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
            }
            ExprKind::Slice { lower, upper, step } => {
                self.opt_expr(*lower)?;
                self.opt_expr(*upper)?;
                self.opt_expr(*step)?;
            }
            ExprKind::Name { id, ctx } => {
                let load = ctx.get() == ExprContext::Load;
                self.add_def(id, if load { REFERENCED } else { ASSIGNED }, e.span)?;
                // `super()` needs the `__class__` cell of the enclosing class.
                let scope = &self.scopes[self.cur().index()];
                let function = scope.kind == ScopeKind::Function && !scope.annotation;
                if load && function && *id == "super" {
                    self.add_def("__class__", REFERENCED, e.span)?;
                }
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.exprs(elts)?,
        }
        Ok(())
    }

    /// Marks the scope a generator; `yield` cannot be in a comprehension.
    fn yield_in_scope(&mut self, e: &Expr<'_>) -> Result<()> {
        let scope = self.cur_scope();
        scope.generator = true;
        let Some(kind) = scope.comprehension else {
            return Ok(());
        };
        let msg = match kind {
            ComprehensionKind::List => "'yield' inside list comprehension",
            ComprehensionKind::Set => "'yield' inside set comprehension",
            ComprehensionKind::Dict => "'yield' inside dict comprehension",
            ComprehensionKind::Generator => "'yield' inside generator expression",
        };
        self.error(msg.to_owned(), e.span)
    }

    /// `symtable_handle_namedexpr`.
    fn named_expr(&mut self, e: &Expr<'_>, target: &Expr<'_>, value: &Expr<'_>) -> Result<()> {
        if self.state[self.cur().index()].comp_iter_expr > 0 {
            return self.error(
                "assignment expression cannot be used in a comprehension iterable expression"
                    .to_owned(),
                e.span,
            );
        }
        if self.scopes[self.cur().index()].comprehension.is_some() {
            self.extend_namedexpr_scope(target)?;
        }
        self.expr(value)?;
        self.expr(target)
    }

    /// `symtable_extend_namedexpr_scope`: a walrus in a comprehension binds
    /// in the nearest enclosing function (or the module).
    fn extend_namedexpr_scope(&mut self, target: &Expr<'_>) -> Result<()> {
        let ExprKind::Name { id: name, .. } = target.kind else {
            return Ok(());
        };
        let span = target.span;
        for i in (0..self.stack.len()).rev() {
            let id = self.stack[i];
            let scope = &self.scopes[id.index()];
            if scope.annotation {
                continue;
            }
            if scope.comprehension.is_some() {
                if scope.flags_of(name).intersects(SymbolFlags::COMP_ITER) {
                    return self.error(
                        format!(
                            "assignment expression cannot rebind comprehension iteration variable '{name}'"
                        ),
                        span,
                    );
                }
                continue;
            }
            match scope.kind {
                ScopeKind::Function => {
                    let flag = if scope.flags_of(name).intersects(GLOBAL) {
                        GLOBAL
                    } else {
                        NONLOCAL
                    };
                    self.add_def(name, flag, span)?;
                    self.record_directive(name, span);
                    return self.add_def_in(name, ASSIGNED, id, span);
                }
                ScopeKind::Module => {
                    self.add_def(name, GLOBAL, span)?;
                    self.record_directive(name, span);
                    return self.add_def_in(name, GLOBAL, id, span);
                }
                ScopeKind::Class => {
                    return self.error(
                        "assignment expression within a comprehension cannot be used in a class body"
                            .to_owned(),
                        span,
                    );
                }
            }
        }
        Ok(())
    }

    /// `symtable_record_directive` in the current scope.
    fn record_directive(&mut self, name: &str, span: Span) {
        let mangled = mangle(self.private.as_deref(), name).into_owned();
        let id = self.cur();
        self.directives[id.index()].push((mangled, span));
    }

    /// `symtable_handle_comprehension`: the first iterable in the current
    /// scope, the rest in a new function scope whose parameter `.0` is that
    /// iterator.
    fn comprehension(
        &mut self,
        e: &Expr<'_>,
        kind: ComprehensionKind,
        generators: &[Comprehension<'_>],
        elt: &Expr<'_>,
        value: Option<&Expr<'_>>,
    ) -> Result<()> {
        let Some((outermost, rest)) = generators.split_first() else {
            return Ok(());
        };
        let cur = self.cur();
        self.state[cur.index()].comp_iter_expr += 1;
        let result = self.expr(outermost.iter);
        self.state[cur.index()].comp_iter_expr -= 1;
        result?;
        let name = match kind {
            ComprehensionKind::List => "listcomp",
            ComprehensionKind::Set => "setcomp",
            ComprehensionKind::Dict => "dictcomp",
            ComprehensionKind::Generator => "genexpr",
        };
        self.enter(ScopeKind::Function, name, e.span.start.line, node_key(e));
        self.cur_scope().comprehension = Some(kind);
        self.add_def(".0", PARAMETER, e.span)?;
        self.comp_target(outermost.target)?;
        self.exprs(outermost.ifs)?;
        for g in rest {
            self.comp_target(g.target)?;
            let id = self.cur();
            self.state[id.index()].comp_iter_expr += 1;
            let result = self.expr(g.iter);
            self.state[id.index()].comp_iter_expr -= 1;
            result?;
            self.exprs(g.ifs)?;
        }
        self.opt_expr(value)?;
        self.expr(elt)?;
        self.cur_scope().generator = kind == ComprehensionKind::Generator;
        self.exit();
        Ok(())
    }

    /// A comprehension's loop target, its names marked `COMP_ITER`.
    fn comp_target(&mut self, target: &Expr<'_>) -> Result<()> {
        let id = self.cur();
        self.state[id.index()].comp_iter_target = true;
        let result = self.expr(target);
        self.state[id.index()].comp_iter_target = false;
        result
    }
}

/// True when the module starts with `from __future__ import annotations`:
/// future.c's rule, an optional docstring then `from __future__` imports
/// (the errors of bad future statements belong to another phase).
fn future_annotations(module: &Module<'_>) -> bool {
    let mut body = module.body;
    if let Some(first) = body.first() {
        if let StmtKind::Expr { value } = &first.kind {
            if matches!(value.kind, ExprKind::Constant(Constant::Str(_))) {
                body = &body[1..];
            }
        }
    }
    let mut found = false;
    for s in body {
        match &s.kind {
            StmtKind::ImportFrom {
                module: Some("__future__"),
                names,
                ..
            } => found |= names.iter().any(|a| a.name == "annotations"),
            _ => break,
        }
    }
    found
}

/// The annotation of a parameter.
fn annotation<'a>(a: &Arg<'a>) -> Option<&'a Expr<'a>> {
    a.annotation
}

/// Sets the flags of `name` in `scope`, adding the symbol if it is new.
fn set_flags(scope: &mut Scope, name: &str, flags: SymbolFlags) {
    match scope.index.get(name) {
        Some(&i) => scope.symbols[i].flags = flags,
        None => {
            scope.add_symbol(name, flags, SymbolScope::Local);
        }
    }
}

fn node_key<T>(node: &T) -> usize {
    super::node_key(node)
}
