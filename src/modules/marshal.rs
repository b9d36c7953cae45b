//! `marshal`: `dumps` / `loads` (and `dump` / `load` on files) for the
//! values a code object holds — None, bool, int, float, complex, str,
//! bytes, tuple, frozenset, Ellipsis and code objects — in the format of
//! `compile/marshal.rs`, with CPython's errors (`ValueError:
//! unmarshallable object`, `EOFError: marshal data too short`,
//! `ValueError: bad marshal data (...)`). Lists, dicts and sets, which
//! CPython's marshal also writes, are not supported (no code object holds
//! them): they are unmarshallable here.

use crate::compile::code::Constant;
use crate::compile::marshal;
use crate::objects::err::{type_error, value_error, PyErr, PyResult};
use crate::objects::exceptions as exc;
use crate::objects::object::{PyObject, Ref};
use crate::objects::typeobj::{KwNames, NativeFn};

use super::args;

/// `marshal.version`: the format CPython 3.11 writes by default.
const VERSION: i64 = 4;

fn unmarshallable() -> PyErr {
    value_error("unmarshallable object")
}

/// The constant `obj` stands for (exact types only, as CPython's marshal).
fn to_constant(obj: &PyObject, depth: usize) -> PyResult<Constant> {
    use crate::objects as o;
    if depth > 2000 {
        return Err(value_error("object too deeply nested to marshal"));
    }
    let ty = obj.ty() as *const _;
    let is = |t: &crate::objects::typeobj::TypeObject| std::ptr::eq(ty, t);
    Ok(if obj.is(o::none::none_ref()) {
        Constant::None
    } else if is(&o::none::ELLIPSIS_TYPE) {
        Constant::Ellipsis
    } else if is(&o::bool::BOOL_TYPE) {
        Constant::Bool(crate::objects::protocol::is_true(obj)?)
    } else if is(&o::int::INT_TYPE) {
        let v = o::int::as_int(obj).ok_or_else(unmarshallable)?;
        match v.small() {
            Some(i) => Constant::Int(i),
            None => Constant::BigInt(v.to_bigint().to_string().into_boxed_str()),
        }
    } else if is(&o::float::FLOAT_TYPE) {
        Constant::Float(o::float::as_float(obj).ok_or_else(unmarshallable)?)
    } else if is(&o::complex::COMPLEX_TYPE) {
        let (re, im) = o::complex::as_complex(obj).ok_or_else(unmarshallable)?;
        Constant::Complex(re, im)
    } else if is(&o::str::STR_TYPE) {
        Constant::Str(o::str::as_str(obj).ok_or_else(unmarshallable)?.into())
    } else if is(&o::bytes::BYTES_TYPE) {
        Constant::Bytes(o::bytes::as_bytes(obj).ok_or_else(unmarshallable)?.into())
    } else if is(&o::tuple::TUPLE_TYPE) {
        let items = o::tuple::items(obj)
            .iter()
            .map(|i| to_constant(i, depth + 1))
            .collect::<PyResult<Vec<_>>>()?;
        Constant::Tuple(items.into_boxed_slice())
    } else if is(&o::set::FROZENSET_TYPE) {
        let set = o::set::as_set(obj).ok_or_else(unmarshallable)?;
        let items = set
            .items()
            .iter()
            .map(|i| to_constant(i, depth + 1))
            .collect::<PyResult<Vec<_>>>()?;
        Constant::FrozenSet(items.into_boxed_slice())
    } else if let Some(code) = o::codeobj::as_code(obj) {
        Constant::Code(code.unit.clone())
    } else {
        return Err(unmarshallable());
    })
}

fn version_arg(v: Option<&Ref>) -> PyResult<()> {
    if let Some(v) = v {
        crate::objects::protocol::index_i64(v)?;
    }
    Ok(())
}

/// `marshal.dumps(value, version=4, /)`.
fn dumps(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("dumps", a, kw, 1, 2)?;
    version_arg(a.get(1))?;
    let c = to_constant(&a[0], 0)?;
    let mut out = Vec::new();
    marshal::dump(&c, &mut out);
    Ok(crate::objects::bytes::new_bytes(&out))
}

fn load_error(e: marshal::LoadError) -> PyErr {
    if e.is_eof() {
        PyErr::new(&exc::EOF_ERROR, e.message())
    } else {
        value_error(e.message())
    }
}

fn bytes_like(obj: &PyObject) -> PyResult<Vec<u8>> {
    if let Some(b) = crate::objects::bytes::as_bytes(obj) {
        return Ok(b.to_vec());
    }
    // bytearray and other buffers: through bytes(obj).
    if crate::objects::str::as_str(obj).is_none() {
        if let Ok(b) = crate::objects::protocol::call(
            &crate::objects::bytes::BYTES_TYPE.to_ref(),
            &[obj.to_ref()],
            None,
        ) {
            if let Some(b) = crate::objects::bytes::as_bytes(&b) {
                return Ok(b.to_vec());
            }
        }
    }
    Err(type_error(format!(
        "a bytes-like object is required, not '{}'",
        obj.ty().name()
    )))
}

fn from_bytes(data: &[u8]) -> PyResult {
    let c = marshal::load(data, None).map_err(load_error)?;
    crate::objects::codeobj::constant_to_object(&c)
}

/// `marshal.loads(bytes, /)`.
fn loads(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("loads", a, kw, 1, 1)?;
    from_bytes(&bytes_like(&a[0])?)
}

/// `marshal.dump(value, file, version=4, /)`: `file.write(dumps(value))`.
fn dump(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("dump", a, kw, 2, 3)?;
    version_arg(a.get(2))?;
    let data = dumps(&a[..1], None)?;
    let write = crate::objects::protocol::getattr_str(&a[1], "write")?;
    crate::objects::protocol::call(&write, &[data], None)?;
    Ok(crate::objects::none::none())
}

/// `marshal.load(file, /)`: one value from `file.read()`.
fn load(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("load", a, kw, 1, 1)?;
    let read = crate::objects::protocol::getattr_str(&a[0], "read")?;
    let data = crate::objects::protocol::call(&read, &[], None)?;
    from_bytes(&bytes_like(&data)?)
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("dumps", dumps),
    ("loads", loads),
    ("dump", dump),
    ("load", load),
];

/// The `marshal` module.
pub fn make_module() -> Ref {
    let m = super::new_native_module("marshal", FUNCTIONS);
    let d = crate::objects::module::module_dict(&m).expect("module dict");
    crate::objects::dict::set_item_str(&d, "version", crate::objects::int::new_int(VERSION));
    m
}
