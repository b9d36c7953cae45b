//! `list`'s operations beyond the storage in `list.rs`: construction
//! (`list()`, `list(iterable)`, subclasses), subscripts with slices
//! (reading, assignment, deletion), `+ * += *=`, comparison, `in`, the
//! repr with its `[...]` recursion guard, the methods (`sort` through
//! `sort.rs`), and the forward and reverse list iterators.
//!
//! Every loop over the items re-reads the length on each step and clones
//! the item it works on, since `__eq__`, `__repr__` or `__lt__` may change
//! the list (LIST-1).

use std::cell::Cell;
use std::ptr::NonNull;

use pyrite_gc::Visitor;

use super::bool::new_bool;
use super::err::{index_error, memory_error, type_error, value_error, PyResult};
use super::int::new_int;
use super::list::{
    as_list, list_item, new_list, new_list_from_iter, new_list_of_type, wrap_index, ListObject,
    LIST_TYPE,
};
use super::method_args::{clinic, no_args, no_kw, one_arg};
use super::none::{none, not_implemented};
use super::object::{PyObject, PyPayload, Ref, RefCellSlot};
use super::protocol;
use super::sequence::{self, Subscript};
use super::str::{as_str, from_string};
use super::tuple::{items, TupleObject};
use super::typeobj::{KwNames, MethodDef, MethodKind, Slots, TypeFlags, TypeObject};
use super::{heap, iterators};
use crate::compile::opcode::{BinaryOp, CompareOp};

/// Set `list`'s operator slots (before its dunder wrappers are made).
pub fn install() {
    let s = &LIST_TYPE.slots;
    s.new.set(Some(list_new));
    s.init.set(Some(list_init));
    s.repr.set(list_repr);
    s.richcompare.set(Some(list_richcompare));
    s.iter.set(Some(list_iter));
    s.getitem.set(Some(list_getitem));
    s.setitem.set(Some(list_setitem));
    s.contains.set(Some(list_contains));
    s.binary[BinaryOp::Add as usize].set(Some(list_add));
    s.binary[BinaryOp::Multiply as usize].set(Some(list_mul));
    s.inplace[BinaryOp::Add as usize].set(Some(list_iadd));
    s.inplace[BinaryOp::Multiply as usize].set(Some(list_imul));
}

fn payload(obj: &PyObject) -> &ListObject {
    as_list(obj).expect("list slot on a list")
}

// ---------------------------------------------------------------------------
// Construction

fn list_new(ty: &TypeObject, _args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    Ok(new_list_of_type(ty))
}

fn list_init(obj: &PyObject, args: &[Ref], kw: KwNames<'_>) -> PyResult<()> {
    no_kw("list", kw)?;
    if args.len() > 1 {
        return Err(type_error(format!(
            "list expected at most 1 argument, got {}",
            args.len()
        )));
    }
    let l = payload(obj);
    if !l.is_empty() {
        l.clear();
    }
    if let Some(it) = args.first() {
        extend(l, it)?;
    }
    Ok(())
}

/// `list(iterable)` as a new exact list.
pub fn list_from_iterable(it: &PyObject) -> PyResult {
    let r = new_list(Vec::new());
    extend(payload(&r), it)?;
    Ok(r)
}

/// `l.extend(iterable)`: lists and tuples are copied in one go (a list
/// extended by itself doubles), anything else is iterated.
pub fn extend(l: &ListObject, it: &PyObject) -> PyResult<()> {
    if let Some(src) = as_list(it) {
        let snapshot = src.to_vec();
        if !l.reserve(snapshot.len()) {
            return Err(memory_error());
        }
        for v in snapshot {
            l.push(v);
        }
        return Ok(());
    }
    if let Some(t) = it.downcast::<TupleObject>() {
        let src = t.items();
        if !l.reserve(src.len()) {
            return Err(memory_error());
        }
        for v in src {
            l.push(v.clone());
        }
        return Ok(());
    }
    let iter = protocol::iter(it)?;
    while let Some(v) = protocol::next(&iter)? {
        l.push(v);
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Subscripts

fn list_getitem(obj: &PyObject, key: &PyObject) -> PyResult {
    let l = payload(obj);
    match sequence::subscript(key, "list")? {
        Subscript::Index(i) => list_item(l, i),
        Subscript::Slice(s) => {
            let (start, step, n) = sequence::slice_indices(s, l.len())?;
            Ok(l.with_items(|items| new_list_from_iter(n, slice_iter(items, start, step, n))))
        }
    }
}

/// Clones of the `n` items at `start`, `start + step`, … (indices outside
/// `items` are skipped), without collecting them.
fn slice_iter(items: &[Ref], start: i64, step: i64, n: usize) -> impl Iterator<Item = Ref> + '_ {
    (0..n as i64).filter_map(move |k| {
        usize::try_from(start + k * step)
            .ok()
            .and_then(|j| items.get(j))
            .cloned()
    })
}

/// The items of an assigned value (CPython's `PySequence_Fast`), with
/// `msg` as the TypeError for a non-iterable.
fn assigned_items(v: &PyObject, msg: &str) -> PyResult<Vec<Ref>> {
    if let Some(l) = as_list(v) {
        return Ok(l.to_vec());
    }
    if let Some(t) = v.downcast::<TupleObject>() {
        return Ok(t.items().to_vec());
    }
    let it = match protocol::iter(v) {
        Ok(it) => it,
        Err(e) if e.matches(&super::exceptions::TYPE_ERROR) => return Err(type_error(msg)),
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    while let Some(x) = protocol::next(&it)? {
        out.push(x);
    }
    Ok(out)
}

fn list_setitem(obj: &PyObject, key: &PyObject, value: Option<Ref>) -> PyResult<()> {
    let l = payload(obj);
    match sequence::subscript(key, "list")? {
        Subscript::Index(i) => {
            let Some(j) = wrap_index(i, l.len()) else {
                return Err(index_error("list assignment index out of range"));
            };
            match value {
                Some(v) => l.set(j, v),
                None => drop(l.remove(j)),
            }
            Ok(())
        }
        Subscript::Slice(s) => {
            let (start, stop, step) = s.unpack()?;
            match value {
                Some(v) => assign_slice(l, start, stop, step, &v),
                None => {
                    delete_slice(l, start, stop, step);
                    Ok(())
                }
            }
        }
    }
}

fn assign_slice(l: &ListObject, start: i64, stop: i64, step: i64, v: &PyObject) -> PyResult<()> {
    if step == 1 {
        let new = assigned_items(v, "can only assign an iterable")?;
        let (lo, hi, _, _) = super::slice::adjust_indices(l.len() as i64, start, stop, step);
        if !l.splice(lo as usize, hi.max(lo) as usize, new) {
            return Err(memory_error());
        }
        return Ok(());
    }
    let new = assigned_items(v, "must assign iterable to extended slice")?;
    let (lo, _, step, n) = super::slice::adjust_indices(l.len() as i64, start, stop, step);
    if new.len() != n {
        return Err(value_error(format!(
            "attempt to assign sequence of size {} to extended slice of size {}",
            new.len(),
            n
        )));
    }
    let mut i = lo;
    let mut removed = Vec::with_capacity(n);
    for v in new {
        if let Some(j) = usize::try_from(i).ok().filter(|&j| j < l.len()) {
            removed.push(l.replace(j, v));
        }
        i += step;
    }
    drop(removed);
    Ok(())
}

fn delete_slice(l: &ListObject, start: i64, stop: i64, step: i64) {
    let len = l.len();
    let (lo, hi, step, n) = super::slice::adjust_indices(len as i64, start, stop, step);
    if n == 0 {
        return;
    }
    if step == 1 {
        l.splice(lo as usize, hi as usize, Vec::new());
        return;
    }
    let mut gone = vec![false; len];
    let mut i = lo;
    for _ in 0..n {
        if let Some(g) = usize::try_from(i).ok().and_then(|j| gone.get_mut(j)) {
            *g = true;
        }
        i += step;
    }
    let kept: Vec<Ref> = l.with_items(|items| {
        items
            .iter()
            .zip(&gone)
            .filter(|(_, g)| !**g)
            .map(|(v, _)| v.clone())
            .collect()
    });
    l.replace_all(kept);
}

// ---------------------------------------------------------------------------
// Operators

fn list_add(a: &PyObject, b: &PyObject) -> PyResult {
    let Some(la) = as_list(a) else {
        return Ok(not_implemented()); // SEQ-1
    };
    let Some(lb) = as_list(b) else {
        if let Some(r) = sequence::try_other_slot(a, b, b, BinaryOp::Add, list_add)? {
            return Ok(r);
        }
        return Err(type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            b.ty().name()
        )));
    };
    let mut items = la.to_vec();
    lb.with_items(|s| items.extend_from_slice(s));
    Ok(new_list(items))
}

/// `items * n` as a new list (MemoryError when it cannot be allocated).
pub fn repeat_items(items: &[Ref], n: usize) -> PyResult {
    let r = new_list(Vec::new());
    if items.is_empty() || n == 0 {
        return Ok(r);
    }
    let total = items.len().checked_mul(n).ok_or_else(memory_error)?;
    let l = payload(&r);
    if !l.reserve_exact(total) {
        return Err(memory_error());
    }
    for _ in 0..n {
        for v in items {
            l.push(v.clone());
        }
    }
    Ok(r)
}

fn list_mul(a: &PyObject, b: &PyObject) -> PyResult {
    let (l, n) = match as_list(a) {
        Some(l) => {
            if let Some(r) = sequence::try_other_slot(a, b, b, BinaryOp::Multiply, list_mul)? {
                return Ok(r);
            }
            if !sequence::is_index_like(b) {
                return Err(sequence::cant_multiply(b));
            }
            (l, b)
        }
        None => match as_list(b) {
            Some(l) if sequence::is_index_like(a) => (l, a),
            Some(_) => return Err(sequence::cant_multiply(a)),
            None => return Ok(not_implemented()),
        },
    };
    let n = sequence::repeat_count(n)?;
    repeat_items(&l.to_vec(), n)
}

fn list_iadd(a: &PyObject, b: &PyObject) -> PyResult {
    let Some(l) = as_list(a) else {
        return Ok(not_implemented());
    };
    extend(l, b)?;
    Ok(a.to_ref())
}

fn list_imul(a: &PyObject, b: &PyObject) -> PyResult {
    let Some(l) = as_list(a) else {
        return Ok(not_implemented());
    };
    if !sequence::is_index_like(b) {
        if let Some(r) = sequence::try_other_slot(a, b, b, BinaryOp::Multiply, list_mul)? {
            return Ok(r);
        }
        return Err(sequence::cant_multiply(b));
    }
    let n = sequence::repeat_count(b)?;
    let items = l.to_vec();
    if n == 0 || items.is_empty() {
        l.clear();
        return Ok(a.to_ref());
    }
    let total = items.len().checked_mul(n).ok_or_else(memory_error)?;
    if !l.reserve_exact(total) {
        return Err(memory_error());
    }
    for _ in 1..n {
        for v in &items {
            l.push(v.clone());
        }
    }
    Ok(a.to_ref())
}

fn list_contains(obj: &PyObject, x: &PyObject) -> PyResult<bool> {
    let l = payload(obj);
    let mut i = 0;
    while let Some(v) = l.get(i) {
        if protocol::eq(&v, x)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

/// Lexicographic comparison of two sequences read through `get`
/// (CPython's `list_richcompare` / `tuplerichcompare`).
pub fn compare_sequences(
    get_a: &dyn Fn(usize) -> Option<Ref>,
    get_b: &dyn Fn(usize) -> Option<Ref>,
    len_a: &dyn Fn() -> usize,
    len_b: &dyn Fn() -> usize,
    op: CompareOp,
) -> PyResult {
    if len_a() != len_b() && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(new_bool(op == CompareOp::Ne));
    }
    let mut i = 0;
    loop {
        let (Some(x), Some(y)) = (get_a(i), get_b(i)) else {
            break;
        };
        if !protocol::eq(&x, &y)? {
            return match op {
                CompareOp::Eq => Ok(new_bool(false)),
                CompareOp::Ne => Ok(new_bool(true)),
                _ => protocol::rich_compare(&x, &y, op),
            };
        }
        i += 1;
    }
    let (na, nb) = (len_a(), len_b());
    Ok(new_bool(match op {
        CompareOp::Lt => na < nb,
        CompareOp::Le => na <= nb,
        CompareOp::Eq => na == nb,
        CompareOp::Ne => na != nb,
        CompareOp::Gt => na > nb,
        CompareOp::Ge => na >= nb,
    }))
}

fn list_richcompare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let (Some(la), Some(lb)) = (as_list(a), as_list(b)) else {
        return Ok(not_implemented());
    };
    compare_sequences(
        &|i| la.get(i),
        &|i| lb.get(i),
        &|| la.len(),
        &|| lb.len(),
        op,
    )
}

fn list_repr(obj: &PyObject) -> PyResult {
    let l = payload(obj);
    if l.is_empty() {
        return Ok(super::str::new_str("[]"));
    }
    let Some(_guard) = super::repr_guard::enter(obj) else {
        return Ok(super::str::new_str("[...]"));
    };
    let mut out = String::from("[");
    let mut i = 0;
    while let Some(v) = l.get(i) {
        if i > 0 {
            out.push_str(", ");
        }
        let r = protocol::repr(&v)?;
        out.push_str(as_str(&r).unwrap_or(""));
        i += 1;
    }
    out.push(']');
    Ok(from_string(out))
}

// ---------------------------------------------------------------------------
// Methods

fn self_list(args: &[Ref]) -> &ListObject {
    payload(&args[0])
}

fn m_append(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let v = one_arg("list.append", args, kw)?;
    self_list(args).push(v.clone());
    Ok(none())
}

fn m_extend(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let v = one_arg("list.extend", args, kw)?;
    extend(self_list(args), v)?;
    Ok(none())
}

fn m_insert(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = clinic("insert", "list.insert", args, kw, 2, 2)?;
    let i = index_arg(&a[0])?;
    let l = self_list(args);
    let n = l.len() as i64;
    let at = if i < 0 {
        (i.saturating_add(n)).max(0)
    } else {
        i.min(n)
    };
    l.insert(at as usize, a[1].clone());
    Ok(none())
}

/// An int argument through `__index__`, clamped to the i64 range.
fn index_arg(v: &PyObject) -> PyResult<i64> {
    if let Some(i) = super::int::small_value(v) {
        return Ok(i);
    }
    let i = protocol::index(v)?;
    sequence::slice_index(&i)
}

fn m_pop(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = clinic("pop", "list.pop", args, kw, 0, 1)?;
    let i = match a.first() {
        Some(v) => index_arg(v)?,
        None => -1,
    };
    let l = self_list(args);
    if l.is_empty() {
        return Err(index_error("pop from empty list"));
    }
    let Some(j) = wrap_index(i, l.len()) else {
        return Err(index_error("pop index out of range"));
    };
    if j + 1 == l.len() {
        return Ok(l.pop().expect("non-empty"));
    }
    Ok(l.remove(j))
}

fn m_remove(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let x = one_arg("list.remove", args, kw)?;
    let l = self_list(args);
    let mut i = 0;
    while let Some(v) = l.get(i) {
        if protocol::eq(&v, x)? {
            if i < l.len() {
                drop(l.remove(i));
            }
            return Ok(none());
        }
        i += 1;
    }
    Err(value_error("list.remove(x): x not in list"))
}

fn m_index(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = clinic("index", "list.index", args, kw, 1, 3)?;
    let l = self_list(args);
    let (lo, hi) = sequence::index_range(a.get(1), a.get(2), l.len())?;
    let mut i = lo;
    while i < hi {
        let Some(v) = l.get(i) else { break };
        if protocol::eq(&v, &a[0])? {
            return Ok(new_int(i as i64));
        }
        i += 1;
    }
    Err(value_error(format!(
        "{} is not in list",
        protocol::repr_string(&a[0])?
    )))
}

fn m_count(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let x = one_arg("list.count", args, kw)?;
    let l = self_list(args);
    let (mut i, mut n) = (0, 0);
    while let Some(v) = l.get(i) {
        if protocol::eq(&v, x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(new_int(n))
}

fn m_clear(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("list.clear", args, kw)?;
    self_list(args).clear();
    Ok(none())
}

fn m_copy(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("list.copy", args, kw)?;
    let l = self_list(args);
    Ok(l.with_items(|items| new_list_from_iter(items.len(), items.iter().cloned())))
}

fn m_reverse(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("list.reverse", args, kw)?;
    self_list(args).reverse();
    Ok(none())
}

fn m_reversed(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("list.__reversed__", args, kw)?;
    Ok(new_reverse_iter(args[0].clone()))
}

fn m_sizeof(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("list.__sizeof__", args, kw)?;
    let l = self_list(args);
    Ok(new_int(
        (LIST_TYPE.basicsize + l.capacity() * std::mem::size_of::<Ref>()) as i64,
    ))
}

/// The `key=` and `reverse=` keywords of `list.sort` / `sorted`.
pub fn sort_keywords(fname: &str, args: &[Ref], kw: KwNames<'_>) -> PyResult<(Option<Ref>, bool)> {
    let kwn: &[Ref] = kw.map(items).unwrap_or(&[]);
    let vals = &args[args.len() - kwn.len()..];
    let (mut key, mut reverse) = (None, false);
    for (k, v) in kwn.iter().zip(vals) {
        match as_str(k) {
            Some("key") => {
                key = if v.is(super::none::none_ref()) {
                    None
                } else {
                    Some(v.clone())
                }
            }
            Some("reverse") => reverse = bool_arg(v)?,
            other => {
                return Err(type_error(format!(
                    "'{}' is an invalid keyword argument for {fname}()",
                    other.unwrap_or("?")
                )))
            }
        }
    }
    Ok((key, reverse))
}

/// `reverse=` takes an int-like truth value (CPython's `int` converter:
/// floats are rejected).
fn bool_arg(v: &PyObject) -> PyResult<bool> {
    if super::float::as_float(v).is_some() {
        return Err(type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    protocol::is_true(v)
}

fn m_sort(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let nkw = kw.map_or(0, |k| items(k).len());
    if args.len() - nkw > 1 {
        return Err(type_error("sort() takes no positional arguments"));
    }
    let (key, reverse) = sort_keywords("sort", args, kw)?;
    sort_list(&args[0], key.as_deref(), reverse)?;
    Ok(none())
}

/// `list.sort(key=key, reverse=reverse)` (CPython's `list_sort_impl`): the
/// list is empty while it is sorted, so a change made by a comparison is
/// detected ("list modified during sort") and discarded.
pub fn sort_list(obj: &PyObject, key: Option<&PyObject>, reverse: bool) -> PyResult<()> {
    let l = payload(obj);
    let mut saved = l.take_all();
    let keys = match key {
        None => None,
        Some(f) => {
            let mut keys = Vec::with_capacity(saved.len());
            for v in &saved {
                match protocol::call(f, std::slice::from_ref(v), None) {
                    Ok(k) => keys.push(k),
                    Err(e) => {
                        restore(l, saved);
                        return Err(e);
                    }
                }
            }
            Some(keys)
        }
    };
    let mut keys = keys;
    if reverse {
        saved.reverse();
        if let Some(k) = keys.as_mut() {
            k.reverse();
        }
    }
    let mut perm: Vec<usize> = (0..saved.len()).collect();
    let result = super::sort::sort_permutation(keys.as_deref().unwrap_or(&saved), &mut perm);
    drop(keys);
    let mut slots: Vec<Option<Ref>> = saved.into_iter().map(Some).collect();
    let mut sorted: Vec<Ref> = perm
        .iter()
        .map(|&i| slots[i].take().expect("SORT-1: a permutation"))
        .collect();
    if reverse {
        sorted.reverse();
    }
    let modified = !l.is_empty() || l.capacity() != 0;
    restore(l, sorted);
    result?;
    if modified {
        return Err(value_error("list modified during sort"));
    }
    Ok(())
}

fn restore(l: &ListObject, items: Vec<Ref>) {
    l.replace_all(items);
}

/// `list`'s methods.
pub static LIST_METHODS: [MethodDef; 13] = [
    MethodDef {
        name: "append",
        func: m_append,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "extend",
        func: m_extend,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "insert",
        func: m_insert,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "pop",
        func: m_pop,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "remove",
        func: m_remove,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "index",
        func: m_index,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "count",
        func: m_count,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "clear",
        func: m_clear,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "copy",
        func: m_copy,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "reverse",
        func: m_reverse,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "sort",
        func: m_sort,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "__reversed__",
        func: m_reversed,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "__sizeof__",
        func: m_sizeof,
        kind: MethodKind::Instance,
    },
];

// ---------------------------------------------------------------------------
// Iterators

/// A list iterator (forward or reverse): the list, released when the
/// iterator is exhausted, and the next index (-1 past the start for the
/// reverse iterator).
#[repr(C)]
pub struct ListIterObject {
    ob: PyObject,
    seq: RefCellSlot,
    index: Cell<isize>,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first; both list iterator types
// use this layout.
unsafe impl PyPayload for ListIterObject {
    fn static_type() -> &'static TypeObject {
        &LIST_ITER_TYPE
    }
}

fn new_iter(ty: &'static TypeObject, seq: Ref, index: isize) -> Ref {
    let obj = heap::alloc_object(ty, std::mem::size_of::<ListIterObject>());
    let it = ListIterObject {
        ob: PyObject::new(ty),
        seq: RefCellSlot::new(Some(seq)),
        index: Cell::new(index),
    };
    // SAFETY: the block has room for a ListIterObject.
    unsafe { obj.cast::<ListIterObject>().as_ptr().write(it) };
    // SAFETY: a new object; we own its reference.
    let r = unsafe { Ref::from_raw(obj) };
    heap::track(&r);
    r
}

fn list_iter(obj: &PyObject) -> PyResult {
    Ok(new_iter(&LIST_ITER_TYPE, obj.to_ref(), 0))
}

/// `reversed(list)`.
pub fn new_reverse_iter(list: Ref) -> Ref {
    let n = as_list(&list).map_or(0, |l| l.len()) as isize;
    new_iter(&LIST_REVITER_TYPE, list, n - 1)
}

fn iter_payload(obj: &PyObject) -> &ListIterObject {
    // SAFETY: PAYLOAD-1 — only called from the list iterator types' slots.
    unsafe { &*(obj as *const PyObject as *const ListIterObject) }
}

/// The item at `i` of the list an iterator holds, if any.
#[inline(always)]
fn seq_item(it: &ListIterObject, i: isize) -> Option<Ref> {
    let p = it.seq.peek()?;
    // SAFETY: the slot owns a reference to the list, and nothing below
    // changes the slot, so the list stays alive for this borrow.
    let seq = unsafe { p.as_ref() };
    usize::try_from(i).ok().and_then(|i| as_list(seq)?.get(i))
}

fn list_iter_next(obj: &PyObject) -> PyResult<Option<Ref>> {
    let it = iter_payload(obj);
    let i = it.index.get();
    match seq_item(it, i) {
        Some(v) => {
            it.index.set(i + 1);
            Ok(Some(v))
        }
        None => {
            it.seq.set(None);
            Ok(None)
        }
    }
}

fn list_reviter_next(obj: &PyObject) -> PyResult<Option<Ref>> {
    let it = iter_payload(obj);
    let i = it.index.get();
    match seq_item(it, i) {
        Some(v) => {
            it.index.set(i - 1);
            Ok(Some(v))
        }
        None => {
            it.index.set(-1);
            it.seq.set(None);
            Ok(None)
        }
    }
}

fn seq_len(it: &ListIterObject) -> usize {
    match it.seq.get() {
        Some(s) => as_list(&s).map_or(0, |l| l.len()),
        None => 0,
    }
}

fn m_iter_length_hint(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    let it = iter_payload(&args[0]);
    let n = if it.seq.is_some() {
        (seq_len(it) as isize - it.index.get()).max(0)
    } else {
        0
    };
    Ok(new_int(n as i64))
}

fn m_reviter_length_hint(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    let it = iter_payload(&args[0]);
    let i = it.index.get();
    let n = if it.seq.is_some() && (i as usize) < seq_len(it) {
        i + 1
    } else {
        0
    };
    Ok(new_int(n.max(0) as i64))
}

unsafe fn iter_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; payload per PAYLOAD-1.
    unsafe { std::ptr::drop_in_place(obj.cast::<ListIterObject>().as_ptr()) }
}

fn iter_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    if let Some(p) = iter_payload(obj).seq.peek() {
        v.visit(p);
    }
}

fn iter_clear(obj: &PyObject) {
    iter_payload(obj).seq.set(None);
}

static LIST_ITER_METHODS: [MethodDef; 1] = [MethodDef {
    name: "__length_hint__",
    func: m_iter_length_hint,
    kind: MethodKind::Instance,
}];

static LIST_REVITER_METHODS: [MethodDef; 1] = [MethodDef {
    name: "__length_hint__",
    func: m_reviter_length_hint,
    kind: MethodKind::Instance,
}];

/// `list_iterator`.
pub static LIST_ITER_TYPE: TypeObject = TypeObject::new_static(
    "list_iterator",
    std::mem::size_of::<ListIterObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags::HAS_GC,
    Slots {
        drop: iter_drop,
        traverse: Some(iter_traverse),
        clear: Some(iter_clear),
        iter: Cell::new(Some(iterators::self_iter)),
        next: Cell::new(Some(list_iter_next)),
        ..Slots::empty()
    },
    &LIST_ITER_METHODS,
    &[],
);

/// `list_reverseiterator`.
pub static LIST_REVITER_TYPE: TypeObject = TypeObject::new_static(
    "list_reverseiterator",
    std::mem::size_of::<ListIterObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags::HAS_GC,
    Slots {
        drop: iter_drop,
        traverse: Some(iter_traverse),
        clear: Some(iter_clear),
        iter: Cell::new(Some(iterators::self_iter)),
        next: Cell::new(Some(list_reviter_next)),
        ..Slots::empty()
    },
    &LIST_REVITER_METHODS,
    &[],
);
