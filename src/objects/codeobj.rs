//! `code`: a compiled [`CodeUnit`] with its constants and names turned
//! into objects once, so the VM indexes them directly.

use std::cell::Cell;
use std::ptr::NonNull;
use std::rc::Rc;

use num_bigint::BigInt;

use super::err::{PyErr, PyResult};
use super::heap;
use super::object::{PyObject, PyPayload, Ref};
use super::str::{intern, new_str};
use super::typeobj::{GetSetDef, Slots, TypeFlags, TypeObject};
use crate::compile::code::{CodeUnit, Constant};

/// A code object.
#[repr(C)]
pub struct CodeObject {
    ob: PyObject,
    /// The compiled unit.
    pub unit: Rc<CodeUnit>,
    /// `co_consts` as objects.
    pub consts: Vec<Ref>,
    /// `co_names` as interned strs.
    pub names: Vec<Ref>,
    /// `co_varnames` as interned strs.
    pub varnames: Vec<Ref>,
    /// `co_cellvars ++ co_freevars` as interned strs.
    pub derefnames: Vec<Ref>,
    /// For each cell variable, the argument slot it starts from, if it is a
    /// parameter.
    pub cell2arg: Vec<Option<usize>>,
    /// `LOAD_GLOBAL`'s inline cache, one per name of `names`
    /// (`vm/cache.rs`).
    pub global_cache: Box<[crate::vm::cache::GlobalCache]>,
    /// `LOAD_ATTR`'s inline cache, one per name of `names`.
    pub attr_cache: Box<[crate::vm::cache::AttrCache]>,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first.
unsafe impl PyPayload for CodeObject {
    fn static_type() -> &'static TypeObject {
        &CODE_TYPE
    }
}

impl CodeObject {
    /// `co_name` as a str.
    pub fn name_obj(&self) -> Ref {
        intern(&self.unit.name)
    }

    /// `co_qualname` as a str.
    pub fn qualname_obj(&self) -> Ref {
        new_str(&self.unit.qualname)
    }

    /// The docstring: consts[0] of a function when it is a str.
    pub fn docstring(&self) -> Ref {
        if self.unit.flags & crate::compile::code::flags::OPTIMIZED != 0 {
            if let Some(c) = self.consts.first() {
                if super::str::as_str(c).is_some() {
                    return c.clone();
                }
            }
        }
        super::none::none()
    }

    /// Number of fast locals.
    pub fn nlocals(&self) -> usize {
        self.unit.varnames.len()
    }

    /// The source line of instruction `i`.
    pub fn line_of(&self, i: usize) -> u32 {
        self.unit
            .positions
            .get(i)
            .map_or(self.unit.first_line, |p| p.line)
    }
}

/// Whether an identifier-like string should be interned.
fn is_identifier(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Turn a compile-time constant into an object.
pub fn constant_to_object(c: &Constant) -> PyResult {
    Ok(match c {
        Constant::None => super::none::none(),
        Constant::Ellipsis => super::none::ellipsis(),
        Constant::Bool(b) => super::bool::new_bool(*b),
        Constant::Int(i) => super::int::new_int(*i),
        Constant::BigInt(s) => {
            let v: BigInt = s
                .parse()
                .map_err(|_| PyErr::new(&super::exceptions::SYSTEM_ERROR, "bad int constant"))?;
            super::int::new_bigint(v)
        }
        Constant::Float(f) => super::float::new_float(*f),
        Constant::Complex(re, im) => super::complex::new_complex(*re, *im),
        Constant::Str(s) => {
            if is_identifier(s) {
                intern(s)
            } else {
                new_str(s)
            }
        }
        Constant::Bytes(b) => super::bytes::new_bytes(b),
        Constant::Tuple(items) => {
            let v = items
                .iter()
                .map(constant_to_object)
                .collect::<PyResult<Vec<_>>>()?;
            super::tuple::new_tuple(v)
        }
        Constant::FrozenSet(items) => {
            let v = items
                .iter()
                .map(constant_to_object)
                .collect::<PyResult<Vec<_>>>()?;
            super::set::new_frozenset(v)?
        }
        Constant::Code(unit) => new_code(unit.clone())?,
    })
}

/// A code object for `unit` (and, recursively, its nested code).
pub fn new_code(unit: Rc<CodeUnit>) -> PyResult {
    let consts = unit
        .consts
        .iter()
        .map(constant_to_object)
        .collect::<PyResult<Vec<_>>>()?;
    let names = unit.names.iter().map(|n| intern(n)).collect();
    let varnames = unit.varnames.iter().map(|n| intern(n)).collect();
    let derefnames = unit
        .cellvars
        .iter()
        .chain(unit.freevars.iter())
        .map(|n| intern(n))
        .collect();
    let nargs = (unit.argcount + unit.kwonlyargcount) as usize
        + usize::from(unit.flags & crate::compile::code::flags::VARARGS != 0)
        + usize::from(unit.flags & crate::compile::code::flags::VARKEYWORDS != 0);
    let cell2arg = unit
        .cellvars
        .iter()
        .map(|c| {
            unit.varnames[..nargs.min(unit.varnames.len())]
                .iter()
                .position(|v| v == c)
        })
        .collect();
    let global_cache = (0..unit.names.len())
        .map(|_| crate::vm::cache::GlobalCache::new())
        .collect();
    let attr_cache = (0..unit.names.len())
        .map(|_| crate::vm::cache::AttrCache::new())
        .collect();
    let obj = heap::alloc_object(&CODE_TYPE, std::mem::size_of::<CodeObject>());
    let code = CodeObject {
        ob: PyObject::new(&CODE_TYPE),
        unit,
        consts,
        names,
        varnames,
        derefnames,
        cell2arg,
        global_cache,
        attr_cache,
    };
    // SAFETY: the block has room for a CodeObject.
    unsafe { obj.cast::<CodeObject>().as_ptr().write(code) };
    // SAFETY: new object, we own it.
    Ok(unsafe { Ref::from_raw(obj) })
}

/// The code payload of `obj`.
#[inline(always)]
pub fn as_code(obj: &PyObject) -> Option<&CodeObject> {
    obj.downcast_exact::<CodeObject>()
}

unsafe fn code_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; payload per PAYLOAD-1.
    unsafe { std::ptr::drop_in_place(obj.cast::<CodeObject>().as_ptr()) }
}

fn code_repr(obj: &PyObject) -> PyResult {
    let c = as_code(obj).expect("code");
    Ok(new_str(&format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        c.unit.name,
        obj.addr(),
        c.unit.filename,
        c.unit.first_line
    )))
}

fn code(obj: &PyObject) -> &CodeObject {
    as_code(obj).expect("code")
}

fn str_tuple(v: &[Ref]) -> Ref {
    super::tuple::tuple_from_slice(v)
}

static CODE_GETSETS: [GetSetDef; 14] = [
    GetSetDef {
        name: "co_name",
        get: |o| Ok(code(o).name_obj()),
        set: None,
    },
    GetSetDef {
        name: "co_qualname",
        get: |o| Ok(code(o).qualname_obj()),
        set: None,
    },
    GetSetDef {
        name: "co_filename",
        get: |o| Ok(new_str(&code(o).unit.filename)),
        set: None,
    },
    GetSetDef {
        name: "co_firstlineno",
        get: |o| Ok(super::int::new_int(code(o).unit.first_line as i64)),
        set: None,
    },
    GetSetDef {
        name: "co_argcount",
        get: |o| Ok(super::int::new_int(code(o).unit.argcount as i64)),
        set: None,
    },
    GetSetDef {
        name: "co_posonlyargcount",
        get: |o| Ok(super::int::new_int(code(o).unit.posonlyargcount as i64)),
        set: None,
    },
    GetSetDef {
        name: "co_kwonlyargcount",
        get: |o| Ok(super::int::new_int(code(o).unit.kwonlyargcount as i64)),
        set: None,
    },
    GetSetDef {
        name: "co_nlocals",
        get: |o| Ok(super::int::new_int(code(o).nlocals() as i64)),
        set: None,
    },
    GetSetDef {
        name: "co_stacksize",
        get: |o| Ok(super::int::new_int(code(o).unit.stacksize as i64)),
        set: None,
    },
    GetSetDef {
        name: "co_flags",
        get: |o| Ok(super::int::new_int(code(o).unit.flags as i64)),
        set: None,
    },
    GetSetDef {
        name: "co_consts",
        get: |o| Ok(str_tuple(&code(o).consts)),
        set: None,
    },
    GetSetDef {
        name: "co_names",
        get: |o| Ok(str_tuple(&code(o).names)),
        set: None,
    },
    GetSetDef {
        name: "co_varnames",
        get: |o| Ok(str_tuple(&code(o).varnames)),
        set: None,
    },
    GetSetDef {
        name: "co_freevars",
        get: |o| {
            let c = code(o);
            Ok(str_tuple(&c.derefnames[c.unit.cellvars.len()..]))
        },
        set: None,
    },
];

/// `code`.
pub static CODE_TYPE: TypeObject = TypeObject::new_static(
    "code",
    std::mem::size_of::<CodeObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags(0),
    Slots {
        drop: code_drop,
        repr: Cell::new(code_repr),
        ..Slots::empty()
    },
    &[],
    &CODE_GETSETS,
);
