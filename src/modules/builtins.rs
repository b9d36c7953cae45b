//! The `builtins` module: the built-in functions, types, constants and
//! exceptions every program sees. Functions that belong to one type live
//! with it; the rest are here and in `builtins_*.rs`.

use crate::objects::bool::new_bool;
use crate::objects::dict::{as_dict, new_dict, set_item_str};
use crate::objects::err::{type_error, PyErr, PyResult};
use crate::objects::exceptions as exc;
use crate::objects::int::new_int;
use crate::objects::module::module_dict;
use crate::objects::names::name;
use crate::objects::none::none;
use crate::objects::object::{PyObject, Ref};
use crate::objects::protocol;
use crate::objects::str::{as_str, intern, new_str};
use crate::objects::tuple::{items, new_tuple};
use crate::objects::typeobj::{KwNames, NativeFn, TypeObject};
use crate::objects::typetype::{as_type, calculate_metaclass, TYPE_TYPE};

use super::args;

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
fn build_class(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let kwn: &[Ref] = kw.map(items).unwrap_or(&[]);
    let npos = a.len() - kwn.len();
    if npos < 2 {
        return Err(type_error("__build_class__: not enough arguments"));
    }
    let func = crate::objects::function::as_function(&a[0])
        .ok_or_else(|| type_error("__build_class__: func must be a function"))?;
    let name = a[1].clone();
    if as_str(&name).is_none() {
        return Err(type_error("__build_class__: name is not a string"));
    }
    let bases_vec = a[2..npos].to_vec();
    let mut meta: Option<Ref> = None;
    let mut kw_names = Vec::new();
    let mut kw_values = Vec::new();
    for (k, v) in kwn.iter().zip(&a[npos..]) {
        if as_str(k) == Some("metaclass") {
            meta = Some(v.clone());
        } else {
            kw_names.push(k.clone());
            kw_values.push(v.clone());
        }
    }
    let bases = new_tuple(bases_vec.clone());
    let meta = match meta {
        Some(m) => match as_type(&m) {
            Some(t) => calculate_metaclass(t, &bases_vec)?,
            None => m,
        },
        None => match bases_vec.first() {
            Some(b) => calculate_metaclass(b.ty(), &bases_vec)?,
            None => TYPE_TYPE.to_ref(),
        },
    };
    let kwtuple = new_tuple(kw_names);
    let kwn_opt = if items(&kwtuple).is_empty() {
        None
    } else {
        Some(&*kwtuple)
    };
    let ns = match protocol::getattr_opt(&meta, &intern("__prepare__"))? {
        Some(prep) => {
            let mut pa = vec![name.clone(), bases.clone()];
            pa.extend(kw_values.iter().cloned());
            protocol::call(&prep, &pa, kwn_opt)?
        }
        None => new_dict(),
    };
    let cell = crate::vm::call::run_class_body(func, ns.clone())?;
    let mut ca = vec![name, bases, ns];
    ca.extend(kw_values);
    let cls = protocol::call(&meta, &ca, kwn_opt)?;
    if let Some(c) = crate::objects::cell::as_cell(&cell) {
        if c.contents.get().is_none() {
            c.contents.set(Some(cls.clone()));
        }
    }
    Ok(cls)
}

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`.
fn print(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let kwn: &[Ref] = kw.map(items).unwrap_or(&[]);
    let npos = a.len() - kwn.len();
    let (mut sep, mut end, mut file, mut flush) = (None, None, None, false);
    for (k, v) in kwn.iter().zip(&a[npos..]) {
        let none_v = v.is(crate::objects::none::none_ref());
        match as_str(k) {
            Some("sep") => sep = if none_v { None } else { Some(v.clone()) },
            Some("end") => end = if none_v { None } else { Some(v.clone()) },
            Some("file") => file = if none_v { None } else { Some(v.clone()) },
            Some("flush") => flush = protocol::is_true(v)?,
            Some(other) => {
                return Err(type_error(format!(
                    "'{other}' is an invalid keyword argument for print()"
                )))
            }
            None => return Err(type_error("keywords must be strings")),
        }
    }
    let text = |v: &Option<Ref>, default: &str, what: &str| -> PyResult<String> {
        match v {
            None => Ok(default.to_string()),
            Some(s) => as_str(s).map(str::to_string).ok_or_else(|| {
                type_error(format!(
                    "{what} must be None or a string, not {}",
                    s.ty().name()
                ))
            }),
        }
    };
    let sep = text(&sep, " ", "sep")?;
    let end = text(&end, "\n", "end")?;
    let mut out = String::new();
    for (i, v) in a[..npos].iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        let s = protocol::str_of(v)?;
        out.push_str(as_str(&s).unwrap_or(""));
    }
    out.push_str(&end);
    let file = match file {
        Some(f) => f,
        None => {
            let sys = crate::objects::dict::get_item_str(&crate::vm::modules(), "sys");
            match sys.and_then(|s| protocol::getattr_str(&s, "stdout").ok()) {
                Some(f) => f,
                None => return Ok(none()),
            }
        }
    };
    if super::sys::is_real_stream(&file, 1) {
        super::sys::write_stdout(&out)?;
        if flush {
            super::sys::flush_stdout();
        }
    } else if super::sys::is_real_stream(&file, 2) {
        super::sys::write_stderr(&out)?;
    } else {
        protocol::call_method(&file, "write", &[new_str(&out)])?;
        if flush {
            protocol::call_method(&file, "flush", &[])?;
        }
    }
    Ok(none())
}

fn len(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("len", a, kw, 1, 1)?;
    Ok(new_int(protocol::len(&a[0])? as i64))
}

fn repr(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("repr", a, kw, 1, 1)?;
    protocol::repr(&a[0])
}

/// `ascii(obj)`: repr with non-ASCII characters escaped.
pub fn ascii_of(v: &PyObject) -> PyResult {
    let r = protocol::repr_string(v)?;
    let mut out = String::with_capacity(r.len());
    for c in r.chars() {
        let cp = c as u32;
        if cp < 0x80 {
            out.push(c);
        } else if cp <= 0xff {
            out.push_str(&format!("\\x{cp:02x}"));
        } else if cp <= 0xffff {
            out.push_str(&format!("\\u{cp:04x}"));
        } else {
            out.push_str(&format!("\\U{cp:08x}"));
        }
    }
    Ok(new_str(&out))
}

fn ascii(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("ascii", a, kw, 1, 1)?;
    ascii_of(&a[0])
}

/// `isinstance(obj, cls)` (classes, tuples, `__instancecheck__`).
pub fn isinstance_of(obj: &PyObject, cls: &PyObject) -> PyResult<bool> {
    if let Some(t) = as_type(cls) {
        if obj.ty().is_subtype(t) {
            return Ok(true);
        }
        if std::ptr::eq(cls.ty(), &TYPE_TYPE) {
            // CPython's object_isinstance: an object may claim another
            // class through `__class__` (weakref proxies, mocks).
            let icls = protocol::getattr_opt(obj, name!("__class__"))?;
            return Ok(icls.is_some_and(|c| {
                !c.is(obj.ty().as_object()) && as_type(&c).is_some_and(|ct| ct.is_subtype(t))
            }));
        }
        if let Some(check) = cls.ty().lookup(name!("__instancecheck__")) {
            let r = protocol::call_method_obj(&check, cls, &[obj.to_ref()])?;
            return protocol::is_true(&r);
        }
        return Ok(false);
    }
    if crate::objects::tuple::is_tuple(cls) {
        for c in items(cls) {
            if isinstance_of(obj, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    Err(type_error(
        "isinstance() arg 2 must be a type, a tuple of types, or a union",
    ))
}

fn isinstance(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("isinstance", a, kw, 2, 2)?;
    Ok(new_bool(isinstance_of(&a[0], &a[1])?))
}

fn issubclass_of(c: &PyObject, cls: &PyObject) -> PyResult<bool> {
    if crate::objects::tuple::is_tuple(cls) {
        for x in items(cls) {
            if issubclass_of(c, x)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let Some(t) = as_type(cls) else {
        return Err(type_error(
            "issubclass() arg 2 must be a class, a tuple of classes, or a union",
        ));
    };
    let Some(ct) = as_type(c) else {
        return Err(type_error("issubclass() arg 1 must be a class"));
    };
    if !std::ptr::eq(cls.ty(), &TYPE_TYPE) {
        if let Some(check) = cls.ty().lookup(name!("__subclasscheck__")) {
            let r = protocol::call_method_obj(&check, cls, &[c.to_ref()])?;
            return protocol::is_true(&r);
        }
    }
    Ok(ct.is_subtype(t))
}

fn issubclass(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("issubclass", a, kw, 2, 2)?;
    Ok(new_bool(issubclass_of(&a[0], &a[1])?))
}

fn id(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("id", a, kw, 1, 1)?;
    Ok(new_int(a[0].addr() as i64))
}

fn hash(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("hash", a, kw, 1, 1)?;
    Ok(new_int(protocol::hash(&a[0])?))
}

fn callable(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("callable", a, kw, 1, 1)?;
    Ok(new_bool(a[0].ty().slots.call.get().is_some()))
}

fn attr_name(v: &PyObject) -> PyResult<()> {
    if as_str(v).is_none() {
        return Err(type_error(format!(
            "attribute name must be string, not '{}'",
            v.ty().name()
        )));
    }
    Ok(())
}

fn getattr(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("getattr", a, kw, 2, 3)?;
    attr_name(&a[1])?;
    let name = crate::objects::str::intern_obj(&a[1]);
    match a.get(2) {
        None => protocol::getattr(&a[0], &name),
        Some(d) => Ok(protocol::getattr_opt(&a[0], &name)?.unwrap_or_else(|| d.clone())),
    }
}

fn setattr(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("setattr", a, kw, 3, 3)?;
    attr_name(&a[1])?;
    let name = crate::objects::str::intern_obj(&a[1]);
    protocol::setattr(&a[0], &name, Some(a[2].clone()))?;
    Ok(none())
}

fn hasattr(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("hasattr", a, kw, 2, 2)?;
    attr_name(&a[1])?;
    let name = crate::objects::str::intern_obj(&a[1]);
    Ok(new_bool(protocol::getattr_opt(&a[0], &name)?.is_some()))
}

fn delattr(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("delattr", a, kw, 2, 2)?;
    attr_name(&a[1])?;
    let name = crate::objects::str::intern_obj(&a[1]);
    protocol::setattr(&a[0], &name, None)?;
    Ok(none())
}

fn iter(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("iter", a, kw, 1, 2)?;
    match a.get(1) {
        None => protocol::iter(&a[0]),
        Some(s) => {
            if a[0].ty().slots.call.get().is_none() {
                return Err(type_error("iter(v, w): v must be callable"));
            }
            Ok(crate::objects::iterators::new_callable_iter(
                a[0].clone(),
                s.clone(),
            ))
        }
    }
}

fn next(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("next", a, kw, 1, 2)?;
    let Some(slot) = a[0].ty().slots.next.get() else {
        return Err(type_error(format!(
            "'{}' object is not an iterator",
            a[0].ty().name()
        )));
    };
    match slot(&a[0]) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => match a.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(crate::objects::err::stop_iteration(None)),
        },
        Err(e) if e.matches(&exc::STOP_ITERATION) && a.len() > 1 => Ok(a[1].clone()),
        Err(e) => Err(e),
    }
}

fn abs(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("abs", a, kw, 1, 1)?;
    protocol::abs(&a[0])
}

fn globals(_a: &[Ref], _kw: KwNames<'_>) -> PyResult {
    crate::vm::frame::with_running(0, |f| f.map(|f| f.globals.clone()))
        .ok_or_else(|| type_error("no frame"))
}

fn locals(_a: &[Ref], _kw: KwNames<'_>) -> PyResult {
    crate::vm::frame::with_running(0, |f| -> PyResult {
        let Some(f) = f else {
            return Err(type_error("no frame"));
        };
        if let Some(l) = &f.locals {
            return Ok(l.clone());
        }
        let d = new_dict();
        let code = f.code();
        for (i, name) in code.varnames.iter().enumerate() {
            if let Some(v) = &f.fast()[i] {
                as_dict(&d).expect("dict").set(name.clone(), v.clone())?;
            }
        }
        let nl = code.nlocals();
        for (i, name) in code.derefnames.iter().enumerate() {
            if let Some(c) = f.fast()[nl + i]
                .as_ref()
                .and_then(|c| crate::objects::cell::as_cell(c))
            {
                if let Some(v) = c.contents.get() {
                    as_dict(&d).expect("dict").set(name.clone(), v)?;
                }
            }
        }
        Ok(d)
    })
}

/// A `SyntaxError` exception object for a compile error (msg and the
/// `(filename, lineno, offset, text, end_lineno, end_offset)` details).
pub fn syntax_error_to_exception(e: &crate::syntax::SyntaxError) -> PyErr {
    let ty: &TypeObject = match e.kind {
        crate::syntax::SyntaxErrorKind::IndentationError => &exc::INDENTATION_ERROR,
        crate::syntax::SyntaxErrorKind::TabError => &exc::TAB_ERROR,
        _ => &exc::SYNTAX_ERROR,
    };
    let err = PyErr::new(ty, &e.msg);
    let v = err.value();
    let set = |n: &str, x: Ref| {
        let _ = protocol::setattr(v, &intern(n), Some(x));
    };
    set("msg", new_str(&e.msg));
    set("filename", new_str(&e.filename));
    set("lineno", new_int(e.lineno as i64));
    set("offset", new_int(e.offset as i64));
    set("text", e.text.as_deref().map(new_str).unwrap_or_else(none));
    set("end_lineno", new_int(e.end_lineno as i64));
    set("end_offset", new_int(e.end_offset as i64));
    set("_pyrite_rendered", new_str(&e.to_string()));
    err
}

/// The text CPython prints for an uncaught SyntaxError raised from a
/// compile error (its position block and message).
pub fn syntax_error_block(e: &PyObject) -> Option<String> {
    let r = protocol::getattr_opt(e, &intern("_pyrite_rendered")).ok()??;
    as_str(&r).map(|s| format!("{s}\n"))
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("__build_class__", build_class),
    ("print", print),
    ("len", len),
    ("repr", repr),
    ("ascii", ascii),
    ("isinstance", isinstance),
    ("issubclass", issubclass),
    ("id", id),
    ("hash", hash),
    ("callable", callable),
    ("getattr", getattr),
    ("setattr", setattr),
    ("hasattr", hasattr),
    ("delattr", delattr),
    ("iter", iter),
    ("next", next),
    ("abs", abs),
    ("globals", globals),
    ("locals", locals),
];

/// Make the `builtins` module.
pub fn make_module() -> Ref {
    let m = crate::objects::module::new_module("builtins");
    let d = module_dict(&m).expect("builtins dict");
    for (name, f) in FUNCTIONS.iter().chain(super::builtins_more::FUNCTIONS) {
        set_item_str(
            &d,
            name,
            crate::objects::descr::new_builtin(name, *f, None, "builtins"),
        );
    }
    use crate::objects as o;
    let types: &[&'static TypeObject] = &[
        &o::baseobject::OBJECT_TYPE,
        &o::typetype::TYPE_TYPE,
        &o::int::INT_TYPE,
        &o::bool::BOOL_TYPE,
        &o::float::FLOAT_TYPE,
        &o::complex::COMPLEX_TYPE,
        &o::str::STR_TYPE,
        &o::bytes::BYTES_TYPE,
        &o::tuple::TUPLE_TYPE,
        &o::list::LIST_TYPE,
        &o::dict::DICT_TYPE,
        &o::set::SET_TYPE,
        &o::set::FROZENSET_TYPE,
        &o::slice::SLICE_TYPE,
        &o::funcdescr::PROPERTY_TYPE,
        &o::funcdescr::CLASSMETHOD_TYPE,
        &o::funcdescr::STATICMETHOD_TYPE,
    ];
    for t in types
        .iter()
        .chain(o::exceptions::all_types())
        .chain(super::builtins_more::TYPES.iter())
    {
        set_item_str(&d, &t.name(), t.to_ref());
    }
    set_item_str(&d, "None", none());
    set_item_str(&d, "True", new_bool(true));
    set_item_str(&d, "False", new_bool(false));
    set_item_str(&d, "Ellipsis", o::none::ellipsis());
    set_item_str(&d, "NotImplemented", o::none::not_implemented());
    set_item_str(
        &d,
        "__debug__",
        new_bool(crate::compile::interpreter_optimize() == 0),
    );
    set_item_str(&d, "EnvironmentError", exc::OS_ERROR.to_ref());
    set_item_str(&d, "IOError", exc::OS_ERROR.to_ref());
    m
}
