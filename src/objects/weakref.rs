//! Weak references: `weakref.ReferenceType` (`weakref.ref`), the list of
//! weak references every weakly referenceable object carries, clearing it
//! when the object dies (with the callbacks), and the collector's pass-6
//! hooks. The proxies are in weakproxy.rs.
//!
//! Where an object's weak references live:
//!
//! - **WEAKLIST-1 (storage).** An instance of a type with `MANAGED_WEAKREF`
//!   has one word in front of it, the first of its block (HEAP-2,
//!   `heap::weaklist_slot`): the head of its weak-reference list, null when
//!   nothing refers to it weakly. This is CPython 3.12's managed weakref
//!   slot (CPython 3.11 keeps the same word inside the instance, at
//!   `tp_weaklistoffset`): one word per weakly referenceable object, and
//!   dealloc pays one flag test and one load when there are no weak
//!   references — no table lookup. A side table keyed by address was the
//!   other choice; it would cost a hash lookup in every such object's
//!   dealloc, or a header bit pyrite's header has no room for. Static
//!   objects (the built-in types: `type` has `MANAGED_WEAKREF`) have no
//!   pre-header; their heads live in a small table of leaked cells, one per
//!   static type ever weakly referenced. Static types never die, so those
//!   lists are never cleared.
//! - Which types have the flag follows CPython's `tp_weaklistoffset`: every
//!   class (heap type), `type`, `function`, `builtin_function_or_method`,
//!   `method`, `set`, `frozenset`, `generator`, `code`, `module`. Not
//!   `object`, `int`, `str`, `tuple`, `list`, `dict`, … — but their
//!   subclasses defined in Python are heap types, so they are.
//!
//! Invariants:
//!
//! - **WEAK-1 (list).** A weak reference whose `referent` is set is on
//!   exactly one list, its referent's, doubly linked through `prev`/`next`
//!   (the head has no `prev`). A weak reference with no referent ("dead")
//!   is on no list.
//! - **WEAK-2 (clearing).** An object's weak references are cleared —
//!   referent unset, unlinked — before anything of the object is dropped:
//!   in `heap::dealloc` right after `__del__`, and for cyclic garbage in the
//!   collector's pass 6, before any finalizer runs. So a set `referent`
//!   always points to a live object; a weak reference never owns it
//!   (OBJ-8: weak references are not counted nor traversed).
//! - **WEAK-3 (sharing).** The basic reference of an object — exact
//!   `weakref.ref`, no callback — is first on its list if it exists, then
//!   the basic proxy (no callback); `ref(o)` and `proxy(o)` without a
//!   callback return those instead of new ones, as CPython does.

use std::cell::{Cell, RefCell};
use std::ptr::NonNull;

use pyrite_gc::Visitor;

use super::err::{type_error, PyErr, PyResult};
use super::heap;
use super::object::{PyObject, PyPayload, Ref, RefCellSlot};
use super::str::new_str;
use super::typeobj::{GetSetDef, KwNames, MethodDef, MethodKind, Slots, TypeFlags, TypeObject};
use crate::compile::opcode::CompareOp;

/// A weak reference (also the layout of the proxies).
#[repr(C)]
pub struct WeakRefObject {
    ob: PyObject,
    /// The object referred to; `None` once dead (WEAK-1, WEAK-2). Not owned.
    referent: Cell<Option<NonNull<PyObject>>>,
    /// Called with the weak reference when the referent dies.
    callback: RefCellSlot,
    /// The referent's hash, once asked (-1: not yet).
    hash: Cell<i64>,
    prev: Cell<Option<NonNull<WeakRefObject>>>,
    next: Cell<Option<NonNull<WeakRefObject>>>,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first; the proxy types share it.
unsafe impl PyPayload for WeakRefObject {
    fn static_type() -> &'static TypeObject {
        &REF_TYPE
    }
}

/// The static types' list heads (WEAKLIST-1): address of the type, its
/// head. Grows by one leaked cell per static type ever weakly referenced.
type StaticHeads = RefCell<Vec<(usize, &'static Cell<*mut PyObject>)>>;
static STATIC_HEADS: std::sync::OnceLock<super::global::Global<StaticHeads>> =
    std::sync::OnceLock::new();

/// The head of `obj`'s weak-reference list, or `None` if its type cannot be
/// weakly referenced (WEAKLIST-1).
fn list_head(obj: &PyObject) -> Option<&Cell<*mut PyObject>> {
    let flags = obj.ty().flags();
    if !flags.contains(TypeFlags::MANAGED_WEAKREF) {
        return None;
    }
    if flags.contains(TypeFlags::TYPE_SUBCLASS)
        && super::typetype::as_type(obj).is_some_and(|t| !t.is_heap())
    {
        let heads = STATIC_HEADS
            .get_or_init(|| super::global::Global::new(RefCell::new(Vec::new())))
            .get();
        let mut heads = heads.borrow_mut();
        let addr = obj.addr();
        if let Some((_, c)) = heads.iter().find(|(a, _)| *a == addr) {
            return Some(*c);
        }
        let c: &'static Cell<*mut PyObject> = Box::leak(Box::new(Cell::new(std::ptr::null_mut())));
        heads.push((addr, c));
        return Some(c);
    }
    // SAFETY: WEAKLIST-1 — a non-static object of a MANAGED_WEAKREF type was
    // allocated by `alloc_object` with the slot in front.
    Some(unsafe { heap::weaklist_slot(obj) })
}

/// The weak reference payload of `obj` (a ref, a proxy, or a subclass).
pub fn as_weakref(obj: &PyObject) -> Option<&WeakRefObject> {
    let ty = obj.ty();
    if ty.is_subtype(&REF_TYPE)
        || std::ptr::eq(ty, &super::weakproxy::PROXY_TYPE)
        || std::ptr::eq(ty, &super::weakproxy::CALLABLE_PROXY_TYPE)
    {
        // SAFETY: PAYLOAD-1 — all three types lay out as WeakRefObject.
        Some(unsafe { &*(obj as *const PyObject as *const WeakRefObject) })
    } else {
        None
    }
}

fn wr_of(p: NonNull<WeakRefObject>) -> &'static WeakRefObject {
    // SAFETY: WEAK-1 — a listed weak reference is alive: it unlinks itself
    // before it is freed (`weakref_drop`).
    unsafe { &*p.as_ptr() }
}

impl WeakRefObject {
    /// The referent, if it is still alive.
    pub fn get(&self) -> Option<Ref> {
        let p = self.referent.get()?;
        // SAFETY: WEAK-2 — a set referent is a live object.
        let o = unsafe { p.as_ref() };
        // At refcount 0 the object is being deallocated: already dead.
        (o.refcount() > 0).then(|| o.to_ref())
    }

    /// The callback, if any.
    pub fn callback(&self) -> Option<Ref> {
        self.callback.get()
    }

    fn as_object(&self) -> &PyObject {
        &self.ob
    }

    /// Unlink from the referent's list and forget the referent (WEAK-1);
    /// the callback stays. CPython's `clear_weakref` minus the callback.
    fn clear(&self) {
        let Some(obj) = self.referent.take() else {
            return;
        };
        // SAFETY: WEAK-2 — the referent is alive while we are listed.
        let head = list_head(unsafe { obj.as_ref() }).expect("weakly referenced");
        let (prev, next) = (self.prev.take(), self.next.take());
        match prev {
            Some(p) => wr_of(p).next.set(next),
            None => head.set(next.map_or(std::ptr::null_mut(), |n| n.as_ptr().cast())),
        }
        if let Some(n) = next {
            wr_of(n).prev.set(prev);
        }
    }
}

fn head_of(head: &Cell<*mut PyObject>) -> Option<NonNull<WeakRefObject>> {
    NonNull::new(head.get().cast::<WeakRefObject>())
}

/// The weak references to `obj`, in list order (WEAK-1).
fn list_of(obj: &PyObject) -> Vec<NonNull<WeakRefObject>> {
    let mut out = Vec::new();
    let Some(head) = list_head(obj) else {
        return out;
    };
    let mut cur = head_of(head);
    while let Some(p) = cur {
        out.push(p);
        cur = wr_of(p).next.get();
    }
    out
}

/// Whether `obj`'s type can be weakly referenced.
pub fn supports_weakrefs(obj: &PyObject) -> bool {
    obj.ty().flags().contains(TypeFlags::MANAGED_WEAKREF)
}

fn cannot_reference(obj: &PyObject) -> PyErr {
    type_error(format!(
        "cannot create weak reference to '{}' object",
        obj.ty().name()
    ))
}

/// Whether `w` is the basic reference / proxy of its kind (WEAK-3).
fn is_basic(w: &WeakRefObject, ty: &TypeObject) -> bool {
    std::ptr::eq(w.ob.ty(), ty) && !w.callback.is_some()
}

/// Make a weak reference of type `ty` (a ref type or a proxy type) to
/// `obj`, or return the shared basic one (WEAK-3).
pub fn new_weakref(ty: &TypeObject, obj: &PyObject, callback: Option<Ref>) -> PyResult {
    let head = list_head(obj).ok_or_else(|| cannot_reference(obj))?;
    let callback = callback.filter(|c| !c.is(super::none::none_ref()));
    let proxy = super::weakproxy::is_proxy_type(ty);
    let basic_ty: &TypeObject = if proxy { ty } else { &REF_TYPE };
    let first = head_of(head);
    // The basic ref, then the basic proxy, lead the list (WEAK-3).
    let basic_ref = first.filter(|p| is_basic(wr_of(*p), &REF_TYPE));
    let after_ref = match basic_ref {
        Some(r) => wr_of(r).next.get(),
        None => first,
    };
    let basic_proxy = after_ref.filter(|p| {
        let w = wr_of(*p);
        super::weakproxy::is_proxy_type(w.ob.ty()) && !w.callback.is_some()
    });
    if callback.is_none() && std::ptr::eq(ty, basic_ty) {
        let existing = if proxy { basic_proxy } else { basic_ref };
        if let Some(p) = existing {
            return Ok(wr_of(p).as_object().to_ref());
        }
    }
    let solid_size = std::mem::size_of::<WeakRefObject>();
    let raw = heap::alloc_object(ty, solid_size);
    let w = WeakRefObject {
        ob: PyObject::new(ty),
        referent: Cell::new(Some(NonNull::from(obj))),
        callback: RefCellSlot::new(callback.clone()),
        hash: Cell::new(-1),
        prev: Cell::new(None),
        next: Cell::new(None),
    };
    // SAFETY: the block has room for a WeakRefObject (the solid layout of
    // every weakref type and subclass).
    unsafe { raw.cast::<WeakRefObject>().as_ptr().write(w) };
    // SAFETY: new object, we own it.
    let r = unsafe { Ref::from_raw(raw) };
    let me = NonNull::from(as_weakref(&r).expect("weakref"));
    // Where it goes: a new basic ref first, a new basic proxy after the
    // basic ref, anything else after both (WEAK-3).
    let insert_after = if callback.is_none() && std::ptr::eq(ty, &REF_TYPE) {
        None
    } else if callback.is_none() && proxy {
        basic_ref
    } else {
        basic_proxy.or(basic_ref)
    };
    let w = wr_of(me);
    match insert_after {
        None => {
            let old = head_of(head);
            w.next.set(old);
            if let Some(o) = old {
                wr_of(o).prev.set(Some(me));
            }
            head.set(me.as_ptr().cast());
        }
        Some(a) => {
            let after = wr_of(a);
            let next = after.next.get();
            w.prev.set(Some(a));
            w.next.set(next);
            after.next.set(Some(me));
            if let Some(n) = next {
                wr_of(n).prev.set(Some(me));
            }
        }
    }
    heap::track(&r);
    Ok(r)
}

/// `weakref.getweakrefcount(obj)`.
pub fn weakref_count(obj: &PyObject) -> usize {
    if supports_weakrefs(obj) {
        list_of(obj).len()
    } else {
        0
    }
}

/// `weakref.getweakrefs(obj)`: the weak references to `obj`, in order.
pub fn weakrefs_of(obj: &PyObject) -> Vec<Ref> {
    if !supports_weakrefs(obj) {
        return Vec::new();
    }
    list_of(obj)
        .into_iter()
        .map(|p| wr_of(p).as_object().to_ref())
        .collect()
}

/// `obj.__weakref__`: the first weak reference to it, or None.
pub fn first_weakref(obj: &PyObject) -> Ref {
    list_head(obj)
        .and_then(head_of)
        .map(|p| wr_of(p).as_object().to_ref())
        .unwrap_or_else(super::none::none)
}

fn call_callback(wr: &PyObject, callback: &PyObject) {
    if let Err(e) = super::protocol::call(callback, &[wr.to_ref()], None) {
        super::protocol::write_unraisable(&e, Some(callback));
    }
}

/// `heap::dealloc`'s step for a `MANAGED_WEAKREF` object at refcount 0
/// (WEAK-2): clear every weak reference to it, then call the callbacks, in
/// list order, as CPython's `PyObject_ClearWeakRefs`.
pub fn clear_on_dealloc(obj: &PyObject) {
    let Some(head) = list_head(obj) else {
        return;
    };
    if head.get().is_null() {
        return;
    }
    let mut calls: Vec<(Ref, Ref)> = Vec::new();
    while let Some(p) = head_of(head) {
        let w = wr_of(p);
        let cb = w.callback.take();
        w.clear();
        // A weak reference being deallocated itself gets no call.
        if let Some(cb) = cb {
            if w.ob.refcount() > 0 {
                calls.push((w.as_object().to_ref(), cb));
            }
        }
    }
    for (wr, cb) in calls {
        call_callback(&wr, &cb);
    }
}

/// Pass-6 hook (`GcObject::clear_if_weakref`): an unreachable weak
/// reference is cleared; its callback will never be called.
pub fn gc_clear_if_weakref(obj: &PyObject) {
    if let Some(w) = as_weakref(obj) {
        w.clear();
    }
}

/// Pass-6 hook (`GcObject::clear_weakrefs_to`): clear every weak reference
/// to the unreachable `obj` and report those with a callback. Changes no
/// refcount (OBJ-4).
pub fn gc_clear_weakrefs_to(obj: &PyObject, callbacks: &mut Vec<NonNull<PyObject>>) {
    if !supports_weakrefs(obj) {
        return;
    }
    let Some(head) = list_head(obj) else {
        return;
    };
    while let Some(p) = head_of(head) {
        let w = wr_of(p);
        w.clear();
        if w.callback.is_some() {
            callbacks.push(NonNull::from(w.as_object()));
        }
    }
}

/// Pass-6 hook (`GcObject::call_weakref_callback`): call the callback of
/// a cleared weak reference once. The callback stays on the weak reference
/// (`__callback__` still shows it; its deallocation drops it), as in
/// CPython's `handle_weakrefs` -- unlike a death by refcount, where
/// `clear_on_dealloc` takes it off first.
pub fn gc_call_callback(obj: &PyObject) {
    if let Some(w) = as_weakref(obj) {
        if let Some(cb) = w.callback.get() {
            call_callback(obj, &cb);
        }
    }
}

pub(crate) unsafe fn weakref_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; every weakref type lays out as WeakRefObject.
    let w = unsafe { &*obj.cast::<WeakRefObject>().as_ptr() };
    w.clear();
    // SAFETY: refcount 0; the payload is dropped once (PAYLOAD-1).
    unsafe { std::ptr::drop_in_place(obj.cast::<WeakRefObject>().as_ptr()) }
}

pub(crate) fn weakref_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    if let Some(p) = as_weakref(obj).and_then(|w| w.callback.peek()) {
        v.visit(p);
    }
}

pub(crate) fn weakref_clear(obj: &PyObject) {
    if let Some(w) = as_weakref(obj) {
        w.clear();
        w.callback.set(None);
    }
}

pub(crate) fn weakref_sizeof(_obj: &PyObject) -> usize {
    std::mem::size_of::<WeakRefObject>()
}

fn weakref_call(obj: &PyObject, args: &[Ref], kw: KwNames<'_>) -> PyResult {
    crate::modules::args::no_kwargs("weakref", kw)?;
    if !args.is_empty() {
        return Err(type_error(format!(
            "weakref expected 0 arguments, got {}",
            args.len()
        )));
    }
    let w = as_weakref(obj).expect("weakref");
    Ok(w.get().unwrap_or_else(super::none::none))
}

fn weakref_repr(obj: &PyObject) -> PyResult {
    let w = as_weakref(obj).expect("weakref");
    let Some(o) = w.get() else {
        return Ok(new_str(&format!("<weakref at {:#x}; dead>", obj.addr())));
    };
    let name = super::protocol::getattr_opt(&o, &super::str::intern("__name__"))?;
    let tname = o.ty().name().to_string();
    Ok(new_str(
        &match name.as_ref().and_then(|n| super::str::as_str(n)) {
            Some(n) => format!(
                "<weakref at {:#x}; to '{}' at {:#x} ({})>",
                obj.addr(),
                tname,
                o.addr(),
                n
            ),
            None => format!(
                "<weakref at {:#x}; to '{}' at {:#x}>",
                obj.addr(),
                tname,
                o.addr()
            ),
        },
    ))
}

fn weakref_hash(obj: &PyObject) -> PyResult<i64> {
    let w = as_weakref(obj).expect("weakref");
    if w.hash.get() != -1 {
        return Ok(w.hash.get());
    }
    let o = w
        .get()
        .ok_or_else(|| type_error("weak object has gone away"))?;
    let h = super::protocol::hash(&o)?;
    w.hash.set(h);
    Ok(h)
}

fn weakref_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let (Some(wa), Some(wb)) = (as_weakref(a), as_weakref(b)) else {
        return Ok(super::none::not_implemented());
    };
    if !b.ty().is_subtype(&REF_TYPE) || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(super::none::not_implemented());
    }
    match (wa.get(), wb.get()) {
        (Some(x), Some(y)) => super::protocol::rich_compare(&x, &y, op),
        _ => {
            let same = a.is(b);
            Ok(super::bool::new_bool(if op == CompareOp::Eq {
                same
            } else {
                !same
            }))
        }
    }
}

fn weakref_new(ty: &TypeObject, args: &[Ref], kw: KwNames<'_>) -> PyResult {
    if kw.is_some_and(|k| !super::tuple::items(k).is_empty()) && std::ptr::eq(ty, &REF_TYPE) {
        return Err(type_error("ref() takes no keyword arguments"));
    }
    let npos = args.len() - kw.map_or(0, |k| super::tuple::items(k).len());
    let pos = &args[..npos];
    match pos.len() {
        1 | 2 => new_weakref(ty, &pos[0], pos.get(1).cloned()),
        0 => Err(type_error("__new__ expected at least 1 argument, got 0")),
        n => Err(type_error(format!(
            "__new__ expected at most 2 arguments, got {n}"
        ))),
    }
}

fn weakref_init(_obj: &PyObject, _args: &[Ref], _kw: KwNames<'_>) -> PyResult<()> {
    Ok(())
}

fn get_callback(obj: &PyObject) -> PyResult {
    Ok(as_weakref(obj)
        .and_then(|w| w.callback())
        .unwrap_or_else(super::none::none))
}

fn class_getitem(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    Ok(args[0].clone())
}

static REF_METHODS: [MethodDef; 1] = [MethodDef {
    name: "__class_getitem__",
    func: class_getitem,
    kind: MethodKind::Class,
}];

static REF_GETSETS: [GetSetDef; 1] = [GetSetDef {
    name: "__callback__",
    get: get_callback,
    set: None,
}];

/// `weakref.ref` (`weakref.ReferenceType`).
pub static REF_TYPE: TypeObject = TypeObject::new_static(
    "weakref.ReferenceType",
    std::mem::size_of::<WeakRefObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags(TypeFlags::HAS_GC.0 | TypeFlags::BASETYPE.0),
    Slots {
        drop: weakref_drop,
        sizeof: weakref_sizeof,
        traverse: Some(weakref_traverse),
        clear: Some(weakref_clear),
        repr: Cell::new(weakref_repr),
        hash: Cell::new(Some(weakref_hash)),
        richcompare: Cell::new(Some(weakref_richcompare)),
        call: Cell::new(Some(weakref_call)),
        new: Cell::new(Some(weakref_new)),
        init: Cell::new(Some(weakref_init)),
        ..Slots::empty()
    },
    &REF_METHODS,
    &REF_GETSETS,
);
