//! Built-ins that look at namespaces or talk to the outside world: `vars`,
//! `dir`, `input` and `open`.

use crate::objects::err::{type_error, value_error, PyErr, PyResult};
use crate::objects::exceptions as exc;
use crate::objects::fileobj::{self, Encoding, Newline};
use crate::objects::none::none_ref;
use crate::objects::object::{PyObject, Ref};
use crate::objects::protocol;
use crate::objects::str::{as_str, new_str};
use crate::objects::typeobj::KwNames;

use super::args;
use super::builtins_exec::caller_locals;

/// `vars([object])`.
pub fn vars(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("vars", a, kw, 0, 1)?;
    let Some(obj) = a.first() else {
        return caller_locals();
    };
    if obj.ty().lookup_str("__dict__").is_none() {
        if let Some(d) = crate::objects::attr::instance_dict(obj) {
            return Ok(d);
        }
    }
    match protocol::getattr_opt(obj, &crate::objects::str::intern("__dict__"))? {
        Some(d) => Ok(d),
        None => Err(type_error("vars() argument must have __dict__ attribute")),
    }
}

/// Sort a list of names (all str: by code point; otherwise by `<`).
fn sorted_names(mut names: Vec<Ref>) -> PyResult {
    if names.iter().all(|n| as_str(n).is_some()) {
        names.sort_by(|a, b| as_str(a).cmp(&as_str(b)));
        return Ok(crate::objects::list::new_list(names));
    }
    let mut err = None;
    names.sort_by(|a, b| {
        if err.is_some() {
            return std::cmp::Ordering::Equal;
        }
        match protocol::compare_bool(a, b, crate::compile::opcode::CompareOp::Lt) {
            Ok(true) => std::cmp::Ordering::Less,
            Ok(false) => {
                match protocol::compare_bool(b, a, crate::compile::opcode::CompareOp::Lt) {
                    Ok(true) => std::cmp::Ordering::Greater,
                    Ok(false) => std::cmp::Ordering::Equal,
                    Err(e) => {
                        err = Some(e);
                        std::cmp::Ordering::Equal
                    }
                }
            }
            Err(e) => {
                err = Some(e);
                std::cmp::Ordering::Equal
            }
        }
    });
    match err {
        Some(e) => Err(e),
        None => Ok(crate::objects::list::new_list(names)),
    }
}

/// `dir([object])`: the sorted `__dir__()` of the object, or the sorted
/// names of the caller's scope.
pub fn dir(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("dir", a, kw, 0, 1)?;
    let Some(obj) = a.first() else {
        let locals = caller_locals()?;
        let keys = match crate::objects::dict::as_dict(&locals) {
            Some(d) => d.keys(),
            None => protocol::to_vec(&*protocol::call_method(&locals, "keys", &[])?)?,
        };
        return sorted_names(keys);
    };
    if let Some(d) = crate::objects::module::module_dict(obj) {
        if obj.ty().lookup_str("__dir__").is_some_and(|f| {
            crate::objects::baseobject::OBJECT_TYPE
                .lookup_str("__dir__")
                .is_some_and(|o| o.is(&f))
        }) {
            let keys = crate::objects::dict::as_dict(&d)
                .map(|d| d.keys())
                .unwrap_or_default();
            return sorted_names(keys);
        }
    }
    let Some(f) = obj.ty().lookup_str("__dir__") else {
        return Err(type_error("object does not provide __dir__"));
    };
    let names = protocol::call_method_obj(&f, obj, &[])?;
    sorted_names(protocol::to_vec(&names)?)
}

/// `input([prompt])`: the prompt on stdout, then one line of stdin
/// without its newline; EOFError at end of input.
pub fn input(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("input", a, kw, 0, 1)?;
    let sys = crate::objects::dict::get_item_str(&crate::vm::modules(), "sys")
        .ok_or_else(|| PyErr::new(&exc::RUNTIME_ERROR, "input(): lost sys"))?;
    let stdin = protocol::getattr_str(&sys, "stdin")
        .map_err(|_| PyErr::new(&exc::RUNTIME_ERROR, "input(): lost sys.stdin"))?;
    let stdout = protocol::getattr_str(&sys, "stdout")
        .map_err(|_| PyErr::new(&exc::RUNTIME_ERROR, "input(): lost sys.stdout"))?;
    if let Some(p) = a.first() {
        let text = protocol::str_of(p)?;
        if super::sys::is_real_stream(&stdout, 1) {
            super::sys::write_stdout(as_str(&text).unwrap_or(""))?;
            super::sys::flush_stdout();
        } else {
            protocol::call_method(&stdout, "write", &[text])?;
            let _ = protocol::call_method(&stdout, "flush", &[]);
        }
    } else {
        super::sys::flush_stdout();
    }
    let line = if fileobj::as_file(&stdin).is_some() {
        match fileobj::read_line(&stdin)? {
            Some(s) => new_str(&s),
            None => new_str(""),
        }
    } else {
        protocol::call_method(&stdin, "readline", &[])?
    };
    let Some(s) = as_str(&line) else {
        return Err(type_error("object.readline() returned non-string"));
    };
    if s.is_empty() {
        return Err(PyErr::new(&exc::EOF_ERROR, "EOF when reading a line"));
    }
    Ok(new_str(s.strip_suffix('\n').unwrap_or(s)))
}

/// A path argument as text: str, bytes, or an object with `__fspath__`.
fn fspath(v: &PyObject) -> PyResult<String> {
    if let Some(s) = as_str(v) {
        return Ok(s.to_string());
    }
    if let Some(b) = crate::objects::bytes::as_bytes(v) {
        return Ok(String::from_utf8_lossy(b).into_owned());
    }
    if let Some(f) = v.ty().lookup_str("__fspath__") {
        let p = protocol::call_method_obj(&f, v, &[])?;
        if let Some(s) = as_str(&p) {
            return Ok(s.to_string());
        }
        if let Some(b) = crate::objects::bytes::as_bytes(&p) {
            return Ok(String::from_utf8_lossy(b).into_owned());
        }
        return Err(type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            v.ty().name(),
            p.ty().name()
        )));
    }
    Err(type_error(format!(
        "expected str, bytes or os.PathLike object, not {}",
        v.ty().name()
    )))
}

fn opt_str<'a>(fname: &str, what: &str, v: &'a Option<Ref>) -> PyResult<Option<&'a str>> {
    match v {
        None => Ok(None),
        Some(v) if v.is(none_ref()) => Ok(None),
        Some(v) => as_str(v).map(Some).ok_or_else(|| {
            type_error(format!(
                "{fname}() argument '{what}' must be str or None, not {}",
                v.ty().name()
            ))
        }),
    }
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None,
/// newline=None, closefd=True, opener=None)`.
pub fn open(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let p = args::parse(
        "open",
        a,
        kw,
        &[
            "file",
            "mode",
            "buffering",
            "encoding",
            "errors",
            "newline",
            "closefd",
            "opener",
        ],
        1,
        0,
    )?;
    let file = p[0].as_ref().expect("required");
    let mode = match &p[1] {
        None => "r",
        Some(m) => as_str(m).ok_or_else(|| {
            type_error(format!(
                "open() argument 'mode' must be str, not {}",
                m.ty().name()
            ))
        })?,
    };
    let encoding = opt_str("open", "encoding", &p[3])?;
    let errors = opt_str("open", "errors", &p[4])?;
    let newline = opt_str("open", "newline", &p[5])?;
    if crate::objects::int::as_int(file).is_some() {
        return Err(value_error(
            "open(): file descriptors are not supported by pyrite",
        ));
    }
    let path = fspath(file)?;
    let spec = fileobj::parse_mode(mode)?;
    if spec.binary {
        if encoding.is_some() {
            return Err(value_error("binary mode doesn't take an encoding argument"));
        }
        if errors.is_some() {
            return Err(value_error("binary mode doesn't take an errors argument"));
        }
        if newline.is_some() {
            return Err(value_error("binary mode doesn't take a newline argument"));
        }
    }
    let newline = match newline {
        None => Newline::Universal,
        Some("") => Newline::Any,
        Some("\n") => Newline::Lf,
        Some("\r") => Newline::Cr,
        Some("\r\n") => Newline::CrLf,
        Some(other) => return Err(value_error(format!("illegal newline value: {other}"))),
    };
    let encoding = match encoding {
        None => None,
        Some(name) => match Encoding::lookup(name) {
            Some(e) => Some((e, name.to_string())),
            None => {
                return Err(PyErr::new(
                    &exc::LOOKUP_ERROR,
                    format!("unknown encoding: {name}"),
                ))
            }
        },
    };
    if path.contains('\0') {
        return Err(value_error("embedded null byte"));
    }
    fileobj::open_file(&path, file.clone(), &spec, encoding, newline)
}
