//! `_weakref`: the native half of `weakref` (lib/weakref.py builds the
//! containers and `finalize` on it) — `ref` and the proxy types, `proxy`,
//! `getweakrefcount`, `getweakrefs`, `_remove_dead_weakref`.

use crate::objects::dict::{as_dict, set_item_str};
use crate::objects::err::{type_error, PyResult};
use crate::objects::int::new_int;
use crate::objects::list::new_list;
use crate::objects::module::module_dict;
use crate::objects::object::Ref;
use crate::objects::typeobj::KwNames;
use crate::objects::weakproxy::{new_proxy, CALLABLE_PROXY_TYPE, PROXY_TYPE};
use crate::objects::weakref::{as_weakref, weakref_count, weakrefs_of, REF_TYPE};

fn getweakrefcount(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = super::args::positional("getweakrefcount", args, kw, 1, 1)?;
    Ok(new_int(weakref_count(&a[0]) as i64))
}

fn getweakrefs(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = super::args::positional("getweakrefs", args, kw, 1, 1)?;
    Ok(new_list(weakrefs_of(&a[0])))
}

fn proxy(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = super::args::positional("proxy", args, kw, 1, 2)?;
    new_proxy(&a[0], a.get(1).cloned())
}

/// `_remove_dead_weakref(dict, key)`: delete `dict[key]` if it is a dead
/// weak reference (WeakValueDictionary's callback).
fn remove_dead_weakref(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = super::args::positional("_remove_dead_weakref", args, kw, 2, 2)?;
    let d = as_dict(&a[0]).ok_or_else(|| {
        type_error(format!(
            "_remove_dead_weakref() argument 1 must be dict, not {}",
            a[0].ty().name()
        ))
    })?;
    if let Some(v) = d.get(&a[1])? {
        if as_weakref(&v).is_some_and(|w| w.get().is_none()) {
            d.remove(&a[1])?;
        }
    }
    Ok(crate::objects::none::none())
}

/// Make the `_weakref` module.
pub fn make_module() -> Ref {
    let m = super::new_native_module(
        "_weakref",
        &[
            ("getweakrefcount", getweakrefcount),
            ("getweakrefs", getweakrefs),
            ("proxy", proxy),
            ("_remove_dead_weakref", remove_dead_weakref),
        ],
    );
    let d = module_dict(&m).expect("module dict");
    set_item_str(&d, "ref", REF_TYPE.to_ref());
    set_item_str(&d, "ReferenceType", REF_TYPE.to_ref());
    set_item_str(&d, "ProxyType", PROXY_TYPE.to_ref());
    set_item_str(&d, "CallableProxyType", CALLABLE_PROXY_TYPE.to_ref());
    m
}
