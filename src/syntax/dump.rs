//! The canonical text dump of an AST: the format `tests/gen_syntax_expected.py`
//! prints from CPython's `ast` module (its docstring defines it), so golden
//! files compare pyrite's tree with CPython's character for character.

use std::fmt::Write;

use super::ast::{
    Alias, Arg, Arguments, BoolOp, CmpOp, Comprehension, Constant, ExceptHandler, Expr,
    ExprContext, ExprKind, Keyword, Module, Operator, Span, Stmt, StmtKind, UnaryOp, WithItem,
};

/// Dumps a module in the canonical format.
pub fn dump_module(module: &Module<'_>) -> String {
    let mut d = Dumper { out: String::new() };
    d.line(0, "Module");
    d.stmts(1, "body", module.body);
    d.out
}

struct Dumper {
    out: String,
}

/// Formats a string value: printable ASCII kept, the rest as `\u{hex}`.
fn fmt_str(s: &str) -> String {
    let mut out = String::from("'");
    for c in s.chars() {
        if (' '..='~').contains(&c) && c != '\\' && c != '\'' {
            out.push(c);
        } else {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
    }
    out.push('\'');
    out
}

/// Python's `repr` of a float.
pub(crate) fn float_repr(v: f64) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let s = format!("{v:?}");
    match s.split_once('e') {
        Some((mant, exp)) => {
            let (sign, digits) = match exp.strip_prefix('-') {
                Some(d) => ('-', d),
                None => ('+', exp),
            };
            let mant = mant.strip_suffix(".0").unwrap_or(mant);
            format!("{mant}e{sign}{digits:0>2}")
        }
        None => s,
    }
}

fn fmt_const(c: &Constant<'_>) -> String {
    match c {
        Constant::Int(d) => (*d).to_string(),
        Constant::Float(f) => float_repr(*f),
        Constant::Complex(f) => {
            let r = float_repr(*f);
            match r.strip_suffix(".0") {
                Some(i) if !r.contains('e') => format!("{i}j"),
                _ => format!("{r}j"),
            }
        }
        Constant::Str(s) => fmt_str(s),
        Constant::Bytes(b) => {
            let mut out = String::from("b'");
            for &x in b.iter() {
                if (0x20..0x7f).contains(&x) && x != b'\\' && x != b'\'' {
                    out.push(x as char);
                } else {
                    let _ = write!(out, "\\x{x:02x}");
                }
            }
            out.push('\'');
            out
        }
        Constant::True => "True".into(),
        Constant::False => "False".into(),
        Constant::None => "None".into(),
        Constant::Ellipsis => "Ellipsis".into(),
    }
}

fn op_name(op: Operator) -> &'static str {
    match op {
        Operator::Add => "Add",
        Operator::Sub => "Sub",
        Operator::Mult => "Mult",
        Operator::MatMult => "MatMult",
        Operator::Div => "Div",
        Operator::Mod => "Mod",
        Operator::Pow => "Pow",
        Operator::LShift => "LShift",
        Operator::RShift => "RShift",
        Operator::BitOr => "BitOr",
        Operator::BitXor => "BitXor",
        Operator::BitAnd => "BitAnd",
        Operator::FloorDiv => "FloorDiv",
    }
}

fn cmp_name(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "Eq",
        CmpOp::NotEq => "NotEq",
        CmpOp::Lt => "Lt",
        CmpOp::LtE => "LtE",
        CmpOp::Gt => "Gt",
        CmpOp::GtE => "GtE",
        CmpOp::Is => "Is",
        CmpOp::IsNot => "IsNot",
        CmpOp::In => "In",
        CmpOp::NotIn => "NotIn",
    }
}

fn ctx_name(c: ExprContext) -> &'static str {
    match c {
        ExprContext::Load => "Load",
        ExprContext::Store => "Store",
        ExprContext::Del => "Del",
    }
}

impl Dumper {
    fn line(&mut self, depth: usize, text: &str) {
        for _ in 0..depth {
            self.out.push(' ');
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn head(&mut self, depth: usize, name: &str, span: Option<Span>) {
        match span {
            Some(s) => self.line(
                depth,
                &format!(
                    "{name} @{}:{}-{}:{}",
                    s.start.line, s.start.col, s.end.line, s.end.col
                ),
            ),
            None => self.line(depth, name),
        }
    }

    fn value(&mut self, depth: usize, field: &str, v: &str) {
        self.line(depth, &format!("{field}={v}"));
    }

    fn stmts(&mut self, depth: usize, field: &str, body: &[&Stmt<'_>]) {
        if body.is_empty() {
            return self.value(depth, field, "[]");
        }
        self.line(depth, &format!("{field}:"));
        for s in body {
            self.stmt(depth + 1, s);
        }
    }

    fn exprs(&mut self, depth: usize, field: &str, list: &[&Expr<'_>], inner: bool) {
        if list.is_empty() {
            return self.value(depth, field, "[]");
        }
        self.line(depth, &format!("{field}:"));
        for e in list {
            self.expr(depth + 1, e, inner);
        }
    }

    fn opt_expr(&mut self, depth: usize, field: &str, e: Option<&Expr<'_>>, inner: bool) {
        match e {
            None => self.value(depth, field, "None"),
            Some(e) => self.field_expr(depth, field, e, inner),
        }
    }

    fn field_expr(&mut self, depth: usize, field: &str, e: &Expr<'_>, inner: bool) {
        self.line(depth, &format!("{field}:"));
        self.expr(depth + 1, e, inner);
    }

    fn opt_str(&mut self, depth: usize, field: &str, s: Option<&str>) {
        let v = s.map_or("None".to_string(), fmt_str);
        self.value(depth, field, &v);
    }

    fn stmt(&mut self, d: usize, s: &Stmt<'_>) {
        let f = d + 1;
        let sp = Some(s.span);
        match &s.kind {
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
            } => {
                self.head(d, "FunctionDef", sp);
                self.value(f, "name", &fmt_str(name));
                self.line(f, "args:");
                self.arguments(f + 1, args);
                self.stmts(f, "body", body);
                self.exprs(f, "decorator_list", decorator_list, false);
                self.opt_expr(f, "returns", *returns, false);
            }
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => {
                self.head(d, "ClassDef", sp);
                self.value(f, "name", &fmt_str(name));
                self.exprs(f, "bases", bases, false);
                self.keywords(f, keywords, false);
                self.stmts(f, "body", body);
                self.exprs(f, "decorator_list", decorator_list, false);
            }
            StmtKind::Return { value } => {
                self.head(d, "Return", sp);
                self.opt_expr(f, "value", *value, false);
            }
            StmtKind::Delete { targets } => {
                self.head(d, "Delete", sp);
                self.exprs(f, "targets", targets, false);
            }
            StmtKind::Assign { targets, value } => {
                self.head(d, "Assign", sp);
                self.exprs(f, "targets", targets, false);
                self.field_expr(f, "value", value, false);
            }
            StmtKind::AugAssign { target, op, value } => {
                self.head(d, "AugAssign", sp);
                self.field_expr(f, "target", target, false);
                self.value(f, "op", op_name(*op));
                self.field_expr(f, "value", value, false);
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                self.head(d, "AnnAssign", sp);
                self.field_expr(f, "target", target, false);
                self.field_expr(f, "annotation", annotation, false);
                self.opt_expr(f, "value", *value, false);
                self.value(f, "simple", if *simple { "1" } else { "0" });
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.head(d, "For", sp);
                self.field_expr(f, "target", target, false);
                self.field_expr(f, "iter", iter, false);
                self.stmts(f, "body", body);
                self.stmts(f, "orelse", orelse);
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                let name = if matches!(s.kind, StmtKind::While { .. }) {
                    "While"
                } else {
                    "If"
                };
                self.head(d, name, sp);
                self.field_expr(f, "test", test, false);
                self.stmts(f, "body", body);
                self.stmts(f, "orelse", orelse);
            }
            StmtKind::With { items, body } => {
                self.head(d, "With", sp);
                self.line(f, "items:");
                for WithItem {
                    context_expr,
                    optional_vars,
                } in items.iter()
                {
                    self.line(f + 1, "withitem");
                    self.field_expr(f + 2, "context_expr", context_expr, false);
                    self.opt_expr(f + 2, "optional_vars", *optional_vars, false);
                }
                self.stmts(f, "body", body);
            }
            StmtKind::Raise { exc, cause } => {
                self.head(d, "Raise", sp);
                self.opt_expr(f, "exc", *exc, false);
                self.opt_expr(f, "cause", *cause, false);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.head(d, "Try", sp);
                self.stmts(f, "body", body);
                if handlers.is_empty() {
                    self.value(f, "handlers", "[]");
                } else {
                    self.line(f, "handlers:");
                    for h in handlers.iter() {
                        self.handler(f + 1, h);
                    }
                }
                self.stmts(f, "orelse", orelse);
                self.stmts(f, "finalbody", finalbody);
            }
            StmtKind::Assert { test, msg } => {
                self.head(d, "Assert", sp);
                self.field_expr(f, "test", test, false);
                self.opt_expr(f, "msg", *msg, false);
            }
            StmtKind::Import { names } => {
                self.head(d, "Import", sp);
                self.aliases(f, names);
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                self.head(d, "ImportFrom", sp);
                self.opt_str(f, "module", *module);
                self.aliases(f, names);
                self.value(f, "level", &level.to_string());
            }
            StmtKind::Global { names } | StmtKind::Nonlocal { names } => {
                let name = if matches!(s.kind, StmtKind::Global { .. }) {
                    "Global"
                } else {
                    "Nonlocal"
                };
                self.head(d, name, sp);
                self.line(f, "names:");
                for n in names.iter() {
                    self.line(f + 1, &fmt_str(n));
                }
            }
            StmtKind::Expr { value } => {
                self.head(d, "Expr", sp);
                self.field_expr(f, "value", value, false);
            }
            StmtKind::Pass => self.head(d, "Pass", sp),
            StmtKind::Break => self.head(d, "Break", sp),
            StmtKind::Continue => self.head(d, "Continue", sp),
        }
    }

    fn handler(&mut self, d: usize, h: &ExceptHandler<'_>) {
        self.head(d, "ExceptHandler", Some(h.span));
        self.opt_expr(d + 1, "type", h.type_, false);
        self.opt_str(d + 1, "name", h.name);
        self.stmts(d + 1, "body", h.body);
    }

    fn aliases(&mut self, d: usize, names: &[Alias<'_>]) {
        self.line(d, "names:");
        for a in names {
            self.head(d + 1, "alias", Some(a.span));
            self.value(d + 2, "name", &fmt_str(a.name));
            self.opt_str(d + 2, "asname", a.asname);
        }
    }

    fn args_list(&mut self, d: usize, field: &str, args: &[Arg<'_>]) {
        if args.is_empty() {
            return self.value(d, field, "[]");
        }
        self.line(d, &format!("{field}:"));
        for a in args {
            self.arg(d + 1, a);
        }
    }

    fn arg(&mut self, d: usize, a: &Arg<'_>) {
        self.head(d, "arg", Some(a.span));
        self.value(d + 1, "arg", &fmt_str(a.arg));
        self.opt_expr(d + 1, "annotation", a.annotation, false);
    }

    fn opt_arg(&mut self, d: usize, field: &str, a: Option<&Arg<'_>>) {
        match a {
            None => self.value(d, field, "None"),
            Some(a) => {
                self.line(d, &format!("{field}:"));
                self.arg(d + 1, a);
            }
        }
    }

    fn arguments(&mut self, d: usize, a: &Arguments<'_>) {
        self.line(d, "arguments");
        let f = d + 1;
        self.args_list(f, "posonlyargs", a.posonlyargs);
        self.args_list(f, "args", a.args);
        self.opt_arg(f, "vararg", a.vararg);
        self.args_list(f, "kwonlyargs", a.kwonlyargs);
        if a.kw_defaults.is_empty() {
            self.value(f, "kw_defaults", "[]");
        } else {
            self.line(f, "kw_defaults:");
            for k in a.kw_defaults {
                match k {
                    Some(e) => self.expr(f + 1, e, false),
                    None => self.line(f + 1, "None"),
                }
            }
        }
        self.opt_arg(f, "kwarg", a.kwarg);
        self.exprs(f, "defaults", a.defaults, false);
    }

    fn keywords(&mut self, d: usize, ks: &[Keyword<'_>], inner: bool) {
        if ks.is_empty() {
            return self.value(d, "keywords", "[]");
        }
        self.line(d, "keywords:");
        for k in ks {
            self.head(d + 1, "keyword", (!inner).then_some(k.span));
            self.opt_str(d + 2, "arg", k.arg);
            self.field_expr(d + 2, "value", k.value, inner);
        }
    }

    fn generators(&mut self, d: usize, gens: &[Comprehension<'_>], inner: bool) {
        self.line(d, "generators:");
        for g in gens {
            self.line(d + 1, "comprehension");
            self.field_expr(d + 2, "target", g.target, inner);
            self.field_expr(d + 2, "iter", g.iter, inner);
            self.exprs(d + 2, "ifs", g.ifs, inner);
        }
    }

    fn expr(&mut self, d: usize, e: &Expr<'_>, inner: bool) {
        let f = d + 1;
        let sp = (!inner).then_some(e.span);
        match &e.kind {
            ExprKind::BoolOp { op, values } => {
                self.head(d, "BoolOp", sp);
                self.value(f, "op", if *op == BoolOp::And { "And" } else { "Or" });
                self.exprs(f, "values", values, inner);
            }
            ExprKind::NamedExpr { target, value } => {
                self.head(d, "NamedExpr", sp);
                self.field_expr(f, "target", target, inner);
                self.field_expr(f, "value", value, inner);
            }
            ExprKind::BinOp { left, op, right } => {
                self.head(d, "BinOp", sp);
                self.field_expr(f, "left", left, inner);
                self.value(f, "op", op_name(*op));
                self.field_expr(f, "right", right, inner);
            }
            ExprKind::UnaryOp { op, operand } => {
                self.head(d, "UnaryOp", sp);
                let name = match op {
                    UnaryOp::Invert => "Invert",
                    UnaryOp::Not => "Not",
                    UnaryOp::UAdd => "UAdd",
                    UnaryOp::USub => "USub",
                };
                self.value(f, "op", name);
                self.field_expr(f, "operand", operand, inner);
            }
            ExprKind::Lambda { args, body } => {
                self.head(d, "Lambda", sp);
                self.line(f, "args:");
                self.arguments(f + 1, args);
                self.field_expr(f, "body", body, inner);
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.head(d, "IfExp", sp);
                self.field_expr(f, "test", test, inner);
                self.field_expr(f, "body", body, inner);
                self.field_expr(f, "orelse", orelse, inner);
            }
            ExprKind::Dict { keys, values } => {
                self.head(d, "Dict", sp);
                if keys.is_empty() {
                    self.value(f, "keys", "[]");
                } else {
                    self.line(f, "keys:");
                    for k in keys.iter() {
                        match k {
                            Some(k) => self.expr(f + 1, k, inner),
                            None => self.line(f + 1, "None"),
                        }
                    }
                }
                self.exprs(f, "values", values, inner);
            }
            ExprKind::Set { elts } => {
                self.head(d, "Set", sp);
                self.exprs(f, "elts", elts, inner);
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                let name = match e.kind {
                    ExprKind::ListComp { .. } => "ListComp",
                    ExprKind::SetComp { .. } => "SetComp",
                    _ => "GeneratorExp",
                };
                self.head(d, name, sp);
                self.field_expr(f, "elt", elt, inner);
                self.generators(f, generators, inner);
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.head(d, "DictComp", sp);
                self.field_expr(f, "key", key, inner);
                self.field_expr(f, "value", value, inner);
                self.generators(f, generators, inner);
            }
            ExprKind::Yield { value } => {
                self.head(d, "Yield", sp);
                self.opt_expr(f, "value", *value, inner);
            }
            ExprKind::YieldFrom { value } => {
                self.head(d, "YieldFrom", sp);
                self.field_expr(f, "value", value, inner);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                self.head(d, "Compare", sp);
                self.field_expr(f, "left", left, inner);
                self.line(f, "ops:");
                for op in ops.iter() {
                    self.line(f + 1, cmp_name(*op));
                }
                self.exprs(f, "comparators", comparators, inner);
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.head(d, "Call", sp);
                self.field_expr(f, "func", func, inner);
                self.exprs(f, "args", args, inner);
                self.keywords(f, keywords, inner);
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.head(d, "FormattedValue", sp);
                self.field_expr(f, "value", value, inner);
                self.value(f, "conversion", &conversion.to_string());
                self.opt_expr(f, "format_spec", *format_spec, inner);
            }
            ExprKind::JoinedStr { values } => {
                self.head(d, "JoinedStr", sp);
                self.exprs(f, "values", values, true);
            }
            ExprKind::Constant(c) => {
                self.head(d, "Constant", sp);
                self.value(f, "value", &fmt_const(c));
            }
            ExprKind::Attribute { value, attr, ctx } => {
                self.head(d, "Attribute", sp);
                self.field_expr(f, "value", value, inner);
                self.value(f, "attr", &fmt_str(attr));
                self.value(f, "ctx", ctx_name(ctx.get()));
            }
            ExprKind::Subscript { value, slice, ctx } => {
                self.head(d, "Subscript", sp);
                self.field_expr(f, "value", value, inner);
                self.field_expr(f, "slice", slice, inner);
                self.value(f, "ctx", ctx_name(ctx.get()));
            }
            ExprKind::Starred { value, ctx } => {
                self.head(d, "Starred", sp);
                self.field_expr(f, "value", value, inner);
                self.value(f, "ctx", ctx_name(ctx.get()));
            }
            ExprKind::Name { id, ctx } => {
                self.head(d, "Name", sp);
                self.value(f, "id", &fmt_str(id));
                self.value(f, "ctx", ctx_name(ctx.get()));
            }
            ExprKind::List { elts, ctx } | ExprKind::Tuple { elts, ctx } => {
                let name = if matches!(e.kind, ExprKind::List { .. }) {
                    "List"
                } else {
                    "Tuple"
                };
                self.head(d, name, sp);
                self.exprs(f, "elts", elts, inner);
                self.value(f, "ctx", ctx_name(ctx.get()));
            }
            ExprKind::Slice { lower, upper, step } => {
                self.head(d, "Slice", sp);
                self.opt_expr(f, "lower", *lower, inner);
                self.opt_expr(f, "upper", *upper, inner);
                self.opt_expr(f, "step", *step, inner);
            }
        }
    }
}
