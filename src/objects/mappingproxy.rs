//! `mappingproxy`: a read-only view of a mapping — what `type.__dict__`
//! returns, so that a class's namespace changes only through `setattr` on
//! the class (which keeps its slots and the attribute caches right).

use std::cell::Cell;
use std::ptr::NonNull;

use pyrite_gc::Visitor;

use super::err::{type_error, PyResult};
use super::heap;
use super::object::{PyObject, PyPayload, Ref};
use super::str::{as_str, new_str};
use super::typeobj::{KwNames, MethodDef, MethodKind, Slots, TypeFlags, TypeObject};
use crate::compile::opcode::CompareOp;

/// A read-only view of `mapping`.
#[repr(C)]
pub struct MappingProxyObject {
    ob: PyObject,
    mapping: Ref,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first.
unsafe impl PyPayload for MappingProxyObject {
    fn static_type() -> &'static TypeObject {
        &MAPPINGPROXY_TYPE
    }
}

/// A proxy of `mapping` (the caller checked it is a mapping).
pub fn new_mappingproxy(mapping: Ref) -> Ref {
    let obj = heap::alloc_object(
        &MAPPINGPROXY_TYPE,
        std::mem::size_of::<MappingProxyObject>(),
    );
    let p = MappingProxyObject {
        ob: PyObject::new(&MAPPINGPROXY_TYPE),
        mapping,
    };
    // SAFETY: the block has room for the payload.
    unsafe { obj.cast::<MappingProxyObject>().as_ptr().write(p) };
    // SAFETY: new object, we own it.
    let r = unsafe { Ref::from_raw(obj) };
    heap::track(&r);
    r
}

/// The mapping behind a proxy.
fn target(obj: &PyObject) -> &PyObject {
    &obj.downcast_exact::<MappingProxyObject>()
        .expect("mappingproxy")
        .mapping
}

/// CPython's `mappingproxy_check_mapping`: a mapping, but not a list or
/// tuple (which have `__getitem__` too).
fn is_mapping(m: &PyObject) -> bool {
    m.ty().slots.getitem.get().is_some()
        && !m.is_instance_of(&super::list::LIST_TYPE)
        && !m.is_instance_of(&super::tuple::TUPLE_TYPE)
}

fn proxy_new(_ty: &TypeObject, args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = crate::modules::args::parse("mappingproxy", args, kw, &["mapping"], 1, 1)?;
    let m = a[0].clone().expect("required");
    if !is_mapping(&m) {
        return Err(type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            m.ty().name()
        )));
    }
    Ok(new_mappingproxy(m))
}

fn proxy_getitem(obj: &PyObject, key: &PyObject) -> PyResult {
    super::protocol::getitem(target(obj), key)
}

fn proxy_contains(obj: &PyObject, key: &PyObject) -> PyResult<bool> {
    super::protocol::contains(target(obj), key)
}

fn proxy_len(obj: &PyObject) -> PyResult<usize> {
    super::protocol::len(target(obj))
}

fn proxy_iter(obj: &PyObject) -> PyResult {
    super::protocol::iter(target(obj))
}

fn proxy_repr(obj: &PyObject) -> PyResult {
    let inner = super::protocol::repr(target(obj))?;
    Ok(new_str(&format!(
        "mappingproxy({})",
        as_str(&inner).unwrap_or("")
    )))
}

fn proxy_str(obj: &PyObject) -> PyResult {
    super::protocol::str_of(target(obj))
}

fn proxy_richcompare(obj: &PyObject, other: &PyObject, op: CompareOp) -> PyResult {
    super::protocol::rich_compare(target(obj), other, op)
}

/// A method of the proxy that checks its arguments and calls the
/// mapping's own method of the same name (`get`, `keys`, `values`,
/// `items`, `copy`).
macro_rules! forward {
    ($f:ident, $name:literal, $min:expr, $max:expr) => {
        fn $f(args: &[Ref], kw: KwNames<'_>) -> PyResult {
            crate::modules::args::positional($name, &args[1..], kw, $min, $max)?;
            super::protocol::call_method(target(&args[0]), $name, &args[1..])
        }
    };
}

forward!(m_get, "get", 1, 2);
forward!(m_keys, "keys", 0, 0);
forward!(m_values, "values", 0, 0);
forward!(m_items, "items", 0, 0);
forward!(m_copy, "copy", 0, 0);

unsafe fn proxy_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; payload per PAYLOAD-1.
    unsafe { std::ptr::drop_in_place(obj.cast::<MappingProxyObject>().as_ptr()) }
}

fn proxy_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    v.visit(NonNull::from(target(obj)));
}

static PROXY_METHODS: [MethodDef; 5] = [
    MethodDef {
        name: "get",
        func: m_get,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "keys",
        func: m_keys,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "values",
        func: m_values,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "items",
        func: m_items,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "copy",
        func: m_copy,
        kind: MethodKind::Instance,
    },
];

/// `mappingproxy` (`types.MappingProxyType`). Its one reference cannot be
/// cleared (the proxy would dangle), so the collector breaks cycles
/// through it at the mapping's side.
pub static MAPPINGPROXY_TYPE: TypeObject = TypeObject::new_static(
    "mappingproxy",
    std::mem::size_of::<MappingProxyObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags::HAS_GC,
    Slots {
        drop: proxy_drop,
        traverse: Some(proxy_traverse),
        repr: Cell::new(proxy_repr),
        str: Cell::new(Some(proxy_str)),
        hash: Cell::new(Some(super::protocol::hash_not_implemented)),
        richcompare: Cell::new(Some(proxy_richcompare)),
        iter: Cell::new(Some(proxy_iter)),
        len: Cell::new(Some(proxy_len)),
        getitem: Cell::new(Some(proxy_getitem)),
        contains: Cell::new(Some(proxy_contains)),
        new: Cell::new(Some(proxy_new)),
        ..Slots::empty()
    },
    &PROXY_METHODS,
    &[],
);
