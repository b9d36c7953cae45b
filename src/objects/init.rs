//! Start-up of the built-in types (TYPE-1): operator slots installed by
//! their modules, dunder wrappers for the slots each type defines, missing
//! slots inherited from the base, methods and attributes put in the type
//! dicts, and `__bases__` / `__mro__` computed.

use super::descr::{new_getset_descr, new_method_descr};
use super::dict::{as_dict, new_dict};
use super::str::intern;
use super::tuple::new_tuple;
use super::typeobj::{default_repr, TypeObject};

/// Every static type, bases before subclasses.
pub fn static_types() -> Vec<&'static TypeObject> {
    let mut v: Vec<&'static TypeObject> = vec![
        &super::baseobject::OBJECT_TYPE,
        &super::typetype::TYPE_TYPE,
        &super::none::NONE_TYPE,
        &super::none::NOT_IMPLEMENTED_TYPE,
        &super::none::ELLIPSIS_TYPE,
        &super::int::INT_TYPE,
        &super::bool::BOOL_TYPE,
        &super::float::FLOAT_TYPE,
        &super::complex::COMPLEX_TYPE,
        &super::str::STR_TYPE,
        &super::bytes::BYTES_TYPE,
        &super::tuple::TUPLE_TYPE,
        &super::list::LIST_TYPE,
        &super::dict::DICT_TYPE,
        &super::set::SET_TYPE,
        &super::set::FROZENSET_TYPE,
        &super::descr::BUILTIN_FUNCTION_TYPE,
        &super::descr::METHOD_DESCR_TYPE,
        &super::descr::CLASSMETHOD_DESCR_TYPE,
        &super::descr::GETSET_DESCR_TYPE,
        &super::slotwrap::SLOT_WRAPPER_TYPE,
        &super::cell::CELL_TYPE,
        &super::module::MODULE_TYPE,
        &super::function::FUNCTION_TYPE,
        &super::funcdescr::METHOD_TYPE,
        &super::funcdescr::CLASSMETHOD_TYPE,
        &super::funcdescr::STATICMETHOD_TYPE,
        &super::funcdescr::PROPERTY_TYPE,
        &super::codeobj::CODE_TYPE,
        &super::iterators::SEQ_ITER_TYPE,
        &super::iterators::CALLABLE_ITER_TYPE,
        &super::traceback::TRACEBACK_TYPE,
        &super::generator::GENERATOR_TYPE,
        &crate::modules::sys::STREAM_TYPE,
    ];
    v.extend(super::exceptions::all_types().iter().copied());
    v.extend(super::registry::more_types());
    v
}

/// Whether the static types are initialised (once per process: GLOBAL-1).
static DONE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Initialise every static type once per thread (idempotent).
pub fn init_types() {
    if DONE.swap(true, std::sync::atomic::Ordering::AcqRel) {
        return;
    }
    super::registry::install_slots();
    for ty in static_types() {
        init_static_type(ty);
    }
    super::typecache::types_changed(); // TCACHE-1: the static types' dicts
}

fn inherit_missing(ty: &TypeObject, base: &TypeObject) {
    let (s, b) = (&ty.slots, &base.slots);
    if s.repr.get() as usize == default_repr as super::typeobj::UnaryFn as usize {
        s.repr.set(b.repr.get());
    }
    if ty.has_generic_getattr() {
        s.getattr.set(b.getattr.get());
    }
    macro_rules! inherit {
        ($($f:ident),*) => { $( if s.$f.get().is_none() { s.$f.set(b.$f.get()); } )* };
    }
    inherit!(
        str,
        hash,
        richcompare,
        setattr,
        call,
        iter,
        next,
        descr_get,
        descr_set,
        new,
        init,
        neg,
        pos,
        invert,
        abs,
        bool,
        int,
        float,
        index,
        len,
        getitem,
        setitem,
        contains
    );
    for i in 0..13 {
        if s.binary[i].get().is_none() {
            s.binary[i].set(b.binary[i].get());
        }
        if s.inplace[i].get().is_none() {
            s.inplace[i].set(b.inplace[i].get());
        }
    }
}

/// Fill one static type's dict, slots, bases and MRO (TYPE-1).
pub fn init_static_type(ty: &'static TypeObject) {
    let base = ty.base();
    if let Some(b) = base {
        // Explicit repr/getattr equal to the default mean "inherit".
        if ty.slots.repr.get() as usize == default_repr as super::typeobj::UnaryFn as usize {
            ty.slots.repr.set(b.slots.repr.get());
        }
        if ty.has_generic_getattr() {
            ty.slots.getattr.set(b.slots.getattr.get());
        }
    }
    let wrappers = super::slotwrap::wrappers_for(ty, base.map(|b| &b.slots));
    if let Some(b) = base {
        inherit_missing(ty, b);
    }
    let dict = new_dict();
    let d = as_dict(&dict).expect("dict");
    for (name, w) in wrappers {
        let _ = d.set(intern(name), w);
    }
    for m in ty.methods {
        let _ = d.set(intern(m.name), new_method_descr(m, ty));
    }
    for g in ty.getsets {
        let _ = d.set(intern(g.name), new_getset_descr(g, ty));
    }
    if d.get(&intern("__doc__")).ok().flatten().is_none() {
        let _ = d.set(intern("__doc__"), super::none::none());
    }
    ty.dict.set(Some(dict));
    let mut mro = vec![ty.to_ref()];
    let mut t = base;
    while let Some(b) = t {
        mro.push(b.to_ref());
        t = b.base();
    }
    ty.bases.set(Some(new_tuple(
        base.map(|b| vec![b.to_ref()]).unwrap_or_default(),
    )));
    ty.mro.set(Some(new_tuple(mro)));
    ty.solid.set(Some(std::ptr::NonNull::from(ty)));
}
