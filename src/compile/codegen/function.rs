//! Functions and lambdas: defaults, keyword-only defaults, annotations (as
//! CPython 3.11 stores them: a flat tuple of name, value pairs; source
//! strings under `from __future__ import annotations`), the closure tuple,
//! `MAKE_FUNCTION`, decorators (`d; PUSH_NULL` before, `CALL 1` after, one
//! per decorator) and the body with its docstring as `consts[0]`.

use super::{Compiler, Result, UnitKind};
use crate::compile::code::{CodeUnit, Constant};
use crate::compile::opcode::Opcode;
use crate::compile::symtable::{mangle, SymbolScope};
use crate::syntax::ast::{
    Arguments, BoolOp, CmpOp, Expr, ExprContext, ExprKind, Operator, Stmt, StmtKind, UnaryOp,
};

use std::rc::Rc;

impl<'s, 'a> Compiler<'s, 'a> {
    /// `compiler_check_debug_args`: no parameter may be named `__debug__`.
    fn check_debug_args(&self, args: &Arguments<'_>) -> Result<()> {
        let all = args
            .posonlyargs
            .iter()
            .chain(args.args.iter())
            .chain(args.vararg)
            .chain(args.kwonlyargs.iter())
            .chain(args.kwarg);
        for a in all {
            self.check_forbidden(a.arg, ExprContext::Store)?;
        }
        Ok(())
    }

    /// Loads each decorator, each followed by the `PUSH_NULL` of its call.
    pub(super) fn decorators(&mut self, decos: &'a [&'a Expr<'a>]) -> Result<()> {
        for d in decos.iter() {
            self.expr(d)?;
            let saved = self.ur().loc;
            self.set_loc(d.span);
            self.emit(Opcode::PUSH_NULL, 0);
            self.u().loc = saved;
        }
        Ok(())
    }

    /// `compiler_apply_decorators`: one `CALL 1` per decorator, innermost
    /// first, each at its decorator's position.
    pub(super) fn apply_decorators(&mut self, decos: &'a [&'a Expr<'a>]) {
        let saved = self.ur().loc;
        for d in decos.iter().rev() {
            self.set_loc(d.span);
            self.emit(Opcode::CALL, 1);
        }
        self.u().loc = saved;
    }

    /// `compiler_default_arguments`: the defaults tuple and kwdefaults dict;
    /// returns the `MAKE_FUNCTION` flags they set.
    fn default_arguments(&mut self, args: &'a Arguments<'a>) -> Result<u32> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            for d in args.defaults.iter() {
                self.expr(d)?;
            }
            self.emit(Opcode::BUILD_TUPLE, args.defaults.len() as u32);
            flags |= 0x01;
        }
        let mut keys = Vec::new();
        for (a, d) in args.kwonlyargs.iter().zip(args.kw_defaults.iter()) {
            if let Some(d) = d {
                let mangled = mangle(self.ur().private.as_deref(), a.arg).into_owned();
                keys.push(Constant::Str(mangled.into()));
                self.expr(d)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as u32;
            self.load_const(Constant::Tuple(keys.into_boxed_slice()));
            self.emit(Opcode::BUILD_CONST_KEY_MAP, n);
            flags |= 0x02;
        }
        Ok(flags)
    }

    /// `compiler_visit_argannotation`.
    fn arg_annotation(
        &mut self,
        id: &str,
        annotation: Option<&'a Expr<'a>>,
        len: &mut u32,
    ) -> Result<()> {
        let Some(ann) = annotation else {
            return Ok(());
        };
        let mangled = mangle(self.ur().private.as_deref(), id).into_owned();
        self.load_const(Constant::Str(mangled.into()));
        if self.future_annotations {
            self.annotation_value(ann)?;
        } else if let ExprKind::Starred { value, .. } = &ann.kind {
            self.expr(value)?;
            self.emit(Opcode::UNPACK_SEQUENCE, 1);
        } else {
            self.expr(ann)?;
        }
        *len += 2;
        Ok(())
    }

    /// `compiler_visit_annotations`: the annotations tuple, if any.
    fn annotations(
        &mut self,
        args: &'a Arguments<'a>,
        returns: Option<&'a Expr<'a>>,
    ) -> Result<bool> {
        let mut len = 0;
        for a in args.args.iter().chain(args.posonlyargs.iter()) {
            self.arg_annotation(a.arg, a.annotation, &mut len)?;
        }
        if let Some(a) = args.vararg {
            self.arg_annotation(a.arg, a.annotation, &mut len)?;
        }
        for a in args.kwonlyargs.iter() {
            self.arg_annotation(a.arg, a.annotation, &mut len)?;
        }
        if let Some(a) = args.kwarg {
            self.arg_annotation(a.arg, a.annotation, &mut len)?;
        }
        self.arg_annotation("return", returns, &mut len)?;
        if len > 0 {
            self.emit(Opcode::BUILD_TUPLE, len);
            return Ok(true);
        }
        Ok(false)
    }

    fn set_arg_counts(&mut self, args: &Arguments<'_>) {
        let u = self.u();
        u.posonlyargcount = args.posonlyargs.len() as u32;
        u.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
        u.kwonlyargcount = args.kwonlyargs.len() as u32;
    }

    /// `compiler_function`.
    pub(super) fn function_def(&mut self, s: &'a Stmt<'a>) -> Result<()> {
        let StmtKind::FunctionDef {
            name,
            args,
            body,
            decorator_list,
            returns,
        } = &s.kind
        else {
            return Ok(());
        };
        self.check_debug_args(args)?;
        self.decorators(decorator_list)?;
        let first_line = decorator_list
            .first()
            .map_or(s.span.start.line, |d| d.span.start.line);
        let mut funcflags = self.default_arguments(args)?;
        if self.annotations(args, *returns)? {
            funcflags |= 0x04;
        }
        let scope = self.stmt_scope(s);
        self.enter_scope(name, UnitKind::Function, scope, first_line);
        let doc = self.docstring(body);
        let has_doc = doc.is_some();
        self.add_const(doc.unwrap_or(Constant::None));
        self.set_arg_counts(args);
        let start = usize::from(has_doc);
        let result = self.stmts(&body[start..]);
        if let Err(e) = result {
            self.units.pop();
            return Err(e);
        }
        let code = self.exit_scope(true);
        self.make_closure(code, funcflags);
        self.apply_decorators(decorator_list);
        self.nameop(name, ExprContext::Store)
    }

    /// `compiler_lambda`.
    pub(super) fn lambda(
        &mut self,
        e: &'a Expr<'a>,
        args: &'a Arguments<'a>,
        body: &'a Expr<'a>,
    ) -> Result<()> {
        self.check_debug_args(args)?;
        let funcflags = self.default_arguments(args)?;
        let scope = self.expr_scope(e);
        self.enter_scope("<lambda>", UnitKind::Lambda, scope, e.span.start.line);
        self.add_const(Constant::None);
        self.set_arg_counts(args);
        if let Err(err) = self.expr(body) {
            self.units.pop();
            return Err(err);
        }
        let generator = self.scope().is_generator();
        let code = if generator {
            self.exit_scope(false)
        } else {
            self.emit(Opcode::RETURN_VALUE, 0);
            self.exit_scope(true)
        };
        self.make_closure(code, funcflags);
        Ok(())
    }

    /// `compiler_make_closure`: the closure tuple (if the code has free
    /// variables), the code, `MAKE_FUNCTION flags`.
    pub(super) fn make_closure(&mut self, code: CodeUnit, mut flags: u32) {
        if !code.freevars.is_empty() {
            for name in code.freevars.iter() {
                let class = self.ur().kind == UnitKind::Class;
                let cell = (class && &**name == "__class__")
                    || self.scope().symbol(name).map(|s| s.scope()) == Some(SymbolScope::Cell);
                let arg = self.deref_index(name, cell);
                self.emit(Opcode::LOAD_CLOSURE, arg);
            }
            flags |= 0x08;
            self.emit(Opcode::BUILD_TUPLE, code.freevars.len() as u32);
        }
        self.load_const(Constant::Code(Rc::new(code)));
        self.emit(Opcode::MAKE_FUNCTION, flags);
    }
}

/// `_PyAST_ExprAsUnicode`: the source text of an annotation, as CPython's
/// `ast_unparse.c` writes it.
pub(super) fn unparse(e: &Expr<'_>) -> String {
    let mut out = String::new();
    unparse_into(e, 0, &mut out);
    out
}

// Precedence levels of ast_unparse.c.
const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1;
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_BOR: u8 = 7;
const PR_BXOR: u8 = 8;
const PR_BAND: u8 = 9;
const PR_SHIFT: u8 = 10;
const PR_ARITH: u8 = 11;
const PR_TERM: u8 = 12;
const PR_FACTOR: u8 = 13;
const PR_POWER: u8 = 14;
const PR_AWAIT: u8 = 15;
const PR_ATOM: u8 = 16;

fn unparse_generators(generators: &[crate::syntax::ast::Comprehension<'_>], out: &mut String) {
    for g in generators {
        out.push_str(" for ");
        unparse_into(g.target, PR_TUPLE, out);
        out.push_str(" in ");
        unparse_into(g.iter, PR_TEST + 1, out);
        for cond in g.ifs.iter() {
            out.push_str(" if ");
            unparse_into(cond, PR_TEST + 1, out);
        }
    }
}

fn unparse_params(args: &Arguments<'_>) -> String {
    let mut parts: Vec<String> = Vec::new();
    let positional: Vec<_> = args.posonlyargs.iter().chain(args.args.iter()).collect();
    let first_default = positional.len() - args.defaults.len().min(positional.len());
    for (i, a) in positional.iter().enumerate() {
        let mut p = a.arg.to_owned();
        if i >= first_default {
            p.push('=');
            unparse_into(args.defaults[i - first_default], PR_TEST, &mut p);
        }
        parts.push(p);
        if i + 1 == args.posonlyargs.len() {
            parts.push("/".into());
        }
    }
    if let Some(v) = args.vararg {
        parts.push(format!("*{}", v.arg));
    } else if !args.kwonlyargs.is_empty() {
        parts.push("*".into());
    }
    for (a, d) in args.kwonlyargs.iter().zip(args.kw_defaults.iter()) {
        let mut p = a.arg.to_owned();
        if let Some(d) = d {
            p.push('=');
            unparse_into(d, PR_TEST, &mut p);
        }
        parts.push(p);
    }
    if let Some(k) = args.kwarg {
        parts.push(format!("**{}", k.arg));
    }
    parts.join(", ")
}

fn unparse_seq(items: &[&Expr<'_>], out: &mut String) {
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        unparse_into(it, PR_TEST, out);
    }
}

fn unparse_into(e: &Expr<'_>, level: u8, out: &mut String) {
    let paren = |out: &mut String, own: u8, f: &mut dyn FnMut(&mut String)| {
        if level > own {
            out.push('(');
        }
        f(out);
        if level > own {
            out.push(')');
        }
    };
    match &e.kind {
        ExprKind::Name { id, .. } => out.push_str(id),
        ExprKind::Constant(c) => {
            let c = super::fold::literal(c);
            match c {
                Constant::Float(f) if f.is_infinite() => {
                    out.push_str(if f > 0.0 { "1e309" } else { "-1e309" })
                }
                Constant::Ellipsis => out.push_str("..."),
                _ => out.push_str(&crate::compile::dis::constant_repr(&c)),
            }
        }
        ExprKind::Attribute { value, attr, .. } => {
            let is_int = matches!(
                value.kind,
                ExprKind::Constant(crate::syntax::ast::Constant::Int(_))
            );
            unparse_into(value, PR_ATOM, out);
            if is_int {
                out.push(' ');
            }
            out.push('.');
            out.push_str(attr);
        }
        ExprKind::Subscript { value, slice, .. } => {
            unparse_into(value, PR_ATOM, out);
            out.push('[');
            match &slice.kind {
                ExprKind::Tuple { elts, .. } if !elts.is_empty() => {
                    unparse_seq(elts, out);
                    if elts.len() == 1 {
                        out.push(',');
                    }
                }
                _ => unparse_into(slice, PR_TUPLE, out),
            }
            out.push(']');
        }
        ExprKind::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                unparse_into(l, PR_TEST, out);
            }
            out.push(':');
            if let Some(u) = upper {
                unparse_into(u, PR_TEST, out);
            }
            if let Some(s) = step {
                out.push(':');
                unparse_into(s, PR_TEST, out);
            }
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            unparse_into(func, PR_ATOM, out);
            out.push('(');
            let mut first = true;
            for a in args.iter() {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                unparse_into(a, PR_TEST, out);
            }
            for k in keywords.iter() {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                match k.arg {
                    Some(n) => {
                        out.push_str(n);
                        out.push('=');
                    }
                    None => out.push_str("**"),
                }
                unparse_into(k.value, PR_TEST, out);
            }
            out.push(')');
        }
        ExprKind::Tuple { elts, .. } => {
            if elts.is_empty() {
                out.push_str("()");
            } else {
                paren(out, PR_TUPLE, &mut |out| {
                    unparse_seq(elts, out);
                    if elts.len() == 1 {
                        out.push(',');
                    }
                });
            }
        }
        ExprKind::List { elts, .. } => {
            out.push('[');
            unparse_seq(elts, out);
            out.push(']');
        }
        ExprKind::Set { elts } => {
            out.push('{');
            unparse_seq(elts, out);
            out.push('}');
        }
        ExprKind::Dict { keys, values } => {
            out.push('{');
            for (i, (k, v)) in keys.iter().zip(values.iter()).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Some(k) => {
                        unparse_into(k, PR_TEST, out);
                        out.push_str(": ");
                        unparse_into(v, PR_TEST, out);
                    }
                    None => {
                        out.push_str("**");
                        unparse_into(v, PR_BOR, out);
                    }
                }
            }
            out.push('}');
        }
        ExprKind::Starred { value, .. } => {
            out.push('*');
            unparse_into(value, PR_BOR, out);
        }
        ExprKind::BinOp { left, op, right } => {
            let (sym, pr) = match op {
                Operator::Add => ("+", PR_ARITH),
                Operator::Sub => ("-", PR_ARITH),
                Operator::Mult => ("*", PR_TERM),
                Operator::MatMult => ("@", PR_TERM),
                Operator::Div => ("/", PR_TERM),
                Operator::Mod => ("%", PR_TERM),
                Operator::FloorDiv => ("//", PR_TERM),
                Operator::LShift => ("<<", PR_SHIFT),
                Operator::RShift => (">>", PR_SHIFT),
                Operator::BitOr => ("|", PR_BOR),
                Operator::BitXor => ("^", PR_BXOR),
                Operator::BitAnd => ("&", PR_BAND),
                Operator::Pow => ("**", PR_POWER),
            };
            let rassoc = *op == Operator::Pow;
            paren(out, pr, &mut |out| {
                unparse_into(left, if rassoc { pr + 1 } else { pr }, out);
                out.push(' ');
                out.push_str(sym);
                out.push(' ');
                unparse_into(right, if rassoc { pr } else { pr + 1 }, out);
            });
        }
        ExprKind::UnaryOp { op, operand } => {
            let (sym, pr) = match op {
                UnaryOp::Invert => ("~", PR_FACTOR),
                UnaryOp::Not => ("not ", PR_NOT),
                UnaryOp::UAdd => ("+", PR_FACTOR),
                UnaryOp::USub => ("-", PR_FACTOR),
            };
            paren(out, pr, &mut |out| {
                out.push_str(sym);
                unparse_into(operand, pr, out);
            });
        }
        ExprKind::BoolOp { op, values } => {
            let (sym, pr) = if *op == BoolOp::And {
                (" and ", PR_AND)
            } else {
                (" or ", PR_OR)
            };
            paren(out, pr, &mut |out| {
                for (i, v) in values.iter().enumerate() {
                    if i > 0 {
                        out.push_str(sym);
                    }
                    unparse_into(v, pr + 1, out);
                }
            });
        }
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            paren(out, PR_CMP, &mut |out| {
                unparse_into(left, PR_CMP + 1, out);
                for (op, c) in ops.iter().zip(comparators.iter()) {
                    out.push_str(match op {
                        CmpOp::Eq => " == ",
                        CmpOp::NotEq => " != ",
                        CmpOp::Lt => " < ",
                        CmpOp::LtE => " <= ",
                        CmpOp::Gt => " > ",
                        CmpOp::GtE => " >= ",
                        CmpOp::Is => " is ",
                        CmpOp::IsNot => " is not ",
                        CmpOp::In => " in ",
                        CmpOp::NotIn => " not in ",
                    });
                    unparse_into(c, PR_CMP + 1, out);
                }
            });
        }
        ExprKind::IfExp { test, body, orelse } => {
            paren(out, PR_TEST, &mut |out| {
                unparse_into(body, PR_TEST + 1, out);
                out.push_str(" if ");
                unparse_into(test, PR_TEST + 1, out);
                out.push_str(" else ");
                unparse_into(orelse, PR_TEST, out);
            });
        }
        ExprKind::Lambda { args, body } => {
            paren(out, PR_TEST, &mut |out| {
                out.push_str("lambda");
                let params = unparse_params(args);
                if !params.is_empty() {
                    out.push(' ');
                    out.push_str(&params);
                }
                out.push_str(": ");
                unparse_into(body, PR_TEST, out);
            });
        }
        ExprKind::NamedExpr { target, value } => {
            paren(out, PR_TUPLE, &mut |out| {
                unparse_into(target, PR_ATOM, out);
                out.push_str(" := ");
                unparse_into(value, PR_ATOM, out);
            });
        }
        ExprKind::ListComp { elt, generators } => {
            out.push('[');
            unparse_into(elt, PR_TEST, out);
            unparse_generators(generators, out);
            out.push(']');
        }
        ExprKind::SetComp { elt, generators } => {
            out.push('{');
            unparse_into(elt, PR_TEST, out);
            unparse_generators(generators, out);
            out.push('}');
        }
        ExprKind::GeneratorExp { elt, generators } => {
            out.push('(');
            unparse_into(elt, PR_TEST, out);
            unparse_generators(generators, out);
            out.push(')');
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            out.push('{');
            unparse_into(key, PR_TEST, out);
            out.push_str(": ");
            unparse_into(value, PR_TEST, out);
            unparse_generators(generators, out);
            out.push('}');
        }
        _ => {
            let _ = PR_AWAIT;
            out.push_str("...");
        }
    }
}
