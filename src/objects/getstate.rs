//! `object.__getstate__()` (CPython's `object_getstate_default`): the
//! instance dict, or None when it is empty, paired with the values of the
//! `__slots__` that are set; and `copyreg._slotnames`, which lists those
//! slots (private names mangled) and caches them on the class as
//! `__slotnames__`, as CPython's does.

use super::dict::{as_dict, new_dict};
use super::err::PyResult;
use super::list::new_list;
use super::object::{PyObject, Ref};
use super::str::{as_str, intern, new_str};
use super::tuple::{items, new_tuple};
use super::typeobj::TypeObject;

/// `copyreg._slotnames(cls)`.
fn slotnames(ty: &TypeObject) -> PyResult<Vec<Ref>> {
    let cached = ty
        .dict
        .get()
        .and_then(|d| super::dict::get_item_str(&d, "__slotnames__"));
    if let Some(names) = cached.filter(|n| !n.is(super::none::none_ref())) {
        return super::protocol::to_vec(&names);
    }
    let mut names = Vec::new();
    if ty.lookup(&intern("__slots__")).is_some() {
        for c in ty.mro.get().as_deref().map(items).unwrap_or_default() {
            let Some(c) = super::typetype::as_type(c) else {
                continue;
            };
            let Some(slots) = c
                .dict
                .get()
                .and_then(|d| super::dict::get_item_str(&d, "__slots__"))
            else {
                continue;
            };
            let slots = if as_str(&slots).is_some() {
                vec![slots]
            } else {
                super::protocol::to_vec(&slots)?
            };
            for name in slots {
                let Some(n) = as_str(&name) else {
                    names.push(name.clone());
                    continue;
                };
                if n == "__dict__" || n == "__weakref__" {
                    continue;
                }
                if n.starts_with("__") && !n.ends_with("__") {
                    let class_name = c.name().to_string();
                    let stripped = class_name.trim_start_matches('_');
                    if !stripped.is_empty() {
                        names.push(new_str(&format!("_{stripped}{n}")));
                        continue;
                    }
                }
                names.push(name.clone());
            }
        }
    }
    // `cls.__slotnames__ = names`, failures ignored (static types).
    let list = new_list(names.clone());
    let _ = super::protocol::setattr(ty.as_object(), &intern("__slotnames__"), Some(list));
    Ok(names)
}

/// `object.__getstate__()`.
pub fn getstate(obj: &PyObject) -> PyResult {
    let state = match super::attr::instance_dict(obj) {
        Some(d) if as_dict(&d).is_some_and(|d| !d.is_empty()) => d,
        _ => super::none::none(),
    };
    let names = slotnames(obj.ty())?;
    if names.is_empty() {
        return Ok(state);
    }
    let slots = new_dict();
    let sd = as_dict(&slots).expect("new dict");
    for name in names {
        if let Some(v) = super::protocol::getattr_opt(obj, &name)? {
            sd.set(name, v)?;
        }
    }
    if sd.is_empty() {
        return Ok(state);
    }
    Ok(new_tuple(vec![state, slots]))
}
