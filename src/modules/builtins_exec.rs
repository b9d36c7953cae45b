//! Running code given at run time: `exec`, `eval` and `compile`, and the
//! caller's namespaces they default to (`globals()` / `locals()` of the
//! frame that called the built-in).

use std::rc::Rc;

use crate::compile::codegen::Mode;
use crate::objects::cell::new_cell;
use crate::objects::codeobj::{as_code, new_code};
use crate::objects::dict::{as_dict, get_item_str, new_dict, set_item_str};
use crate::objects::err::{runtime_error, type_error, value_error, PyResult};
use crate::objects::none::{none, none_ref};
use crate::objects::object::{PyObject, Ref};
use crate::objects::str::as_str;
use crate::objects::typeobj::KwNames;
use crate::vm::eval::{run_frame, Exit};
use crate::vm::frame::{with_running, Frame};

use super::args;

/// The globals of the Python frame that called the running built-in.
pub fn caller_globals() -> PyResult {
    with_running(0, |f| f.map(|f| f.globals.clone()))
        .ok_or_else(|| runtime_error("no current frame"))
}

/// `locals()` of the calling frame: its locals mapping (module and class
/// scopes), or a new dict of the bound fast locals and cells (functions).
pub fn caller_locals() -> PyResult {
    with_running(0, |f| {
        let f = f.ok_or_else(|| runtime_error("no current frame"))?;
        frame_locals(f)
    })
}

/// The locals of `f` as a mapping (CPython's `PyFrame_FastToLocals`
/// snapshot for function frames).
pub fn frame_locals(f: &Frame) -> PyResult {
    if let Some(l) = &f.locals {
        return Ok(l.clone());
    }
    let d = new_dict();
    let dict = as_dict(&d).expect("new dict");
    let code = f.code();
    let nlocals = code.nlocals();
    for (i, name) in code.varnames.iter().enumerate() {
        // A parameter captured by a closure lives in its cell instead.
        if let Some(v) = &f.fast()[i] {
            dict.set(name.clone(), v.clone())?;
        }
    }
    for (i, name) in code.derefnames.iter().enumerate() {
        let cell = f.fast()[nlocals + i]
            .as_ref()
            .and_then(|c| crate::objects::cell::as_cell(c));
        if let Some(v) = cell.and_then(|c| c.contents.get()) {
            dict.set(name.clone(), v)?;
        }
    }
    Ok(d)
}

/// `SyntaxError(msg)` made by calling the class, so `msg` is set as
/// CPython's is.
fn plain_syntax_error(msg: &str) -> crate::objects::err::PyErr {
    let ty = crate::objects::exceptions::SYNTAX_ERROR.to_ref();
    match crate::objects::protocol::call(&ty, &[crate::objects::str::new_str(msg)], None) {
        Ok(e) => crate::objects::err::PyErr::from_instance(e),
        Err(e) => e,
    }
}

/// Source text of `exec` / `eval` / `compile`'s first argument (str or
/// UTF-8 bytes); `None` when it is neither.
fn source_text(v: &PyObject) -> PyResult<Option<String>> {
    if let Some(s) = as_str(v) {
        return Ok(Some(s.to_string()));
    }
    if let Some(b) = crate::objects::bytes::as_bytes(v) {
        return match std::str::from_utf8(b) {
            Ok(s) => Ok(Some(s.to_string())),
            Err(e) => Err(plain_syntax_error(
                &format!(
                    "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte",
                    b[e.valid_up_to()],
                    e.valid_up_to()
                ),
            )),
        };
    }
    Ok(None)
}

/// Compile `source` or raise the compiler's SyntaxError as an exception.
fn compile_source(source: &str, filename: &str, mode: Mode) -> PyResult {
    match crate::compile::codegen::compile(source, filename, mode) {
        Ok(unit) => new_code(Rc::new(unit)),
        Err(e) => {
            let err = super::builtins::syntax_error_to_exception(&e);
            // CPython's args: (msg, (filename, lineno, offset, text,
            // end_lineno, end_offset)).
            let v = err.value();
            let field =
                |n: &str| crate::objects::protocol::getattr_str(v, n).unwrap_or_else(|_| none());
            let details = crate::objects::tuple::new_tuple(
                [
                    "filename",
                    "lineno",
                    "offset",
                    "text",
                    "end_lineno",
                    "end_offset",
                ]
                .iter()
                .map(|n| field(n))
                .collect(),
            );
            let args = crate::objects::tuple::new_tuple(vec![field("msg"), details]);
            let _ = crate::objects::protocol::setattr(
                v,
                &crate::objects::str::intern("args"),
                Some(args),
            );
            Err(err)
        }
    }
}

/// The builtins dict code run in `globals` sees: `globals['__builtins__']`
/// (a module or a dict), inserted when missing.
fn builtins_for(globals: &PyObject) -> Ref {
    let default = crate::vm::builtins_dict().expect("builtins");
    match get_item_str(globals, "__builtins__") {
        None => {
            // CPython inserts the builtins module's dict.
            set_item_str(globals, "__builtins__", default.clone());
            default
        }
        Some(b) => {
            if as_dict(&b).is_some() {
                b
            } else {
                crate::objects::module::module_dict(&b).unwrap_or(default)
            }
        }
    }
}

/// Run code object `code` with `globals` and `locals` (a module-level
/// frame); its cell variables get empty cells.
pub fn run_code_object(code: &Ref, globals: &Ref, locals: Ref) -> PyResult {
    let c = as_code(code).ok_or_else(|| type_error("expected a code object"))?;
    let nfree = c.unit.freevars.len();
    if nfree > 0 {
        return Err(type_error(format!(
            "code object requires a closure of exactly length {nfree}"
        )));
    }
    let builtins = builtins_for(globals);
    let mut frame = Frame::new(code.clone(), globals.clone(), builtins, Some(locals));
    let nlocals = c.nlocals();
    for i in 0..c.unit.cellvars.len() {
        frame.fast_mut()[nlocals + i] = Some(new_cell(None));
    }
    match run_frame(&mut frame, None)? {
        Exit::Return(v) | Exit::Yield(v) => Ok(v),
    }
}

fn is_none(v: &Option<Ref>) -> bool {
    v.as_ref().is_none_or(|v| v.is(none_ref()))
}

fn is_mapping(v: &PyObject) -> bool {
    as_dict(v).is_some() || v.ty().slots.getitem.get().is_some()
}

/// The `(globals, locals)` pair `exec` / `eval` run in.
fn namespaces(fname: &str, g: Option<Ref>, l: Option<Ref>) -> PyResult<(Ref, Ref)> {
    let g = g.filter(|v| !v.is(none_ref()));
    let l = l.filter(|v| !v.is(none_ref()));
    if let Some(g) = &g {
        if as_dict(g).is_none() {
            return Err(type_error(if fname == "exec" {
                format!("exec() globals must be a dict, not {}", g.ty().name())
            } else if is_mapping(g) {
                "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
            } else {
                "globals must be a dict".to_string()
            }));
        }
    }
    if let Some(l) = &l {
        if !is_mapping(l) {
            return Err(type_error(if fname == "exec" {
                format!("locals must be a mapping or None, not {}", l.ty().name())
            } else {
                "locals must be a mapping".to_string()
            }));
        }
    }
    Ok(match (g, l) {
        (Some(g), Some(l)) => (g, l),
        (Some(g), None) => (g.clone(), g),
        (None, l) => {
            let g = caller_globals()?;
            let l = match l {
                Some(l) => l,
                None => caller_locals()?,
            };
            (g, l)
        }
    })
}

/// `exec(source, globals=None, locals=None, /, *, closure=None)`.
pub fn exec(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let p = args::parse(
        "exec",
        a,
        kw,
        &["source", "globals", "locals", "closure"],
        1,
        3,
    )?;
    if !is_none(&p[3]) {
        return Err(type_error(
            "closure can only be used when source is a code object",
        ));
    }
    let mut p = p.into_iter();
    let src = p.next().flatten().expect("required");
    let (g, l) = namespaces("exec", p.next().flatten(), p.next().flatten())?;
    let code = if as_code(&src).is_some() {
        src
    } else {
        match source_text(&src)? {
            Some(s) => compile_source(&s, "<string>", Mode::Exec)?,
            None => {
                return Err(type_error(
                    "exec() arg 1 must be a string, bytes or code object",
                ))
            }
        }
    };
    run_code_object(&code, &g, l)?;
    Ok(none())
}

/// `eval(source, globals=None, locals=None, /)`.
pub fn eval(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let p = args::parse("eval", a, kw, &["source", "globals", "locals"], 1, 3)?;
    let mut p = p.into_iter();
    let src = p.next().flatten().expect("required");
    let (g, l) = namespaces("eval", p.next().flatten(), p.next().flatten())?;
    let code = if as_code(&src).is_some() {
        src
    } else {
        match source_text(&src)? {
            Some(s) => {
                if s.contains('\0') {
                    return Err(crate::objects::err::PyErr::new(
                        &crate::objects::exceptions::SYNTAX_ERROR,
                        "source code string cannot contain null bytes",
                    ));
                }
                compile_source(&s, "<string>", Mode::Eval)?
            }
            None => {
                return Err(type_error(
                    "eval() arg 1 must be a string, bytes or code object",
                ))
            }
        }
    };
    if as_code(&code).is_some_and(|c| !c.unit.freevars.is_empty()) {
        return Err(type_error(
            "code object passed to eval() may not contain free variables",
        ));
    }
    run_code_object(&code, &g, l)
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False,
/// optimize=-1)`.
pub fn compile(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let p = args::parse(
        "compile",
        a,
        kw,
        &[
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
            "_feature_version",
        ],
        3,
        0,
    )?;
    let src = p[0].as_ref().expect("required");
    let filename = p[1].as_ref().expect("required");
    let filename = match as_str(filename) {
        Some(s) => s.to_string(),
        None => match crate::objects::bytes::as_bytes(filename) {
            Some(b) => String::from_utf8_lossy(b).into_owned(),
            None => {
                return Err(type_error(format!(
                    "compile() argument 'filename' must be str, bytes or os.PathLike, not {}",
                    filename.ty().name()
                )))
            }
        },
    };
    let mode_obj = p[2].as_ref().expect("required");
    let mode = match as_str(mode_obj) {
        Some("exec") => Mode::Exec,
        Some("eval") => Mode::Eval,
        Some("single") => Mode::Single,
        Some(_) => {
            return Err(value_error(
                "compile() mode must be 'exec', 'eval' or 'single'",
            ))
        }
        None => {
            return Err(type_error(format!(
                "compile() argument 'mode' must be str, not {}",
                mode_obj.ty().name()
            )))
        }
    };
    if let Some(flags) = &p[3] {
        let f = crate::objects::protocol::index_i64(flags)?;
        if f & 0x400 != 0 {
            return Err(value_error(
                "compile(): PyCF_ONLY_AST (ast module) is not supported by pyrite",
            ));
        }
    }
    let optimize = match &p[5] {
        None => None,
        Some(v) => match crate::objects::protocol::index_i64(v)? {
            -1 => None,
            n @ 0..=2 => Some(n as u8),
            _ => return Err(value_error("compile(): invalid optimize value")),
        },
    };
    match source_text(src)? {
        Some(s) => {
            if s.contains('\0') {
                return Err(plain_syntax_error(
                    "source code string cannot contain null bytes",
                ));
            }
            crate::compile::with_optimize(optimize, || compile_source(&s, &filename, mode))
        }
        None => Err(type_error(
            "compile() arg 1 must be a string, bytes or AST object",
        )),
    }
}
