//! `traceback`: one entry per frame an exception passed through, linked
//! from the outermost frame (`tb_next` goes inward).

use std::ptr::NonNull;

use pyrite_gc::Visitor;

use super::err::PyResult;
use super::heap;
use super::int::new_int;
use super::object::{PyObject, PyPayload, Ref, RefCellSlot};
use super::typeobj::{GetSetDef, Slots, TypeFlags, TypeObject};

/// A traceback entry.
#[repr(C)]
pub struct TracebackObject {
    ob: PyObject,
    /// The next (inner) entry.
    pub next: RefCellSlot,
    /// The code object of the frame.
    pub code: Ref,
    /// The instruction that raised.
    pub lasti: usize,
    /// Its line.
    pub lineno: u32,
    /// The frame object, when one exists.
    pub frame: RefCellSlot,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first.
unsafe impl PyPayload for TracebackObject {
    fn static_type() -> &'static TypeObject {
        &TRACEBACK_TYPE
    }
}

/// A new entry in front of `next`.
pub fn new_traceback(next: Option<Ref>, code: Ref, lasti: usize, lineno: u32) -> Ref {
    let obj = heap::alloc_object(&TRACEBACK_TYPE, std::mem::size_of::<TracebackObject>());
    let tb = TracebackObject {
        ob: PyObject::new(&TRACEBACK_TYPE),
        next: RefCellSlot::new(next),
        code,
        lasti,
        lineno,
        frame: RefCellSlot::empty(),
    };
    // SAFETY: the block has room for a TracebackObject.
    unsafe { obj.cast::<TracebackObject>().as_ptr().write(tb) };
    // SAFETY: new object, we own it.
    let r = unsafe { Ref::from_raw(obj) };
    heap::track(&r);
    r
}

/// The traceback payload of `obj`.
pub fn as_traceback(obj: &PyObject) -> Option<&TracebackObject> {
    obj.downcast_exact::<TracebackObject>()
}

unsafe fn tb_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; payload per PAYLOAD-1.
    unsafe { std::ptr::drop_in_place(obj.cast::<TracebackObject>().as_ptr()) }
}

fn tb_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    let tb = as_traceback(obj).expect("traceback");
    v.visit(tb.code.as_ptr());
    for s in [&tb.next, &tb.frame] {
        if let Some(p) = s.peek() {
            v.visit(p);
        }
    }
}

fn tb_clear(obj: &PyObject) {
    let tb = as_traceback(obj).expect("traceback");
    tb.next.set(None);
    tb.frame.set(None);
}

fn tb(obj: &PyObject) -> &TracebackObject {
    as_traceback(obj).expect("traceback")
}

fn get_next(obj: &PyObject) -> PyResult {
    Ok(tb(obj).next.get().unwrap_or_else(super::none::none))
}

static TB_GETSETS: [GetSetDef; 4] = [
    GetSetDef {
        name: "tb_next",
        get: get_next,
        set: None,
    },
    GetSetDef {
        name: "tb_lineno",
        get: |o| Ok(new_int(tb(o).lineno as i64)),
        set: None,
    },
    GetSetDef {
        name: "tb_lasti",
        get: |o| Ok(new_int(tb(o).lasti as i64 * 2)),
        set: None,
    },
    GetSetDef {
        name: "tb_frame",
        get: |o| Ok(tb(o).frame.get().unwrap_or_else(super::none::none)),
        set: None,
    },
];

/// `traceback`.
pub static TRACEBACK_TYPE: TypeObject = TypeObject::new_static(
    "traceback",
    std::mem::size_of::<TracebackObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags::HAS_GC,
    Slots {
        drop: tb_drop,
        traverse: Some(tb_traverse),
        clear: Some(tb_clear),
        ..Slots::empty()
    },
    &[],
    &TB_GETSETS,
);
