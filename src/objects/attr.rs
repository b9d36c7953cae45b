//! Attribute lookup and assignment on ordinary objects (CPython's
//! `PyObject_GenericGetAttr` / `GenericSetAttr`): data descriptors on the
//! type, then the instance's own attributes (inline values or `__dict__`),
//! then other descriptors and class attributes.

use super::dict::as_dict;
use super::err::{attribute_error, PyResult};
use super::heap;
use super::object::{PyObject, Ref};
use super::str::as_str;
use super::typeobj::TypeFlags;
use super::values::{self, Values};

/// The inline values of `obj`, if it keeps its attributes there (VALUES-1).
#[inline(always)]
pub fn instance_values(obj: &PyObject) -> Option<Values> {
    if !obj.ty().flags().contains(TypeFlags::MANAGED_DICT) {
        return None;
    }
    // SAFETY: HEAP-2 — MANAGED_DICT objects have the word, which holds null
    // or a live array (VALUES-1).
    unsafe { values::from_word(heap::values_slot(obj)) }
}

/// Whether `obj` (of a MANAGED_DICT type) has a dict in its dict slot.
pub fn has_dict(obj: &PyObject) -> bool {
    // SAFETY: HEAP-2 — the caller checked MANAGED_DICT.
    let slot = unsafe { heap::dict_slot(obj) };
    let d = slot.take();
    let some = d.is_some();
    slot.set(d);
    some
}

/// The instance dict of `obj`, if its type has one, to hand out
/// (`__dict__`, `vars()`): made on first use, from the inline values when
/// the attributes are there (CPython's `make_dict_from_instance_attributes`);
/// from then on the attributes live in the dict (VALUES-1).
pub fn instance_dict(obj: &PyObject) -> Option<Ref> {
    if !obj.ty().flags().contains(TypeFlags::MANAGED_DICT) {
        return None;
    }
    // SAFETY: HEAP-2 — MANAGED_DICT objects have the slot.
    let slot = unsafe { heap::dict_slot(obj) };
    if let Some(d) = slot.take() {
        slot.set(Some(d.clone()));
        return Some(d);
    }
    let d = super::dict::new_dict();
    let values = instance_values(obj);
    if let Some(values) = values {
        let dict = as_dict(&d).expect("new dict");
        let names = obj.ty().shared_keys.names();
        for k in 0..values.len() {
            let ix = values.order_at(k);
            if let Some(v) = values.get(ix) {
                // Str keys: hashing and comparing them runs no code and
                // cannot fail (KEYS-2 holds over the loop).
                let _ = dict.set(names[ix].clone(), v);
            }
        }
        // SAFETY: HEAP-2 — MANAGED_DICT checked above.
        unsafe { heap::values_slot(obj) }.set(std::ptr::null_mut());
    }
    slot.set(Some(d.clone()));
    if let Some(values) = values {
        // SAFETY: the values word was cleared above; the dict holds copies
        // of every value.
        unsafe { values.release() };
    }
    Some(d)
}

/// `obj`'s own attribute `name` — from its inline values or its instance
/// dict — without making a dict.
#[inline]
pub fn instance_attr(obj: &PyObject, name: &PyObject) -> Option<Ref> {
    let ty = obj.ty();
    if !ty.flags().contains(TypeFlags::MANAGED_DICT) {
        return None;
    }
    if let Some(values) = instance_values(obj) {
        return ty.shared_keys.index_of(name).and_then(|ix| values.get(ix));
    }
    // SAFETY: HEAP-2 — MANAGED_DICT objects have the slot.
    let slot = unsafe { heap::dict_slot(obj) };
    let d = slot.take();
    let found = d
        .as_ref()
        .and_then(|d| super::dict::get_item_interned(d, name));
    slot.set(d);
    found
}

/// A new empty values array for `obj`, if its type keeps inline values
/// and `obj` has neither values nor a dict yet (VALUES-1).
pub fn new_instance_values(obj: &PyObject) -> Option<Values> {
    let ty = obj.ty();
    if !ty.flags().contains(TypeFlags::INLINE_VALUES)
        || instance_values(obj).is_some()
        || has_dict(obj)
    {
        return None;
    }
    let v = Values::new_for(&ty.shared_keys);
    // SAFETY: HEAP-2 — INLINE_VALUES types have MANAGED_DICT; VALUES-1: the
    // object has neither values nor a dict.
    unsafe { heap::values_slot(obj) }.set(v.into_raw().as_ptr());
    Some(v)
}

/// Set (`Some`) or delete (`None`) `obj`'s own attribute `name`, in its
/// inline values while the name can be shared, else in its instance dict.
/// `Ok(false)` when instances of its type have no attributes of their own.
pub fn set_instance_attr(obj: &PyObject, name: &PyObject, value: Option<Ref>) -> PyResult<bool> {
    let ty = obj.ty();
    let flags = ty.flags();
    if !flags.contains(TypeFlags::MANAGED_DICT) {
        return Ok(false);
    }
    let keys = &ty.shared_keys;
    let values = instance_values(obj);
    match (value, values) {
        // Into the values (made now for a first attribute) while the name
        // can be shared; otherwise into a dict made from them.
        (Some(v), values)
            if values.is_some() || (flags.contains(TypeFlags::INLINE_VALUES) && !has_dict(obj)) =>
        {
            if let Some(ix) = keys.insert(name) {
                if let Some(values) = values.or_else(|| new_instance_values(obj)) {
                    drop(values.set(ix, v));
                    return Ok(true);
                }
            }
            set_in_dict(obj, name, Some(v))
        }
        (None, Some(values)) => match keys.index_of(name).and_then(|ix| values.take(ix)) {
            Some(old) => {
                drop(old);
                Ok(true)
            }
            None => Err(no_attribute(obj, name)),
        },
        (value, _) => set_in_dict(obj, name, value),
    }
}

/// Set or delete `name` in `obj`'s instance dict, made (from the inline
/// values, if any) when missing.
fn set_in_dict(obj: &PyObject, name: &PyObject, value: Option<Ref>) -> PyResult<bool> {
    let dict = instance_dict(obj).expect("MANAGED_DICT");
    let d = as_dict(&dict).expect("instance dict");
    match value {
        Some(v) => d.set(name.to_ref(), v)?,
        None => {
            if d.remove(name)?.is_none() {
                return Err(no_attribute(obj, name));
            }
        }
    }
    Ok(true)
}

/// Replace the instance dict (`obj.__dict__ = d`); the inline values, if
/// any, are dropped (VALUES-1).
pub fn set_instance_dict(obj: &PyObject, d: Ref) -> bool {
    if !obj.ty().flags().contains(TypeFlags::MANAGED_DICT) {
        return false;
    }
    // SAFETY: HEAP-2 — MANAGED_DICT objects have the slot.
    let old = unsafe { heap::dict_slot(obj) }.replace(Some(d));
    let values = instance_values(obj);
    // SAFETY: HEAP-2, as above.
    unsafe { heap::values_slot(obj) }.set(std::ptr::null_mut());
    drop(old);
    if let Some(values) = values {
        // SAFETY: the values word was cleared above.
        unsafe { values.release() };
    }
    true
}

/// Drop every attribute of `obj` (a MANAGED_DICT object being cleared by
/// the collector or deallocated): its inline values, then its dict, as
/// CPython's `subtype_clear`.
pub fn clear_instance_attrs(obj: &PyObject) {
    let values = instance_values(obj);
    // SAFETY: HEAP-2 — the caller's type has MANAGED_DICT.
    unsafe { heap::values_slot(obj) }.set(std::ptr::null_mut());
    if let Some(values) = values {
        // SAFETY: the values word was cleared above.
        unsafe { values.release() };
    }
    // SAFETY: HEAP-2, as above.
    drop(unsafe { heap::dict_slot(obj) }.take());
}

/// Report `obj`'s own attributes to the collector: each inline value, or
/// the instance dict (a MANAGED_DICT object's part of its traverse).
pub fn traverse_instance_attrs(obj: &PyObject, visitor: &mut pyrite_gc::Visitor<'_, PyObject>) {
    if let Some(values) = instance_values(obj) {
        let n = obj.ty().shared_keys.len().min(values.capacity());
        for ix in 0..n {
            if let Some(p) = values.peek(ix) {
                visitor.visit(p);
            }
        }
        return;
    }
    // SAFETY: HEAP-2 — the caller's type has MANAGED_DICT.
    let slot = unsafe { heap::dict_slot(obj) };
    let d = slot.take();
    if let Some(d) = &d {
        visitor.visit(d.as_ptr());
    }
    slot.set(d);
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
    if let Some(v) = instance_attr(obj, name) {
        return Ok(Some(v));
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
    if set_instance_attr(obj, name, value)? {
        return Ok(());
    }
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
