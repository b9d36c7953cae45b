//! `function`: a code object with the globals, defaults and closure it was
//! made with. Calling one runs the VM (`vm::call`).

use std::cell::Cell;
use std::ptr::NonNull;

use pyrite_gc::Visitor;

use super::err::{type_error, PyResult};
use super::heap;
use super::names::name;
use super::object::{PyObject, PyPayload, Ref, RefCellSlot};
use super::str::{as_str, new_str};
use super::typeobj::{GetSetDef, KwNames, Slots, TypeFlags, TypeObject};

/// A Python function.
#[repr(C)]
pub struct FunctionObject {
    ob: PyObject,
    /// `__code__` (a code object).
    pub code: RefCellSlot,
    /// `__globals__`.
    pub globals: Ref,
    /// The builtins dict the function's frames see.
    pub builtins: Ref,
    /// `__name__`.
    pub name: RefCellSlot,
    /// `__qualname__`.
    pub qualname: RefCellSlot,
    /// `__defaults__` (tuple or None).
    pub defaults: RefCellSlot,
    /// `__kwdefaults__` (dict or None).
    pub kwdefaults: RefCellSlot,
    /// `__closure__` (tuple of cells or None).
    pub closure: RefCellSlot,
    /// `__doc__`.
    pub doc: RefCellSlot,
    /// `__module__`.
    pub module: RefCellSlot,
    /// `__annotations__`.
    pub annotations: RefCellSlot,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first.
unsafe impl PyPayload for FunctionObject {
    fn static_type() -> &'static TypeObject {
        &FUNCTION_TYPE
    }
}

impl FunctionObject {
    /// The code object (borrowed; the function keeps it alive until
    /// `__code__` is reassigned, which callers must not race with).
    pub fn code(&self) -> Ref {
        self.code.get().expect("function has code")
    }
}

/// Whether `obj` is a Python function.
#[inline(always)]
pub fn is_function(obj: &PyObject) -> bool {
    std::ptr::eq(obj.ty(), &FUNCTION_TYPE)
}

/// The function payload of `obj`.
#[inline(always)]
pub fn as_function(obj: &PyObject) -> Option<&FunctionObject> {
    obj.downcast_exact::<FunctionObject>()
}

/// A new function from a code object and globals (`MAKE_FUNCTION`).
pub fn new_function(code: Ref, globals: Ref, builtins: Ref) -> Ref {
    let c = super::codeobj::as_code(&code).expect("code object");
    let name = c.name_obj();
    let qualname = c.qualname_obj();
    let doc = c.docstring();
    let module = super::dict::get_item_interned(&globals, name!("__name__"));
    let obj = heap::alloc_object(&FUNCTION_TYPE, std::mem::size_of::<FunctionObject>());
    let f = FunctionObject {
        ob: PyObject::new(&FUNCTION_TYPE),
        code: RefCellSlot::new(Some(code)),
        globals,
        builtins,
        name: RefCellSlot::new(Some(name)),
        qualname: RefCellSlot::new(Some(qualname)),
        defaults: RefCellSlot::empty(),
        kwdefaults: RefCellSlot::empty(),
        closure: RefCellSlot::empty(),
        doc: RefCellSlot::new(Some(doc)),
        module: RefCellSlot::new(module),
        annotations: RefCellSlot::empty(),
    };
    // SAFETY: the block has room for a FunctionObject.
    unsafe { obj.cast::<FunctionObject>().as_ptr().write(f) };
    // SAFETY: new object, we own it.
    let r = unsafe { Ref::from_raw(obj) };
    heap::track(&r);
    r
}

unsafe fn function_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; payload per PAYLOAD-1.
    unsafe { std::ptr::drop_in_place(obj.cast::<FunctionObject>().as_ptr()) }
}

fn slots_of(f: &FunctionObject) -> [&RefCellSlot; 9] {
    [
        &f.code,
        &f.name,
        &f.qualname,
        &f.defaults,
        &f.kwdefaults,
        &f.closure,
        &f.doc,
        &f.module,
        &f.annotations,
    ]
}

fn function_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    let f = as_function(obj).expect("function");
    v.visit(f.globals.as_ptr());
    v.visit(f.builtins.as_ptr());
    for s in slots_of(f) {
        if let Some(p) = s.peek() {
            v.visit(p);
        }
    }
}

fn function_clear(obj: &PyObject) {
    let f = as_function(obj).expect("function");
    // `code`, `globals` and `builtins` stay: a cleared function may still be
    // called by a finalizer (CPython keeps them too).
    for s in [
        &f.defaults,
        &f.kwdefaults,
        &f.closure,
        &f.doc,
        &f.module,
        &f.annotations,
    ] {
        s.set(None);
    }
}

fn function_call(obj: &PyObject, args: &[Ref], kw: KwNames<'_>) -> PyResult {
    crate::vm::call::call_function(as_function(obj).expect("function"), args, kw)
}

fn function_descr_get(obj: &PyObject, inst: Option<&PyObject>, _ty: &PyObject) -> PyResult {
    match inst {
        None => Ok(obj.to_ref()),
        Some(i) => Ok(super::funcdescr::new_method(obj.to_ref(), i.to_ref())),
    }
}

fn function_repr(obj: &PyObject) -> PyResult {
    let f = as_function(obj).expect("function");
    let q = f
        .qualname
        .get()
        .map(|q| as_str(&q).unwrap_or("?").to_string())
        .unwrap_or_default();
    Ok(new_str(&format!("<function {} at {:#x}>", q, obj.addr())))
}

fn none_or(s: &RefCellSlot) -> Ref {
    s.get().unwrap_or_else(super::none::none)
}

fn set_slot_none_ok(s: &RefCellSlot, v: Option<Ref>) {
    s.set(v.filter(|v| !v.is(super::none::none_ref())));
}

macro_rules! getset_field {
    ($get:ident, $set:ident, $field:ident) => {
        fn $get(obj: &PyObject) -> PyResult {
            Ok(none_or(&as_function(obj).expect("function").$field))
        }
        fn $set(obj: &PyObject, v: Option<Ref>) -> PyResult<()> {
            set_slot_none_ok(&as_function(obj).expect("function").$field, v);
            Ok(())
        }
    };
}

getset_field!(get_defaults, set_defaults, defaults);
getset_field!(get_kwdefaults, set_kwdefaults, kwdefaults);
getset_field!(get_doc, set_doc, doc);
getset_field!(get_module, set_module, module);

fn get_name(obj: &PyObject) -> PyResult {
    Ok(none_or(&as_function(obj).expect("function").name))
}

fn set_name(obj: &PyObject, v: Option<Ref>) -> PyResult<()> {
    match v {
        Some(v) if as_str(&v).is_some() => {
            as_function(obj).expect("function").name.set(Some(v));
            Ok(())
        }
        _ => Err(type_error("__name__ must be set to a string object")),
    }
}

fn get_qualname(obj: &PyObject) -> PyResult {
    Ok(none_or(&as_function(obj).expect("function").qualname))
}

fn set_qualname(obj: &PyObject, v: Option<Ref>) -> PyResult<()> {
    match v {
        Some(v) if as_str(&v).is_some() => {
            as_function(obj).expect("function").qualname.set(Some(v));
            Ok(())
        }
        _ => Err(type_error("__qualname__ must be set to a string object")),
    }
}

fn get_code(obj: &PyObject) -> PyResult {
    Ok(as_function(obj).expect("function").code())
}

fn set_code(obj: &PyObject, v: Option<Ref>) -> PyResult<()> {
    match v {
        Some(v) if super::codeobj::as_code(&v).is_some() => {
            as_function(obj).expect("function").code.set(Some(v));
            Ok(())
        }
        _ => Err(type_error("__code__ must be set to a code object")),
    }
}

fn get_globals(obj: &PyObject) -> PyResult {
    Ok(as_function(obj).expect("function").globals.clone())
}

fn get_closure(obj: &PyObject) -> PyResult {
    Ok(none_or(&as_function(obj).expect("function").closure))
}

fn get_annotations(obj: &PyObject) -> PyResult {
    let f = as_function(obj).expect("function");
    if let Some(a) = f.annotations.get() {
        if super::dict::as_dict(&a).is_some() {
            return Ok(a);
        }
        // MAKE_FUNCTION stores a flat tuple (name, value, ...): make the dict.
        let d = super::dict::new_dict();
        let items = super::tuple::items(&a);
        for pair in items.chunks(2) {
            if let [k, v] = pair {
                super::dict::as_dict(&d)
                    .expect("dict")
                    .set(k.clone(), v.clone())?;
            }
        }
        f.annotations.set(Some(d.clone()));
        return Ok(d);
    }
    let d = super::dict::new_dict();
    f.annotations.set(Some(d.clone()));
    Ok(d)
}

fn set_annotations(obj: &PyObject, v: Option<Ref>) -> PyResult<()> {
    set_slot_none_ok(&as_function(obj).expect("function").annotations, v);
    Ok(())
}

fn get_dict(obj: &PyObject) -> PyResult {
    Ok(super::attr::instance_dict(obj).expect("functions have a dict"))
}

static FUNCTION_GETSETS: [GetSetDef; 12] = [
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
        name: "__code__",
        get: get_code,
        set: Some(set_code),
    },
    GetSetDef {
        name: "__defaults__",
        get: get_defaults,
        set: Some(set_defaults),
    },
    GetSetDef {
        name: "__kwdefaults__",
        get: get_kwdefaults,
        set: Some(set_kwdefaults),
    },
    GetSetDef {
        name: "__doc__",
        get: get_doc,
        set: Some(set_doc),
    },
    GetSetDef {
        name: "__module__",
        get: get_module,
        set: Some(set_module),
    },
    GetSetDef {
        name: "__globals__",
        get: get_globals,
        set: None,
    },
    GetSetDef {
        name: "__closure__",
        get: get_closure,
        set: None,
    },
    GetSetDef {
        name: "__annotations__",
        get: get_annotations,
        set: Some(set_annotations),
    },
    GetSetDef {
        name: "__dict__",
        get: get_dict,
        set: None,
    },
    GetSetDef {
        name: "__builtins__",
        get: |o| Ok(as_function(o).expect("function").builtins.clone()),
        set: None,
    },
];

/// `function`.
pub static FUNCTION_TYPE: TypeObject = TypeObject::new_static(
    "function",
    std::mem::size_of::<FunctionObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags(TypeFlags::HAS_GC.0 | TypeFlags::MANAGED_DICT.0 | TypeFlags::MANAGED_WEAKREF.0),
    Slots {
        drop: function_drop,
        traverse: Some(function_traverse),
        clear: Some(function_clear),
        repr: Cell::new(function_repr),
        call: Cell::new(Some(function_call)),
        descr_get: Cell::new(Some(function_descr_get)),
        ..Slots::empty()
    },
    &[],
    &FUNCTION_GETSETS,
);
