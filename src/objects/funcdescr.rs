//! Descriptors made from Python callables: bound methods, `classmethod`,
//! `staticmethod` and `property`.

use std::cell::Cell;
use std::ptr::NonNull;

use pyrite_gc::Visitor;

use super::err::{attribute_error, type_error, PyResult};
use super::heap;
use super::object::{PyObject, PyPayload, Ref, RefCellSlot};
use super::str::new_str;
use super::typeobj::{GetSetDef, KwNames, MethodDef, MethodKind, Slots, TypeFlags, TypeObject};

/// Two reference slots: the shape of bound methods, classmethod and
/// staticmethod (`a` = function, `b` = self or unused).
#[repr(C)]
pub struct PairObject {
    ob: PyObject,
    /// The wrapped callable.
    pub func: RefCellSlot,
    /// The bound object (bound methods only).
    pub this: RefCellSlot,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first; the three pair types
// share this layout (downcasts use the exact type checks below).
unsafe impl PyPayload for PairObject {
    fn static_type() -> &'static TypeObject {
        &METHOD_TYPE
    }
}

fn new_pair(ty: &TypeObject, func: Ref, this: Option<Ref>) -> Ref {
    let obj = heap::alloc_object(ty, ty.basicsize);
    let p = PairObject {
        ob: PyObject::new(ty),
        func: RefCellSlot::new(Some(func)),
        this: RefCellSlot::new(this),
    };
    // SAFETY: the block has room for a PairObject.
    unsafe { obj.cast::<PairObject>().as_ptr().write(p) };
    // SAFETY: new object, we own it.
    let r = unsafe { Ref::from_raw(obj) };
    heap::track(&r);
    r
}

fn pair(obj: &PyObject) -> &PairObject {
    // SAFETY: PAYLOAD-1 — only called from the pair types' own slots, whose
    // instances (and subclass instances) are PairObjects.
    unsafe { &*(obj as *const PyObject as *const PairObject) }
}

unsafe fn pair_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; payload per PAYLOAD-1.
    unsafe { std::ptr::drop_in_place(obj.cast::<PairObject>().as_ptr()) }
}

fn pair_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    let p = pair(obj);
    for s in [&p.func, &p.this] {
        if let Some(x) = s.peek() {
            v.visit(x);
        }
    }
}

fn pair_clear(obj: &PyObject) {
    let p = pair(obj);
    p.func.set(None);
    p.this.set(None);
}

/// A bound method: `func` with `this` as first argument.
pub fn new_method(func: Ref, this: Ref) -> Ref {
    new_pair(&METHOD_TYPE, func, Some(this))
}

/// The (function, self) of a bound method.
pub fn method_parts(obj: &PyObject) -> Option<(Ref, Ref)> {
    if !std::ptr::eq(obj.ty(), &METHOD_TYPE) {
        return None;
    }
    let p = pair(obj);
    Some((p.func.get()?, p.this.get()?))
}

fn method_call(obj: &PyObject, args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let p = pair(obj);
    let f = p
        .func
        .get()
        .ok_or_else(|| type_error("method has no function"))?;
    let this = p
        .this
        .get()
        .ok_or_else(|| type_error("method has no self"))?;
    super::prepend::with_first(this, args, |all| super::protocol::call(&f, all, kw))
}

fn method_repr(obj: &PyObject) -> PyResult {
    let p = pair(obj);
    let f = p
        .func
        .get()
        .ok_or_else(|| type_error("method has no function"))?;
    let this = p
        .this
        .get()
        .ok_or_else(|| type_error("method has no self"))?;
    let name = super::protocol::getattr_str(&f, "__qualname__")
        .or_else(|_| super::protocol::getattr_str(&f, "__name__"))
        .and_then(|n| super::protocol::to_string(&n))
        .unwrap_or_else(|_| "?".to_string());
    let r = super::protocol::repr_string(&this)?;
    Ok(new_str(&format!("<bound method {name} of {r}>")))
}

fn method_getattr(obj: &PyObject, name: &PyObject) -> PyResult {
    if let Some(v) = super::attr::generic_getattr_opt(obj, name)? {
        return Ok(v);
    }
    let f = pair(obj)
        .func
        .get()
        .ok_or_else(|| attribute_error("method has no function"))?;
    super::protocol::getattr(&f, name)
}

fn method_eq(a: &PyObject, b: &PyObject, op: crate::compile::opcode::CompareOp) -> PyResult {
    use crate::compile::opcode::CompareOp;
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) || !std::ptr::eq(b.ty(), &METHOD_TYPE) {
        return Ok(super::none::not_implemented());
    }
    let (pa, pb) = (pair(a), pair(b));
    let same = pa.func.peek() == pb.func.peek() && pa.this.peek() == pb.this.peek();
    Ok(super::bool::new_bool(same == (op == CompareOp::Eq)))
}

fn method_hash(obj: &PyObject) -> PyResult<i64> {
    let p = pair(obj);
    let a = p.func.peek().map_or(0, |x| x.as_ptr() as usize);
    let b = p.this.peek().map_or(0, |x| x.as_ptr() as usize);
    Ok(((a ^ b.rotate_left(7)) >> 3) as i64)
}

fn get_func(obj: &PyObject) -> PyResult {
    pair(obj)
        .func
        .get()
        .ok_or_else(|| attribute_error("__func__"))
}

fn get_self(obj: &PyObject) -> PyResult {
    pair(obj)
        .this
        .get()
        .ok_or_else(|| attribute_error("__self__"))
}

static METHOD_GETSETS: [GetSetDef; 2] = [
    GetSetDef {
        name: "__func__",
        get: get_func,
        set: None,
    },
    GetSetDef {
        name: "__self__",
        get: get_self,
        set: None,
    },
];

/// `method(function, instance)` (`types.MethodType`; WeakMethod uses it).
fn method_new(_ty: &TypeObject, args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = crate::modules::args::positional("method", args, kw, 2, 2)?;
    if a[0].ty().slots.call.get().is_none() {
        return Err(type_error("first argument must be callable"));
    }
    if a[1].is(super::none::none_ref()) {
        return Err(type_error("instance must not be None"));
    }
    Ok(new_method(a[0].clone(), a[1].clone()))
}

/// `method` (a bound method).
pub static METHOD_TYPE: TypeObject = TypeObject::new_static(
    "method",
    std::mem::size_of::<PairObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags(TypeFlags::HAS_GC.0 | TypeFlags::MANAGED_WEAKREF.0),
    Slots {
        drop: pair_drop,
        traverse: Some(pair_traverse),
        clear: Some(pair_clear),
        repr: Cell::new(method_repr),
        call: Cell::new(Some(method_call)),
        new: Cell::new(Some(method_new)),
        getattr: Cell::new(method_getattr),
        richcompare: Cell::new(Some(method_eq)),
        hash: Cell::new(Some(method_hash)),
        ..Slots::empty()
    },
    &[],
    &METHOD_GETSETS,
);

/// `classmethod(f)`.
pub fn new_classmethod(f: Ref) -> Ref {
    new_pair(&CLASSMETHOD_TYPE, f, None)
}

/// `staticmethod(f)`.
pub fn new_staticmethod(f: Ref) -> Ref {
    new_pair(&STATICMETHOD_TYPE, f, None)
}

fn wrapper_new(ty: &TypeObject, args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let n = args.len() - kw.map_or(0, |k| super::tuple::items(k).len());
    if n != 1 {
        return Err(type_error(format!(
            "{} expected 1 argument, got {}",
            ty.name(),
            n
        )));
    }
    Ok(new_pair(ty, args[0].clone(), None))
}

fn classmethod_get(obj: &PyObject, inst: Option<&PyObject>, ty: &PyObject) -> PyResult {
    let f = pair(obj)
        .func
        .get()
        .ok_or_else(|| type_error("uninitialized classmethod object"))?;
    let cls = if ty.is(super::none::none_ref()) {
        inst.map(|i| i.ty().to_ref())
            .unwrap_or_else(super::none::none)
    } else {
        ty.to_ref()
    };
    Ok(new_method(f, cls))
}

fn staticmethod_get(obj: &PyObject, _inst: Option<&PyObject>, _ty: &PyObject) -> PyResult {
    pair(obj)
        .func
        .get()
        .ok_or_else(|| type_error("uninitialized staticmethod object"))
}

fn staticmethod_call(obj: &PyObject, args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let f = pair(obj)
        .func
        .get()
        .ok_or_else(|| type_error("uninitialized staticmethod object"))?;
    super::protocol::call(&f, args, kw)
}

static WRAPPER_GETSETS: [GetSetDef; 2] = [
    GetSetDef {
        name: "__func__",
        get: get_func,
        set: None,
    },
    GetSetDef {
        name: "__wrapped__",
        get: get_func,
        set: None,
    },
];

/// `classmethod`.
pub static CLASSMETHOD_TYPE: TypeObject = TypeObject::new_static(
    "classmethod",
    std::mem::size_of::<PairObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags(TypeFlags::HAS_GC.0 | TypeFlags::BASETYPE.0),
    Slots {
        drop: pair_drop,
        traverse: Some(pair_traverse),
        clear: Some(pair_clear),
        descr_get: Cell::new(Some(classmethod_get)),
        new: Cell::new(Some(wrapper_new)),
        ..Slots::empty()
    },
    &[],
    &WRAPPER_GETSETS,
);

/// `staticmethod`.
pub static STATICMETHOD_TYPE: TypeObject = TypeObject::new_static(
    "staticmethod",
    std::mem::size_of::<PairObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags(TypeFlags::HAS_GC.0 | TypeFlags::BASETYPE.0),
    Slots {
        drop: pair_drop,
        traverse: Some(pair_traverse),
        clear: Some(pair_clear),
        descr_get: Cell::new(Some(staticmethod_get)),
        call: Cell::new(Some(staticmethod_call)),
        new: Cell::new(Some(wrapper_new)),
        ..Slots::empty()
    },
    &[],
    &WRAPPER_GETSETS,
);

/// A property: getter, setter, deleter, doc.
#[repr(C)]
pub struct PropertyObject {
    ob: PyObject,
    fget: RefCellSlot,
    fset: RefCellSlot,
    fdel: RefCellSlot,
    doc: RefCellSlot,
    /// The attribute name (`__set_name__`), for error messages.
    name: RefCellSlot,
}

fn prop(obj: &PyObject) -> &PropertyObject {
    // SAFETY: PAYLOAD-1 — only called from PROPERTY_TYPE's slots (and
    // subclasses, laid out the same).
    unsafe { &*(obj as *const PyObject as *const PropertyObject) }
}

fn new_property(
    ty: &TypeObject,
    fget: Option<Ref>,
    fset: Option<Ref>,
    fdel: Option<Ref>,
    doc: Option<Ref>,
) -> Ref {
    let obj = heap::alloc_object(ty, ty.basicsize);
    let doc = doc.or_else(|| {
        fget.as_ref()
            .and_then(|g| super::protocol::getattr_str(g, "__doc__").ok())
    });
    let p = PropertyObject {
        ob: PyObject::new(ty),
        fget: RefCellSlot::new(fget),
        fset: RefCellSlot::new(fset),
        fdel: RefCellSlot::new(fdel),
        doc: RefCellSlot::new(doc),
        name: RefCellSlot::empty(),
    };
    // SAFETY: the block has room for a PropertyObject.
    unsafe { obj.cast::<PropertyObject>().as_ptr().write(p) };
    // SAFETY: new object, we own it.
    let r = unsafe { Ref::from_raw(obj) };
    heap::track(&r);
    r
}

fn not_none(v: Option<&Ref>) -> Option<Ref> {
    v.filter(|v| !v.is(super::none::none_ref())).cloned()
}

fn property_new(ty: &TypeObject, args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let names = kw.map(super::tuple::items).unwrap_or(&[]);
    let npos = args.len() - names.len();
    let mut slots: [Option<Ref>; 4] = [None, None, None, None];
    for (i, a) in args[..npos].iter().enumerate().take(4) {
        slots[i] = not_none(Some(a));
    }
    for (name, v) in names.iter().zip(&args[npos..]) {
        let i = match super::str::as_str(name) {
            Some("fget") => 0,
            Some("fset") => 1,
            Some("fdel") => 2,
            Some("doc") => 3,
            _ => return Err(type_error("property() got an unexpected keyword argument")),
        };
        slots[i] = not_none(Some(v));
    }
    let [g, s, d, doc] = slots;
    Ok(new_property(ty, g, s, d, doc))
}

/// CPython 3.11's message for a missing getter/setter/deleter.
fn missing(obj: &PyObject, inst: &PyObject, what: &str) -> super::err::PyErr {
    match prop(obj)
        .name
        .get()
        .and_then(|n| super::str::as_str(&n).map(str::to_string))
    {
        Some(n) => attribute_error(format!(
            "property '{}' of '{}' object has no {}",
            n,
            inst.ty().name(),
            what
        )),
        None => attribute_error(format!(
            "property of '{}' object has no {}",
            inst.ty().name(),
            what
        )),
    }
}

fn property_get(obj: &PyObject, inst: Option<&PyObject>, _ty: &PyObject) -> PyResult {
    let Some(inst) = inst else {
        return Ok(obj.to_ref());
    };
    match prop(obj).fget.get() {
        Some(g) => super::protocol::call(&g, &[inst.to_ref()], None),
        None => Err(missing(obj, inst, "getter")),
    }
}

fn property_set(obj: &PyObject, inst: &PyObject, value: Option<Ref>) -> PyResult<()> {
    let p = prop(obj);
    match value {
        Some(v) => match p.fset.get() {
            Some(s) => super::protocol::call(&s, &[inst.to_ref(), v], None).map(drop),
            None => Err(missing(obj, inst, "setter")),
        },
        None => match p.fdel.get() {
            Some(d) => super::protocol::call(&d, &[inst.to_ref()], None).map(drop),
            None => Err(missing(obj, inst, "deleter")),
        },
    }
}

unsafe fn property_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; payload per PAYLOAD-1.
    unsafe { std::ptr::drop_in_place(obj.cast::<PropertyObject>().as_ptr()) }
}

fn property_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    let p = prop(obj);
    for s in [&p.fget, &p.fset, &p.fdel, &p.doc, &p.name] {
        if let Some(x) = s.peek() {
            v.visit(x);
        }
    }
}

fn property_clear(obj: &PyObject) {
    let p = prop(obj);
    for s in [&p.fget, &p.fset, &p.fdel, &p.doc, &p.name] {
        s.set(None);
    }
}

fn copy_with(args: &[Ref], which: usize) -> PyResult {
    let me = &args[0];
    let p = prop(me);
    let f = args.get(1).cloned();
    let mut parts = [p.fget.get(), p.fset.get(), p.fdel.get()];
    parts[which] = not_none(f.as_ref());
    let [g, s, d] = parts;
    let r = new_property(me.ty(), g, s, d, p.doc.get());
    prop(&r).name.set(p.name.get());
    Ok(r)
}

fn m_set_name(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    if args.len() != 3 {
        return Err(type_error("__set_name__() takes 2 positional arguments"));
    }
    prop(&args[0]).name.set(Some(args[2].clone()));
    Ok(super::none::none())
}

fn m_getter(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    copy_with(args, 0)
}
fn m_setter(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    copy_with(args, 1)
}
fn m_deleter(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    copy_with(args, 2)
}

static PROPERTY_METHODS: [MethodDef; 4] = [
    MethodDef {
        name: "__set_name__",
        func: m_set_name,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "getter",
        func: m_getter,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "setter",
        func: m_setter,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "deleter",
        func: m_deleter,
        kind: MethodKind::Instance,
    },
];

fn none_or(s: &RefCellSlot) -> Ref {
    s.get().unwrap_or_else(super::none::none)
}

static PROPERTY_GETSETS: [GetSetDef; 4] = [
    GetSetDef {
        name: "fget",
        get: |o| Ok(none_or(&prop(o).fget)),
        set: None,
    },
    GetSetDef {
        name: "fset",
        get: |o| Ok(none_or(&prop(o).fset)),
        set: None,
    },
    GetSetDef {
        name: "fdel",
        get: |o| Ok(none_or(&prop(o).fdel)),
        set: None,
    },
    GetSetDef {
        name: "__doc__",
        get: |o| Ok(none_or(&prop(o).doc)),
        set: None,
    },
];

/// `property`.
pub static PROPERTY_TYPE: TypeObject = TypeObject::new_static(
    "property",
    std::mem::size_of::<PropertyObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags(TypeFlags::HAS_GC.0 | TypeFlags::BASETYPE.0),
    Slots {
        drop: property_drop,
        traverse: Some(property_traverse),
        clear: Some(property_clear),
        descr_get: Cell::new(Some(property_get)),
        descr_set: Cell::new(Some(property_set)),
        new: Cell::new(Some(property_new)),
        ..Slots::empty()
    },
    &PROPERTY_METHODS,
    &PROPERTY_GETSETS,
);
