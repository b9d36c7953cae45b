//! `type`, the type of types: calling a type (`__new__` then `__init__`),
//! class creation (`type(name, bases, ns)`, class statements) with C3
//! linearisation, attribute lookup on types, and the type's own attributes.

use std::cell::Cell;
use std::ptr::NonNull;

use pyrite_gc::Visitor;

use super::dict::{as_dict, new_dict};
use super::err::{type_error, PyErr, PyResult};
use super::heap;
use super::object::{PyObject, PyPayload, Ref};
use super::str::{as_str, new_str};
use super::tuple::{items, new_tuple};
use super::typeobj::{GetSetDef, KwNames, MethodDef, MethodKind, Slots, TypeFlags, TypeObject};

// SAFETY: PAYLOAD-1 — `TypeObject` is `#[repr(C)]` with the header first;
// every instance of `type` (and of metaclasses) is laid out as one.
unsafe impl PyPayload for TypeObject {
    fn static_type() -> &'static TypeObject {
        &TYPE_TYPE
    }
}

/// `obj` as a type, if it is one.
#[inline]
pub fn as_type(obj: &PyObject) -> Option<&TypeObject> {
    if obj.ty().flags().contains(TypeFlags::TYPE_SUBCLASS) {
        // SAFETY: PAYLOAD-1 — instances of type subclasses are TypeObjects.
        Some(unsafe { &*(obj as *const PyObject as *const TypeObject) })
    } else {
        None
    }
}

fn kw_len(kw: KwNames<'_>) -> usize {
    kw.map_or(0, |k| items(k).len())
}

/// `type.__call__`: `type(x)`, or `cls(*args)` = `__new__` then `__init__`.
fn type_call(obj: &PyObject, args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let ty = as_type(obj).expect("type");
    if std::ptr::eq(ty, &TYPE_TYPE) && args.len() == 1 && kw_len(kw) == 0 {
        return Ok(args[0].ty().to_ref());
    }
    let new = ty
        .slots
        .new
        .get()
        .ok_or_else(|| type_error(format!("cannot create '{}' instances", ty.name())))?;
    let inst = new(ty, args, kw)?;
    if !inst.ty().is_subtype(ty) {
        return Ok(inst);
    }
    if let Some(init) = inst.ty().slots.init.get() {
        init(&inst, args, kw)?;
    }
    Ok(inst)
}

/// `type.__new__(meta, name, bases, ns)` or `type(x)`.
fn type_new(meta: &TypeObject, args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let npos = args.len() - kw_len(kw);
    if npos == 1 && std::ptr::eq(meta, &TYPE_TYPE) {
        return Ok(args[0].ty().to_ref());
    }
    if npos != 3 {
        return Err(type_error("type() takes 1 or 3 arguments"));
    }
    let name = as_str(&args[0]).ok_or_else(|| {
        type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            args[0].ty().name()
        ))
    })?;
    if !super::tuple::is_tuple(&args[1]) {
        return Err(type_error(format!(
            "type.__new__() argument 2 must be tuple, not {}",
            args[1].ty().name()
        )));
    }
    if as_dict(&args[2]).is_none() {
        return Err(type_error(format!(
            "type.__new__() argument 3 must be dict, not {}",
            args[2].ty().name()
        )));
    }
    new_class(meta, name, &args[1], &args[2], &args[npos..], kw)
}

fn type_init(_obj: &PyObject, _args: &[Ref], _kw: KwNames<'_>) -> PyResult<()> {
    Ok(())
}

/// The most derived metaclass of `meta` and the bases' types.
pub fn calculate_metaclass(meta: &TypeObject, bases: &[Ref]) -> PyResult<Ref> {
    let mut winner = meta.to_ref();
    for b in bases {
        let bt = b.ty();
        let w = as_type(&winner).expect("type");
        if w.is_subtype(bt) {
            continue;
        }
        if bt.is_subtype(w) {
            winner = bt.to_ref();
            continue;
        }
        return Err(type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// The "solid" base: the static type whose payload layout instances have.
fn solid_base(t: &TypeObject) -> &TypeObject {
    let mut t = t;
    while t.is_heap() {
        t = t.base().expect("heap types have a base");
    }
    // A static type that adds no fields to its base shares its layout
    // (`ValueError` and `OSError` both lay out as BaseException).
    while let Some(b) = t.base() {
        let same = b.basicsize == t.basicsize && t.slots.drop as usize == b.slots.drop as usize;
        if !same {
            break;
        }
        t = b;
    }
    t
}

/// The class whose instance layout `t`'s instances have: the nearest
/// class that added `__slots__` members, else the solid base.
fn layout_base(t: &TypeObject) -> &TypeObject {
    let mut t = t;
    while t.is_heap() {
        let b = t.base().expect("heap types have a base");
        if t.nmembers != b.nmembers {
            return t;
        }
        t = b;
    }
    solid_base(t)
}

/// Pick `__base__` among `bases`: the one with the most derived layout.
fn best_base(bases: &[Ref]) -> PyResult<&TypeObject> {
    let mut best: Option<&TypeObject> = None;
    for b in bases {
        let bt = as_type(b).ok_or_else(|| type_error("bases must be types"))?;
        if !bt.flags().contains(TypeFlags::BASETYPE) {
            return Err(type_error(format!(
                "type '{}' is not an acceptable base type",
                bt.name()
            )));
        }
        best = match best {
            None => Some(bt),
            Some(cur) => {
                let (sc, sb) = (layout_base(cur), layout_base(bt));
                if sc.is_subtype(sb) {
                    Some(cur)
                } else if sb.is_subtype(sc) {
                    Some(bt)
                } else {
                    return Err(type_error("multiple bases have instance lay-out conflict"));
                }
            }
        };
    }
    Ok(best.unwrap_or(&super::baseobject::OBJECT_TYPE))
}

/// C3 linearisation of a class with `bases` (CPython's `mro_internal`).
fn c3_mro(ty: &Ref, bases: &[Ref]) -> PyResult<Vec<Ref>> {
    let mut seqs: Vec<Vec<Ref>> = Vec::new();
    for b in bases {
        let bt = as_type(b).expect("base type");
        let mro = bt
            .mro
            .get()
            .map(|m| items(&m).to_vec())
            .unwrap_or_else(|| vec![b.clone()]);
        seqs.push(mro);
    }
    seqs.push(bases.to_vec());
    let mut out = vec![ty.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut found = None;
        for s in &seqs {
            let cand = &s[0];
            let in_tail = seqs.iter().any(|t| t[1..].iter().any(|x| x.is(cand)));
            if !in_tail {
                found = Some(cand.clone());
                break;
            }
        }
        let Some(next) = found else {
            let mut names: Vec<String> = Vec::new();
            for s in &seqs {
                let n = as_type(&s[0])
                    .map(|t| t.name().to_string())
                    .unwrap_or_default();
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            return Err(type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in &mut seqs {
            if s[0].is(&next) {
                s.remove(0);
            }
        }
        out.push(next);
    }
}

/// Create a class: `meta(name, bases, ns)` after `__prepare__` and the
/// class body ran.
/// Class keywords other than `metaclass` (`kw_values` named by `kw`) go to
/// the parent's `__init_subclass__`.
pub fn new_class(
    meta: &TypeObject,
    name: &str,
    bases: &PyObject,
    ns: &PyObject,
    kw_values: &[Ref],
    kw: KwNames<'_>,
) -> PyResult {
    let mut base_list: Vec<Ref> = items(bases).to_vec();
    if base_list.is_empty() {
        base_list.push(super::baseobject::OBJECT_TYPE.to_ref());
    }
    for b in &base_list {
        if as_type(b).is_none() {
            return Err(type_error("bases must be types"));
        }
    }
    let base = best_base(&base_list)?;
    let solid = solid_base(base);
    let ns = as_dict(ns).expect("namespace dict");
    let qualname = match ns.get(&super::str::intern("__qualname__"))? {
        Some(q) => as_str(&q)
            .ok_or_else(|| {
                type_error(format!(
                    "type __qualname__ must be a str, not {}",
                    q.ty().name()
                ))
            })?
            .to_string(),
        None => name.to_string(),
    };
    let base_has_dict = base.flags().contains(TypeFlags::MANAGED_DICT);
    let spec = match ns.get(&super::str::intern("__slots__"))? {
        Some(s) => Some(super::member::parse_slots(&s, name, base_has_dict, &|n| {
            Ok(ns.get(&super::str::intern(n))?.is_some())
        })?),
        None => None,
    };
    let with_dict = base_has_dict || spec.as_ref().is_none_or(|s| s.dict);
    let var_sized = [
        &super::int::INT_TYPE,
        &super::tuple::TUPLE_TYPE,
        &super::bytes::BYTES_TYPE,
    ];
    let var_sized_base = var_sized.iter().any(|v| solid.is_subtype(v));
    // Weak references as CPython's type_new: a class adds them unless its
    // base has them or is variable-sized; `__slots__` adds them only when
    // it names `__weakref__` (WEAKLIST-1).
    let base_has_weak = base.flags().contains(TypeFlags::MANAGED_WEAKREF);
    let may_add_weak = !base_has_weak && !var_sized_base;
    let add_weak = match &spec {
        None => may_add_weak,
        Some(s) if s.weakref && !may_add_weak => {
            return Err(type_error(
                "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0",
            ));
        }
        Some(s) => s.weakref,
    };
    if let Some(spec) = &spec {
        if !spec.names.is_empty() && var_sized_base {
            return Err(type_error(format!(
                "nonempty __slots__ not supported for subtype of '{}'",
                solid.name()
            )));
        }
    }
    let mut flags = TypeFlags(TypeFlags::HEAPTYPE.0 | TypeFlags::BASETYPE.0 | TypeFlags::HAS_GC.0);
    if base_has_weak || add_weak {
        flags = flags.union(TypeFlags::MANAGED_WEAKREF);
    }
    if with_dict {
        flags = flags.union(TypeFlags::MANAGED_DICT.union(TypeFlags::INLINE_VALUES));
    }
    flags = flags.union(TypeFlags(base.flags().0 & TypeFlags::INHERITED.0));
    let slots = Slots::inherit(&base.slots);
    let mut t = TypeObject::new_heap(
        meta,
        name.to_string(),
        qualname,
        base.basicsize,
        base,
        flags,
        slots,
    );
    t.solid.set(Some(NonNull::from(solid)));
    let first_member = base.nmembers;
    t.nmembers += spec.as_ref().map_or(0, |s| s.names.len());
    let obj = heap::alloc_object(meta, meta.basicsize.max(std::mem::size_of::<TypeObject>()));
    // SAFETY: the block has room for a TypeObject.
    unsafe { obj.cast::<TypeObject>().as_ptr().write(t) };
    // SAFETY: new object, we own it.
    let tref = unsafe { Ref::from_raw(obj) };
    let ty = as_type(&tref).expect("new type");
    // Namespace copy, minus __qualname__ and __classcell__.
    let dict = new_dict();
    let d = as_dict(&dict).expect("dict");
    let mut classcell = None;
    for (k, v) in ns.items() {
        let v = match as_str(&k) {
            Some("__qualname__") => continue,
            Some("__classcell__") => {
                classcell = Some(v);
                continue;
            }
            // Implicit classmethods and staticmethod, as CPython's type_new.
            Some("__init_subclass__") | Some("__class_getitem__")
                if super::function::is_function(&v) =>
            {
                super::funcdescr::new_classmethod(v)
            }
            Some("__new__") if super::function::is_function(&v) => {
                super::funcdescr::new_staticmethod(v)
            }
            _ => v,
        };
        d.set(k, v)?;
    }
    if let Some(spec) = spec {
        for (i, n) in spec.names.into_iter().enumerate() {
            let descr = super::member::new_member_descr(n.clone(), &tref, first_member + i);
            d.set(n, descr)?;
        }
    }
    // `__dict__` / `__weakref__` on the first class whose instances have a
    // dict (CPython's type_new adds them the same way).
    let add_dict = !base_has_dict && with_dict;
    for (def, add) in [
        (&super::attr::DICT_GETSET, add_dict),
        (&super::attr::WEAKREF_GETSET, add_weak),
    ] {
        if add {
            let key = super::str::intern(def.name);
            if d.get(&key)?.is_none() {
                let descr = super::descr::new_getset_descr(def, ty);
                d.set(key, descr)?;
            }
        }
    }
    // After them, as CPython's type_new_set_attrs: a missing `__doc__`.
    if d.get(&super::str::intern("__doc__"))?.is_none() {
        d.set(super::str::intern("__doc__"), super::none::none())?;
    }
    ty.dict.set(Some(dict));
    ty.bases.set(Some(new_tuple(base_list.clone())));
    let mro = c3_mro(&tref, &base_list)?;
    ty.mro.set(Some(new_tuple(mro)));
    super::instance::fixup_slots(ty);
    super::typecache::types_changed(); // TCACHE-1: a class created
    heap::track(&tref);
    if let Some(cell) = classcell {
        super::cell::set_cell(&cell, Some(tref.clone()))?;
    }
    // __set_name__ on descriptors, then __init_subclass__ of the parent.
    for (k, v) in as_dict(&ty.dict.get().expect("dict"))
        .expect("dict")
        .items()
    {
        if let Some(set_name) = v.ty().lookup_str("__set_name__") {
            super::protocol::call_method_obj(&set_name, &v, &[tref.clone(), k])?;
        }
    }
    if let Some(init_sub) = mro_lookup_after(ty, "__init_subclass__") {
        let bound = match init_sub.ty().slots.descr_get.get() {
            Some(get) => get(&init_sub, None, &tref)?,
            None => init_sub,
        };
        super::protocol::call(&bound, kw_values, kw)?;
    }
    Ok(tref)
}

/// Look `name` up in the MRO after the type itself (what `super()` sees).
fn mro_lookup_after(ty: &TypeObject, name: &str) -> Option<Ref> {
    let key = super::str::intern(name);
    let mro = ty.mro.get()?;
    for t in items(&mro).iter().skip(1) {
        let t = as_type(t)?;
        if let Some(d) = t.dict.get() {
            if let Some(v) = super::dict::get_item_interned(&d, &key) {
                return Some(v);
            }
        }
    }
    None
}

/// Attribute lookup on a type (CPython's `type_getattro`).
pub fn type_getattr(obj: &PyObject, name: &PyObject) -> PyResult {
    match type_getattr_opt(obj, name)? {
        Some(v) => Ok(v),
        None => Err(super::attr::no_attribute(obj, name)),
    }
}

/// As [`type_getattr`], `Ok(None)` when missing.
pub fn type_getattr_opt(obj: &PyObject, name: &PyObject) -> PyResult<Option<Ref>> {
    let ty = as_type(obj).expect("type");
    let meta = obj.ty();
    let meta_attr = meta.lookup(name);
    if let Some(m) = &meta_attr {
        if super::attr::is_data_descriptor(m) {
            if let Some(get) = m.ty().slots.descr_get.get() {
                return get(m, Some(obj), meta.as_object()).map(Some);
            }
        }
    }
    if let Some(a) = ty.lookup(name) {
        if let Some(get) = a.ty().slots.descr_get.get() {
            return get(&a, None, obj).map(Some);
        }
        return Ok(Some(a));
    }
    if let Some(m) = meta_attr {
        if let Some(get) = m.ty().slots.descr_get.get() {
            return get(&m, Some(obj), meta.as_object()).map(Some);
        }
        return Ok(Some(m));
    }
    Ok(None)
}

fn type_setattr(obj: &PyObject, name: &PyObject, value: Option<Ref>) -> PyResult<()> {
    let ty = as_type(obj).expect("type");
    if let Some(m) = obj.ty().lookup(name) {
        if let Some(set) = m.ty().slots.descr_set.get() {
            return set(&m, obj, value);
        }
    }
    let n = as_str(name).unwrap_or("?");
    if !ty.is_heap() {
        return Err(type_error(format!(
            "cannot set '{}' attribute of immutable type '{}'",
            n,
            ty.name()
        )));
    }
    let dict = ty.dict.get().expect("type dict");
    let d = as_dict(&dict).expect("dict");
    // TCACHE-1: end the epoch before the old value can be dropped, so no
    // code its drop runs sees a cache entry naming it.
    super::typecache::types_changed();
    match value {
        Some(v) => d.set(name.to_ref(), v)?,
        None => {
            if d.remove(name)?.is_none() {
                return Err(super::attr::no_attribute(obj, name));
            }
        }
    }
    ty.version.set(ty.version.get() + 1);
    if n.starts_with("__") && n.ends_with("__") {
        super::instance::fixup_slots(ty);
    }
    super::typecache::types_changed(); // TCACHE-1: a type's dict changed
    Ok(())
}

fn type_repr(obj: &PyObject) -> PyResult {
    let ty = as_type(obj).expect("type");
    Ok(match ty.module_name() {
        Some(m) if m != "builtins" => new_str(&format!("<class '{}.{}'>", m, ty.qualname())),
        _ => new_str(&format!("<class '{}'>", ty.qualname())),
    })
}

unsafe fn type_drop(obj: NonNull<PyObject>) {
    super::typecache::types_changed(); // TCACHE-1/2: the address may be reused
                                       // SAFETY: refcount 0; only heap types are ever freed, and they are
                                       // TypeObjects (PAYLOAD-1).
    unsafe { std::ptr::drop_in_place(obj.cast::<TypeObject>().as_ptr()) }
}

fn type_sizeof(obj: &PyObject) -> usize {
    obj.ty().basicsize.max(std::mem::size_of::<TypeObject>())
}

fn type_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    let ty = as_type(obj).expect("type");
    if !ty.is_heap() {
        return;
    }
    // CPython's type_traverse order: dict, MRO, bases. (CPython also
    // visits `tp_base`, a strong reference there; pyrite's base pointer is
    // borrowed from `__bases__`, so it must not be reported.)
    for slot in [&ty.dict, &ty.mro, &ty.bases] {
        if let Some(p) = slot.peek() {
            v.visit(p);
        }
    }
}

fn type_clear(obj: &PyObject) {
    let ty = as_type(obj).expect("type");
    if !ty.is_heap() {
        return;
    }
    super::typecache::types_changed(); // TCACHE-2: the dict goes
                                       // Keep `bases`: it keeps `base` alive, which the slots still use.
    ty.mro.set(None);
    ty.dict.set(None);
}

fn get_name(obj: &PyObject) -> PyResult {
    let ty = as_type(obj).expect("type");
    if !ty.is_heap() {
        // A static type named `module.Name` (CPython's tp_name) is `Name`.
        return Ok(new_str(&ty.qualname()));
    }
    Ok(new_str(&ty.name()))
}

fn set_name(obj: &PyObject, v: Option<Ref>) -> PyResult<()> {
    let ty = as_type(obj).expect("type");
    let v = v.ok_or_else(|| type_error("cannot delete '__name__' attribute"))?;
    let s = as_str(&v).ok_or_else(|| {
        type_error(format!(
            "can only assign string to {}.__name__, not '{}'",
            ty.name(),
            v.ty().name()
        ))
    })?;
    ty.set_name(s.to_string());
    Ok(())
}

fn get_qualname(obj: &PyObject) -> PyResult {
    Ok(new_str(&as_type(obj).expect("type").qualname()))
}

fn set_qualname(obj: &PyObject, v: Option<Ref>) -> PyResult<()> {
    let ty = as_type(obj).expect("type");
    let v = v.ok_or_else(|| type_error("cannot delete '__qualname__' attribute"))?;
    let s = as_str(&v).ok_or_else(|| type_error("can only assign string to __qualname__"))?;
    ty.set_qualname(s.to_string());
    Ok(())
}

fn get_module(obj: &PyObject) -> PyResult {
    let ty = as_type(obj).expect("type");
    if ty.is_heap() {
        if let Some(d) = ty.dict.get() {
            if let Some(m) = super::dict::get_item_str(&d, "__module__") {
                return Ok(m);
            }
        }
    }
    Ok(new_str(&ty.module_name().unwrap_or_default()))
}

fn get_bases(obj: &PyObject) -> PyResult {
    let ty = as_type(obj).expect("type");
    Ok(ty.bases.get().unwrap_or_else(super::tuple::empty_tuple))
}

fn get_base(obj: &PyObject) -> PyResult {
    let ty = as_type(obj).expect("type");
    Ok(ty
        .base()
        .map(|b| b.to_ref())
        .unwrap_or_else(super::none::none))
}

fn get_mro(obj: &PyObject) -> PyResult {
    let ty = as_type(obj).expect("type");
    Ok(ty.mro.get().unwrap_or_else(super::tuple::empty_tuple))
}

/// `type.__dict__`: a read-only proxy, so writes go through `setattr` on the
/// class (slot fixup, attribute caches).
fn get_dict(obj: &PyObject) -> PyResult {
    let ty = as_type(obj).expect("type");
    Ok(super::mappingproxy::new_mappingproxy(
        ty.dict.get().unwrap_or_else(new_dict),
    ))
}

fn get_doc(obj: &PyObject) -> PyResult {
    let ty = as_type(obj).expect("type");
    if let Some(d) = ty.dict.get() {
        if let Some(doc) = super::dict::get_item_str(&d, "__doc__") {
            if let Some(get) = doc.ty().slots.descr_get.get() {
                return get(&doc, None, obj);
            }
            return Ok(doc);
        }
    }
    Ok(super::none::none())
}

static TYPE_GETSETS: [GetSetDef; 9] = [
    GetSetDef {
        name: "__name__",
        get: get_name,
        set: Some(set_name),
    },
    GetSetDef {
        name: "__qualname__",
        get: get_qualname,
        set: Some(set_qualname),
    },
    GetSetDef {
        name: "__module__",
        get: get_module,
        set: None,
    },
    GetSetDef {
        name: "__bases__",
        get: get_bases,
        set: None,
    },
    GetSetDef {
        name: "__base__",
        get: get_base,
        set: None,
    },
    GetSetDef {
        name: "__mro__",
        get: get_mro,
        set: None,
    },
    GetSetDef {
        name: "__dict__",
        get: get_dict,
        set: None,
    },
    GetSetDef {
        name: "__doc__",
        get: get_doc,
        set: None,
    },
    GetSetDef {
        name: "__text_signature__",
        get: |_| Ok(super::none::none()),
        set: None,
    },
];

fn m_mro(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    let t = as_type(&args[0]).ok_or_else(|| type_error("descriptor 'mro' requires a type"))?;
    let mro = t.mro.get().unwrap_or_else(super::tuple::empty_tuple);
    Ok(super::list::new_list(items(&mro).to_vec()))
}

fn m_subclasses(_args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    Ok(super::list::new_list(vec![]))
}

fn m_prepare(_args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    Ok(new_dict())
}

fn m_instancecheck(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    let t = as_type(&args[0]).ok_or_else(|| type_error("__instancecheck__ needs a type"))?;
    let v = args
        .get(1)
        .ok_or_else(|| type_error("__instancecheck__ takes 1 argument"))?;
    Ok(super::bool::new_bool(v.is_instance_of(t)))
}

fn m_subclasscheck(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    let t = as_type(&args[0]).ok_or_else(|| type_error("__subclasscheck__ needs a type"))?;
    let v = args
        .get(1)
        .and_then(|v| as_type(v))
        .ok_or_else(|| type_error("issubclass() arg 1 must be a class"))?;
    Ok(super::bool::new_bool(v.is_subtype(t)))
}

static TYPE_METHODS: [MethodDef; 5] = [
    MethodDef {
        name: "mro",
        func: m_mro,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "__subclasses__",
        func: m_subclasses,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "__prepare__",
        func: m_prepare,
        kind: MethodKind::Class,
    },
    MethodDef {
        name: "__instancecheck__",
        func: m_instancecheck,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "__subclasscheck__",
        func: m_subclasscheck,
        kind: MethodKind::Instance,
    },
];

/// `type`.
pub static TYPE_TYPE: TypeObject = TypeObject::new_static(
    "type",
    std::mem::size_of::<TypeObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags(
        TypeFlags::BASETYPE.0
            | TypeFlags::HAS_GC.0
            | TypeFlags::TYPE_SUBCLASS.0
            | TypeFlags::MANAGED_WEAKREF.0,
    ),
    Slots {
        drop: type_drop,
        sizeof: type_sizeof,
        traverse: Some(type_traverse),
        clear: Some(type_clear),
        repr: Cell::new(type_repr),
        getattr: Cell::new(type_getattr),
        setattr: Cell::new(Some(type_setattr)),
        call: Cell::new(Some(type_call)),
        new: Cell::new(Some(type_new)),
        init: Cell::new(Some(type_init)),
        ..Slots::empty()
    },
    &TYPE_METHODS,
    &TYPE_GETSETS,
);

/// Raise `TypeError` naming a non-type where a type was needed.
pub fn expect_type<'a>(obj: &'a PyObject, what: &str) -> PyResult<&'a TypeObject> {
    as_type(obj).ok_or_else(|| -> PyErr { type_error(format!("{what} must be a type")) })
}
