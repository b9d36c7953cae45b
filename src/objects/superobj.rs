//! `super`: a proxy that looks attributes up along the MRO of an object's
//! type, starting after a given class, and binds what it finds to the
//! object (CPython's `Objects/typeobject.c` super_* functions).
//!
//! `super()` with no arguments reads the calling frame: the class comes
//! from the `__class__` free variable the compiler adds to any function
//! that mentions `super`, the object from the first argument (or its cell
//! when that parameter is captured by an inner function).
//!
//! Invariant **SUPER-1.** `thisclass` always holds a type; `obj` and
//! `obj_type` are both set (bound super) or both empty (unbound super), and
//! when set `obj_type` is a type that is `obj` itself or `type(obj)`, and a
//! subclass of `thisclass`.

use std::cell::Cell;
use std::ptr::NonNull;

use pyrite_gc::Visitor;

use super::err::{runtime_error, type_error, PyResult};
use super::heap;
use super::object::{PyObject, PyPayload, Ref, RefCellSlot};
use super::str::{as_str, new_str};
use super::tuple::items;
use super::typeobj::{GetSetDef, KwNames, Slots, TypeFlags, TypeObject};
use super::typetype::as_type;

/// A super object.
#[repr(C)]
pub struct SuperObject {
    ob: PyObject,
    /// `__thisclass__`: the search starts after it in the MRO (SUPER-1).
    thisclass: RefCellSlot,
    /// `__self__`: the object methods bind to, or empty (unbound).
    obj: RefCellSlot,
    /// `__self_class__`: whose MRO is searched, or empty (unbound).
    obj_type: RefCellSlot,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first; subclasses of `super`
// extend this layout (alloc with the subclass's basicsize).
unsafe impl PyPayload for SuperObject {
    fn static_type() -> &'static TypeObject {
        &SUPER_TYPE
    }
}

fn payload(obj: &PyObject) -> &SuperObject {
    obj.downcast::<SuperObject>().expect("super payload")
}

/// A new super object of type `ty` (SUPER-1 holds for the arguments).
fn new_super_of_type(
    ty: &TypeObject,
    thisclass: Ref,
    obj: Option<Ref>,
    obj_type: Option<Ref>,
) -> Ref {
    let p = heap::alloc_object(ty, ty.basicsize);
    let s = SuperObject {
        ob: PyObject::new(ty),
        thisclass: RefCellSlot::new(Some(thisclass)),
        obj: RefCellSlot::new(obj),
        obj_type: RefCellSlot::new(obj_type),
    };
    // SAFETY: the block has room for a SuperObject.
    unsafe { p.cast::<SuperObject>().as_ptr().write(s) };
    // SAFETY: new object, we own its reference.
    let r = unsafe { Ref::from_raw(p) };
    heap::track(&r);
    r
}

/// CPython's `supercheck`: the type whose MRO a `super(cls, obj)` searches.
fn supercheck(cls: &TypeObject, obj: &PyObject) -> PyResult<Ref> {
    if let Some(t) = as_type(obj) {
        if t.is_subtype(cls) {
            return Ok(obj.to_ref());
        }
    }
    if obj.ty().is_subtype(cls) {
        return Ok(obj.ty().to_ref());
    }
    // `obj.__class__` may differ from `type(obj)` (proxies).
    if let Ok(c) = super::protocol::getattr_str(obj, "__class__") {
        if let Some(ct) = as_type(&c) {
            if !std::ptr::eq(ct, obj.ty()) && ct.is_subtype(cls) {
                return Ok(c);
            }
        }
    }
    Err(type_error(
        "super(type, obj): obj must be an instance or subtype of type",
    ))
}

/// `super()` without arguments: `(__class__, first argument)` of the
/// calling frame.
fn from_calling_frame() -> PyResult<(Ref, Ref)> {
    crate::vm::frame::with_running(0, |f| {
        let f = f.ok_or_else(|| runtime_error("super(): no current frame"))?;
        let code = f.code();
        if code.unit.argcount == 0 {
            return Err(runtime_error("super(): no arguments"));
        }
        let nlocals = code.nlocals();
        let mut first = f.fast().first().cloned().flatten();
        if first.is_none() {
            // The first parameter may have moved into its cell.
            if let Some(i) = code.cell2arg.iter().position(|a| *a == Some(0)) {
                first = f.fast()[nlocals + i]
                    .as_ref()
                    .and_then(|c| super::cell::as_cell(c))
                    .and_then(|c| c.contents.get());
            }
        }
        let first = first.ok_or_else(|| runtime_error("super(): arg[0] deleted"))?;
        let ncells = code.unit.cellvars.len();
        for (j, name) in code.derefnames.iter().enumerate().skip(ncells) {
            if as_str(name) != Some("__class__") {
                continue;
            }
            let cell = f.fast()[nlocals + j]
                .as_ref()
                .and_then(|c| super::cell::as_cell(c))
                .ok_or_else(|| runtime_error("super(): bad __class__ cell"))?;
            let cls = cell
                .contents
                .get()
                .ok_or_else(|| runtime_error("super(): empty __class__ cell"))?;
            if as_type(&cls).is_none() {
                return Err(runtime_error(format!(
                    "super(): __class__ is not a type ({})",
                    cls.ty().name()
                )));
            }
            return Ok((cls, first));
        }
        Err(runtime_error("super(): __class__ cell not found"))
    })
}

/// `super.__new__` + `__init__`: `super()`, `super(cls)`, `super(cls, obj)`.
fn super_new(ty: &TypeObject, args: &[Ref], kw: KwNames<'_>) -> PyResult {
    if kw.is_some_and(|k| !items(k).is_empty()) {
        return Err(type_error("super() takes no keyword arguments"));
    }
    let (cls, obj) = match args.len() {
        0 => {
            let (c, o) = from_calling_frame()?;
            (c, Some(o))
        }
        1 => (args[0].clone(), None),
        2 => (args[0].clone(), Some(args[1].clone())),
        n => {
            return Err(type_error(format!(
                "super() expected at most 2 arguments, got {n}"
            )))
        }
    };
    let Some(t) = as_type(&cls) else {
        return Err(type_error(format!(
            "super() argument 1 must be a type, not {}",
            cls.ty().name()
        )));
    };
    let obj = obj.filter(|o| !o.is(super::none::none_ref()));
    let obj_type = match &obj {
        Some(o) => Some(supercheck(t, o)?),
        None => None,
    };
    Ok(new_super_of_type(ty, cls, obj, obj_type))
}

/// The work is done in `super_new`; `__init__` accepts the same arguments.
fn super_init(_obj: &PyObject, _args: &[Ref], _kw: KwNames<'_>) -> PyResult<()> {
    Ok(())
}

/// Find `name` in the MRO of `obj_type` after `thisclass`, unbound.
#[inline]
fn lookup_after(s: &SuperObject, name: &PyObject) -> Option<(Ref, Ref)> {
    let start = s.obj_type.get()?;
    let this = s.thisclass.get()?;
    let mro = as_type(&start)?.mro.get()?;
    let mro = items(&mro);
    let i = mro.iter().position(|t| t.is(&this))?;
    for t in &mro[i + 1..] {
        let Some(d) = as_type(t).and_then(|t| t.dict.get()) else {
            continue;
        };
        if let Some(v) = super::dict::get_item_interned(&d, name) {
            return Some((v, start));
        }
    }
    None
}

/// `super_getattro`: the MRO after `thisclass`, binding descriptors to the
/// object (or to nothing when the object is the class itself).
fn super_getattr(obj: &PyObject, name: &PyObject) -> PyResult {
    let s = payload(obj);
    if as_str(name) != Some("__class__") {
        if let Some((v, start)) = lookup_after(s, name) {
            let Some(get) = v.ty().slots.descr_get.get() else {
                return Ok(v);
            };
            let me = s.obj.get();
            let inst = me.as_ref().filter(|o| !o.is(&start));
            return get(&v, inst.map(|o| &**o), &start);
        }
    }
    super::attr::generic_getattr(obj, name)
}

/// `LOAD_METHOD` on a bound super object: `(function, self)` without a
/// bound method when the attribute is a plain method bound to an
/// instance; `None` when the generic path must run.
pub fn load_method(obj: &PyObject, name: &PyObject) -> Option<(Ref, Ref)> {
    let s = obj.downcast_exact::<SuperObject>()?;
    let (v, start) = lookup_after(s, name)?;
    let me = s.obj.get()?;
    if me.is(&start) {
        return None;
    }
    let plain =
        super::function::is_function(&v) || std::ptr::eq(v.ty(), &super::descr::METHOD_DESCR_TYPE);
    plain.then_some((v, me))
}

/// `super.__get__`: binding an unbound super to an instance.
fn super_descr_get(obj: &PyObject, inst: Option<&PyObject>, _ty: &PyObject) -> PyResult {
    let s = payload(obj);
    let Some(inst) = inst.filter(|i| !i.is(super::none::none_ref())) else {
        return Ok(obj.to_ref());
    };
    if s.obj.is_some() {
        return Ok(obj.to_ref());
    }
    let this = s.thisclass.get().expect("SUPER-1");
    let t = as_type(&this).expect("SUPER-1");
    let obj_type = supercheck(t, inst)?;
    Ok(new_super_of_type(
        obj.ty(),
        this,
        Some(inst.to_ref()),
        Some(obj_type),
    ))
}

fn super_repr(obj: &PyObject) -> PyResult {
    let s = payload(obj);
    let this = s.thisclass.get().expect("SUPER-1");
    let this_name = as_type(&this).map(|t| t.name().to_string());
    let this_name = this_name.unwrap_or_else(|| "?".into());
    let text = match s.obj_type.get() {
        Some(t) => {
            let n = as_type(&t)
                .map(|t| t.name().to_string())
                .unwrap_or_default();
            format!("<super: <class '{this_name}'>, <{n} object>>")
        }
        None => format!("<super: <class '{this_name}'>, NULL>"),
    };
    Ok(new_str(&text))
}

unsafe fn super_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; the payload is a SuperObject (PAYLOAD-1).
    unsafe { std::ptr::drop_in_place(obj.cast::<SuperObject>().as_ptr()) }
}

fn super_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    let s = payload(obj);
    for slot in [&s.thisclass, &s.obj, &s.obj_type] {
        if let Some(p) = slot.peek() {
            v.visit(p);
        }
    }
}

fn super_clear(obj: &PyObject) {
    let s = payload(obj);
    s.obj.set(None);
    s.obj_type.set(None);
}

fn none_or(slot: &RefCellSlot) -> Ref {
    slot.get().unwrap_or_else(super::none::none)
}

static SUPER_GETSETS: [GetSetDef; 3] = [
    GetSetDef {
        name: "__thisclass__",
        get: |o| Ok(none_or(&payload(o).thisclass)),
        set: None,
    },
    GetSetDef {
        name: "__self__",
        get: |o| Ok(none_or(&payload(o).obj)),
        set: None,
    },
    GetSetDef {
        name: "__self_class__",
        get: |o| Ok(none_or(&payload(o).obj_type)),
        set: None,
    },
];

/// `super`.
pub static SUPER_TYPE: TypeObject = TypeObject::new_static(
    "super",
    std::mem::size_of::<SuperObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags(TypeFlags::HAS_GC.0 | TypeFlags::BASETYPE.0),
    Slots {
        drop: super_drop,
        traverse: Some(super_traverse),
        clear: Some(super_clear),
        repr: Cell::new(super_repr),
        getattr: Cell::new(super_getattr),
        descr_get: Cell::new(Some(super_descr_get)),
        new: Cell::new(Some(super_new)),
        init: Cell::new(Some(super_init)),
        ..Slots::empty()
    },
    &[],
    &SUPER_GETSETS,
);
