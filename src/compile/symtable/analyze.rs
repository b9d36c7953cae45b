//! Pass 2 of the symbol table: CPython 3.11's `analyze_block`. Each scope
//! resolves its names against the names bound in enclosing function scopes
//! (`bound`) and the names declared global (`global`); the free variables
//! of its children then turn its own locals into cells, or pass through it
//! as free variables of its own.
//!
//! Invariant ANA-1: a class body's bindings are invisible to nested scopes:
//! a class passes down its parent's `bound` plus `__class__`, never its own
//! names. A free `__class__` reaching a class is dropped there and marks
//! `needs_class_closure`.

use std::collections::{HashMap, HashSet};

use super::visit::Collected;
use super::{ScopeId, ScopeKind, SymbolFlags, SymbolScope};
use crate::syntax::SyntaxError;

type Names = HashSet<String>;

/// Resolves every symbol of every scope (SYM-3).
pub(super) fn analyze(c: &mut Collected<'_>) -> Result<(), SyntaxError> {
    let mut free = Names::new();
    analyze_block(c, ScopeId(0), None, &mut free, Names::new())
}

/// `analyze_block` for scope `id`. `bound` is `None` for the module.
/// The free variables of this scope and its children are added to `free`.
fn analyze_block(
    c: &mut Collected<'_>,
    id: ScopeId,
    mut bound: Option<Names>,
    free: &mut Names,
    mut global: Names,
) -> Result<(), SyntaxError> {
    let kind = c.table.scopes[id.index()].kind;
    let mut local = Names::new();
    let mut scopes: Vec<SymbolScope> = Vec::new();
    let mut newglobal = Names::new();
    let mut newbound = Names::new();
    let mut newfree = Names::new();
    if kind == ScopeKind::Class {
        // ANA-1: the class's own names are not visible below it.
        newglobal.extend(global.iter().cloned());
        if let Some(b) = &bound {
            newbound.extend(b.iter().cloned());
        }
    }
    let count = c.table.scopes[id.index()].symbols.len();
    for i in 0..count {
        let scope = analyze_name(c, id, i, bound.as_mut(), &mut local, free, &mut global)?;
        scopes.push(scope);
    }
    if kind != ScopeKind::Class {
        if kind == ScopeKind::Function {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = &bound {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
    } else {
        newbound.insert("__class__".to_owned());
    }
    let children = c.table.scopes[id.index()].children.clone();
    let mut child_free = false;
    for child in children {
        let mut temp_free = newfree.clone();
        analyze_block(
            c,
            child,
            Some(newbound.clone()),
            &mut temp_free,
            newglobal.clone(),
        )?;
        newfree.extend(temp_free);
        let ch = &c.table.scopes[child.index()];
        child_free |= ch.has_free || ch.child_free;
    }
    let scope = &mut c.table.scopes[id.index()];
    scope.child_free |= child_free;
    match kind {
        ScopeKind::Function => {
            // `analyze_cells`: a local captured below becomes a cell.
            for (sym, sc) in scope.symbols.iter().zip(scopes.iter_mut()) {
                if *sc == SymbolScope::Local && newfree.remove(&sym.name) {
                    *sc = SymbolScope::Cell;
                }
            }
        }
        ScopeKind::Class => {
            // `drop_class_free` (ANA-1).
            if newfree.remove("__class__") {
                scope.needs_class_closure = true;
            }
        }
        ScopeKind::Module => {}
    }
    update_symbols(
        c,
        id,
        &scopes,
        bound.as_ref(),
        &newfree,
        kind == ScopeKind::Class,
    );
    free.extend(newfree);
    Ok(())
}

/// `analyze_name`: the scope of symbol `i` of scope `id`.
fn analyze_name(
    c: &mut Collected<'_>,
    id: ScopeId,
    i: usize,
    bound: Option<&mut Names>,
    local: &mut Names,
    free: &mut Names,
    global: &mut Names,
) -> Result<SymbolScope, SyntaxError> {
    let scope = &c.table.scopes[id.index()];
    let sym = &scope.symbols[i];
    let (name, flags) = (sym.name.clone(), sym.flags);
    if flags.intersects(SymbolFlags::GLOBAL) {
        if flags.intersects(SymbolFlags::NONLOCAL) {
            let msg = format!("name '{name}' is nonlocal and global");
            return Err(error_at_directive(c, id, &name, msg));
        }
        global.insert(name.clone());
        if let Some(b) = bound {
            b.remove(&name);
        }
        return Ok(SymbolScope::GlobalExplicit);
    }
    if flags.intersects(SymbolFlags::NONLOCAL) {
        let Some(b) = bound else {
            let msg = "nonlocal declaration not allowed at module level".to_owned();
            return Err(error_at_directive(c, id, &name, msg));
        };
        if !b.contains(&name) {
            let msg = format!("no binding for nonlocal '{name}' found");
            return Err(error_at_directive(c, id, &name, msg));
        }
        c.table.scopes[id.index()].has_free = true;
        free.insert(name);
        return Ok(SymbolScope::Free);
    }
    if flags.intersects(SymbolFlags::BOUND) {
        global.remove(&name);
        local.insert(name);
        return Ok(SymbolScope::Local);
    }
    if bound.is_some_and(|b| b.contains(&name)) {
        c.table.scopes[id.index()].has_free = true;
        free.insert(name);
        return Ok(SymbolScope::Free);
    }
    if global.contains(&name) {
        return Ok(SymbolScope::GlobalImplicit);
    }
    let scope = &mut c.table.scopes[id.index()];
    if scope.nested {
        scope.has_free = true;
    }
    Ok(SymbolScope::GlobalImplicit)
}

/// `error_at_directive`: the error located at the first `global` or
/// `nonlocal` statement (or comprehension walrus) of `name` in scope `id`.
fn error_at_directive(c: &Collected<'_>, id: ScopeId, name: &str, msg: String) -> SyntaxError {
    let span = c.directives[id.index()]
        .iter()
        .find(|(n, _)| n == name)
        .map(|&(_, span)| span)
        .unwrap_or_default();
    c.site.error(msg, span)
}

/// `update_symbols`: records the resolved scopes, then the free variables
/// of the children that pass through this scope.
fn update_symbols(
    c: &mut Collected<'_>,
    id: ScopeId,
    scopes: &[SymbolScope],
    bound: Option<&Names>,
    newfree: &Names,
    class: bool,
) {
    let scope = &mut c.table.scopes[id.index()];
    for (sym, &sc) in scope.symbols.iter_mut().zip(scopes) {
        sym.scope = sc;
    }
    let mut pass_through: Vec<&String> = newfree.iter().collect();
    pass_through.sort_unstable();
    let index: &HashMap<String, usize> = &scope.index;
    let mut added = Vec::new();
    for name in pass_through {
        if let Some(&i) = index.get(name.as_str()) {
            // A method's free variable that the class binds or declares
            // global: the class must pass the outer binding on as well.
            let sym = &mut scope.symbols[i];
            if class
                && sym
                    .flags
                    .intersects(SymbolFlags::BOUND | SymbolFlags::GLOBAL)
            {
                sym.flags |= SymbolFlags::FREE_CLASS;
            }
            continue;
        }
        if bound.is_some_and(|b| !b.contains(name)) {
            continue; // a global
        }
        added.push(name.clone());
    }
    for name in added {
        scope.add_symbol(&name, SymbolFlags::default(), SymbolScope::Free);
    }
}
