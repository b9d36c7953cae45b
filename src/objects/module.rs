//! `module`: a namespace dict with a name; attribute access reads the dict.

use std::cell::Cell;
use std::ptr::NonNull;

use pyrite_gc::Visitor;

use super::dict::{as_dict, new_dict, set_item_str};
use super::err::{attribute_error, PyResult};
use super::heap;
use super::object::{PyObject, PyPayload, Ref, RefCellSlot};
use super::str::{as_str, new_str};
use super::typeobj::{GetSetDef, KwNames, Slots, TypeFlags, TypeObject};

/// A module.
#[repr(C)]
pub struct ModuleObject {
    ob: PyObject,
    /// The namespace (`__dict__`).
    pub dict: RefCellSlot,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first.
unsafe impl PyPayload for ModuleObject {
    fn static_type() -> &'static TypeObject {
        &MODULE_TYPE
    }
}

/// A new module named `name` with a fresh dict (`__name__`, `__doc__`).
pub fn new_module(name: &str) -> Ref {
    let dict = new_dict();
    set_item_str(&dict, "__name__", new_str(name));
    set_item_str(&dict, "__doc__", super::none::none());
    set_item_str(&dict, "__package__", super::none::none());
    set_item_str(&dict, "__loader__", super::none::none());
    set_item_str(&dict, "__spec__", super::none::none());
    new_module_with_dict(&MODULE_TYPE, dict)
}

/// A module object around an existing dict.
pub fn new_module_with_dict(ty: &TypeObject, dict: Ref) -> Ref {
    let obj = heap::alloc_object(ty, std::mem::size_of::<ModuleObject>());
    let m = ModuleObject {
        ob: PyObject::new(ty),
        dict: RefCellSlot::new(Some(dict)),
    };
    // SAFETY: the block has room for a ModuleObject.
    unsafe { obj.cast::<ModuleObject>().as_ptr().write(m) };
    // SAFETY: new object, we own it.
    let r = unsafe { Ref::from_raw(obj) };
    heap::track(&r);
    r
}

/// The module's dict.
pub fn module_dict(obj: &PyObject) -> Option<Ref> {
    obj.downcast::<ModuleObject>().and_then(|m| m.dict.get())
}

unsafe fn module_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; payload per PAYLOAD-1.
    unsafe { std::ptr::drop_in_place(obj.cast::<ModuleObject>().as_ptr()) }
}

fn module_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    if let Some(p) = obj.downcast::<ModuleObject>().expect("module").dict.peek() {
        v.visit(p);
    }
}

fn module_clear(obj: &PyObject) {
    obj.downcast::<ModuleObject>()
        .expect("module")
        .dict
        .set(None);
}

fn module_name(obj: &PyObject) -> String {
    module_dict(obj)
        .and_then(|d| super::dict::get_item_str(&d, "__name__"))
        .and_then(|n| as_str(&n).map(str::to_string))
        .unwrap_or_else(|| "?".to_string())
}

fn module_getattr(obj: &PyObject, name: &PyObject) -> PyResult {
    // The module's dict comes before the type's non-data attributes (as
    // CPython's tp_dictoffset lookup): `gc.__doc__` is the module's.
    let shadowed = obj
        .ty()
        .lookup(name)
        .is_some_and(|d| super::attr::is_data_descriptor(&d));
    if !shadowed {
        if let Some(d) = module_dict(obj) {
            if let Some(v) = super::dict::get_item_interned(&d, name) {
                return Ok(v);
            }
        }
    }
    if let Some(v) = super::attr::generic_getattr_opt(obj, name)? {
        return Ok(v);
    }
    if let Some(d) = module_dict(obj) {
        if let Some(v) = super::dict::get_item_interned(&d, name) {
            return Ok(v);
        }
        if let Some(ga) = super::dict::get_item_str(&d, "__getattr__") {
            return super::protocol::call(&ga, &[name.to_ref()], None);
        }
    }
    Err(attribute_error(format!(
        "module '{}' has no attribute '{}'",
        module_name(obj),
        as_str(name).unwrap_or("?")
    )))
}

fn module_setattr(obj: &PyObject, name: &PyObject, v: Option<Ref>) -> PyResult<()> {
    let d = module_dict(obj).ok_or_else(|| attribute_error("module has no dict"))?;
    let d = as_dict(&d).expect("dict");
    match v {
        Some(v) => d.set(name.to_ref(), v),
        None => match d.remove(name)? {
            Some(_) => Ok(()),
            None => Err(attribute_error(format!(
                "module '{}' has no attribute '{}'",
                module_name(obj),
                as_str(name).unwrap_or("?")
            ))),
        },
    }
}

fn module_repr(obj: &PyObject) -> PyResult {
    let file = module_dict(obj)
        .and_then(|d| super::dict::get_item_str(&d, "__file__"))
        .and_then(|n| as_str(&n).map(str::to_string));
    Ok(match file {
        Some(f) => new_str(&format!("<module '{}' from '{}'>", module_name(obj), f)),
        None => new_str(&format!("<module '{}' (built-in)>", module_name(obj))),
    })
}

fn module_new(ty: &TypeObject, args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    let name = args
        .first()
        .and_then(|a| as_str(a).map(str::to_string))
        .unwrap_or_default();
    let m = new_module(&name);
    if !std::ptr::eq(ty, &MODULE_TYPE) {
        let d = module_dict(&m).expect("dict");
        return Ok(new_module_with_dict(ty, d));
    }
    Ok(m)
}

fn get_dict(obj: &PyObject) -> PyResult {
    Ok(module_dict(obj).unwrap_or_else(new_dict))
}

static MODULE_GETSETS: [GetSetDef; 1] = [GetSetDef {
    name: "__dict__",
    get: get_dict,
    set: None,
}];

/// `module`.
pub static MODULE_TYPE: TypeObject = TypeObject::new_static(
    "module",
    std::mem::size_of::<ModuleObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags(TypeFlags::HAS_GC.0 | TypeFlags::BASETYPE.0 | TypeFlags::MANAGED_WEAKREF.0),
    Slots {
        drop: module_drop,
        traverse: Some(module_traverse),
        clear: Some(module_clear),
        repr: Cell::new(module_repr),
        getattr: Cell::new(module_getattr),
        setattr: Cell::new(Some(module_setattr)),
        new: Cell::new(Some(module_new)),
        ..Slots::empty()
    },
    &[],
    &MODULE_GETSETS,
);
