//! `weakref.ProxyType` and `weakref.CallableProxyType`: weak references
//! that stand for their referent — every operation is forwarded to it, and
//! raises `ReferenceError` once it is gone. Same layout and list as
//! `weakref.ref` (weakref.rs, WEAK-1 … WEAK-3); a proxy is unhashable.

use std::cell::Cell;

use super::err::{type_error, PyErr, PyResult};
use super::exceptions as exc;
use super::object::{PyObject, Ref};
use super::protocol;
use super::str::new_str;
use super::typeobj::{KwNames, Slots, TypeFlags, TypeObject};
use super::weakref::{self as wr, as_weakref};
use crate::compile::opcode::{BinaryOp, CompareOp};

/// Whether `ty` is one of the two proxy types.
pub fn is_proxy_type(ty: &TypeObject) -> bool {
    std::ptr::eq(ty, &PROXY_TYPE) || std::ptr::eq(ty, &CALLABLE_PROXY_TYPE)
}

fn is_proxy(obj: &PyObject) -> bool {
    is_proxy_type(obj.ty())
}

fn dead() -> PyErr {
    PyErr::new(
        &exc::REFERENCE_ERROR,
        "weakly-referenced object no longer exists",
    )
}

/// The referent of proxy `obj`, or ReferenceError.
fn referent(obj: &PyObject) -> PyResult<Ref> {
    as_weakref(obj).and_then(|w| w.get()).ok_or_else(dead)
}

/// An operand: the referent if it is a proxy, else itself.
fn unwrap(obj: &PyObject) -> PyResult<Ref> {
    if is_proxy(obj) {
        referent(obj)
    } else {
        Ok(obj.to_ref())
    }
}

/// `weakref.proxy(obj, callback=None)`: a callable proxy when `obj` is
/// callable.
pub fn new_proxy(obj: &PyObject, callback: Option<Ref>) -> PyResult {
    let ty = if obj.ty().slots.call.get().is_some() {
        &CALLABLE_PROXY_TYPE
    } else {
        &PROXY_TYPE
    };
    wr::new_weakref(ty, obj, callback)
}

fn proxy_repr(obj: &PyObject) -> PyResult {
    let (name, addr) = match as_weakref(obj).and_then(|w| w.get()) {
        Some(o) => (o.ty().name().to_string(), o.addr()),
        None => ("NoneType".to_string(), super::none::none_ref().addr()),
    };
    Ok(new_str(&format!(
        "<weakproxy at {:#x} to {} at {:#x}>",
        obj.addr(),
        name,
        addr
    )))
}

fn proxy_str(obj: &PyObject) -> PyResult {
    protocol::str_of(&*referent(obj)?)
}

fn proxy_getattr(obj: &PyObject, name: &PyObject) -> PyResult {
    protocol::getattr(&*referent(obj)?, name)
}

fn proxy_setattr(obj: &PyObject, name: &PyObject, v: Option<Ref>) -> PyResult<()> {
    protocol::setattr(&*referent(obj)?, name, v)
}

fn proxy_call(obj: &PyObject, args: &[Ref], kw: KwNames<'_>) -> PyResult {
    protocol::call(&*referent(obj)?, args, kw)
}

fn proxy_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    protocol::rich_compare(&*unwrap(a)?, &*unwrap(b)?, op)
}

fn proxy_bool(obj: &PyObject) -> PyResult<bool> {
    protocol::is_true(&*referent(obj)?)
}

fn proxy_len(obj: &PyObject) -> PyResult<usize> {
    protocol::len(&*referent(obj)?)
}

fn proxy_iter(obj: &PyObject) -> PyResult {
    protocol::iter(&*referent(obj)?)
}

fn proxy_next(obj: &PyObject) -> PyResult<Option<Ref>> {
    let o = referent(obj)?;
    if o.ty().slots.next.get().is_none() {
        return Err(type_error(format!(
            "Weakref proxy referenced a non-iterator '{}' object",
            o.ty().name()
        )));
    }
    protocol::next(&o)
}

fn proxy_getitem(obj: &PyObject, key: &PyObject) -> PyResult {
    protocol::getitem(&*referent(obj)?, key)
}

fn proxy_setitem(obj: &PyObject, key: &PyObject, v: Option<Ref>) -> PyResult<()> {
    protocol::setitem(&*referent(obj)?, key, v)
}

fn proxy_contains(obj: &PyObject, item: &PyObject) -> PyResult<bool> {
    protocol::contains(&*referent(obj)?, item)
}

fn proxy_neg(obj: &PyObject) -> PyResult {
    protocol::neg(&*referent(obj)?)
}

fn proxy_pos(obj: &PyObject) -> PyResult {
    protocol::pos(&*referent(obj)?)
}

fn proxy_invert(obj: &PyObject) -> PyResult {
    protocol::invert(&*referent(obj)?)
}

fn proxy_abs(obj: &PyObject) -> PyResult {
    protocol::abs(&*referent(obj)?)
}

fn proxy_int(obj: &PyObject) -> PyResult {
    protocol::call(super::int::INT_TYPE.as_object(), &[referent(obj)?], None)
}

fn proxy_float(obj: &PyObject) -> PyResult {
    protocol::call(
        super::float::FLOAT_TYPE.as_object(),
        &[referent(obj)?],
        None,
    )
}

fn proxy_index(obj: &PyObject) -> PyResult {
    protocol::index(&*referent(obj)?)
}

/// One binary and one in-place forwarding function per operator, and the
/// tables that put them in the slots.
macro_rules! binary_forwarders {
    ($($op:ident => $bin:ident, $inp:ident;)*) => {
        $(
            fn $bin(a: &PyObject, b: &PyObject) -> PyResult {
                protocol::binary_op(&*unwrap(a)?, &*unwrap(b)?, BinaryOp::$op)
            }
            fn $inp(a: &PyObject, b: &PyObject) -> PyResult {
                protocol::inplace_op(&*unwrap(a)?, &*unwrap(b)?, BinaryOp::$op)
            }
        )*
        fn binary_slots() -> [(BinaryOp, super::typeobj::BinaryFn, super::typeobj::BinaryFn); 13] {
            [$((BinaryOp::$op, $bin, $inp)),*]
        }
    };
}

binary_forwarders! {
    Add => b_add, i_add;
    And => b_and, i_and;
    FloorDivide => b_floordiv, i_floordiv;
    Lshift => b_lshift, i_lshift;
    MatrixMultiply => b_matmul, i_matmul;
    Multiply => b_mul, i_mul;
    Remainder => b_mod, i_mod;
    Or => b_or, i_or;
    Power => b_pow, i_pow;
    Rshift => b_rshift, i_rshift;
    Subtract => b_sub, i_sub;
    TrueDivide => b_truediv, i_truediv;
    Xor => b_xor, i_xor;
}

/// Set the forwarding operator slots on both proxy types (start-up,
/// before the dunder wrappers are made: registry::install_slots).
pub fn install() {
    for ty in [&PROXY_TYPE, &CALLABLE_PROXY_TYPE] {
        for (op, bin, inp) in binary_slots() {
            ty.slots.binary[op as usize].set(Some(bin));
            ty.slots.inplace[op as usize].set(Some(inp));
        }
        let s = &ty.slots;
        s.str.set(Some(proxy_str));
        s.getattr.set(proxy_getattr);
        s.setattr.set(Some(proxy_setattr));
        s.richcompare.set(Some(proxy_richcompare));
        s.bool.set(Some(proxy_bool));
        s.len.set(Some(proxy_len));
        s.iter.set(Some(proxy_iter));
        s.next.set(Some(proxy_next));
        s.getitem.set(Some(proxy_getitem));
        s.setitem.set(Some(proxy_setitem));
        s.contains.set(Some(proxy_contains));
        s.neg.set(Some(proxy_neg));
        s.pos.set(Some(proxy_pos));
        s.invert.set(Some(proxy_invert));
        s.abs.set(Some(proxy_abs));
        s.int.set(Some(proxy_int));
        s.float.set(Some(proxy_float));
        s.index.set(Some(proxy_index));
    }
    CALLABLE_PROXY_TYPE.slots.call.set(Some(proxy_call));
}

const fn proxy_slots() -> Slots {
    Slots {
        drop: wr::weakref_drop,
        sizeof: wr::weakref_sizeof,
        traverse: Some(wr::weakref_traverse),
        clear: Some(wr::weakref_clear),
        repr: Cell::new(proxy_repr),
        hash: Cell::new(Some(protocol::hash_not_implemented)),
        ..Slots::empty()
    }
}

/// `weakref.ProxyType`.
pub static PROXY_TYPE: TypeObject = TypeObject::new_static(
    "weakref.ProxyType",
    std::mem::size_of::<wr::WeakRefObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags::HAS_GC,
    proxy_slots(),
    &[],
    &[],
);

/// `weakref.CallableProxyType`.
pub static CALLABLE_PROXY_TYPE: TypeObject = TypeObject::new_static(
    "weakref.CallableProxyType",
    std::mem::size_of::<wr::WeakRefObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags::HAS_GC,
    proxy_slots(),
    &[],
    &[],
);
