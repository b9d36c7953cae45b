//! `set` and `frozenset` operations beyond the table in `set.rs`:
//! construction, the repr, comparison as subset relations, the operators
//! `| & - ^` and their in-place forms (set only), CPython's frozenset
//! hash, the methods, and the set iterator. Algorithms follow
//! `Objects/setobject.c` step by step where the order of insertions shows
//! in the iteration order of the result.

use std::cell::Cell;
use std::ptr::NonNull;

use pyrite_gc::Visitor;

use super::bool::new_bool;
use super::dict::as_dict;
use super::err::{key_error, runtime_error, type_error, PyErr, PyResult};
use super::exceptions as exc;
use super::int::new_int;
use super::method_args::{no_args, no_kw, one_arg};
use super::none::{none, not_implemented};
use super::object::{PyObject, PyPayload, Ref, RefCellSlot};
use super::protocol;
use super::set::{as_set, new_set_of_type, SetObject, FROZENSET_TYPE, SET_TYPE};
use super::str::{as_str, from_string};
use super::typeobj::{KwNames, MethodDef, MethodKind, Slots, TypeFlags, TypeObject};
use super::{heap, iterators};
use crate::compile::opcode::{BinaryOp, CompareOp};

/// Set the operator slots of `set` and `frozenset`.
pub fn install() {
    for ty in [&SET_TYPE, &FROZENSET_TYPE] {
        let s = &ty.slots;
        s.repr.set(set_repr);
        s.richcompare.set(Some(set_richcompare));
        s.iter.set(Some(set_iter));
        s.binary[BinaryOp::Or as usize].set(Some(set_or));
        s.binary[BinaryOp::And as usize].set(Some(set_and));
        s.binary[BinaryOp::Subtract as usize].set(Some(set_sub));
        s.binary[BinaryOp::Xor as usize].set(Some(set_xor));
    }
    let s = &SET_TYPE.slots;
    s.new.set(Some(set_new));
    s.init.set(Some(set_init));
    s.inplace[BinaryOp::Or as usize].set(Some(set_ior));
    s.inplace[BinaryOp::And as usize].set(Some(set_iand));
    s.inplace[BinaryOp::Subtract as usize].set(Some(set_isub));
    s.inplace[BinaryOp::Xor as usize].set(Some(set_ixor));
    let f = &FROZENSET_TYPE.slots;
    f.new.set(Some(frozenset_new));
    f.hash.set(Some(frozenset_hash));
}

fn payload(obj: &PyObject) -> &SetObject {
    as_set(obj).expect("set slot on a set")
}

/// `set` for set subclasses, `frozenset` for frozenset subclasses (the
/// type of results, CPython's `make_new_set_basetype`).
fn basetype(obj: &PyObject) -> &'static TypeObject {
    if obj.ty().is_subtype(&SET_TYPE) {
        &SET_TYPE
    } else {
        &FROZENSET_TYPE
    }
}

/// A new set of type `ty` holding the elements of `iterable`.
pub fn new_set_from(ty: &TypeObject, iterable: Option<&PyObject>) -> PyResult {
    let r = new_set_of_type(ty);
    if let Some(it) = iterable {
        update_internal(payload(&r), it)?;
    }
    Ok(r)
}

/// `so |= other` for any iterable (CPython's `set_update_internal`).
pub fn update_internal(so: &SetObject, other: &PyObject) -> PyResult<()> {
    if let Some(o) = as_set(other) {
        return so.merge(o);
    }
    if let Some(d) = as_dict(other).filter(|_| std::ptr::eq(other.ty(), &super::dict::DICT_TYPE)) {
        so.presize(d.len());
        for (k, h, _) in d.items_with_hash() {
            so.add_with_hash(k, h)?;
        }
        return Ok(());
    }
    let it = protocol::iter(other)?;
    while let Some(k) = protocol::next(&it)? {
        so.add(k)?;
    }
    Ok(())
}

/// Run `f` with `key`, retrying with `frozenset(key)` when `key` is an
/// unhashable set (CPython's set-key conversion in remove/discard/in).
fn with_frozen_key<T>(key: &PyObject, f: impl Fn(&PyObject) -> PyResult<T>) -> PyResult<T> {
    match f(key) {
        Err(e) if e.matches(&exc::TYPE_ERROR) && key.ty().is_subtype(&SET_TYPE) => {
            let tmp = new_set_from(&FROZENSET_TYPE, Some(key))?;
            f(&tmp)
        }
        r => r,
    }
}

// ---------------------------------------------------------------------------
// Construction, repr, hash

fn set_new(ty: &TypeObject, _args: &[Ref], kw: KwNames<'_>) -> PyResult {
    if std::ptr::eq(ty, &SET_TYPE) {
        no_kw("set", kw)?;
    }
    Ok(new_set_of_type(ty))
}

fn set_init(obj: &PyObject, args: &[Ref], kw: KwNames<'_>) -> PyResult<()> {
    no_kw("set", kw)?;
    if args.len() > 1 {
        return Err(type_error(format!(
            "{} expected at most 1 argument, got {}",
            obj.ty().name(),
            args.len()
        )));
    }
    let so = payload(obj);
    if !so.is_empty() {
        so.clear();
    }
    if let Some(it) = args.first() {
        update_internal(so, it)?;
    }
    Ok(())
}

fn frozenset_new(ty: &TypeObject, args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let exact = std::ptr::eq(ty, &FROZENSET_TYPE);
    if exact {
        no_kw("frozenset", kw)?;
    }
    let npos = args.len() - kw.map_or(0, |k| super::tuple::items(k).len());
    if npos > 1 {
        return Err(type_error(format!(
            "{} expected at most 1 argument, got {npos}",
            ty.name()
        )));
    }
    let arg = args.first().filter(|_| npos == 1);
    if let Some(a) = arg {
        if exact && std::ptr::eq(a.ty(), &FROZENSET_TYPE) {
            return Ok(a.clone());
        }
    }
    new_set_from(ty, arg.map(|a| &**a))
}

fn set_repr(obj: &PyObject) -> PyResult {
    let so = payload(obj);
    let name = obj.ty().name().to_string();
    let Some(_guard) = super::repr_guard::enter(obj) else {
        return Ok(from_string(format!("{name}(...)")));
    };
    if so.is_empty() {
        return Ok(from_string(format!("{name}()")));
    }
    let mut body = String::new();
    for (i, k) in so.items().iter().enumerate() {
        if i > 0 {
            body.push_str(", ");
        }
        let r = protocol::repr(k)?;
        body.push_str(as_str(&r).unwrap_or(""));
    }
    Ok(from_string(if std::ptr::eq(obj.ty(), &SET_TYPE) {
        format!("{{{body}}}")
    } else {
        format!("{name}({{{body}}})")
    }))
}

fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
}

/// CPython's frozenset hash: a xor of shuffled element hashes, mixed with
/// the size (null and dummy slots cancel out of the xor).
fn frozenset_hash(obj: &PyObject) -> PyResult<i64> {
    let so = payload(obj);
    let cached = so.cached_hash().get();
    if cached != -1 {
        return Ok(cached);
    }
    let mut hash: u64 = 0;
    for (_, h) in so.items_with_hash() {
        hash ^= shuffle_bits(h as u64);
    }
    hash ^= (so.len() as u64 + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    let h = if hash == u64::MAX {
        590923713
    } else {
        hash as i64
    };
    so.cached_hash().set(h);
    Ok(h)
}

// ---------------------------------------------------------------------------
// The set algebra

fn copy_of(obj: &PyObject) -> PyResult {
    new_set_from(basetype(obj), Some(obj))
}

/// `so & other` (CPython's `set_intersection`).
fn intersection(so_obj: &PyObject, other: &PyObject) -> PyResult {
    let result = new_set_of_type(basetype(so_obj));
    let res = payload(&result);
    let mut so = payload(so_obj);
    if let Some(mut o) = as_set(other) {
        if o.len() > so.len() {
            std::mem::swap(&mut so, &mut o);
        }
        for (k, h) in o.items_with_hash() {
            if so.contains(&k)? {
                res.add_with_hash(k, h)?;
            }
        }
        return Ok(result);
    }
    let it = protocol::iter(other)?;
    while let Some(k) = protocol::next(&it)? {
        if so.contains(&k)? {
            res.add(k)?;
        }
    }
    Ok(result)
}

/// `so -= other` (CPython's `set_difference_update_internal`).
fn difference_update(so_obj: &PyObject, other: &PyObject) -> PyResult<()> {
    let so = payload(so_obj);
    if so_obj.is(other) {
        so.clear();
        return Ok(());
    }
    if let Some(o) = as_set(other) {
        for k in o.items() {
            so.discard(&k)?;
        }
        return Ok(());
    }
    let it = protocol::iter(other)?;
    while let Some(k) = protocol::next(&it)? {
        so.discard(&k)?;
    }
    Ok(())
}

/// `so - other` (CPython's `set_difference`).
fn difference(so_obj: &PyObject, other: &PyObject) -> PyResult {
    let so = payload(so_obj);
    let other_size = match (as_set(other), as_dict(other)) {
        (Some(o), _) => Some(o.len()),
        (None, Some(d)) if std::ptr::eq(other.ty(), &super::dict::DICT_TYPE) => Some(d.len()),
        _ => None,
    };
    match other_size {
        Some(n) if (so.len() >> 2) <= n => {
            let result = new_set_of_type(basetype(so_obj));
            let res = payload(&result);
            for (k, h) in so.items_with_hash() {
                if !protocol::contains(other, &k)? {
                    res.add_with_hash(k, h)?;
                }
            }
            Ok(result)
        }
        _ => {
            let result = copy_of(so_obj)?;
            difference_update(&result, other)?;
            Ok(result)
        }
    }
}

/// `so ^= other` (CPython's `set_symmetric_difference_update`).
fn symmetric_difference_update(so_obj: &PyObject, other: &PyObject) -> PyResult<()> {
    let so = payload(so_obj);
    if so_obj.is(other) {
        so.clear();
        return Ok(());
    }
    let owned;
    let o = match as_set(other) {
        Some(o) => o,
        None => {
            owned = new_set_from(basetype(so_obj), Some(other))?;
            payload(&owned)
        }
    };
    for (k, h) in o.items_with_hash() {
        if !so.discard(&k)? {
            so.add_with_hash(k, h)?;
        }
    }
    Ok(())
}

/// `so ^ other` (CPython's `set_symmetric_difference`).
fn symmetric_difference(so_obj: &PyObject, other: &PyObject) -> PyResult {
    let result = new_set_from(basetype(so_obj), Some(other))?;
    symmetric_difference_update(&result, so_obj)?;
    Ok(result)
}

/// Whether every element of `a` is in set `b`.
fn is_subset(a: &SetObject, b: &SetObject) -> PyResult<bool> {
    if a.len() > b.len() {
        return Ok(false);
    }
    for k in a.items() {
        if !b.contains(&k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn set_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (as_set(a), as_set(b)) else {
        return Ok(not_implemented());
    };
    let r = match op {
        CompareOp::Eq | CompareOp::Ne => {
            let eq = x.len() == y.len() && {
                let (hx, hy) = (x.cached_hash().get(), y.cached_hash().get());
                !(hx != -1 && hy != -1 && hx != hy) && is_subset(x, y)?
            };
            eq == (op == CompareOp::Eq)
        }
        CompareOp::Le => is_subset(x, y)?,
        CompareOp::Ge => is_subset(y, x)?,
        CompareOp::Lt => x.len() < y.len() && is_subset(x, y)?,
        CompareOp::Gt => x.len() > y.len() && is_subset(y, x)?,
    };
    Ok(new_bool(r))
}

fn both_sets(a: &PyObject, b: &PyObject) -> bool {
    as_set(a).is_some() && as_set(b).is_some()
}

fn set_or(a: &PyObject, b: &PyObject) -> PyResult {
    if !both_sets(a, b) {
        return Ok(not_implemented());
    }
    let r = copy_of(a)?;
    update_internal(payload(&r), b)?;
    Ok(r)
}

fn set_and(a: &PyObject, b: &PyObject) -> PyResult {
    if !both_sets(a, b) {
        return Ok(not_implemented());
    }
    intersection(a, b)
}

fn set_sub(a: &PyObject, b: &PyObject) -> PyResult {
    if !both_sets(a, b) {
        return Ok(not_implemented());
    }
    difference(a, b)
}

fn set_xor(a: &PyObject, b: &PyObject) -> PyResult {
    if !both_sets(a, b) {
        return Ok(not_implemented());
    }
    symmetric_difference(a, b)
}

fn set_ior(a: &PyObject, b: &PyObject) -> PyResult {
    if !both_sets(a, b) {
        return Ok(not_implemented());
    }
    update_internal(payload(a), b)?;
    Ok(a.to_ref())
}

fn set_iand(a: &PyObject, b: &PyObject) -> PyResult {
    if !both_sets(a, b) {
        return Ok(not_implemented());
    }
    let tmp = intersection(a, b)?;
    payload(a).swap_contents(payload(&tmp));
    Ok(a.to_ref())
}

fn set_isub(a: &PyObject, b: &PyObject) -> PyResult {
    if !both_sets(a, b) {
        return Ok(not_implemented());
    }
    difference_update(a, b)?;
    Ok(a.to_ref())
}

fn set_ixor(a: &PyObject, b: &PyObject) -> PyResult {
    if !both_sets(a, b) {
        return Ok(not_implemented());
    }
    symmetric_difference_update(a, b)?;
    Ok(a.to_ref())
}

// ---------------------------------------------------------------------------
// Methods

fn others<'a>(qual: &str, args: &'a [Ref], kw: KwNames<'_>) -> PyResult<&'a [Ref]> {
    no_kw(qual, kw)?;
    Ok(&args[1..])
}

fn m_add(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let k = one_arg("set.add", args, kw)?;
    payload(&args[0]).add(k.clone())?;
    Ok(none())
}

fn m_remove(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let k = one_arg("set.remove", args, kw)?;
    let so = payload(&args[0]);
    if with_frozen_key(k, |k| so.discard(k))? {
        Ok(none())
    } else {
        Err(key_error(k))
    }
}

fn m_discard(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let k = one_arg("set.discard", args, kw)?;
    let so = payload(&args[0]);
    with_frozen_key(k, |k| so.discard(k))?;
    Ok(none())
}

fn m_pop(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("set.pop", args, kw)?;
    payload(&args[0])
        .pop()
        .ok_or_else(|| PyErr::new(&exc::KEY_ERROR, "pop from an empty set"))
}

fn m_clear(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("set.clear", args, kw)?;
    payload(&args[0]).clear();
    Ok(none())
}

fn m_set_copy(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("set.copy", args, kw)?;
    copy_of(&args[0])
}

fn m_frozenset_copy(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("frozenset.copy", args, kw)?;
    if std::ptr::eq(args[0].ty(), &FROZENSET_TYPE) {
        return Ok(args[0].clone());
    }
    copy_of(&args[0])
}

fn m_union(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let rest = others("set.union", args, kw)?;
    let r = copy_of(&args[0])?;
    for o in rest {
        update_internal(payload(&r), o)?;
    }
    Ok(r)
}

fn m_update(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let rest = others("set.update", args, kw)?;
    for o in rest {
        update_internal(payload(&args[0]), o)?;
    }
    Ok(none())
}

fn intersection_multi(args: &[Ref]) -> PyResult {
    if args.len() == 1 {
        return copy_of(&args[0]);
    }
    let mut result = args[0].clone();
    for o in &args[1..] {
        result = intersection(&result, o)?;
    }
    Ok(result)
}

fn m_intersection(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    others("set.intersection", args, kw)?;
    intersection_multi(args)
}

fn m_intersection_update(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    others("set.intersection_update", args, kw)?;
    let tmp = intersection_multi(args)?;
    if !tmp.is(&args[0]) {
        payload(&args[0]).swap_contents(payload(&tmp));
    }
    Ok(none())
}

fn m_difference(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let rest = others("set.difference", args, kw)?;
    let Some((first, more)) = rest.split_first() else {
        return copy_of(&args[0]);
    };
    let r = difference(&args[0], first)?;
    for o in more {
        difference_update(&r, o)?;
    }
    Ok(r)
}

fn m_difference_update(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let rest = others("set.difference_update", args, kw)?;
    for o in rest {
        difference_update(&args[0], o)?;
    }
    Ok(none())
}

fn m_symmetric_difference(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let o = one_arg("set.symmetric_difference", args, kw)?;
    symmetric_difference(&args[0], o)
}

fn m_symmetric_difference_update(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let o = one_arg("set.symmetric_difference_update", args, kw)?;
    symmetric_difference_update(&args[0], o)?;
    Ok(none())
}

fn m_issubset(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let o = one_arg("set.issubset", args, kw)?;
    let so = payload(&args[0]);
    if let Some(other) = as_set(o) {
        return Ok(new_bool(is_subset(so, other)?));
    }
    let tmp = new_set_from(&SET_TYPE, Some(o))?;
    Ok(new_bool(is_subset(so, payload(&tmp))?))
}

fn m_issuperset(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let o = one_arg("set.issuperset", args, kw)?;
    let so = payload(&args[0]);
    if let Some(other) = as_set(o) {
        return Ok(new_bool(is_subset(other, so)?));
    }
    let it = protocol::iter(o)?;
    while let Some(k) = protocol::next(&it)? {
        if !so.contains(&k)? {
            return Ok(new_bool(false));
        }
    }
    Ok(new_bool(true))
}

fn m_isdisjoint(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let o = one_arg("set.isdisjoint", args, kw)?;
    let so = payload(&args[0]);
    if let Some(other) = as_set(o) {
        let (small, large) = if so.len() <= other.len() {
            (so, other)
        } else {
            (other, so)
        };
        for k in small.items() {
            if large.contains(&k)? {
                return Ok(new_bool(false));
            }
        }
        return Ok(new_bool(true));
    }
    let it = protocol::iter(o)?;
    while let Some(k) = protocol::next(&it)? {
        if so.contains(&k)? {
            return Ok(new_bool(false));
        }
    }
    Ok(new_bool(true))
}

fn m_sizeof(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("set.__sizeof__", args, kw)?;
    let so = payload(&args[0]);
    Ok(new_int((SET_TYPE.basicsize + so.table_bytes()) as i64))
}

fn m_reduce(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("set.__reduce__", args, kw)?;
    let items = super::list::new_list(payload(&args[0]).items());
    let state = match super::attr::instance_dict(&args[0]) {
        Some(d) => d,
        None => none(),
    };
    Ok(super::tuple::new_tuple(vec![
        args[0].ty().to_ref(),
        super::tuple::new_tuple(vec![items]),
        state,
    ]))
}

macro_rules! def {
    ($name:literal, $f:ident) => {
        MethodDef {
            name: $name,
            func: $f,
            kind: MethodKind::Instance,
        }
    };
}

/// `set`'s methods.
pub static SET_METHODS: [MethodDef; 19] = [
    def!("add", m_add),
    def!("clear", m_clear),
    def!("copy", m_set_copy),
    def!("discard", m_discard),
    def!("difference", m_difference),
    def!("difference_update", m_difference_update),
    def!("intersection", m_intersection),
    def!("intersection_update", m_intersection_update),
    def!("isdisjoint", m_isdisjoint),
    def!("issubset", m_issubset),
    def!("issuperset", m_issuperset),
    def!("pop", m_pop),
    def!("remove", m_remove),
    def!("symmetric_difference", m_symmetric_difference),
    def!("symmetric_difference_update", m_symmetric_difference_update),
    def!("union", m_union),
    def!("update", m_update),
    def!("__sizeof__", m_sizeof),
    def!("__reduce__", m_reduce),
];

/// `frozenset`'s methods.
pub static FROZENSET_METHODS: [MethodDef; 10] = [
    def!("copy", m_frozenset_copy),
    def!("difference", m_difference),
    def!("intersection", m_intersection),
    def!("isdisjoint", m_isdisjoint),
    def!("issubset", m_issubset),
    def!("issuperset", m_issuperset),
    def!("symmetric_difference", m_symmetric_difference),
    def!("union", m_union),
    def!("__sizeof__", m_sizeof),
    def!("__reduce__", m_reduce),
];

// ---------------------------------------------------------------------------
// The iterator

/// A set iterator: the set (released when exhausted), the next table
/// slot, the size it expects and the count left.
#[repr(C)]
pub struct SetIterObject {
    ob: PyObject,
    set: RefCellSlot,
    pos: Cell<usize>,
    used: Cell<isize>,
    left: Cell<usize>,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first.
unsafe impl PyPayload for SetIterObject {
    fn static_type() -> &'static TypeObject {
        &SET_ITER_TYPE
    }
}

fn set_iter(obj: &PyObject) -> PyResult {
    let n = payload(obj).len();
    let o = heap::alloc_object(&SET_ITER_TYPE, std::mem::size_of::<SetIterObject>());
    let it = SetIterObject {
        ob: PyObject::new(&SET_ITER_TYPE),
        set: RefCellSlot::new(Some(obj.to_ref())),
        pos: Cell::new(0),
        used: Cell::new(n as isize),
        left: Cell::new(n),
    };
    // SAFETY: the block has room for a SetIterObject.
    unsafe { o.cast::<SetIterObject>().as_ptr().write(it) };
    // SAFETY: a new object; we own its reference.
    let r = unsafe { Ref::from_raw(o) };
    heap::track(&r);
    Ok(r)
}

fn iter_payload(obj: &PyObject) -> &SetIterObject {
    obj.downcast::<SetIterObject>().expect("set_iterator")
}

fn set_iter_next(obj: &PyObject) -> PyResult<Option<Ref>> {
    let it = iter_payload(obj);
    let Some(s) = it.set.get() else {
        return Ok(None);
    };
    let so = payload(&s);
    if so.len() as isize != it.used.get() {
        it.used.set(-1);
        return Err(runtime_error("Set changed size during iteration"));
    }
    match so.next_entry(it.pos.get()) {
        Some((next, k)) => {
            it.pos.set(next);
            it.left.set(it.left.get().saturating_sub(1));
            Ok(Some(k))
        }
        None => {
            it.set.set(None);
            Ok(None)
        }
    }
}

fn m_length_hint(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    let it = iter_payload(&args[0]);
    let n = match it.set.get() {
        Some(s) if payload(&s).len() as isize == it.used.get() => it.left.get(),
        _ => 0,
    };
    Ok(new_int(n as i64))
}

unsafe fn iter_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; payload per PAYLOAD-1.
    unsafe { std::ptr::drop_in_place(obj.cast::<SetIterObject>().as_ptr()) }
}

fn iter_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    if let Some(p) = iter_payload(obj).set.peek() {
        v.visit(p);
    }
}

fn iter_clear(obj: &PyObject) {
    iter_payload(obj).set.set(None);
}

static SET_ITER_METHODS: [MethodDef; 1] = [def!("__length_hint__", m_length_hint)];

/// `set_iterator`.
pub static SET_ITER_TYPE: TypeObject = TypeObject::new_static(
    "set_iterator",
    std::mem::size_of::<SetIterObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags::HAS_GC,
    Slots {
        drop: iter_drop,
        traverse: Some(iter_traverse),
        clear: Some(iter_clear),
        iter: Cell::new(Some(iterators::self_iter)),
        next: Cell::new(Some(set_iter_next)),
        ..Slots::empty()
    },
    &SET_ITER_METHODS,
    &[],
);

/// Whether `obj` is a set or frozenset (for the dict views' operators).
pub fn is_any_set(obj: &PyObject) -> bool {
    as_set(obj).is_some()
}

/// `set(iterable)` for the dict views' set operators.
pub fn set_of(iterable: &PyObject) -> PyResult {
    new_set_from(&SET_TYPE, Some(iterable))
}

/// The set operators for the dict views: `(set(a) op b)` as CPython's
/// `dictviews_*` compute them.
pub fn view_op(a: &PyObject, b: &PyObject, op: BinaryOp) -> PyResult {
    match op {
        BinaryOp::And => {
            // CPython's `_PyDictView_Intersect`: iterate the other operand
            // when it is not a view or is the larger set.
            let (view, other) = if super::dict_methods::is_view(a) {
                (a, b)
            } else {
                (b, a)
            };
            let result = new_set_of_type(&SET_TYPE);
            let res = payload(&result);
            let (src, probe) = match as_set(other) {
                Some(o) if o.len() > protocol::len(view)? => (view, other),
                _ => (other, view),
            };
            let it = protocol::iter(src)?;
            while let Some(k) = protocol::next(&it)? {
                if protocol::contains(probe, &k)? {
                    res.add(k)?;
                }
            }
            Ok(result)
        }
        BinaryOp::Or => {
            let r = set_of(a)?;
            update_internal(payload(&r), b)?;
            Ok(r)
        }
        BinaryOp::Subtract => {
            let r = set_of(a)?;
            difference_update(&r, b)?;
            Ok(r)
        }
        _ => {
            let r = set_of(a)?;
            symmetric_difference_update(&r, b)?;
            Ok(r)
        }
    }
}
