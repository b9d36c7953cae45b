//! Classes defined in Python: their slots call the dunder methods found
//! along the MRO (CPython's `slot_*` functions and `update_one_slot`), and
//! their instances' `__del__` runs once before deallocation (PEP 442).

use pyrite_gc::HEADER_SIZE;

use super::err::{type_error, value_error, PyErr, PyResult};
use super::exceptions as exc;
use super::names::{name, NameTable};
use super::object::{PyObject, Ref};
use super::protocol::{call, call_method_obj};
use super::str::{as_str, intern};
use super::tuple::items;
use super::typeobj::{KwNames, TypeFlags, TypeObject};
use super::typetype::as_type;
use crate::compile::opcode::{BinaryOp, CompareOp};

/// Find `name` on `obj`'s type and call it with `obj` first.
/// `Ok(None)` when the type has no such attribute.
pub fn call_dunder(obj: &PyObject, name: &PyObject, args: &[Ref]) -> PyResult<Option<Ref>> {
    match obj.ty().lookup(name) {
        Some(f) => call_method_obj(&f, obj, args).map(Some),
        None => Ok(None),
    }
}

fn call_dunder_req(obj: &PyObject, name: &PyObject, args: &[Ref]) -> PyResult {
    match call_dunder(obj, name, args)? {
        Some(r) => Ok(r),
        None => Err(super::attr::no_attribute(obj, name)),
    }
}

/// Whether `name` is defined in the dict of a heap type on `ty`'s MRO
/// before any static type (`key`: an interned str).
fn defined_in_heap_mro(ty: &TypeObject, key: &PyObject) -> bool {
    let Some(mro) = ty.mro.get() else {
        return false;
    };
    for t in items(&mro) {
        let Some(t) = as_type(t) else { continue };
        if !t.is_heap() {
            return false;
        }
        if let Some(d) = t.dict.get() {
            if super::dict::get_item_interned(&d, key).is_some() {
                return true;
            }
        }
    }
    false
}

macro_rules! fix {
    ($ty:ident, $base:ident, $slot:ident, [$($name:literal),+], $wrapper:expr) => {
        if [$($name),+].iter().any(|n| defined_in_heap_mro($ty, &intern(n))) {
            $ty.slots.$slot.set($wrapper);
        } else {
            $ty.slots.$slot.set($base.slots.$slot.get());
        }
    };
}

const BINARY_NAMES: [(&str, &str, &str); 13] = [
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

/// [`BINARY_NAMES`] interned, three entries per operator.
static BINARY_NAME_OBJS: NameTable<39> = NameTable::new(flatten_names(BINARY_NAMES));

const fn flatten_names(t: [(&'static str, &'static str, &'static str); 13]) -> [&'static str; 39] {
    let mut out = [""; 39];
    let mut i = 0;
    while i < 13 {
        out[3 * i] = t[i].0;
        out[3 * i + 1] = t[i].1;
        out[3 * i + 2] = t[i].2;
        i += 1;
    }
    out
}

/// Point a heap type's slots at the dunder wrappers for every dunder its
/// MRO defines in Python, and back at the base's slots for the rest.
pub fn fixup_slots(ty: &TypeObject) {
    let Some(base) = ty.base() else { return };
    // `__eq__` without `__hash__` makes instances unhashable.
    if let Some(d) = ty.dict.get() {
        let has_eq = super::dict::get_item_str(&d, "__eq__").is_some();
        let has_hash = super::dict::get_item_str(&d, "__hash__").is_some();
        if has_eq && !has_hash {
            super::dict::set_item_str(&d, "__hash__", super::none::none());
        }
    }
    fix!(ty, base, repr, ["__repr__"], slot_repr);
    fix!(ty, base, str, ["__str__"], Some(slot_str));
    fix!(ty, base, hash, ["__hash__"], Some(slot_hash));
    fix!(
        ty,
        base,
        richcompare,
        ["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"],
        Some(slot_richcompare)
    );
    fix!(
        ty,
        base,
        getattr,
        ["__getattr__", "__getattribute__"],
        slot_getattr
    );
    fix!(
        ty,
        base,
        setattr,
        ["__setattr__", "__delattr__"],
        Some(slot_setattr)
    );
    fix!(ty, base, call, ["__call__"], Some(slot_call));
    fix!(ty, base, iter, ["__iter__"], Some(slot_iter));
    fix!(ty, base, next, ["__next__"], Some(slot_next));
    fix!(ty, base, descr_get, ["__get__"], Some(slot_descr_get));
    fix!(
        ty,
        base,
        descr_set,
        ["__set__", "__delete__"],
        Some(slot_descr_set)
    );
    fix!(ty, base, new, ["__new__"], Some(slot_new));
    fix!(ty, base, init, ["__init__"], Some(slot_init));
    fix!(ty, base, neg, ["__neg__"], Some(slot_neg));
    fix!(ty, base, pos, ["__pos__"], Some(slot_pos));
    fix!(ty, base, invert, ["__invert__"], Some(slot_invert));
    fix!(ty, base, abs, ["__abs__"], Some(slot_abs));
    fix!(ty, base, bool, ["__bool__", "__len__"], Some(slot_bool));
    fix!(ty, base, int, ["__int__"], Some(slot_int));
    fix!(ty, base, float, ["__float__"], Some(slot_float));
    fix!(ty, base, index, ["__index__"], Some(slot_index));
    fix!(ty, base, len, ["__len__"], Some(slot_len));
    fix!(ty, base, getitem, ["__getitem__"], Some(slot_getitem));
    fix!(
        ty,
        base,
        setitem,
        ["__setitem__", "__delitem__"],
        Some(slot_setitem)
    );
    fix!(ty, base, contains, ["__contains__"], Some(slot_contains));
    for (i, (l, r, ip)) in BINARY_NAMES.iter().enumerate() {
        if defined_in_heap_mro(ty, &intern(l)) || defined_in_heap_mro(ty, &intern(r)) {
            ty.slots.binary[i].set(Some(BINARY_WRAPPERS[i]));
        } else {
            ty.slots.binary[i].set(base.slots.binary[i].get());
        }
        if defined_in_heap_mro(ty, &intern(ip)) {
            ty.slots.inplace[i].set(Some(INPLACE_WRAPPERS[i]));
        } else {
            ty.slots.inplace[i].set(base.slots.inplace[i].get());
        }
    }
    if ty.lookup(name!("__del__")).is_some() {
        ty.add_flags(TypeFlags::HAS_FINALIZER);
    } else {
        ty.remove_flags(TypeFlags::HAS_FINALIZER);
    }
}

fn slot_repr(obj: &PyObject) -> PyResult {
    let r = call_dunder_req(obj, name!("__repr__"), &[])?;
    if as_str(&r).is_none() {
        return Err(type_error(format!(
            "__repr__ returned non-string (type {})",
            r.ty().name()
        )));
    }
    Ok(r)
}

fn slot_str(obj: &PyObject) -> PyResult {
    let r = call_dunder_req(obj, name!("__str__"), &[])?;
    if as_str(&r).is_none() {
        return Err(type_error(format!(
            "__str__ returned non-string (type {})",
            r.ty().name()
        )));
    }
    Ok(r)
}

fn unhashable(obj: &PyObject) -> PyErr {
    type_error(format!("unhashable type: '{}'", obj.ty().name()))
}

fn slot_hash(obj: &PyObject) -> PyResult<i64> {
    let f = obj
        .ty()
        .lookup(name!("__hash__"))
        .ok_or_else(|| unhashable(obj))?;
    if f.is(super::none::none_ref()) {
        return Err(unhashable(obj));
    }
    let r = call_method_obj(&f, obj, &[])?;
    let Some(i) = super::int::as_int(&r) else {
        return Err(type_error("__hash__ method should return an integer"));
    };
    // CPython's slot_tp_hash: a value that fits a hash is kept as it is
    // (so `__hash__ = str.__hash__` hashes like the str), a larger one is
    // hashed as an int; -1 is reserved for errors.
    Ok(match super::int::to_i64(i) {
        Some(-1) => -2,
        Some(h) => h,
        None => super::int::hash_int(i),
    })
}

static CMP_NAMES: NameTable<6> =
    NameTable::new(["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"]);

fn slot_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let name = CMP_NAMES.get(op as usize);
    match call_dunder(a, name, &[b.to_ref()])? {
        Some(r) => Ok(r),
        None => Ok(super::none::not_implemented()),
    }
}

fn slot_getattr(obj: &PyObject, name: &PyObject) -> PyResult {
    let ty = obj.ty();
    let getattribute = if defined_in_heap_mro(ty, name!("__getattribute__")) {
        ty.lookup(name!("__getattribute__"))
    } else {
        None
    };
    let first = match getattribute {
        Some(ga) => call_method_obj(&ga, obj, &[name.to_ref()]),
        None => match super::attr::generic_getattr_opt(obj, name)? {
            Some(v) => return Ok(v),
            None => Err(super::attr::no_attribute(obj, name)),
        },
    };
    match first {
        Err(e) if e.matches(&exc::ATTRIBUTE_ERROR) => match ty.lookup(name!("__getattr__")) {
            Some(ga) => call_method_obj(&ga, obj, &[name.to_ref()]),
            None => Err(e),
        },
        other => other,
    }
}

fn slot_setattr(obj: &PyObject, name: &PyObject, value: Option<Ref>) -> PyResult<()> {
    match value {
        Some(v) => call_dunder_req(obj, name!("__setattr__"), &[name.to_ref(), v]).map(drop),
        None => call_dunder_req(obj, name!("__delattr__"), &[name.to_ref()]).map(drop),
    }
}

fn slot_call(obj: &PyObject, args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let f = obj
        .ty()
        .lookup(name!("__call__"))
        .ok_or_else(|| type_error(format!("'{}' object is not callable", obj.ty().name())))?;
    super::prepend::with_first(obj.to_ref(), args, |all| {
        super::protocol::call_unbound(&f, obj, all, kw)
    })
}

fn slot_iter(obj: &PyObject) -> PyResult {
    let f = obj.ty().lookup(name!("__iter__"));
    match f {
        Some(f) if !f.is(super::none::none_ref()) => {
            let it = call_method_obj(&f, obj, &[])?;
            if it.ty().slots.next.get().is_none() {
                return Err(type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    it.ty().name()
                )));
            }
            Ok(it)
        }
        _ => Err(type_error(format!(
            "'{}' object is not iterable",
            obj.ty().name()
        ))),
    }
}

fn slot_next(obj: &PyObject) -> PyResult<Option<Ref>> {
    match call_dunder_req(obj, name!("__next__"), &[]) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(&exc::STOP_ITERATION) => Ok(None),
        Err(e) => Err(e),
    }
}

fn slot_descr_get(obj: &PyObject, inst: Option<&PyObject>, ty: &PyObject) -> PyResult {
    let inst = inst.map(|i| i.to_ref()).unwrap_or_else(super::none::none);
    call_dunder_req(obj, name!("__get__"), &[inst, ty.to_ref()])
}

fn slot_descr_set(obj: &PyObject, inst: &PyObject, value: Option<Ref>) -> PyResult<()> {
    match value {
        Some(v) => call_dunder_req(obj, name!("__set__"), &[inst.to_ref(), v]).map(drop),
        None => call_dunder_req(obj, name!("__delete__"), &[inst.to_ref()]).map(drop),
    }
}

fn slot_new(ty: &TypeObject, args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let f = ty
        .lookup(name!("__new__"))
        .ok_or_else(|| type_error("no __new__"))?;
    // `__new__` is a static method: unwrap it, then call with the class.
    let f = match f.ty().slots.descr_get.get() {
        Some(get) => get(&f, None, ty.as_object())?,
        None => f,
    };
    super::prepend::with_first(ty.to_ref(), args, |all| call(&f, all, kw))
}

fn slot_init(obj: &PyObject, args: &[Ref], kw: KwNames<'_>) -> PyResult<()> {
    let f = obj
        .ty()
        .lookup(name!("__init__"))
        .ok_or_else(|| type_error("no __init__"))?;
    let r = super::prepend::with_first(obj.to_ref(), args, |all| {
        super::protocol::call_unbound(&f, obj, all, kw)
    })?;
    if !r.is(super::none::none_ref()) {
        return Err(type_error(format!(
            "__init__() should return None, not '{}'",
            r.ty().name()
        )));
    }
    Ok(())
}

fn slot_neg(obj: &PyObject) -> PyResult {
    call_dunder_req(obj, name!("__neg__"), &[])
}
fn slot_pos(obj: &PyObject) -> PyResult {
    call_dunder_req(obj, name!("__pos__"), &[])
}
fn slot_invert(obj: &PyObject) -> PyResult {
    call_dunder_req(obj, name!("__invert__"), &[])
}
fn slot_abs(obj: &PyObject) -> PyResult {
    call_dunder_req(obj, name!("__abs__"), &[])
}
fn slot_int(obj: &PyObject) -> PyResult {
    call_dunder_req(obj, name!("__int__"), &[])
}
fn slot_float(obj: &PyObject) -> PyResult {
    call_dunder_req(obj, name!("__float__"), &[])
}
fn slot_index(obj: &PyObject) -> PyResult {
    call_dunder_req(obj, name!("__index__"), &[])
}

fn slot_bool(obj: &PyObject) -> PyResult<bool> {
    if let Some(r) = call_dunder(obj, name!("__bool__"), &[])? {
        return match super::bool::as_bool(&r) {
            Some(b) => Ok(b),
            None => Err(type_error(format!(
                "__bool__ should return bool, returned {}",
                r.ty().name()
            ))),
        };
    }
    Ok(slot_len(obj)? != 0)
}

fn slot_len(obj: &PyObject) -> PyResult<usize> {
    let r = call_dunder_req(obj, name!("__len__"), &[])?;
    let Some(i) = super::int::as_int(&r) else {
        return Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            r.ty().name()
        )));
    };
    match super::int::to_i64(i) {
        Some(n) if n >= 0 => Ok(n as usize),
        Some(_) => Err(value_error("__len__() should return >= 0")),
        None => Err(super::err::overflow_error(
            "cannot fit 'int' into an index-sized integer",
        )),
    }
}

fn slot_getitem(obj: &PyObject, key: &PyObject) -> PyResult {
    call_dunder_req(obj, name!("__getitem__"), &[key.to_ref()])
}

fn slot_setitem(obj: &PyObject, key: &PyObject, value: Option<Ref>) -> PyResult<()> {
    match value {
        Some(v) => call_dunder_req(obj, name!("__setitem__"), &[key.to_ref(), v]).map(drop),
        None => call_dunder_req(obj, name!("__delitem__"), &[key.to_ref()]).map(drop),
    }
}

fn slot_contains(obj: &PyObject, item: &PyObject) -> PyResult<bool> {
    let r = call_dunder_req(obj, name!("__contains__"), &[item.to_ref()])?;
    super::protocol::is_true(&r)
}

/// CPython's `SLOT1BINFULL`: try `a.__op__(b)`, and `b.__rop__(a)` — first
/// when b's type is a subclass of a's that overrides it.
fn slot_binary(op: usize, a: &PyObject, b: &PyObject) -> PyResult {
    let lname = BINARY_NAME_OBJS.get(3 * op);
    let rname = BINARY_NAME_OBJS.get(3 * op + 1);
    let wrapper = BINARY_WRAPPERS[op] as usize;
    let same = std::ptr::eq(a.ty(), b.ty());
    let a_has = a.ty().slots.binary[op].get().map(|f| f as usize) == Some(wrapper);
    let mut do_other = !same
        && b.ty().slots.binary[op].get().map(|f| f as usize) == Some(wrapper)
        && b.ty().lookup(rname).is_some();
    let ni = super::none::not_implemented_ref();
    if a_has {
        if do_other && b.ty().is_subtype(a.ty()) {
            let r = call_dunder(b, rname, &[a.to_ref()])?;
            if let Some(r) = r {
                if !r.is(ni) {
                    return Ok(r);
                }
            }
            do_other = false;
        }
        if let Some(r) = call_dunder(a, lname, &[b.to_ref()])? {
            if !r.is(ni) || same {
                return Ok(r);
            }
        }
    }
    if do_other {
        if let Some(r) = call_dunder(b, rname, &[a.to_ref()])? {
            return Ok(r);
        }
    }
    Ok(super::none::not_implemented())
}

fn slot_inplace(op: usize, a: &PyObject, b: &PyObject) -> PyResult {
    let iname = BINARY_NAME_OBJS.get(3 * op + 2);
    match call_dunder(a, iname, &[b.to_ref()])? {
        Some(r) => Ok(r),
        None => Ok(super::none::not_implemented()),
    }
}

macro_rules! binary_wrappers {
    ($($i:literal => $b:ident, $ip:ident;)*) => {
        $(
            fn $b(a: &PyObject, b: &PyObject) -> PyResult { slot_binary($i, a, b) }
            fn $ip(a: &PyObject, b: &PyObject) -> PyResult { slot_inplace($i, a, b) }
        )*
        const BINARY_WRAPPERS: [super::typeobj::BinaryFn; 13] = [$($b,)*];
        const INPLACE_WRAPPERS: [super::typeobj::BinaryFn; 13] = [$($ip,)*];
    };
}

binary_wrappers! {
    0 => bin_add, ibin_add;
    1 => bin_and, ibin_and;
    2 => bin_floordiv, ibin_floordiv;
    3 => bin_lshift, ibin_lshift;
    4 => bin_matmul, ibin_matmul;
    5 => bin_mul, ibin_mul;
    6 => bin_mod, ibin_mod;
    7 => bin_or, ibin_or;
    8 => bin_pow, ibin_pow;
    9 => bin_rshift, ibin_rshift;
    10 => bin_sub, ibin_sub;
    11 => bin_truediv, ibin_truediv;
    12 => bin_xor, ibin_xor;
}

/// The dunder names of a binary operator (`__add__`, `__radd__`, `__iadd__`).
pub fn binary_names(op: BinaryOp) -> (&'static str, &'static str, &'static str) {
    BINARY_NAMES[op as usize]
}

/// Run `__del__` (the collector's finalize step, and deallocation). Errors
/// are reported as CPython reports them ("Exception ignored in: ...").
pub fn call_del(obj: &PyObject) {
    if let Some(g) = super::generator::as_generator(obj) {
        g.finalize(obj);
        return;
    }
    if let Some(f) = obj.ty().lookup(name!("__del__")) {
        if let Err(e) = call_method_obj(&f, obj, &[]) {
            super::protocol::write_unraisable(&e, Some(&f));
        }
    }
}

/// PEP 442 on deallocation: run `__del__` once, with the object
/// temporarily alive; false when it resurrected the object.
pub fn finalize_on_dealloc(obj: &PyObject) -> bool {
    if obj.ty().flags().contains(TypeFlags::HAS_GC) {
        let p = obj as *const PyObject as *const u8;
        // SAFETY: OBJ-1/HEAP-2 — a GC object has its header right before it.
        let header = unsafe { &*(p.sub(HEADER_SIZE) as *const pyrite_gc::GcHeader) };
        if header.is_finalized() {
            return true;
        }
        header.set_finalized();
    }
    // Resurrect for the call: refcount 0 -> 1.
    obj.incref();
    call_del(obj);
    let n = obj.refcount() - 1;
    if n > 0 {
        // Resurrected: give back our temporary reference; the count stays
        // above zero, so nothing is freed.
        obj.set_refcount(n);
        return false;
    }
    // Back to zero without running deallocation a second time.
    obj.set_refcount(0);
    true
}
