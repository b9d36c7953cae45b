//! Attribute lookup and assignment on ordinary objects (CPython's
//! `PyObject_GenericGetAttr` / `GenericSetAttr`): data descriptors on the
//! type, then the instance `__dict__`, then other descriptors and class
//! attributes.

use super::dict::as_dict;
use super::err::{attribute_error, PyResult};
use super::heap;
use super::object::{PyObject, Ref};
use super::str::as_str;
use super::typeobj::TypeFlags;

/// The instance dict of `obj`, if its type has one (made on first use),
/// to hand out (`__dict__`, `vars()`): a private dict becomes public
/// (DICT-6).
pub fn instance_dict(obj: &PyObject) -> Option<Ref> {
    let d = instance_dict_private(obj)?;
    super::dict::make_public(&d);
    Some(d)
}

/// The instance dict of `obj` for the attribute machinery's own use: it
/// stays private (DICT-6), so the caller must not store the reference.
pub fn instance_dict_private(obj: &PyObject) -> Option<Ref> {
    if !obj.ty().flags().contains(TypeFlags::MANAGED_DICT) {
        return None;
    }
    // SAFETY: HEAP-2 — MANAGED_DICT objects have the slot.
    let slot = unsafe { heap::dict_slot(obj) };
    let d = slot.take();
    let d = d.unwrap_or_else(super::dict::new_private_dict);
    let out = d.clone();
    slot.set(Some(d));
    Some(out)
}

/// Replace the instance dict (`obj.__dict__ = d`).
pub fn set_instance_dict(obj: &PyObject, d: Ref) -> bool {
    if !obj.ty().flags().contains(TypeFlags::MANAGED_DICT) {
        return false;
    }
    // SAFETY: HEAP-2 — MANAGED_DICT objects have the slot.
    let old = unsafe { heap::dict_slot(obj) }.replace(Some(d));
    drop(old);
    true
}

/// The `AttributeError` for a missing attribute.
#[cold]
pub fn no_attribute(obj: &PyObject, name: &PyObject) -> super::err::PyErr {
    let n = as_str(name).unwrap_or("?");
    let e = if let Some(t) = super::typetype::as_type(obj) {
        attribute_error(format!(
            "type object '{}' has no attribute '{}'",
            t.name(),
            n
        ))
    } else {
        attribute_error(format!(
            "'{}' object has no attribute '{}'",
            obj.ty().name(),
            n
        ))
    };
    with_name_and_obj(e, obj, name)
}

/// Record `name` and `obj` on an AttributeError (CPython 3.11's fields,
/// used for the "Did you mean" hint).
pub fn with_name_and_obj(
    e: super::err::PyErr,
    obj: &PyObject,
    name: &PyObject,
) -> super::err::PyErr {
    if let Some(d) = instance_dict(e.value()) {
        let d = as_dict(&d).expect("dict");
        let _ = d.set(super::str::intern("name"), name.to_ref());
        let _ = d.set(super::str::intern("obj"), obj.to_ref());
    }
    if let Some(x) = super::exceptions::exception(e.value()) {
        x.suggestion_context.set(Some(obj.to_ref()));
    }
    e
}

/// Whether a descriptor defines `__set__`/`__delete__` (a data descriptor).
#[inline]
pub fn is_data_descriptor(d: &PyObject) -> bool {
    d.ty().slots.descr_set.get().is_some()
}

/// `PyObject_GenericGetAttr`.
pub fn generic_getattr(obj: &PyObject, name: &PyObject) -> PyResult {
    match generic_getattr_opt(obj, name)? {
        Some(v) => Ok(v),
        None => Err(no_attribute(obj, name)),
    }
}

/// As [`generic_getattr`], `Ok(None)` when the attribute is missing (no
/// exception object is made).
pub fn generic_getattr_opt(obj: &PyObject, name: &PyObject) -> PyResult<Option<Ref>> {
    let ty = obj.ty();
    let descr = ty.lookup(name);
    if let Some(d) = &descr {
        if is_data_descriptor(d) {
            if let Some(get) = d.ty().slots.descr_get.get() {
                return get(d, Some(obj), ty.as_object()).map(Some);
            }
        }
    }
    if ty.flags().contains(TypeFlags::MANAGED_DICT) {
        // SAFETY: HEAP-2 — MANAGED_DICT objects have the slot.
        let slot = unsafe { heap::dict_slot(obj) };
        let d = slot.take();
        let found = d
            .as_ref()
            .and_then(|d| super::dict::get_item_interned(d, name));
        slot.set(d);
        if let Some(v) = found {
            return Ok(Some(v));
        }
    }
    if let Some(d) = descr {
        if let Some(get) = d.ty().slots.descr_get.get() {
            return get(&d, Some(obj), ty.as_object()).map(Some);
        }
        return Ok(Some(d));
    }
    Ok(None)
}

/// `PyObject_GenericSetAttr` (`value` None: delete).
pub fn generic_setattr(obj: &PyObject, name: &PyObject, value: Option<Ref>) -> PyResult<()> {
    let ty = obj.ty();
    if let Some(d) = ty.lookup(name) {
        if let Some(set) = d.ty().slots.descr_set.get() {
            return set(&d, obj, value);
        }
    }
    match instance_dict_private(obj) {
        Some(dict) => {
            let d = as_dict(&dict).expect("instance dict");
            match value {
                Some(v) => d.set(name.to_ref(), v),
                None => match d.remove(name)? {
                    Some(_) => Ok(()),
                    None => Err(no_attribute(obj, name)),
                },
            }
        }
        None => {
            let n = as_str(name).unwrap_or("?");
            if ty.lookup(name).is_some() {
                Err(attribute_error(format!(
                    "'{}' object attribute '{}' is read-only",
                    ty.name(),
                    n
                )))
            } else {
                Err(attribute_error(format!(
                    "'{}' object has no attribute '{}'",
                    ty.name(),
                    n
                )))
            }
        }
    }
}

fn get_instance_dict(obj: &PyObject) -> PyResult {
    instance_dict(obj).ok_or_else(|| {
        attribute_error(format!(
            "'{}' object has no attribute '__dict__'",
            obj.ty().name()
        ))
    })
}

fn set_instance_dict_attr(obj: &PyObject, v: Option<Ref>) -> PyResult<()> {
    let Some(v) = v else {
        return Err(super::err::type_error("cannot delete __dict__"));
    };
    if as_dict(&v).is_none() {
        return Err(super::err::type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            v.ty().name()
        )));
    }
    if !set_instance_dict(obj, v) {
        return Err(attribute_error(format!(
            "'{}' object has no attribute '__dict__'",
            obj.ty().name()
        )));
    }
    Ok(())
}

/// `__dict__` of instances with a managed dict: put in the dict of the
/// first class of a hierarchy that adds one (CPython's `subtype_dict`).
pub static DICT_GETSET: super::typeobj::GetSetDef = super::typeobj::GetSetDef {
    name: "__dict__",
    get: get_instance_dict,
    set: Some(set_instance_dict_attr),
};

/// `__weakref__` of class instances: the first weak reference to the
/// instance, or None (CPython's `subtype_getweakref`).
pub static WEAKREF_GETSET: super::typeobj::GetSetDef = super::typeobj::GetSetDef {
    name: "__weakref__",
    get: |o| Ok(super::weakref::first_weakref(o)),
    set: None,
};
