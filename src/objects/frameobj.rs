//! `frame` objects (`sys._getframe()`, `tb_frame`, `f_back`): the Python
//! face of a [`Frame`]. As in CPython, the object is made on first demand
//! and is the same object for the whole activation; while the activation
//! runs, `f_lineno`, `f_lasti`, `f_locals` and `f_back` read it live, and
//! when it returns the object takes a copy of what it shows, so it stays
//! valid after the call (CPython's `take_ownership`).
//!
//! Invariants:
//! - **FRAMEOBJ-1 (live link).** `live` is non-null exactly while the
//!   activation it names is running (linked, FRAME-1) and holds this
//!   object in its `frame_obj` slot: [`get_or_create`] sets both, and
//!   [`detach`], called by `vm::frame::leave`, clears both before the
//!   activation is unlinked. So `live` always points at a frame that is
//!   alive and does not move.
//! - **FRAMEOBJ-2 (detached state).** Once detached, `saved_fast` holds a
//!   copy of a function frame's fast slots (locals, then cells and free
//!   variables: the `f_locals` dict is made from it on demand, as CPython
//!   copies `localsplus`), `locals` a module or class frame's mapping,
//!   `back` the caller's frame object, `lineno` / `lasti` the last
//!   instruction run.

use std::cell::Cell;
use std::ptr::NonNull;

use pyrite_gc::Visitor;

use super::codeobj::CodeObject;
use super::err::PyResult;
use super::heap::{self, PyVec};
use super::int::new_int;
use super::none::none;
use super::object::{PyObject, PyPayload, Ref, RefCellSlot};
use super::str::new_str;
use super::typeobj::{GetSetDef, Slots, TypeFlags, TypeObject};
use crate::vm::frame::Frame;

/// A frame object.
#[repr(C)]
pub struct FrameObject {
    ob: PyObject,
    /// The running activation, or null once it returned (FRAMEOBJ-1).
    live: Cell<*const Frame>,
    code: Ref,
    globals: Ref,
    builtins: Ref,
    /// The `f_locals` mapping (FRAMEOBJ-2; while live, the function
    /// frame's snapshot dict, refreshed on each access).
    locals: RefCellSlot,
    /// `f_back` once detached (FRAMEOBJ-2).
    back: RefCellSlot,
    /// A function frame's fast slots once detached (FRAMEOBJ-2).
    saved_fast: Cell<PyVec<Option<Ref>>>,
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

/// The frame payload of `obj`, if it is a frame.
pub fn as_frame(obj: &PyObject) -> Option<&FrameObject> {
    obj.downcast_exact::<FrameObject>()
}

impl FrameObject {
    /// The running activation, if it still runs (FRAMEOBJ-1).
    fn live(&self) -> Option<&Frame> {
        let p = self.live.get();
        // SAFETY: FRAMEOBJ-1 — non-null only while the activation is
        // linked, alive and unmoved; we only read it, from code running
        // inside that activation's call or one it made.
        (!p.is_null()).then(|| unsafe { &*p })
    }

    /// The code object.
    pub fn code(&self) -> &Ref {
        &self.code
    }

    /// The line being run (or last run).
    pub fn lineno(&self) -> u32 {
        match self.live() {
            Some(f) => f.lineno(),
            None => self.lineno.get(),
        }
    }
}

/// The frame object of running activation `f`, made on first demand
/// (FRAMEOBJ-1).
pub fn get_or_create(f: &Frame) -> Ref {
    if let Some(o) = f.frame_obj.get() {
        return o;
    }
    let obj = heap::alloc_object(&FRAME_TYPE, std::mem::size_of::<FrameObject>());
    let fo = FrameObject {
        ob: PyObject::new(&FRAME_TYPE),
        live: Cell::new(f as *const Frame),
        code: f.code_ref.clone(),
        globals: f.globals.clone(),
        builtins: f.builtins.clone(),
        locals: RefCellSlot::new(f.locals.clone()),
        back: RefCellSlot::empty(),
        saved_fast: Cell::new(PyVec::new()),
        lineno: Cell::new(f.lineno()),
        lasti: Cell::new(f.lasti),
    };
    // SAFETY: the block has room for a FrameObject.
    unsafe { obj.cast::<FrameObject>().as_ptr().write(fo) };
    // SAFETY: new object, we own its reference.
    let r = unsafe { Ref::from_raw(obj) };
    heap::track(&r);
    f.frame_obj.set(Some(r.clone()));
    r
}

/// `leave`'s half of FRAMEOBJ-1: `f` is returning; if anything besides
/// `f` holds its frame object, the object takes its final state
/// (FRAMEOBJ-2), else it is dropped.
#[cold]
#[inline(never)]
pub fn detach(f: &Frame) {
    let Some(obj) = f.frame_obj.take() else {
        return;
    };
    if obj.refcount() == 1 {
        return;
    }
    let fo = payload(&obj);
    if f.locals.is_none() {
        if let Some(v) = PyVec::from_slice(f.fast()) {
            fo.saved_fast.set(v);
        }
    }
    fo.lineno.set(f.lineno());
    fo.lasti.set(f.lasti);
    fo.back.set(f.prev().map(get_or_create));
    fo.live.set(std::ptr::null());
}

/// Update (or make) the snapshot dict of a function frame's fast locals
/// and cells (CPython's `PyFrame_FastToLocals`: bound names are set,
/// unbound ones removed).
fn refresh_fast_locals(fo: &FrameObject, code: &CodeObject, fast: &[Option<Ref>]) -> PyResult {
    let d = match fo.locals.get() {
        Some(d) => d,
        None => {
            let d = super::dict::new_dict();
            fo.locals.set(Some(d.clone()));
            d
        }
    };
    let dict = super::dict::as_dict(&d).expect("locals dict");
    let nlocals = code.nlocals();
    let cell_value = |i: usize| {
        fast.get(nlocals + i)
            .and_then(|c| c.as_ref())
            .and_then(|c| super::cell::as_cell(c))
            .and_then(|c| c.contents.get())
    };
    for (i, name) in code.varnames.iter().enumerate() {
        // A parameter captured by a closure lives in its cell: the loop
        // over cells below overwrites it.
        match fast.get(i).and_then(Option::as_ref) {
            Some(v) => dict.set(name.clone(), v.clone())?,
            None => {
                dict.remove(name)?;
            }
        }
    }
    for (i, name) in code.derefnames.iter().enumerate() {
        match cell_value(i) {
            Some(v) => dict.set(name.clone(), v)?,
            None => {
                if !code.varnames.iter().any(|n| n.is(name)) {
                    dict.remove(name)?;
                }
            }
        }
    }
    Ok(d)
}

/// `sys._getframe(depth)`: the frame object `depth` levels up from the
/// innermost running frame, `None` when the stack is not that deep.
pub fn running_frame(depth: usize) -> PyResult<Option<Ref>> {
    Ok(crate::vm::frame::with_running(depth, |f| {
        f.map(get_or_create)
    }))
}

unsafe fn frame_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; the payload is a FrameObject (PAYLOAD-1).
    unsafe { std::ptr::drop_in_place(obj.cast::<FrameObject>().as_ptr()) }
}

fn frame_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    let f = payload(obj);
    for r in [&f.code, &f.globals, &f.builtins] {
        v.visit(r.as_ptr());
    }
    for s in [&f.locals, &f.back] {
        if let Some(p) = s.peek() {
            v.visit(p);
        }
    }
    let saved = f.saved_fast.take();
    for r in saved.as_slice().iter().flatten() {
        v.visit(r.as_ptr());
    }
    f.saved_fast.set(saved);
}

fn frame_clear(obj: &PyObject) {
    let f = payload(obj);
    f.locals.set(None);
    f.back.set(None);
    drop(f.saved_fast.take());
}

fn frame_repr(obj: &PyObject) -> PyResult {
    let f = payload(obj);
    let (file, name) = match super::codeobj::as_code(&f.code) {
        Some(c) => (c.unit.filename.to_string(), c.unit.name.to_string()),
        None => ("?".into(), "?".into()),
    };
    Ok(new_str(&format!(
        "<frame at {:#x}, file {}, line {}, code {}>",
        obj.addr(),
        super::str::repr_str(&file),
        f.lineno(),
        name
    )))
}

fn get_locals(obj: &PyObject) -> PyResult {
    let fo = payload(obj);
    let code = super::codeobj::as_code(&fo.code).expect("frame code");
    match fo.live() {
        Some(f) if f.locals.is_none() => refresh_fast_locals(fo, code, f.fast()),
        Some(_) => Ok(fo.locals.get().unwrap_or_else(super::dict::new_dict)),
        None => {
            let saved = fo.saved_fast.take();
            let r = if saved.is_empty() {
                Ok(fo.locals.get().unwrap_or_else(super::dict::new_dict))
            } else {
                refresh_fast_locals(fo, code, saved.as_slice())
            };
            fo.saved_fast.set(saved);
            r
        }
    }
}

fn get_back(obj: &PyObject) -> PyResult {
    let fo = payload(obj);
    Ok(match fo.live() {
        Some(f) => f.prev().map(get_or_create),
        None => fo.back.get(),
    }
    .unwrap_or_else(none))
}

fn get_lasti(obj: &PyObject) -> PyResult {
    let fo = payload(obj);
    let lasti = fo.live().map_or(fo.lasti.get(), |f| f.lasti);
    Ok(new_int((lasti * super::codeobj::OFFSET_SCALE) as i64))
}

static FRAME_GETSETS: [GetSetDef; 9] = [
    GetSetDef {
        name: "f_code",
        get: |o| Ok(payload(o).code.clone()),
        set: None,
    },
    GetSetDef {
        name: "f_globals",
        get: |o| Ok(payload(o).globals.clone()),
        set: None,
    },
    GetSetDef {
        name: "f_builtins",
        get: |o| Ok(payload(o).builtins.clone()),
        set: None,
    },
    GetSetDef {
        name: "f_locals",
        get: get_locals,
        set: None,
    },
    GetSetDef {
        name: "f_back",
        get: get_back,
        set: None,
    },
    GetSetDef {
        name: "f_lineno",
        get: |o| Ok(new_int(i64::from(payload(o).lineno()))),
        set: None,
    },
    GetSetDef {
        name: "f_lasti",
        get: get_lasti,
        set: None,
    },
    GetSetDef {
        name: "f_trace",
        get: |_| Ok(none()),
        set: None,
    },
    GetSetDef {
        name: "f_trace_lines",
        get: |_| Ok(super::bool::new_bool(true)),
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
