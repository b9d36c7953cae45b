//! `dict`'s operations beyond the table in `dict.rs`: construction and
//! `update` (mappings, iterables of pairs, keywords), the repr with its
//! `{...}` guard, `==`, `|` and `|=`, the methods, the three views
//! (`dict_keys`, `dict_values`, `dict_items`: length, iteration, `in`,
//! repr, and set operations for keys and items) and the six iterators
//! (forward and reverse over keys, values, items).
//!
//! DICTITER-1: an iterator remembers the dict's size when it was made;
//! when the size differs at a later step it raises "dictionary changed
//! size during iteration" and keeps raising it (CPython makes the state
//! sticky with `di_used = -1`).

use std::cell::Cell;
use std::ptr::NonNull;

use pyrite_gc::Visitor;

use super::bool::new_bool;
use super::dict::{as_dict, new_dict_of_type, DictObject, DICT_TYPE};
use super::err::{key_error, runtime_error, type_error, value_error, PyErr, PyResult};
use super::exceptions as exc;
use super::int::new_int;
use super::method_args::{clinic, no_args};
use super::none::{none, not_implemented};
use super::object::{PyObject, PyPayload, Ref, RefCellSlot};
use super::protocol;
use super::str::{as_str, from_string, intern};
use super::tuple::{items, new_tuple};
use super::typeobj::{KwNames, MethodDef, MethodKind, Slots, TypeFlags, TypeObject};
use super::{heap, iterators};
use crate::compile::opcode::{BinaryOp, CompareOp};

/// Set `dict`'s operator slots (before its dunder wrappers are made).
pub fn install() {
    let s = &DICT_TYPE.slots;
    s.new.set(Some(dict_new));
    s.init.set(Some(dict_init));
    s.repr.set(dict_repr);
    s.richcompare.set(Some(dict_richcompare));
    s.iter.set(Some(dict_iter));
    s.binary[BinaryOp::Or as usize].set(Some(dict_or));
    s.inplace[BinaryOp::Or as usize].set(Some(dict_ior));
    for ty in [&DICT_KEYS_TYPE, &DICT_ITEMS_TYPE] {
        let s = &ty.slots;
        s.richcompare.set(Some(view_richcompare));
        for op in [
            BinaryOp::And,
            BinaryOp::Or,
            BinaryOp::Subtract,
            BinaryOp::Xor,
        ] {
            s.binary[op as usize].set(Some(VIEW_OPS[op as usize].expect("view operator")));
        }
    }
}

fn payload(obj: &PyObject) -> &DictObject {
    as_dict(obj).expect("dict slot on a dict")
}

// ---------------------------------------------------------------------------
// Construction and update

fn dict_new(ty: &TypeObject, _args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    Ok(new_dict_of_type(ty))
}

fn dict_init(obj: &PyObject, args: &[Ref], kw: KwNames<'_>) -> PyResult<()> {
    update_common(obj, args, kw, "dict")
}

/// `d.update(arg, **kw)` / `dict(arg, **kw)`: `args` are the positional
/// arguments then the keyword values named by `kw`.
fn update_common(obj: &PyObject, args: &[Ref], kw: KwNames<'_>, name: &str) -> PyResult<()> {
    let kwn: &[Ref] = kw.map(items).unwrap_or(&[]);
    let npos = args.len() - kwn.len();
    if npos > 1 {
        return Err(type_error(format!(
            "{name} expected at most 1 argument, got {npos}"
        )));
    }
    if npos == 1 {
        update_arg(obj, &args[0])?;
    }
    let d = payload(obj);
    for (k, v) in kwn.iter().zip(&args[npos..]) {
        d.set(k.clone(), v.clone())?;
    }
    Ok(())
}

/// Whether `obj` iterates as a plain dict does (CPython checks
/// `tp_iter == dict_iter` before taking the fast path).
fn is_plain_dict(obj: &PyObject) -> bool {
    as_dict(obj).is_some()
        && obj.ty().slots.iter.get().map(|f| f as usize) == Some(dict_iter as *const () as usize)
}

/// Merge a mapping or an iterable of pairs into `obj` (CPython's
/// `dict_update_arg`).
pub fn update_arg(obj: &PyObject, arg: &PyObject) -> PyResult<()> {
    let d = payload(obj);
    if is_plain_dict(arg) {
        for (k, h, v) in payload(arg).items_with_hash() {
            d.set_with_hash(k, h, v)?;
        }
        return Ok(());
    }
    if protocol::getattr_opt(arg, &intern("keys"))?.is_some() {
        return merge_mapping(obj, arg);
    }
    merge_pairs(d, arg)
}

/// Merge anything with `keys()` and `__getitem__`.
fn merge_mapping(obj: &PyObject, m: &PyObject) -> PyResult<()> {
    let d = payload(obj);
    let keys = protocol::call_method(m, "keys", &[])?;
    let it = protocol::iter(&keys)?;
    while let Some(k) = protocol::next(&it)? {
        let v = protocol::getitem(m, &k)?;
        d.set(k, v)?;
    }
    Ok(())
}

/// Merge an iterable of key/value pairs (CPython's
/// `PyDict_MergeFromSeq2`).
fn merge_pairs(d: &DictObject, seq: &PyObject) -> PyResult<()> {
    let it = protocol::iter(seq)?;
    let mut i = 0usize;
    while let Some(item) = protocol::next(&it)? {
        let pair = match protocol::to_vec(&item) {
            Ok(p) => p,
            Err(e) if e.matches(&exc::TYPE_ERROR) => {
                return Err(type_error(format!(
                    "cannot convert dictionary update sequence element #{i} to a sequence"
                )))
            }
            Err(e) => return Err(e),
        };
        if pair.len() != 2 {
            return Err(value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        let mut pair = pair.into_iter();
        let (k, v) = (pair.next().expect("2"), pair.next().expect("2"));
        d.set(k, v)?;
        i += 1;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Slots

fn dict_repr(obj: &PyObject) -> PyResult {
    let d = payload(obj);
    if d.is_empty() {
        return Ok(super::str::new_str("{}"));
    }
    let Some(_guard) = super::repr_guard::enter(obj) else {
        return Ok(super::str::new_str("{...}"));
    };
    let mut out = String::from("{");
    let mut pos = 0;
    let mut first = true;
    while let Some((next, k, v)) = d.next_entry(pos) {
        if !first {
            out.push_str(", ");
        }
        first = false;
        let kr = protocol::repr(&k)?;
        out.push_str(as_str(&kr).unwrap_or(""));
        out.push_str(": ");
        let vr = protocol::repr(&v)?;
        out.push_str(as_str(&vr).unwrap_or(""));
        pos = next;
    }
    out.push('}');
    Ok(from_string(out))
}

/// `a == b` for two dicts (CPython's `dict_equal`).
fn dict_equal(a: &DictObject, b: &DictObject) -> PyResult<bool> {
    if a.len() != b.len() {
        return Ok(false);
    }
    let mut pos = 0;
    while let Some((next, k, v)) = a.next_entry(pos) {
        match b.get(&k)? {
            None => return Ok(false),
            Some(bv) => {
                if !protocol::eq(&v, &bv)? {
                    return Ok(false);
                }
            }
        }
        pos = next;
    }
    Ok(true)
}

fn dict_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (as_dict(a), as_dict(b)) else {
        return Ok(not_implemented());
    };
    match op {
        CompareOp::Eq => Ok(new_bool(dict_equal(x, y)?)),
        CompareOp::Ne => Ok(new_bool(!dict_equal(x, y)?)),
        _ => Ok(not_implemented()),
    }
}

fn dict_or(a: &PyObject, b: &PyObject) -> PyResult {
    let (Some(x), Some(_)) = (as_dict(a), as_dict(b)) else {
        return Ok(not_implemented());
    };
    let r = x.copy_dict();
    update_arg(&r, b)?;
    Ok(r)
}

fn dict_ior(a: &PyObject, b: &PyObject) -> PyResult {
    if as_dict(a).is_none() {
        return Ok(not_implemented());
    }
    update_arg(a, b)?;
    Ok(a.to_ref())
}

fn dict_iter(obj: &PyObject) -> PyResult {
    Ok(new_dict_iter(&DICT_KEYITER_TYPE, obj))
}

// ---------------------------------------------------------------------------
// Methods

fn self_dict(args: &[Ref]) -> &DictObject {
    payload(&args[0])
}

fn m_keys(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("dict.keys", args, kw)?;
    Ok(new_view(&DICT_KEYS_TYPE, &args[0]))
}

fn m_values(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("dict.values", args, kw)?;
    Ok(new_view(&DICT_VALUES_TYPE, &args[0]))
}

fn m_items(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("dict.items", args, kw)?;
    Ok(new_view(&DICT_ITEMS_TYPE, &args[0]))
}

fn m_get(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = clinic("get", "dict.get", args, kw, 1, 2)?;
    Ok(self_dict(args)
        .get(&a[0])?
        .unwrap_or_else(|| a.get(1).cloned().unwrap_or_else(none)))
}

fn m_setdefault(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = clinic("setdefault", "dict.setdefault", args, kw, 1, 2)?;
    let d = self_dict(args);
    if let Some(v) = d.get(&a[0])? {
        return Ok(v);
    }
    let v = a.get(1).cloned().unwrap_or_else(none);
    d.set(a[0].clone(), v.clone())?;
    Ok(v)
}

fn m_pop(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = clinic("pop", "dict.pop", args, kw, 1, 2)?;
    match self_dict(args).remove(&a[0])? {
        Some(v) => Ok(v),
        None => match a.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(key_error(&a[0])),
        },
    }
}

fn m_popitem(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("dict.popitem", args, kw)?;
    match self_dict(args).pop_last() {
        Some((k, v)) => Ok(new_tuple(vec![k, v])),
        None => Err(PyErr::new(
            &exc::KEY_ERROR,
            "popitem(): dictionary is empty",
        )),
    }
}

fn m_update(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    update_common(&args[0], &args[1..], kw, "update")?;
    Ok(none())
}

fn m_clear(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("dict.clear", args, kw)?;
    self_dict(args).clear();
    Ok(none())
}

fn m_copy(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("dict.copy", args, kw)?;
    Ok(self_dict(args).copy_dict())
}

fn m_fromkeys(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = clinic("fromkeys", "dict.fromkeys", args, kw, 1, 2)?;
    let cls = &args[0];
    let value = a.get(1).cloned().unwrap_or_else(none);
    let d = protocol::call(cls, &[], None)?;
    let exact = std::ptr::eq(d.ty(), &DICT_TYPE);
    let it = protocol::iter(&a[0])?;
    while let Some(k) = protocol::next(&it)? {
        if exact {
            payload(&d).set(k, value.clone())?;
        } else {
            protocol::setitem(&d, &k, Some(value.clone()))?;
        }
    }
    Ok(d)
}

fn m_reversed(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("dict.__reversed__", args, kw)?;
    Ok(new_dict_iter(&DICT_REVKEYITER_TYPE, &args[0]))
}

fn m_sizeof(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("dict.__sizeof__", args, kw)?;
    Ok(new_int(
        (DICT_TYPE.basicsize + self_dict(args).table_bytes()) as i64,
    ))
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

/// `dict`'s methods.
pub static DICT_METHODS: [MethodDef; 13] = [
    def!("keys", m_keys),
    def!("values", m_values),
    def!("items", m_items),
    def!("get", m_get),
    def!("setdefault", m_setdefault),
    def!("pop", m_pop),
    def!("popitem", m_popitem),
    def!("update", m_update),
    def!("clear", m_clear),
    def!("copy", m_copy),
    MethodDef {
        name: "fromkeys",
        func: m_fromkeys,
        kind: MethodKind::Class,
    },
    def!("__reversed__", m_reversed),
    def!("__sizeof__", m_sizeof),
];

// ---------------------------------------------------------------------------
// Views

/// A view of a dict's keys, values or items.
#[repr(C)]
pub struct DictViewObject {
    ob: PyObject,
    dict: Ref,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first; the three view types
// share this layout.
unsafe impl PyPayload for DictViewObject {
    fn static_type() -> &'static TypeObject {
        &DICT_KEYS_TYPE
    }
}

fn new_view(ty: &'static TypeObject, dict: &PyObject) -> Ref {
    let obj = heap::alloc_object(ty, std::mem::size_of::<DictViewObject>());
    let v = DictViewObject {
        ob: PyObject::new(ty),
        dict: dict.to_ref(),
    };
    // SAFETY: the block has room for a DictViewObject.
    unsafe { obj.cast::<DictViewObject>().as_ptr().write(v) };
    // SAFETY: a new object; we own its reference.
    let r = unsafe { Ref::from_raw(obj) };
    heap::track(&r);
    r
}

/// Whether `obj` is a `dict_keys` or `dict_items` view (the set-like ones).
pub fn is_view(obj: &PyObject) -> bool {
    let t = obj.ty();
    std::ptr::eq(t, &DICT_KEYS_TYPE) || std::ptr::eq(t, &DICT_ITEMS_TYPE)
}

fn view_payload(obj: &PyObject) -> &DictViewObject {
    // SAFETY: PAYLOAD-1 — only called from the view types' slots and
    // methods, whose instances are DictViewObjects.
    unsafe { &*(obj as *const PyObject as *const DictViewObject) }
}

fn view_dict(obj: &PyObject) -> &DictObject {
    payload(&view_payload(obj).dict)
}

fn view_len(obj: &PyObject) -> PyResult<usize> {
    Ok(view_dict(obj).len())
}

fn keys_iter(obj: &PyObject) -> PyResult {
    Ok(new_dict_iter(&DICT_KEYITER_TYPE, &view_payload(obj).dict))
}

fn values_iter(obj: &PyObject) -> PyResult {
    Ok(new_dict_iter(&DICT_VALUEITER_TYPE, &view_payload(obj).dict))
}

fn items_iter(obj: &PyObject) -> PyResult {
    Ok(new_dict_iter(&DICT_ITEMITER_TYPE, &view_payload(obj).dict))
}

fn keys_contains(obj: &PyObject, k: &PyObject) -> PyResult<bool> {
    Ok(view_dict(obj).get(k)?.is_some())
}

fn items_contains(obj: &PyObject, item: &PyObject) -> PyResult<bool> {
    if !super::tuple::is_tuple(item) {
        return Ok(false);
    }
    let kv = items(item);
    if kv.len() != 2 {
        return Ok(false);
    }
    match view_dict(obj).get(&kv[0])? {
        Some(v) => protocol::eq(&v, &kv[1]),
        None => Ok(false),
    }
}

fn view_repr(obj: &PyObject) -> PyResult {
    let name = obj.ty().name().to_string();
    let Some(_guard) = super::repr_guard::enter(obj) else {
        return Ok(super::str::new_str("..."));
    };
    let l = super::list_methods::list_from_iterable(obj)?;
    let r = protocol::repr(&l)?;
    Ok(from_string(format!("{name}({})", as_str(&r).unwrap_or(""))))
}

/// Whether every element of `a` is in `b`.
fn all_contained_in(a: &PyObject, b: &PyObject) -> PyResult<bool> {
    let it = protocol::iter(a)?;
    while let Some(k) = protocol::next(&it)? {
        if !protocol::contains(b, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn view_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    if !(super::set_methods::is_any_set(b) || is_view(b)) {
        return Ok(not_implemented());
    }
    let (la, lb) = (protocol::len(a)?, protocol::len(b)?);
    let r = match op {
        CompareOp::Eq | CompareOp::Ne => {
            let eq = la == lb && all_contained_in(a, b)?;
            eq == (op == CompareOp::Eq)
        }
        CompareOp::Lt => la < lb && all_contained_in(a, b)?,
        CompareOp::Le => la <= lb && all_contained_in(a, b)?,
        CompareOp::Gt => la > lb && all_contained_in(b, a)?,
        CompareOp::Ge => la >= lb && all_contained_in(b, a)?,
    };
    Ok(new_bool(r))
}

fn view_and(a: &PyObject, b: &PyObject) -> PyResult {
    super::set_methods::view_op(a, b, BinaryOp::And)
}

fn view_or(a: &PyObject, b: &PyObject) -> PyResult {
    super::set_methods::view_op(a, b, BinaryOp::Or)
}

fn view_sub(a: &PyObject, b: &PyObject) -> PyResult {
    super::set_methods::view_op(a, b, BinaryOp::Subtract)
}

fn view_xor(a: &PyObject, b: &PyObject) -> PyResult {
    super::set_methods::view_op(a, b, BinaryOp::Xor)
}

type BinSlot = Option<fn(&PyObject, &PyObject) -> PyResult>;

/// The views' set operators, indexed by `BinaryOp` number.
const VIEW_OPS: [BinSlot; 13] = {
    let mut t: [BinSlot; 13] = [None; 13];
    t[BinaryOp::And as usize] = Some(view_and);
    t[BinaryOp::Or as usize] = Some(view_or);
    t[BinaryOp::Subtract as usize] = Some(view_sub);
    t[BinaryOp::Xor as usize] = Some(view_xor);
    t
};

fn m_isdisjoint(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let other = super::method_args::one_arg("isdisjoint", args, kw)?;
    let me = &args[0];
    let it = protocol::iter(other)?;
    while let Some(k) = protocol::next(&it)? {
        if protocol::contains(me, &k)? {
            return Ok(new_bool(false));
        }
    }
    Ok(new_bool(true))
}

fn m_keys_reversed(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("dict_keys.__reversed__", args, kw)?;
    Ok(new_dict_iter(
        &DICT_REVKEYITER_TYPE,
        &view_payload(&args[0]).dict,
    ))
}

fn m_values_reversed(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("dict_values.__reversed__", args, kw)?;
    Ok(new_dict_iter(
        &DICT_REVVALUEITER_TYPE,
        &view_payload(&args[0]).dict,
    ))
}

fn m_items_reversed(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("dict_items.__reversed__", args, kw)?;
    Ok(new_dict_iter(
        &DICT_REVITEMITER_TYPE,
        &view_payload(&args[0]).dict,
    ))
}

unsafe fn view_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; payload per PAYLOAD-1.
    unsafe { std::ptr::drop_in_place(obj.cast::<DictViewObject>().as_ptr()) }
}

fn view_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    v.visit(view_payload(obj).dict.as_ptr());
}

static KEYS_METHODS: [MethodDef; 2] = [
    def!("isdisjoint", m_isdisjoint),
    def!("__reversed__", m_keys_reversed),
];

static VALUES_METHODS: [MethodDef; 1] = [def!("__reversed__", m_values_reversed)];

static ITEMS_METHODS: [MethodDef; 2] = [
    def!("isdisjoint", m_isdisjoint),
    def!("__reversed__", m_items_reversed),
];

macro_rules! view_type {
    ($stat:ident, $name:literal, $iter:ident, $contains:expr, $methods:ident) => {
        #[doc = concat!("`", $name, "`.")]
        pub static $stat: TypeObject = TypeObject::new_static(
            $name,
            std::mem::size_of::<DictViewObject>(),
            Some(&super::baseobject::OBJECT_TYPE),
            TypeFlags::HAS_GC,
            Slots {
                drop: view_drop,
                traverse: Some(view_traverse),
                repr: Cell::new(view_repr),
                hash: Cell::new(Some(super::protocol::hash_not_implemented)),
                len: Cell::new(Some(view_len)),
                iter: Cell::new(Some($iter)),
                contains: Cell::new($contains),
                ..Slots::empty()
            },
            &$methods,
            &[],
        );
    };
}

view_type!(
    DICT_KEYS_TYPE,
    "dict_keys",
    keys_iter,
    Some(keys_contains),
    KEYS_METHODS
);
view_type!(
    DICT_VALUES_TYPE,
    "dict_values",
    values_iter,
    None,
    VALUES_METHODS
);
view_type!(
    DICT_ITEMS_TYPE,
    "dict_items",
    items_iter,
    Some(items_contains),
    ITEMS_METHODS
);

// ---------------------------------------------------------------------------
// Iterators

/// A dict iterator (any of the six kinds): the dict (released once
/// exhausted), the next entry position, the size it expects (DICTITER-1)
/// and the count of items left.
#[repr(C)]
pub struct DictIterObject {
    ob: PyObject,
    dict: RefCellSlot,
    pos: Cell<isize>,
    used: Cell<isize>,
    left: Cell<isize>,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first; the six iterator types
// share this layout.
unsafe impl PyPayload for DictIterObject {
    fn static_type() -> &'static TypeObject {
        &DICT_KEYITER_TYPE
    }
}

fn new_dict_iter(ty: &'static TypeObject, dict: &PyObject) -> Ref {
    let d = payload(dict);
    let n = d.len() as isize;
    let reverse = std::ptr::eq(ty, &DICT_REVKEYITER_TYPE)
        || std::ptr::eq(ty, &DICT_REVVALUEITER_TYPE)
        || std::ptr::eq(ty, &DICT_REVITEMITER_TYPE);
    let pos = if reverse {
        d.entries_len() as isize - 1
    } else {
        0
    };
    let obj = heap::alloc_object(ty, std::mem::size_of::<DictIterObject>());
    let it = DictIterObject {
        ob: PyObject::new(ty),
        dict: RefCellSlot::new(Some(dict.to_ref())),
        pos: Cell::new(pos),
        used: Cell::new(n),
        left: Cell::new(n),
    };
    // SAFETY: the block has room for a DictIterObject.
    unsafe { obj.cast::<DictIterObject>().as_ptr().write(it) };
    // SAFETY: a new object; we own its reference.
    let r = unsafe { Ref::from_raw(obj) };
    heap::track(&r);
    r
}

fn iter_payload(obj: &PyObject) -> &DictIterObject {
    // SAFETY: PAYLOAD-1 — only called from the dict iterator types' slots.
    unsafe { &*(obj as *const PyObject as *const DictIterObject) }
}

#[cold]
fn changed_size(it: &DictIterObject) -> PyErr {
    it.used.set(-1); // DICTITER-1: sticky
    runtime_error("dictionary changed size during iteration")
}

/// The next `(key, value)` of a forward iterator.
#[inline]
fn next_forward(obj: &PyObject) -> PyResult<Option<(Ref, Ref)>> {
    let it = iter_payload(obj);
    let Some(p) = it.dict.peek() else {
        return Ok(None);
    };
    // SAFETY: the slot owns a reference to the dict; the slot is only
    // changed below after the last use of this borrow.
    let d = payload(unsafe { p.as_ref() });
    if d.len() as isize != it.used.get() {
        return Err(changed_size(it));
    }
    match d.next_entry(it.pos.get() as usize) {
        Some((next, k, v)) => {
            if it.left.get() <= 0 {
                return Err(runtime_error("dictionary keys changed during iteration"));
            }
            it.pos.set(next as isize);
            it.left.set(it.left.get() - 1);
            Ok(Some((k, v)))
        }
        None => {
            it.left.set(0);
            it.dict.set(None);
            Ok(None)
        }
    }
}

/// The next `(key, value)` of a reverse iterator.
fn next_reverse(obj: &PyObject) -> PyResult<Option<(Ref, Ref)>> {
    let it = iter_payload(obj);
    let Some(d) = it.dict.get() else {
        return Ok(None);
    };
    let dd = payload(&d);
    if dd.len() as isize != it.used.get() {
        return Err(changed_size(it));
    }
    match dd.prev_entry(it.pos.get()) {
        Some((p, k, v)) if it.pos.get() >= 0 => {
            it.pos.set(p - 1);
            it.left.set(it.left.get() - 1);
            Ok(Some((k, v)))
        }
        _ => {
            it.pos.set(-1);
            it.left.set(0);
            it.dict.set(None);
            Ok(None)
        }
    }
}

fn keyiter_next(obj: &PyObject) -> PyResult<Option<Ref>> {
    Ok(next_forward(obj)?.map(|(k, _)| k))
}

fn valueiter_next(obj: &PyObject) -> PyResult<Option<Ref>> {
    Ok(next_forward(obj)?.map(|(_, v)| v))
}

fn itemiter_next(obj: &PyObject) -> PyResult<Option<Ref>> {
    Ok(next_forward(obj)?.map(|(k, v)| new_tuple(vec![k, v])))
}

fn revkeyiter_next(obj: &PyObject) -> PyResult<Option<Ref>> {
    Ok(next_reverse(obj)?.map(|(k, _)| k))
}

fn revvalueiter_next(obj: &PyObject) -> PyResult<Option<Ref>> {
    Ok(next_reverse(obj)?.map(|(_, v)| v))
}

fn revitemiter_next(obj: &PyObject) -> PyResult<Option<Ref>> {
    Ok(next_reverse(obj)?.map(|(k, v)| new_tuple(vec![k, v])))
}

fn m_length_hint(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    let it = iter_payload(&args[0]);
    let n = match it.dict.get() {
        Some(d) if payload(&d).len() as isize == it.used.get() => it.left.get().max(0),
        _ => 0,
    };
    Ok(new_int(n as i64))
}

unsafe fn iter_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; payload per PAYLOAD-1.
    unsafe { std::ptr::drop_in_place(obj.cast::<DictIterObject>().as_ptr()) }
}

fn iter_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    if let Some(p) = iter_payload(obj).dict.peek() {
        v.visit(p);
    }
}

fn iter_clear(obj: &PyObject) {
    iter_payload(obj).dict.set(None);
}

static ITER_METHODS: [MethodDef; 1] = [def!("__length_hint__", m_length_hint)];

macro_rules! iter_type {
    ($stat:ident, $name:literal, $next:ident) => {
        #[doc = concat!("`", $name, "`.")]
        pub static $stat: TypeObject = TypeObject::new_static(
            $name,
            std::mem::size_of::<DictIterObject>(),
            Some(&super::baseobject::OBJECT_TYPE),
            TypeFlags::HAS_GC,
            Slots {
                drop: iter_drop,
                traverse: Some(iter_traverse),
                clear: Some(iter_clear),
                iter: Cell::new(Some(iterators::self_iter)),
                next: Cell::new(Some($next)),
                ..Slots::empty()
            },
            &ITER_METHODS,
            &[],
        );
    };
}

iter_type!(DICT_KEYITER_TYPE, "dict_keyiterator", keyiter_next);
iter_type!(DICT_VALUEITER_TYPE, "dict_valueiterator", valueiter_next);
iter_type!(DICT_ITEMITER_TYPE, "dict_itemiterator", itemiter_next);
iter_type!(
    DICT_REVKEYITER_TYPE,
    "dict_reversekeyiterator",
    revkeyiter_next
);
iter_type!(
    DICT_REVVALUEITER_TYPE,
    "dict_reversevalueiterator",
    revvalueiter_next
);
iter_type!(
    DICT_REVITEMITER_TYPE,
    "dict_reverseitemiterator",
    revitemiter_next
);

/// Every static type this module defines (registered at start-up).
pub fn types() -> [&'static TypeObject; 9] {
    [
        &DICT_KEYS_TYPE,
        &DICT_VALUES_TYPE,
        &DICT_ITEMS_TYPE,
        &DICT_KEYITER_TYPE,
        &DICT_VALUEITER_TYPE,
        &DICT_ITEMITER_TYPE,
        &DICT_REVKEYITER_TYPE,
        &DICT_REVVALUEITER_TYPE,
        &DICT_REVITEMITER_TYPE,
    ]
}
