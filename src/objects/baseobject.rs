//! `object`, the root of every type: default construction, identity
//! equality and hash, the default repr/str/format, and generic attributes.

use std::cell::{Cell, OnceCell};

use super::err::{type_error, PyResult};
use super::global::Global;
use super::heap;
use super::names::name;
use super::object::{PyObject, Ref};

use super::typeobj::{KwNames, MethodDef, MethodKind, Slots, TypeFlags, TypeObject};
use crate::compile::opcode::CompareOp;

fn kw_count(kw: KwNames<'_>) -> usize {
    kw.map_or(0, |k| super::tuple::items(k).len())
}

/// `object.__new__(cls)`: a bare instance of `cls` (payload: the header).
fn object_new(ty: &TypeObject, args: &[Ref], kw: KwNames<'_>) -> PyResult {
    if !args.is_empty() || kw_count(kw) > 0 {
        let init_overridden = ty
            .lookup(name!("__init__"))
            .is_some_and(|i| !is_object_attr(&i, &OBJECT_INIT, name!("__init__")));
        let new_overridden = ty
            .lookup(name!("__new__"))
            .is_some_and(|i| !is_object_attr(&i, &OBJECT_NEW, name!("__new__")));
        if new_overridden || !init_overridden {
            return Err(type_error(format!("{}() takes no arguments", ty.name())));
        }
    }
    Ok(new_instance(ty))
}

/// `object.__init__` and `object.__new__`, read from `object`'s dict on
/// first use: `object` is a static type whose dict is filled once at start
/// (TYPE-1) and cannot be changed afterwards (setting an attribute of an
/// immutable type raises), so the values stay the same for the process.
static OBJECT_INIT: Global<OnceCell<Ref>> = Global::new(OnceCell::new());
static OBJECT_NEW: Global<OnceCell<Ref>> = Global::new(OnceCell::new());

/// Whether `v` is `object`'s own attribute `name` (an interned str),
/// remembered in `cell` (GLOBAL-1).
fn is_object_attr(v: &PyObject, cell: &'static Global<OnceCell<Ref>>, name: &PyObject) -> bool {
    let cell = cell.get();
    if let Some(o) = cell.get() {
        return o.is(v);
    }
    let Some(o) = OBJECT_TYPE
        .dict
        .get()
        .and_then(|d| super::dict::get_item_interned(&d, name))
    else {
        return false;
    };
    cell.get_or_init(|| o).is(v)
}

/// Allocate a plain instance of `ty` (whose solid base is `object`).
pub fn new_instance(ty: &TypeObject) -> Ref {
    let obj = heap::alloc_object(ty, ty.basicsize);
    // SAFETY: the block has room for the header (basicsize >= header).
    unsafe { obj.as_ptr().write(PyObject::new(ty)) };
    // SAFETY: new object, we own it.
    let r = unsafe { Ref::from_raw(obj) };
    if ty.flags().contains(TypeFlags::HAS_GC) {
        heap::track(&r);
    }
    r
}

fn object_init(obj: &PyObject, args: &[Ref], kw: KwNames<'_>) -> PyResult<()> {
    if !args.is_empty() || kw_count(kw) > 0 {
        let ty = obj.ty();
        let init_overridden = ty
            .lookup(name!("__init__"))
            .is_some_and(|i| !is_object_attr(&i, &OBJECT_INIT, name!("__init__")));
        let new_overridden = ty
            .lookup(name!("__new__"))
            .is_some_and(|i| !is_object_attr(&i, &OBJECT_NEW, name!("__new__")));
        if init_overridden || !new_overridden {
            return Err(type_error(format!(
                "{}.__init__() takes exactly one argument (the instance to initialize)",
                ty.name()
            )));
        }
    }
    Ok(())
}

fn object_hash(obj: &PyObject) -> PyResult<i64> {
    let a = obj.addr() as u64;
    Ok(a.rotate_right(4) as i64)
}

fn object_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    match op {
        CompareOp::Eq if a.is(b) => Ok(super::bool::new_bool(true)),
        CompareOp::Ne => {
            // `__ne__` inverts `__eq__` unless it is NotImplemented.
            let eq = super::protocol::call_slot_eq(a, b)?;
            if eq.is(super::none::not_implemented_ref()) {
                return Ok(eq);
            }
            Ok(super::bool::new_bool(!super::protocol::is_true(&eq)?))
        }
        _ => Ok(super::none::not_implemented()),
    }
}

fn object_str(obj: &PyObject) -> PyResult {
    super::protocol::repr(obj)
}

fn m_format(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    let spec = args
        .get(1)
        .and_then(|s| super::str::as_str(s).map(str::to_string))
        .unwrap_or_default();
    if !spec.is_empty() {
        return Err(type_error(format!(
            "unsupported format string passed to {}.__format__",
            args[0].ty().name()
        )));
    }
    super::protocol::str_of(&args[0])
}

/// `object.__init_subclass__`: takes nothing, so stray class keywords
/// (`class A(foo=1)`) are a TypeError naming the new class.
fn m_init_subclass(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let cls = super::typetype::as_type(&args[0])
        .map(|t| t.name().to_string())
        .unwrap_or_default();
    let nkw = kw.map_or(0, |k| super::tuple::items(k).len());
    if nkw > 0 {
        return Err(type_error(format!(
            "{cls}.__init_subclass__() takes no keyword arguments"
        )));
    }
    if args.len() > 1 {
        return Err(type_error(format!(
            "{cls}.__init_subclass__() takes no arguments ({} given)",
            args.len() - 1
        )));
    }
    Ok(super::none::none())
}

fn m_sizeof(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    let o = &args[0];
    Ok(super::int::new_int((o.ty().slots.sizeof)(o) as i64))
}

fn m_dir(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    super::protocol::default_dir(&args[0])
}

fn m_reduce_ex(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    Err(type_error(format!(
        "cannot pickle '{}' object",
        args[0].ty().name()
    )))
}

fn m_reduce(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    m_reduce_ex(args, _kw)
}

/// `object.__getstate__()` (getstate.rs).
fn m_getstate(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    super::getstate::getstate(&args[0])
}

fn m_subclasshook(_args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    Ok(super::none::not_implemented())
}

static OBJECT_METHODS: [MethodDef; 8] = [
    MethodDef {
        name: "__reduce__",
        func: m_reduce,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "__getstate__",
        func: m_getstate,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "__subclasshook__",
        func: m_subclasshook,
        kind: MethodKind::Class,
    },
    MethodDef {
        name: "__format__",
        func: m_format,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "__init_subclass__",
        func: m_init_subclass,
        kind: MethodKind::Class,
    },
    MethodDef {
        name: "__sizeof__",
        func: m_sizeof,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "__dir__",
        func: m_dir,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "__reduce_ex__",
        func: m_reduce_ex,
        kind: MethodKind::Instance,
    },
];

/// `object.__setattr__`'s slot: the generic attribute assignment.
pub fn object_setattr(obj: &PyObject, name: &PyObject, v: Option<Ref>) -> PyResult<()> {
    super::attr::generic_setattr(obj, name, v)
}

/// `obj.__class__`.
fn get_class(obj: &PyObject) -> PyResult {
    Ok(obj.ty().to_ref())
}

/// `obj.__class__ = C` (CPython's `object_set_class`): both classes heap
/// types with the same instance layout.
fn set_class(obj: &PyObject, v: Option<Ref>) -> PyResult<()> {
    let Some(v) = v else {
        return Err(type_error("can't delete __class__ attribute"));
    };
    let Some(new) = super::typetype::as_type(&v) else {
        return Err(type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            v.ty().name()
        )));
    };
    let old = obj.ty();
    if !new.is_heap() || !old.is_heap() {
        return Err(type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    let layout = |t: &TypeObject| {
        (
            t.solid.get(),
            t.basicsize,
            t.flags().contains(TypeFlags::MANAGED_DICT),
            t.flags().contains(TypeFlags::MANAGED_WEAKREF),
            t.flags().contains(TypeFlags::HAS_GC),
        )
    };
    if layout(new) != layout(old) {
        return Err(type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            new.name(),
            old.name()
        )));
    }
    // VALUES-2: inline values belong to the old class's shared keys.
    if super::attr::instance_values(obj).is_some() {
        super::attr::instance_dict(obj);
    }
    // OBJ-H2: the object takes a reference to the new type and gives up
    // its reference to the old one.
    let old_ref = old.to_ref();
    std::mem::forget(new.to_ref());
    obj.set_type(new);
    // SAFETY: OBJ-H3 — the object owned one reference to its old type
    // (OBJ-H2), which is dropped here; `old_ref` keeps it alive until then.
    unsafe { old.as_object().decref() };
    drop(old_ref);
    Ok(())
}

static OBJECT_GETSETS: [super::typeobj::GetSetDef; 1] = [super::typeobj::GetSetDef {
    name: "__class__",
    get: get_class,
    set: Some(set_class),
}];

/// `object`.
pub static OBJECT_TYPE: TypeObject = TypeObject::new_static(
    "object",
    std::mem::size_of::<PyObject>(),
    None,
    TypeFlags::BASETYPE,
    Slots {
        str: Cell::new(Some(object_str)),
        hash: Cell::new(Some(object_hash)),
        richcompare: Cell::new(Some(object_richcompare)),
        setattr: Cell::new(Some(object_setattr)),
        new: Cell::new(Some(object_new)),
        init: Cell::new(Some(object_init)),
        ..Slots::empty()
    },
    &OBJECT_METHODS,
    &OBJECT_GETSETS,
);
