//! Built-in callables and descriptors: `builtin_function_or_method`
//! (functions of built-in modules, and built-in methods bound to an object),
//! `method_descriptor` (`list.append` on the type), `classmethod_descriptor`
//! and `getset_descriptor` (computed attributes such as `__cause__`).

use std::cell::Cell;
use std::ptr::NonNull;

use pyrite_gc::Visitor;

use super::err::{type_error, PyResult};
use super::heap;
use super::object::{PyObject, PyPayload, Ref, RefCellSlot};
use super::str::new_str;
use super::typeobj::{
    GetSetDef, KwNames, MethodDef, MethodKind, NativeFn, Slots, TypeFlags, TypeObject,
};

/// A built-in function, possibly bound to `self` (a built-in method).
#[repr(C)]
pub struct BuiltinFunctionObject {
    ob: PyObject,
    /// `__name__`.
    pub name: &'static str,
    /// The code.
    pub func: NativeFn,
    /// The bound object (`[].append` has the list), or None.
    pub bound: RefCellSlot,
    /// The module name for the repr, or the owner type's name.
    pub owner: &'static str,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first.
unsafe impl PyPayload for BuiltinFunctionObject {
    fn static_type() -> &'static TypeObject {
        &BUILTIN_FUNCTION_TYPE
    }
}

/// A new built-in function.
pub fn new_builtin(
    name: &'static str,
    func: NativeFn,
    bound: Option<Ref>,
    owner: &'static str,
) -> Ref {
    let obj = heap::alloc_object(
        &BUILTIN_FUNCTION_TYPE,
        std::mem::size_of::<BuiltinFunctionObject>(),
    );
    let track = bound.is_some();
    let f = BuiltinFunctionObject {
        ob: PyObject::new(&BUILTIN_FUNCTION_TYPE),
        name,
        func,
        bound: RefCellSlot::new(bound),
        owner,
    };
    // SAFETY: the block has room for the payload.
    unsafe { obj.cast::<BuiltinFunctionObject>().as_ptr().write(f) };
    // SAFETY: new object, we own it.
    let r = unsafe { Ref::from_raw(obj) };
    if track {
        heap::track(&r);
    }
    r
}

fn builtin_call(obj: &PyObject, args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let f = obj.downcast::<BuiltinFunctionObject>().expect("builtin");
    match f.bound.get() {
        None => (f.func)(args, kw),
        Some(me) => super::prepend::with_first(me, args, |all| (f.func)(all, kw)),
    }
}

fn builtin_repr(obj: &PyObject) -> PyResult {
    let f = obj.downcast::<BuiltinFunctionObject>().expect("builtin");
    Ok(match f.bound.get() {
        Some(me) if !me.is(super::none::none_ref()) && super::typetype::as_type(&me).is_none() => {
            new_str(&format!(
                "<built-in method {} of {} object at {:#x}>",
                f.name,
                me.ty().name(),
                me.addr()
            ))
        }
        _ => new_str(&format!("<built-in function {}>", f.name)),
    })
}

unsafe fn builtin_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; payload layout per PAYLOAD-1.
    unsafe { std::ptr::drop_in_place(obj.cast::<BuiltinFunctionObject>().as_ptr()) }
}

fn builtin_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    if let Some(p) = obj
        .downcast::<BuiltinFunctionObject>()
        .expect("builtin")
        .bound
        .peek()
    {
        v.visit(p);
    }
}

fn builtin_clear(obj: &PyObject) {
    obj.downcast::<BuiltinFunctionObject>()
        .expect("builtin")
        .bound
        .set(None);
}

fn builtin_get_name(obj: &PyObject) -> PyResult {
    Ok(new_str(
        obj.downcast::<BuiltinFunctionObject>()
            .expect("builtin")
            .name,
    ))
}

fn builtin_get_self(obj: &PyObject) -> PyResult {
    let f = obj.downcast::<BuiltinFunctionObject>().expect("builtin");
    Ok(f.bound.get().unwrap_or_else(super::none::none))
}

static BUILTIN_GETSETS: [GetSetDef; 3] = [
    GetSetDef {
        name: "__name__",
        get: builtin_get_name,
        set: None,
    },
    GetSetDef {
        name: "__qualname__",
        get: builtin_get_name,
        set: None,
    },
    GetSetDef {
        name: "__self__",
        get: builtin_get_self,
        set: None,
    },
];

/// `builtin_function_or_method`.
pub static BUILTIN_FUNCTION_TYPE: TypeObject = TypeObject::new_static(
    "builtin_function_or_method",
    std::mem::size_of::<BuiltinFunctionObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags(TypeFlags::HAS_GC.0 | TypeFlags::MANAGED_WEAKREF.0),
    Slots {
        drop: builtin_drop,
        traverse: Some(builtin_traverse),
        clear: Some(builtin_clear),
        repr: Cell::new(builtin_repr),
        call: Cell::new(Some(builtin_call)),
        ..Slots::empty()
    },
    &[],
    &BUILTIN_GETSETS,
);

/// A method of a built-in type, found on the type (`list.append`).
#[repr(C)]
pub struct MethodDescrObject {
    ob: PyObject,
    /// The definition.
    pub def: &'static MethodDef,
    /// The type it belongs to.
    pub owner: &'static TypeObject,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first; both descriptor types
// share the layout.
unsafe impl PyPayload for MethodDescrObject {
    fn static_type() -> &'static TypeObject {
        &METHOD_DESCR_TYPE
    }
}

/// A descriptor for `def` on `owner`, of the kind the def asks for.
pub fn new_method_descr(def: &'static MethodDef, owner: &'static TypeObject) -> Ref {
    let ty: &TypeObject = match def.kind {
        MethodKind::Instance => &METHOD_DESCR_TYPE,
        MethodKind::Class => &CLASSMETHOD_DESCR_TYPE,
        MethodKind::Static => return new_builtin(def.name, def.func, None, owner.name_static()),
    };
    let obj = heap::alloc_object(ty, std::mem::size_of::<MethodDescrObject>());
    let d = MethodDescrObject {
        ob: PyObject::new(ty),
        def,
        owner,
    };
    // SAFETY: the block has room for the payload.
    unsafe { obj.cast::<MethodDescrObject>().as_ptr().write(d) };
    // SAFETY: new object, we own it.
    unsafe { Ref::from_raw(obj) }
}

fn descr_payload(obj: &PyObject) -> &MethodDescrObject {
    // SAFETY: PAYLOAD-1 — both descriptor types use this layout; this is
    // only called from their own slots.
    unsafe { &*(obj as *const PyObject as *const MethodDescrObject) }
}

/// Call a method descriptor with `args[0]` as self (checked).
pub fn method_descr_call(obj: &PyObject, args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let d = descr_payload(obj);
    match args.first() {
        Some(me) if me.is_instance_of(d.owner) => (d.def.func)(args, kw),
        Some(me) => Err(type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            d.def.name,
            d.owner.name(),
            me.ty().name()
        ))),
        None => Err(type_error(format!(
            "unbound method {}.{}() needs an argument",
            d.owner.name(),
            d.def.name
        ))),
    }
}

fn method_descr_get(obj: &PyObject, inst: Option<&PyObject>, _ty: &PyObject) -> PyResult {
    let d = descr_payload(obj);
    match inst {
        None => Ok(obj.to_ref()),
        Some(i) => Ok(new_builtin(
            d.def.name,
            d.def.func,
            Some(i.to_ref()),
            d.owner.name_static(),
        )),
    }
}

fn method_descr_repr(obj: &PyObject) -> PyResult {
    let d = descr_payload(obj);
    Ok(new_str(&format!(
        "<method '{}' of '{}' objects>",
        d.def.name,
        d.owner.name()
    )))
}

unsafe fn noop_drop(_: NonNull<PyObject>) {}

/// `method_descriptor`.
pub static METHOD_DESCR_TYPE: TypeObject = TypeObject::new_static(
    "method_descriptor",
    std::mem::size_of::<MethodDescrObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags(0),
    Slots {
        drop: noop_drop,
        repr: Cell::new(method_descr_repr),
        call: Cell::new(Some(method_descr_call)),
        descr_get: Cell::new(Some(method_descr_get)),
        ..Slots::empty()
    },
    &[],
    &[],
);

fn classmethod_descr_get(obj: &PyObject, inst: Option<&PyObject>, ty: &PyObject) -> PyResult {
    let d = descr_payload(obj);
    let cls = match inst {
        Some(i) if ty.is(super::none::none_ref()) => i.ty().to_ref(),
        _ => ty.to_ref(),
    };
    Ok(new_builtin(
        d.def.name,
        d.def.func,
        Some(cls),
        d.owner.name_static(),
    ))
}

fn classmethod_descr_call(obj: &PyObject, args: &[Ref], kw: KwNames<'_>) -> PyResult {
    (descr_payload(obj).def.func)(args, kw)
}

/// `classmethod_descriptor` (`dict.fromkeys`).
pub static CLASSMETHOD_DESCR_TYPE: TypeObject = TypeObject::new_static(
    "classmethod_descriptor",
    std::mem::size_of::<MethodDescrObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags(0),
    Slots {
        drop: noop_drop,
        repr: Cell::new(method_descr_repr),
        call: Cell::new(Some(classmethod_descr_call)),
        descr_get: Cell::new(Some(classmethod_descr_get)),
        ..Slots::empty()
    },
    &[],
    &[],
);

/// A computed attribute of a built-in type's instances.
#[repr(C)]
pub struct GetSetDescrObject {
    ob: PyObject,
    /// The definition.
    pub def: &'static GetSetDef,
    /// The type it belongs to (a reference: a class's `__dict__` and
    /// `__weakref__` descriptors keep their class alive, as CPython's
    /// `d_type`).
    owner: Ref,
}

impl GetSetDescrObject {
    /// The type the descriptor belongs to.
    fn owner(&self) -> &TypeObject {
        super::typetype::as_type(&self.owner).expect("getset owner is a type")
    }
}

/// A getset descriptor for `def` on `owner`.
pub fn new_getset_descr(def: &'static GetSetDef, owner: &TypeObject) -> Ref {
    let obj = heap::alloc_object(&GETSET_DESCR_TYPE, std::mem::size_of::<GetSetDescrObject>());
    let d = GetSetDescrObject {
        ob: PyObject::new(&GETSET_DESCR_TYPE),
        def,
        owner: owner.to_ref(),
    };
    // SAFETY: the block has room for the payload.
    unsafe { obj.cast::<GetSetDescrObject>().as_ptr().write(d) };
    // SAFETY: new object, we own it.
    let r = unsafe { Ref::from_raw(obj) };
    heap::track(&r);
    r
}

fn getset_payload(obj: &PyObject) -> &GetSetDescrObject {
    // SAFETY: PAYLOAD-1 — only called from GETSET_DESCR_TYPE's slots.
    unsafe { &*(obj as *const PyObject as *const GetSetDescrObject) }
}

unsafe fn getset_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; the payload is a GetSetDescrObject (PAYLOAD-1),
    // dropped once.
    unsafe { std::ptr::drop_in_place(obj.cast::<GetSetDescrObject>().as_ptr()) }
}

fn getset_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    v.visit(getset_payload(obj).owner.as_ptr());
}

fn getset_get(obj: &PyObject, inst: Option<&PyObject>, _ty: &PyObject) -> PyResult {
    let d = getset_payload(obj);
    match inst {
        Some(i) => {
            if !i.is_instance_of(d.owner()) {
                return Err(type_error(format!(
                    "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                    d.def.name,
                    d.owner().name(),
                    i.ty().name()
                )));
            }
            (d.def.get)(i)
        }
        None => Ok(obj.to_ref()),
    }
}

fn getset_set(obj: &PyObject, inst: &PyObject, value: Option<Ref>) -> PyResult<()> {
    let d = getset_payload(obj);
    match d.def.set {
        Some(set) => set(inst, value),
        None => Err(super::err::attribute_error(format!(
            "attribute '{}' of '{}' objects is not writable",
            d.def.name,
            d.owner().name()
        ))),
    }
}

fn getset_repr(obj: &PyObject) -> PyResult {
    let d = getset_payload(obj);
    Ok(new_str(&format!(
        "<attribute '{}' of '{}' objects>",
        d.def.name,
        d.owner().name()
    )))
}

fn getset_name(obj: &PyObject) -> PyResult {
    Ok(super::str::intern(getset_payload(obj).def.name))
}

fn getset_qualname(obj: &PyObject) -> PyResult {
    let d = getset_payload(obj);
    Ok(new_str(&format!("{}.{}", d.owner().qualname(), d.def.name)))
}

fn getset_objclass(obj: &PyObject) -> PyResult {
    Ok(getset_payload(obj).owner.clone())
}

static GETSET_DESCR_GETSETS: [GetSetDef; 3] = [
    GetSetDef {
        name: "__name__",
        get: getset_name,
        set: None,
    },
    GetSetDef {
        name: "__qualname__",
        get: getset_qualname,
        set: None,
    },
    GetSetDef {
        name: "__objclass__",
        get: getset_objclass,
        set: None,
    },
];

/// `getset_descriptor`.
pub static GETSET_DESCR_TYPE: TypeObject = TypeObject::new_static(
    "getset_descriptor",
    std::mem::size_of::<GetSetDescrObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags::HAS_GC,
    Slots {
        drop: getset_drop,
        traverse: Some(getset_traverse),
        repr: Cell::new(getset_repr),
        descr_get: Cell::new(Some(getset_get)),
        descr_set: Cell::new(Some(getset_set)),
        ..Slots::empty()
    },
    &[],
    &GETSET_DESCR_GETSETS,
);
