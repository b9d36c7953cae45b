//! `frame` objects as `sys._getframe()` returns them: a snapshot of a
//! running frame — its code, globals, locals (a dict copied from the fast
//! locals, as CPython's `f_locals` is for function frames), line and the
//! snapshot of the frame that called it (`f_back`).
//!
//! pyrite's frames live on the Rust stack and die with their call, so a
//! frame object cannot point at one; it copies what it shows when made.

use std::cell::Cell;
use std::ptr::NonNull;

use pyrite_gc::Visitor;

use super::err::PyResult;
use super::heap;
use super::int::new_int;
use super::none::none;
use super::object::{PyObject, PyPayload, Ref, RefCellSlot};
use super::str::new_str;
use super::typeobj::{GetSetDef, Slots, TypeFlags, TypeObject};

/// A frame snapshot.
#[repr(C)]
pub struct FrameObject {
    ob: PyObject,
    code: RefCellSlot,
    globals: RefCellSlot,
    builtins: RefCellSlot,
    locals: RefCellSlot,
    back: RefCellSlot,
    lineno: Cell<u32>,
    lasti: Cell<usize>,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first; `frame` has no subclasses.
unsafe impl PyPayload for FrameObject {
    fn static_type() -> &'static TypeObject {
        &FRAME_TYPE
    }
}

fn payload(obj: &PyObject) -> &FrameObject {
    obj.downcast_exact::<FrameObject>().expect("frame payload")
}

/// A snapshot of `f` whose `f_back` is `back`.
pub fn snapshot(f: &crate::vm::frame::Frame, back: Option<Ref>) -> PyResult {
    let locals = crate::modules::builtins_exec::frame_locals(f)?;
    let obj = heap::alloc_object(&FRAME_TYPE, std::mem::size_of::<FrameObject>());
    let fo = FrameObject {
        ob: PyObject::new(&FRAME_TYPE),
        code: RefCellSlot::new(Some(f.code_ref.clone())),
        globals: RefCellSlot::new(Some(f.globals.clone())),
        builtins: RefCellSlot::new(Some(f.builtins.clone())),
        locals: RefCellSlot::new(Some(locals)),
        back: RefCellSlot::new(back),
        lineno: Cell::new(f.lineno()),
        lasti: Cell::new(f.lasti),
    };
    // SAFETY: the block has room for a FrameObject.
    unsafe { obj.cast::<FrameObject>().as_ptr().write(fo) };
    // SAFETY: new object, we own its reference.
    let r = unsafe { Ref::from_raw(obj) };
    heap::track(&r);
    Ok(r)
}

/// Snapshots of the running frames from `depth` levels up to the outermost,
/// linked by `f_back`; `None` when the stack is not that deep.
pub fn running_frame(depth: usize) -> PyResult<Option<Ref>> {
    let total = crate::vm::frame::running_depth();
    if depth >= total {
        return Ok(None);
    }
    let mut back: Option<Ref> = None;
    for d in (depth..total).rev() {
        let snap = crate::vm::frame::with_running(d, |f| match f {
            Some(f) => snapshot(f, back.take()).map(Some),
            None => Ok(None),
        })?;
        back = snap;
    }
    Ok(back)
}

unsafe fn frame_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; the payload is a FrameObject (PAYLOAD-1).
    unsafe { std::ptr::drop_in_place(obj.cast::<FrameObject>().as_ptr()) }
}

fn slots_of(f: &FrameObject) -> [&RefCellSlot; 5] {
    [&f.code, &f.globals, &f.builtins, &f.locals, &f.back]
}

fn frame_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    for s in slots_of(payload(obj)) {
        if let Some(p) = s.peek() {
            v.visit(p);
        }
    }
}

fn frame_clear(obj: &PyObject) {
    let f = payload(obj);
    f.locals.set(None);
    f.back.set(None);
}

fn frame_repr(obj: &PyObject) -> PyResult {
    let f = payload(obj);
    let (file, name) = match f.code.get() {
        Some(c) => match super::codeobj::as_code(&c) {
            Some(c) => (c.unit.filename.to_string(), c.unit.name.to_string()),
            None => ("?".into(), "?".into()),
        },
        None => ("?".into(), "?".into()),
    };
    Ok(new_str(&format!(
        "<frame at {:#x}, file {}, line {}, code {}>",
        obj.addr(),
        super::str::repr_str(&file),
        f.lineno.get(),
        name
    )))
}

fn slot_or_none(s: &RefCellSlot) -> PyResult {
    Ok(s.get().unwrap_or_else(none))
}

static FRAME_GETSETS: [GetSetDef; 7] = [
    GetSetDef {
        name: "f_code",
        get: |o| slot_or_none(&payload(o).code),
        set: None,
    },
    GetSetDef {
        name: "f_globals",
        get: |o| slot_or_none(&payload(o).globals),
        set: None,
    },
    GetSetDef {
        name: "f_builtins",
        get: |o| slot_or_none(&payload(o).builtins),
        set: None,
    },
    GetSetDef {
        name: "f_locals",
        get: |o| slot_or_none(&payload(o).locals),
        set: None,
    },
    GetSetDef {
        name: "f_back",
        get: |o| slot_or_none(&payload(o).back),
        set: None,
    },
    GetSetDef {
        name: "f_lineno",
        get: |o| Ok(new_int(payload(o).lineno.get() as i64)),
        set: None,
    },
    GetSetDef {
        name: "f_lasti",
        get: |o| Ok(new_int(2 * payload(o).lasti.get() as i64)),
        set: None,
    },
];

/// `frame`.
pub static FRAME_TYPE: TypeObject = TypeObject::new_static(
    "frame",
    std::mem::size_of::<FrameObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags::HAS_GC,
    Slots {
        drop: frame_drop,
        traverse: Some(frame_traverse),
        clear: Some(frame_clear),
        repr: Cell::new(frame_repr),
        ..Slots::empty()
    },
    &[],
    &FRAME_GETSETS,
);
