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
    /// The inline caches of `LOAD_GLOBAL`, `LOAD_ATTR`, `LOAD_METHOD` and
    /// `STORE_ATTR`, one set per name of `names` (`vm/cache.rs`).
    pub caches: Box<[crate::vm::cache::NameCaches]>,
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

/// Offsets as Python sees them (`dis`, `f_lasti`, `tb_lasti`, `co_lines`)
/// are instruction indices times this: CPython's offsets count 2-byte code
/// units, so pyrite's read the same way (one unit per instruction).
pub const OFFSET_SCALE: usize = 2;

impl CodeObject {
    /// `co_code`: each instruction as its 32-bit word, little-endian (the
    /// opcode byte first, then the 24-bit operand).
    pub fn code_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.unit.instrs.len() * 4);
        for i in &self.unit.instrs {
            out.extend_from_slice(&i.to_bits().to_le_bytes());
        }
        out
    }

    /// `co_exceptiontable`: each entry as five little-endian u32 words
    /// (start, end, target, depth, lasti flag), in instruction indices.
    pub fn exception_table_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.unit.exception_table.len() * 20);
        for e in &self.unit.exception_table {
            for w in [e.start, e.end, e.target, e.depth, u32::from(e.push_lasti)] {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    /// `co_lines()`: `(start, end, line)` offset ranges of consecutive
    /// instructions with the same line; `line` is None where there is none.
    pub fn line_ranges(&self) -> Vec<(usize, usize, Option<u32>)> {
        let mut out: Vec<(usize, usize, Option<u32>)> = Vec::new();
        for i in 0..self.unit.instrs.len() {
            let line = self
                .unit
                .positions
                .get(i)
                .map(|p| p.line)
                .filter(|&l| l > 0);
            let (start, end) = (i * OFFSET_SCALE, (i + 1) * OFFSET_SCALE);
            match out.last_mut() {
                Some(last) if last.2 == line && last.1 == start => last.1 = end,
                _ => out.push((start, end, line)),
            }
        }
        out
    }
}

fn opt_int(v: Option<u32>) -> Ref {
    match v {
        Some(n) => super::int::new_int(i64::from(n)),
        None => super::none::none(),
    }
}

/// `code.co_lines()`.
fn code_co_lines(a: &[Ref], kw: crate::objects::typeobj::KwNames<'_>) -> PyResult {
    crate::modules::args::no_kwargs("co_lines", kw)?;
    let c = code(&a[0]);
    let items = c
        .line_ranges()
        .into_iter()
        .map(|(s, e, l)| {
            super::tuple::new_tuple(vec![
                super::int::new_int(s as i64),
                super::int::new_int(e as i64),
                opt_int(l),
            ])
        })
        .collect();
    super::protocol::iter(&super::list::new_list(items))
}

/// `code.co_positions()`: `(line, end_line, col, end_col)` per instruction,
/// all None where the instruction has no location.
fn code_co_positions(a: &[Ref], kw: crate::objects::typeobj::KwNames<'_>) -> PyResult {
    crate::modules::args::no_kwargs("co_positions", kw)?;
    let c = code(&a[0]);
    let items = (0..c.unit.instrs.len())
        .map(|i| {
            let p = c.unit.positions.get(i).copied().unwrap_or_default();
            let v = if p.line == 0 {
                vec![None, None, None, None]
            } else {
                vec![Some(p.line), Some(p.end_line), Some(p.col), Some(p.end_col)]
            };
            super::tuple::new_tuple(v.into_iter().map(opt_int).collect())
        })
        .collect();
    super::protocol::iter(&super::list::new_list(items))
}

/// `code.replace(**changes)`: a copy with other `co_name`, `co_qualname`,
/// `co_filename` or `co_firstlineno` (the fields that do not change how the
/// code runs); other fields raise `ValueError`.
fn code_replace(a: &[Ref], kw: crate::objects::typeobj::KwNames<'_>) -> PyResult {
    let kwn: &[Ref] = kw.map(super::tuple::items).unwrap_or(&[]);
    if a.len() != 1 + kwn.len() {
        return Err(super::err::type_error(
            "replace() takes no positional arguments",
        ));
    }
    let c = code(&a[0]);
    let mut unit = (*c.unit).clone();
    for (k, v) in kwn.iter().zip(&a[1..]) {
        let k = super::str::as_str(k).unwrap_or("");
        let text = || -> PyResult<String> {
            super::str::as_str(v).map(str::to_string).ok_or_else(|| {
                super::err::type_error(format!(
                    "replace() argument '{k}' must be str, not {}",
                    v.ty().name()
                ))
            })
        };
        match k {
            "co_name" => unit.name = text()?.into(),
            "co_qualname" => unit.qualname = text()?.into(),
            "co_filename" => unit.filename = text()?.into(),
            "co_firstlineno" => {
                let n = super::protocol::index_i64(v)?;
                unit.first_line = u32::try_from(n)
                    .map_err(|_| super::err::value_error("co_firstlineno out of range"))?;
            }
            "co_argcount" | "co_posonlyargcount" | "co_kwonlyargcount" | "co_nlocals"
            | "co_stacksize" | "co_flags" | "co_code" | "co_consts" | "co_names"
            | "co_varnames" | "co_freevars" | "co_cellvars" | "co_linetable"
            | "co_exceptiontable" => {
                return Err(super::err::value_error(format!(
                    "code.replace(): pyrite cannot replace {k}"
                )))
            }
            _ => {
                return Err(super::err::type_error(format!(
                    "replace() got an unexpected keyword argument '{k}'"
                )))
            }
        }
    }
    new_code(Rc::new(unit))
}

static CODE_METHODS: [crate::objects::typeobj::MethodDef; 3] = [
    crate::objects::typeobj::MethodDef {
        name: "co_lines",
        func: code_co_lines,
        kind: crate::objects::typeobj::MethodKind::Instance,
    },
    crate::objects::typeobj::MethodDef {
        name: "co_positions",
        func: code_co_positions,
        kind: crate::objects::typeobj::MethodKind::Instance,
    },
    crate::objects::typeobj::MethodDef {
        name: "replace",
        func: code_replace,
        kind: crate::objects::typeobj::MethodKind::Instance,
    },
];

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
    let caches = (0..unit.names.len())
        .map(|_| crate::vm::cache::NameCaches::default())
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
        caches,
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

static CODE_GETSETS: [GetSetDef; 18] = [
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
        name: "co_cellvars",
        get: |o| {
            let c = code(o);
            Ok(str_tuple(&c.derefnames[..c.unit.cellvars.len()]))
        },
        set: None,
    },
    GetSetDef {
        name: "co_code",
        get: |o| Ok(super::bytes::new_bytes(&code(o).code_bytes())),
        set: None,
    },
    GetSetDef {
        name: "co_exceptiontable",
        get: |o| Ok(super::bytes::new_bytes(&code(o).exception_table_bytes())),
        set: None,
    },
    GetSetDef {
        name: "co_lnotab",
        get: |_| Ok(super::bytes::new_bytes(&[])),
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
    TypeFlags::MANAGED_WEAKREF,
    Slots {
        drop: code_drop,
        repr: Cell::new(code_repr),
        ..Slots::empty()
    },
    &CODE_METHODS,
    &CODE_GETSETS,
);
