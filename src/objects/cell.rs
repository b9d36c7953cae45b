//! `cell`: the box a closure variable lives in, shared by the scope that
//! defines it and every inner function that uses it.

use std::cell::Cell;
use std::ptr::NonNull;

use pyrite_gc::Visitor;

use super::err::{type_error, PyResult};
use super::heap;
use super::object::{PyObject, PyPayload, Ref, RefCellSlot};
use super::str::new_str;
use super::typeobj::{GetSetDef, Slots, TypeFlags, TypeObject};

/// A cell.
#[repr(C)]
pub struct CellObject {
    ob: PyObject,
    /// The contents (None: empty).
    pub contents: RefCellSlot,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first.
unsafe impl PyPayload for CellObject {
    fn static_type() -> &'static TypeObject {
        &CELL_TYPE
    }
}

/// A new cell holding `v`.
pub fn new_cell(v: Option<Ref>) -> Ref {
    let obj = heap::alloc_object(&CELL_TYPE, std::mem::size_of::<CellObject>());
    let c = CellObject {
        ob: PyObject::new(&CELL_TYPE),
        contents: RefCellSlot::new(v),
    };
    // SAFETY: the block has room for a CellObject.
    unsafe { obj.cast::<CellObject>().as_ptr().write(c) };
    // SAFETY: new object, we own it.
    let r = unsafe { Ref::from_raw(obj) };
    heap::track(&r);
    r
}

/// The cell payload of `obj`.
#[inline(always)]
pub fn as_cell(obj: &PyObject) -> Option<&CellObject> {
    obj.downcast_exact::<CellObject>()
}

/// Set a cell's contents (`__classcell__`).
pub fn set_cell(cell: &PyObject, v: Option<Ref>) -> PyResult<()> {
    let c = as_cell(cell).ok_or_else(|| type_error("__classcell__ must be a nonlocal cell"))?;
    c.contents.set(v);
    Ok(())
}

unsafe fn cell_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; payload per PAYLOAD-1.
    unsafe { std::ptr::drop_in_place(obj.cast::<CellObject>().as_ptr()) }
}

fn cell_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    if let Some(p) = as_cell(obj).expect("cell").contents.peek() {
        v.visit(p);
    }
}

fn cell_clear(obj: &PyObject) {
    as_cell(obj).expect("cell").contents.set(None);
}

fn cell_repr(obj: &PyObject) -> PyResult {
    let c = as_cell(obj).expect("cell");
    Ok(match c.contents.get() {
        None => new_str(&format!("<cell at {:#x}: empty>", obj.addr())),
        Some(v) => new_str(&format!(
            "<cell at {:#x}: {} object at {:#x}>",
            obj.addr(),
            v.ty().name(),
            v.addr()
        )),
    })
}

fn get_contents(obj: &PyObject) -> PyResult {
    as_cell(obj)
        .expect("cell")
        .contents
        .get()
        .ok_or_else(|| super::err::value_error("Cell is empty"))
}

fn set_contents(obj: &PyObject, v: Option<Ref>) -> PyResult<()> {
    as_cell(obj).expect("cell").contents.set(v);
    Ok(())
}

static CELL_GETSETS: [GetSetDef; 1] = [GetSetDef {
    name: "cell_contents",
    get: get_contents,
    set: Some(set_contents),
}];

/// `cell`.
pub static CELL_TYPE: TypeObject = TypeObject::new_static(
    "cell",
    std::mem::size_of::<CellObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags::HAS_GC,
    Slots {
        drop: cell_drop,
        traverse: Some(cell_traverse),
        clear: Some(cell_clear),
        repr: Cell::new(cell_repr),
        ..Slots::empty()
    },
    &[],
    &CELL_GETSETS,
);
