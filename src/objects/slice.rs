//! `slice`: `start:stop:step`, and the index arithmetic sequences share
//! (CPython's `PySlice_Unpack` + `PySlice_AdjustIndices`).

use std::cell::Cell;
use std::ptr::NonNull;

use pyrite_gc::Visitor;

use super::err::{type_error, value_error, PyResult};
use super::heap;
use super::int::new_int;
use super::none::none_ref;
use super::object::{PyObject, PyPayload, Ref};
use super::str::new_str;
use super::typeobj::{GetSetDef, KwNames, MethodDef, MethodKind, Slots, TypeFlags, TypeObject};

/// A slice object.
#[repr(C)]
pub struct SliceObject {
    ob: PyObject,
    /// `start`.
    pub start: Ref,
    /// `stop`.
    pub stop: Ref,
    /// `step`.
    pub step: Ref,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first.
unsafe impl PyPayload for SliceObject {
    fn static_type() -> &'static TypeObject {
        &SLICE_TYPE
    }
}

/// A new slice (`None` step when absent).
pub fn new_slice(start: Ref, stop: Ref, step: Option<Ref>) -> Ref {
    let obj = heap::alloc_object(&SLICE_TYPE, std::mem::size_of::<SliceObject>());
    let s = SliceObject {
        ob: PyObject::new(&SLICE_TYPE),
        start,
        stop,
        step: step.unwrap_or_else(super::none::none),
    };
    // SAFETY: the block has room for a SliceObject.
    unsafe { obj.cast::<SliceObject>().as_ptr().write(s) };
    // SAFETY: new object, we own it.
    let r = unsafe { Ref::from_raw(obj) };
    heap::track(&r);
    r
}

/// The slice payload of `obj`.
pub fn as_slice(obj: &PyObject) -> Option<&SliceObject> {
    obj.downcast_exact::<SliceObject>()
}

fn clamp_index(v: &PyObject) -> PyResult<i64> {
    if let Some(i) = super::int::as_int(v) {
        return Ok(match super::int::to_i64(i) {
            Some(x) => x,
            None => {
                if i.to_bigint().sign() == num_bigint::Sign::Minus {
                    i64::MIN
                } else {
                    i64::MAX
                }
            }
        });
    }
    match v.ty().slots.index.get() {
        Some(f) => clamp_index(&*f(v)?),
        None => Err(type_error(
            "slice indices must be integers or None or have an __index__ method",
        )),
    }
}

impl SliceObject {
    /// `(start, stop, step)` with None filled in, before clamping to a
    /// length (`PySlice_Unpack`).
    pub fn unpack(&self) -> PyResult<(i64, i64, i64)> {
        let step = if self.step.is(none_ref()) {
            1
        } else {
            clamp_index(&self.step)?
        };
        if step == 0 {
            return Err(value_error("slice step cannot be zero"));
        }
        let step = step.max(-i64::MAX);
        let start = if self.start.is(none_ref()) {
            if step < 0 {
                i64::MAX
            } else {
                0
            }
        } else {
            clamp_index(&self.start)?
        };
        let stop = if self.stop.is(none_ref()) {
            if step < 0 {
                i64::MIN
            } else {
                i64::MAX
            }
        } else {
            clamp_index(&self.stop)?
        };
        Ok((start, stop, step))
    }

    /// `(start, stop, step, slicelength)` for a sequence of `len` items.
    pub fn indices(&self, len: usize) -> PyResult<(i64, i64, i64, usize)> {
        let (start, stop, step) = self.unpack()?;
        Ok(adjust_indices(len as i64, start, stop, step))
    }
}

/// `PySlice_AdjustIndices`.
pub fn adjust_indices(
    len: i64,
    mut start: i64,
    mut stop: i64,
    step: i64,
) -> (i64, i64, i64, usize) {
    if start < 0 {
        start = start.saturating_add(len);
        if start < 0 {
            start = if step < 0 { -1 } else { 0 };
        }
    } else if start >= len {
        start = if step < 0 { len - 1 } else { len };
    }
    if stop < 0 {
        stop = stop.saturating_add(len);
        if stop < 0 {
            stop = if step < 0 { -1 } else { 0 };
        }
    } else if stop >= len {
        stop = if step < 0 { len - 1 } else { len };
    }
    let n = if step < 0 {
        if stop < start {
            ((start - stop - 1) / (-step) + 1) as usize
        } else {
            0
        }
    } else if start < stop {
        ((stop - start - 1) / step + 1) as usize
    } else {
        0
    };
    (start, stop, step, n)
}

unsafe fn slice_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; payload per PAYLOAD-1.
    unsafe { std::ptr::drop_in_place(obj.cast::<SliceObject>().as_ptr()) }
}

fn slice_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    let s = as_slice(obj).expect("slice");
    for r in [&s.start, &s.stop, &s.step] {
        v.visit(r.as_ptr());
    }
}

fn slice_repr(obj: &PyObject) -> PyResult {
    let s = as_slice(obj).expect("slice");
    Ok(new_str(&format!(
        "slice({}, {}, {})",
        super::protocol::repr_string(&s.start)?,
        super::protocol::repr_string(&s.stop)?,
        super::protocol::repr_string(&s.step)?
    )))
}

fn slice_compare(a: &PyObject, b: &PyObject, op: crate::compile::opcode::CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (as_slice(a), as_slice(b)) else {
        return Ok(super::none::not_implemented());
    };
    let ta = super::tuple::new_tuple(vec![x.start.clone(), x.stop.clone(), x.step.clone()]);
    let tb = super::tuple::new_tuple(vec![y.start.clone(), y.stop.clone(), y.step.clone()]);
    super::protocol::rich_compare(&ta, &tb, op)
}

fn slice_new(_ty: &TypeObject, args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    let none = super::none::none;
    match args.len() {
        1 => Ok(new_slice(none(), args[0].clone(), None)),
        2 => Ok(new_slice(args[0].clone(), args[1].clone(), None)),
        3 => Ok(new_slice(
            args[0].clone(),
            args[1].clone(),
            Some(args[2].clone()),
        )),
        0 => Err(type_error("slice expected at least 1 argument, got 0")),
        n => Err(type_error(format!(
            "slice expected at most 3 arguments, got {n}"
        ))),
    }
}

fn m_indices(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    let s = as_slice(&args[0]).ok_or_else(|| type_error("indices() needs a slice"))?;
    let n = args
        .get(1)
        .ok_or_else(|| type_error("slice.indices() takes exactly one argument (0 given)"))?;
    let n = super::protocol::index_i64(n)?;
    if n < 0 {
        return Err(value_error("length should not be negative"));
    }
    let (a, b, c, _) = s.indices(n as usize)?;
    Ok(super::tuple::new_tuple(vec![
        new_int(a),
        new_int(b),
        new_int(c),
    ]))
}

static SLICE_METHODS: [MethodDef; 1] = [MethodDef {
    name: "indices",
    func: m_indices,
    kind: MethodKind::Instance,
}];

static SLICE_GETSETS: [GetSetDef; 3] = [
    GetSetDef {
        name: "start",
        get: |o| Ok(as_slice(o).expect("slice").start.clone()),
        set: None,
    },
    GetSetDef {
        name: "stop",
        get: |o| Ok(as_slice(o).expect("slice").stop.clone()),
        set: None,
    },
    GetSetDef {
        name: "step",
        get: |o| Ok(as_slice(o).expect("slice").step.clone()),
        set: None,
    },
];

/// `slice`.
pub static SLICE_TYPE: TypeObject = TypeObject::new_static(
    "slice",
    std::mem::size_of::<SliceObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags::HAS_GC,
    Slots {
        drop: slice_drop,
        traverse: Some(slice_traverse),
        repr: Cell::new(slice_repr),
        richcompare: Cell::new(Some(slice_compare)),
        hash: Cell::new(Some(super::protocol::hash_not_implemented)),
        new: Cell::new(Some(slice_new)),
        ..Slots::empty()
    },
    &SLICE_METHODS,
    &SLICE_GETSETS,
);
