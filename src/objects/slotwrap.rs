//! `wrapper_descriptor`: the dunder methods of built-in types (`int.__add__`,
//! `object.__init__`, `list.__getitem__`), each calling one slot — so
//! `super().__init__()`, `object.__setattr__(self, …)` and subclasses of
//! built-ins reach the built-in behaviour. CPython's `slotdefs`.

use std::cell::Cell;
use std::ptr::NonNull;

use super::err::{type_error, PyResult};
use super::heap;
use super::object::{PyObject, PyPayload, Ref};
use super::str::new_str;
use super::typeobj::{KwNames, Slots, TypeFlags, TypeObject};
use crate::compile::opcode::{BinaryOp, CompareOp};

/// Which slot a wrapper calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlotKind {
    /// `__repr__`.
    Repr,
    /// `__str__`.
    Str,
    /// `__hash__`.
    Hash,
    /// `__lt__` … `__ge__`.
    Compare(CompareOp),
    /// `__getattribute__`.
    GetAttribute,
    /// `__setattr__`.
    SetAttr,
    /// `__delattr__`.
    DelAttr,
    /// `__call__`.
    Call,
    /// `__iter__`.
    Iter,
    /// `__next__`.
    Next,
    /// `__get__`.
    Get,
    /// `__set__`.
    Set,
    /// `__delete__`.
    Delete,
    /// `__new__` (a static method taking the class first).
    New,
    /// `__init__`.
    Init,
    /// `__add__` etc.
    Binary(BinaryOp),
    /// `__radd__` etc.
    RBinary(BinaryOp),
    /// `__iadd__` etc.
    Inplace(BinaryOp),
    /// `__neg__`.
    Neg,
    /// `__pos__`.
    Pos,
    /// `__invert__`.
    Invert,
    /// `__abs__`.
    Abs,
    /// `__bool__`.
    Bool,
    /// `__int__`.
    Int,
    /// `__float__`.
    Float,
    /// `__index__`.
    Index,
    /// `__len__`.
    Len,
    /// `__getitem__`.
    GetItem,
    /// `__setitem__`.
    SetItem,
    /// `__delitem__`.
    DelItem,
    /// `__contains__`.
    Contains,
}

/// A slot wrapper.
#[repr(C)]
pub struct SlotWrapperObject {
    ob: PyObject,
    /// The dunder name.
    pub name: &'static str,
    /// The slot it calls.
    pub kind: SlotKind,
    /// The type whose slot it calls.
    pub owner: &'static TypeObject,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first.
unsafe impl PyPayload for SlotWrapperObject {
    fn static_type() -> &'static TypeObject {
        &SLOT_WRAPPER_TYPE
    }
}

fn new_wrapper(name: &'static str, kind: SlotKind, owner: &'static TypeObject) -> Ref {
    let obj = heap::alloc_object(&SLOT_WRAPPER_TYPE, std::mem::size_of::<SlotWrapperObject>());
    let w = SlotWrapperObject {
        ob: PyObject::new(&SLOT_WRAPPER_TYPE),
        name,
        kind,
        owner,
    };
    // SAFETY: the block has room for a SlotWrapperObject.
    unsafe { obj.cast::<SlotWrapperObject>().as_ptr().write(w) };
    // SAFETY: new object, we own it.
    unsafe { Ref::from_raw(obj) }
}

/// Whether `obj` is a slot wrapper (called with self first, like a function).
#[inline]
pub fn is_slot_wrapper(obj: &PyObject) -> bool {
    std::ptr::eq(obj.ty(), &SLOT_WRAPPER_TYPE)
}

const CMP_NAMES: [&str; 6] = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];
const BIN_NAMES: [(&str, &str, &str); 13] = [
    ("__add__", "__radd__", "__iadd__"),
    ("__and__", "__rand__", "__iand__"),
    ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
    ("__lshift__", "__rlshift__", "__ilshift__"),
    ("__matmul__", "__rmatmul__", "__imatmul__"),
    ("__mul__", "__rmul__", "__imul__"),
    ("__mod__", "__rmod__", "__imod__"),
    ("__or__", "__ror__", "__ior__"),
    ("__pow__", "__rpow__", "__ipow__"),
    ("__rshift__", "__rrshift__", "__irshift__"),
    ("__sub__", "__rsub__", "__isub__"),
    ("__truediv__", "__rtruediv__", "__itruediv__"),
    ("__xor__", "__rxor__", "__ixor__"),
];

fn differs<T: Copy>(a: Option<T>, b: Option<T>, addr: fn(T) -> usize) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => addr(x) != addr(y),
        (Some(_), None) => true,
        _ => false,
    }
}

/// The wrappers a static type gets: one per slot it sets itself (not
/// inherited from `base_slots`). Called before missing slots are inherited.
pub fn wrappers_for(ty: &'static TypeObject, base: Option<&Slots>) -> Vec<(&'static str, Ref)> {
    let s = &ty.slots;
    let empty = Slots::empty();
    let b = base.unwrap_or(&empty);
    let mut out = Vec::new();
    let mut add =
        |name: &'static str, kind: SlotKind| out.push((name, new_wrapper(name, kind, ty)));
    macro_rules! opt {
        ($slot:ident, $name:literal, $kind:expr) => {
            if differs(s.$slot.get(), b.$slot.get(), |f| f as usize) {
                add($name, $kind);
            }
        };
    }
    if base.is_none() || s.repr.get() as usize != b.repr.get() as usize {
        add("__repr__", SlotKind::Repr);
    }
    if base.is_none() || s.getattr.get() as usize != b.getattr.get() as usize {
        add("__getattribute__", SlotKind::GetAttribute);
    }
    opt!(str, "__str__", SlotKind::Str);
    opt!(hash, "__hash__", SlotKind::Hash);
    if differs(s.richcompare.get(), b.richcompare.get(), |f| f as usize) {
        for op in CompareOp::ALL {
            add(CMP_NAMES[op as usize], SlotKind::Compare(op));
        }
    }
    if differs(s.setattr.get(), b.setattr.get(), |f| f as usize) {
        add("__setattr__", SlotKind::SetAttr);
        add("__delattr__", SlotKind::DelAttr);
    }
    opt!(call, "__call__", SlotKind::Call);
    opt!(iter, "__iter__", SlotKind::Iter);
    opt!(next, "__next__", SlotKind::Next);
    opt!(descr_get, "__get__", SlotKind::Get);
    if differs(s.descr_set.get(), b.descr_set.get(), |f| f as usize) {
        add("__set__", SlotKind::Set);
        add("__delete__", SlotKind::Delete);
    }
    opt!(new, "__new__", SlotKind::New);
    opt!(init, "__init__", SlotKind::Init);
    for op in BinaryOp::ALL {
        let i = op as usize;
        if differs(s.binary[i].get(), b.binary[i].get(), |f| f as usize) {
            add(BIN_NAMES[i].0, SlotKind::Binary(op));
            add(BIN_NAMES[i].1, SlotKind::RBinary(op));
        }
        if differs(s.inplace[i].get(), b.inplace[i].get(), |f| f as usize) {
            add(BIN_NAMES[i].2, SlotKind::Inplace(op));
        }
    }
    opt!(neg, "__neg__", SlotKind::Neg);
    opt!(pos, "__pos__", SlotKind::Pos);
    opt!(invert, "__invert__", SlotKind::Invert);
    opt!(abs, "__abs__", SlotKind::Abs);
    opt!(bool, "__bool__", SlotKind::Bool);
    opt!(int, "__int__", SlotKind::Int);
    opt!(float, "__float__", SlotKind::Float);
    opt!(index, "__index__", SlotKind::Index);
    opt!(len, "__len__", SlotKind::Len);
    opt!(getitem, "__getitem__", SlotKind::GetItem);
    if differs(s.setitem.get(), b.setitem.get(), |f| f as usize) {
        add("__setitem__", SlotKind::SetItem);
        add("__delitem__", SlotKind::DelItem);
    }
    opt!(contains, "__contains__", SlotKind::Contains);
    out
}

fn arity(name: &str, args: &[Ref], n: usize) -> PyResult<()> {
    if args.len() != n + 1 {
        return Err(type_error(format!(
            "{}() takes exactly {} argument{} ({} given)",
            name,
            n,
            if n == 1 { "" } else { "s" },
            args.len().saturating_sub(1)
        )));
    }
    Ok(())
}

fn need<T>(f: Option<T>, w: &SlotWrapperObject) -> PyResult<T> {
    f.ok_or_else(|| {
        type_error(format!(
            "'{}' of '{}' objects is not available",
            w.name,
            w.owner.name()
        ))
    })
}

fn wrapper_call(obj: &PyObject, args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let w = obj.downcast::<SlotWrapperObject>().expect("slot wrapper");
    let s = &w.owner.slots;
    let none = super::none::none;
    let Some(me) = args.first() else {
        return Err(type_error(format!(
            "descriptor '{}' of '{}' object needs an argument",
            w.name,
            w.owner.name()
        )));
    };
    if w.kind == SlotKind::New {
        let cls = super::typetype::as_type(me).ok_or_else(|| {
            type_error(format!(
                "{}.__new__(X): X is not a type object ({})",
                w.owner.name(),
                me.ty().name()
            ))
        })?;
        if !cls.is_subtype(w.owner) {
            return Err(type_error(format!(
                "{}.__new__({}): {} is not a subtype of {}",
                w.owner.name(),
                cls.name(),
                cls.name(),
                w.owner.name()
            )));
        }
        return need(s.new.get(), w)?(cls, &args[1..], kw);
    }
    if !me.is_instance_of(w.owner) {
        return Err(type_error(format!(
            "descriptor '{}' requires a '{}' object but received a '{}'",
            w.name,
            w.owner.name(),
            me.ty().name()
        )));
    }
    let a = |i: usize| -> &Ref { &args[i] };
    match w.kind {
        SlotKind::Repr => (s.repr.get())(me),
        SlotKind::Str => need(s.str.get(), w)?(me),
        SlotKind::Hash => Ok(super::int::new_int(need(s.hash.get(), w)?(me)?)),
        SlotKind::Compare(op) => {
            arity(w.name, args, 1)?;
            need(s.richcompare.get(), w)?(me, a(1), op)
        }
        SlotKind::GetAttribute => {
            arity(w.name, args, 1)?;
            (s.getattr.get())(me, a(1))
        }
        SlotKind::SetAttr => {
            arity(w.name, args, 2)?;
            need(s.setattr.get(), w)?(me, a(1), Some(a(2).clone())).map(|_| none())
        }
        SlotKind::DelAttr => {
            arity(w.name, args, 1)?;
            need(s.setattr.get(), w)?(me, a(1), None).map(|_| none())
        }
        SlotKind::Call => need(s.call.get(), w)?(me, &args[1..], kw),
        SlotKind::Iter => need(s.iter.get(), w)?(me),
        SlotKind::Next => match need(s.next.get(), w)?(me)? {
            Some(v) => Ok(v),
            None => Err(super::err::stop_iteration(None)),
        },
        SlotKind::Get => {
            let inst = args.get(1).filter(|x| !x.is(super::none::none_ref()));
            let ty = args
                .get(2)
                .cloned()
                .unwrap_or_else(|| inst.map(|i| i.ty().to_ref()).unwrap_or_else(none));
            need(s.descr_get.get(), w)?(me, inst.map(|r| &**r), &ty)
        }
        SlotKind::Set => {
            arity(w.name, args, 2)?;
            need(s.descr_set.get(), w)?(me, a(1), Some(a(2).clone())).map(|_| none())
        }
        SlotKind::Delete => {
            arity(w.name, args, 1)?;
            need(s.descr_set.get(), w)?(me, a(1), None).map(|_| none())
        }
        SlotKind::Init => need(s.init.get(), w)?(me, &args[1..], kw).map(|_| none()),
        SlotKind::New => unreachable!("handled above"),
        SlotKind::Binary(op) => {
            arity(w.name, args, 1)?;
            need(s.binary[op as usize].get(), w)?(me, a(1))
        }
        SlotKind::RBinary(op) => {
            arity(w.name, args, 1)?;
            need(s.binary[op as usize].get(), w)?(a(1), me)
        }
        SlotKind::Inplace(op) => {
            arity(w.name, args, 1)?;
            need(s.inplace[op as usize].get(), w)?(me, a(1))
        }
        SlotKind::Neg => need(s.neg.get(), w)?(me),
        SlotKind::Pos => need(s.pos.get(), w)?(me),
        SlotKind::Invert => need(s.invert.get(), w)?(me),
        SlotKind::Abs => need(s.abs.get(), w)?(me),
        SlotKind::Bool => Ok(super::bool::new_bool(need(s.bool.get(), w)?(me)?)),
        SlotKind::Int => need(s.int.get(), w)?(me),
        SlotKind::Float => need(s.float.get(), w)?(me),
        SlotKind::Index => need(s.index.get(), w)?(me),
        SlotKind::Len => Ok(super::int::new_int(need(s.len.get(), w)?(me)? as i64)),
        SlotKind::GetItem => {
            arity(w.name, args, 1)?;
            need(s.getitem.get(), w)?(me, a(1))
        }
        SlotKind::SetItem => {
            arity(w.name, args, 2)?;
            need(s.setitem.get(), w)?(me, a(1), Some(a(2).clone())).map(|_| none())
        }
        SlotKind::DelItem => {
            arity(w.name, args, 1)?;
            need(s.setitem.get(), w)?(me, a(1), None).map(|_| none())
        }
        SlotKind::Contains => {
            arity(w.name, args, 1)?;
            Ok(super::bool::new_bool(need(s.contains.get(), w)?(me, a(1))?))
        }
    }
}

fn wrapper_get(obj: &PyObject, inst: Option<&PyObject>, _ty: &PyObject) -> PyResult {
    let w = obj.downcast::<SlotWrapperObject>().expect("slot wrapper");
    match inst {
        Some(i) if w.kind != SlotKind::New => {
            Ok(super::funcdescr::new_method(obj.to_ref(), i.to_ref()))
        }
        _ => Ok(obj.to_ref()),
    }
}

fn wrapper_repr(obj: &PyObject) -> PyResult {
    let w = obj.downcast::<SlotWrapperObject>().expect("slot wrapper");
    Ok(new_str(&format!(
        "<slot wrapper '{}' of '{}' objects>",
        w.name,
        w.owner.name()
    )))
}

unsafe fn noop_drop(_: NonNull<PyObject>) {}

/// `wrapper_descriptor`.
pub static SLOT_WRAPPER_TYPE: TypeObject = TypeObject::new_static(
    "wrapper_descriptor",
    std::mem::size_of::<SlotWrapperObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags(0),
    Slots {
        drop: noop_drop,
        repr: Cell::new(wrapper_repr),
        call: Cell::new(Some(wrapper_call)),
        descr_get: Cell::new(Some(wrapper_get)),
        ..Slots::empty()
    },
    &[],
    &[],
);
