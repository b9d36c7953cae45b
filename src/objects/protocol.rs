//! The abstract object protocol (CPython's `Objects/abstract.c` and
//! `object.c`): repr/str, truth, hashing, comparison, the binary and unary
//! operators with their reflected forms, attributes, calls, iteration,
//! length and subscripts — each dispatching through the type's slots.

use super::err::{type_error, PyErr, PyResult};
use super::exceptions as exc;
use super::object::{PyObject, Ref};
use super::str::{as_str, intern, new_str};
use super::tuple::{items, new_tuple};
use super::typeobj::KwNames;
use crate::compile::opcode::{BinaryOp, CompareOp};

/// `repr(obj)`.
#[inline]
pub fn repr(obj: &PyObject) -> PyResult {
    let _guard = super::super::vm::recursion::enter(" while getting the repr of an object")?;
    (obj.ty().slots.repr.get())(obj)
}

/// `str(obj)`.
#[inline]
pub fn str_of(obj: &PyObject) -> PyResult {
    if super::str::is_exact_str(obj) {
        return Ok(obj.to_ref());
    }
    match obj.ty().slots.str.get() {
        Some(f) => f(obj),
        None => repr(obj),
    }
}

/// `str(obj)` as a Rust `String`.
pub fn to_string(obj: &PyObject) -> PyResult<String> {
    let s = str_of(obj)?;
    Ok(as_str(&s).unwrap_or("").to_string())
}

/// `repr(obj)` as a Rust `String`.
pub fn repr_string(obj: &PyObject) -> PyResult<String> {
    let s = repr(obj)?;
    Ok(as_str(&s).unwrap_or("").to_string())
}

/// `bool(obj)`.
#[inline]
pub fn is_true(obj: &PyObject) -> PyResult<bool> {
    if let Some(b) = super::bool::as_bool(obj) {
        return Ok(b);
    }
    if obj.is(super::none::none_ref()) {
        return Ok(false);
    }
    let ty = obj.ty();
    if let Some(f) = ty.slots.bool.get() {
        return f(obj);
    }
    if let Some(f) = ty.slots.len.get() {
        return Ok(f(obj)? != 0);
    }
    Ok(true)
}

/// `hash(obj)`.
#[inline]
pub fn hash(obj: &PyObject) -> PyResult<i64> {
    match obj.ty().slots.hash.get() {
        Some(f) => f(obj),
        None => Err(type_error(format!(
            "unhashable type: '{}'",
            obj.ty().name()
        ))),
    }
}

/// The `hash` slot of unhashable types (list, dict, set).
pub fn hash_not_implemented(obj: &PyObject) -> PyResult<i64> {
    Err(type_error(format!(
        "unhashable type: '{}'",
        obj.ty().name()
    )))
}

/// Rich comparison with the reflected try (CPython's `do_richcompare`).
pub fn rich_compare(v: &PyObject, w: &PyObject, op: CompareOp) -> PyResult {
    let ni = super::none::not_implemented_ref();
    let (vt, wt) = (v.ty(), w.ty());
    let mut checked_reverse = false;
    if !std::ptr::eq(vt, wt) && wt.is_subtype(vt) {
        if let Some(f) = wt.slots.richcompare.get() {
            checked_reverse = true;
            let r = f(w, v, op.swapped())?;
            if !r.is(ni) {
                return Ok(r);
            }
        }
    }
    if let Some(f) = vt.slots.richcompare.get() {
        let r = f(v, w, op)?;
        if !r.is(ni) {
            return Ok(r);
        }
    }
    if !checked_reverse {
        if let Some(f) = wt.slots.richcompare.get() {
            let r = f(w, v, op.swapped())?;
            if !r.is(ni) {
                return Ok(r);
            }
        }
    }
    match op {
        CompareOp::Eq => Ok(super::bool::new_bool(v.is(w))),
        CompareOp::Ne => Ok(super::bool::new_bool(!v.is(w))),
        _ => Err(type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            vt.name(),
            wt.name()
        ))),
    }
}

/// `v op w` as a Rust bool.
#[inline]
pub fn compare_bool(v: &PyObject, w: &PyObject, op: CompareOp) -> PyResult<bool> {
    let r = rich_compare(v, w, op)?;
    is_true(&r)
}

/// `a == b` with the identity shortcut containers use.
#[inline]
pub fn eq(a: &PyObject, b: &PyObject) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    compare_bool(a, b, CompareOp::Eq)
}

/// Call the `__eq__` slot of `a`'s type only (for `object.__ne__`).
pub fn call_slot_eq(a: &PyObject, b: &PyObject) -> PyResult {
    match a.ty().slots.richcompare.get() {
        Some(f) => f(a, b, CompareOp::Eq),
        None => Ok(super::none::not_implemented()),
    }
}

/// `a op b` (CPython's `binary_op1` plus the error).
pub fn binary_op(a: &PyObject, b: &PyObject, op: BinaryOp) -> PyResult {
    let r = binary_op1(a, b, op as usize)?;
    if !r.is(super::none::not_implemented_ref()) {
        return Ok(r);
    }
    Err(binary_type_error(a, b, op.symbol()))
}

#[cold]
fn binary_type_error(a: &PyObject, b: &PyObject, sym: &str) -> PyErr {
    if sym == "**" {
        return type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
            a.ty().name(),
            b.ty().name()
        ));
    }
    type_error(format!(
        "unsupported operand type(s) for {}: '{}' and '{}'",
        sym,
        a.ty().name(),
        b.ty().name()
    ))
}

fn binary_op1(a: &PyObject, b: &PyObject, op: usize) -> PyResult {
    let ni = super::none::not_implemented_ref();
    let (at, bt) = (a.ty(), b.ty());
    let slotv = at.slots.binary[op].get();
    let mut slotw = if std::ptr::eq(at, bt) {
        None
    } else {
        bt.slots.binary[op].get()
    };
    if let (Some(v), Some(w)) = (slotv, slotw) {
        if v as usize == w as usize {
            slotw = None;
        }
    }
    if let Some(v) = slotv {
        if let Some(w) = slotw {
            if bt.is_subtype(at) {
                let r = w(a, b)?;
                if !r.is(ni) {
                    return Ok(r);
                }
                slotw = None;
            }
        }
        let r = v(a, b)?;
        if !r.is(ni) {
            return Ok(r);
        }
    }
    if let Some(w) = slotw {
        return w(a, b);
    }
    Ok(super::none::not_implemented())
}

/// `a op= b`: the in-place slot, then the binary operator.
pub fn inplace_op(a: &PyObject, b: &PyObject, op: BinaryOp) -> PyResult {
    if let Some(f) = a.ty().slots.inplace[op as usize].get() {
        let r = f(a, b)?;
        if !r.is(super::none::not_implemented_ref()) {
            return Ok(r);
        }
    }
    let r = binary_op1(a, b, op as usize)?;
    if !r.is(super::none::not_implemented_ref()) {
        return Ok(r);
    }
    Err(binary_type_error(a, b, &format!("{}=", op.symbol())))
}

fn unary(obj: &PyObject, slot: Option<fn(&PyObject) -> PyResult>, sym: &str) -> PyResult {
    match slot {
        Some(f) => f(obj),
        None => Err(type_error(format!(
            "bad operand type for {}: '{}'",
            sym,
            obj.ty().name()
        ))),
    }
}

/// `-obj`.
pub fn neg(obj: &PyObject) -> PyResult {
    unary(obj, obj.ty().slots.neg.get(), "unary -")
}

/// `+obj`.
pub fn pos(obj: &PyObject) -> PyResult {
    unary(obj, obj.ty().slots.pos.get(), "unary +")
}

/// `~obj`.
pub fn invert(obj: &PyObject) -> PyResult {
    unary(obj, obj.ty().slots.invert.get(), "unary ~")
}

/// `abs(obj)`.
pub fn abs(obj: &PyObject) -> PyResult {
    unary(obj, obj.ty().slots.abs.get(), "abs()")
}

/// `getattr(obj, name)` with `name` a str object.
#[inline]
pub fn getattr(obj: &PyObject, name: &PyObject) -> PyResult {
    (obj.ty().slots.getattr.get())(obj, name)
}

/// `getattr(obj, "name")`.
pub fn getattr_str(obj: &PyObject, name: &str) -> PyResult {
    getattr(obj, &intern(name))
}

/// `getattr(obj, name, None)`-like: `Ok(None)` when it raises
/// AttributeError.
pub fn getattr_opt(obj: &PyObject, name: &PyObject) -> PyResult<Option<Ref>> {
    match getattr(obj, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(&exc::ATTRIBUTE_ERROR) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `setattr(obj, name, value)` (`None`: `delattr`).
pub fn setattr(obj: &PyObject, name: &PyObject, value: Option<Ref>) -> PyResult<()> {
    match obj.ty().slots.setattr.get() {
        Some(f) => f(obj, name, value),
        None => {
            let n = as_str(name).unwrap_or("?");
            if obj.ty().lookup(name).is_some() {
                Err(super::err::attribute_error(format!(
                    "'{}' object attribute '{}' is read-only",
                    obj.ty().name(),
                    n
                )))
            } else {
                Err(super::err::attribute_error(format!(
                    "'{}' object has no attribute '{}'",
                    obj.ty().name(),
                    n
                )))
            }
        }
    }
}

/// `callable(*args)` with keyword values named by `kwnames`.
#[inline]
pub fn call(callable: &PyObject, args: &[Ref], kwnames: KwNames<'_>) -> PyResult {
    match callable.ty().slots.call.get() {
        Some(f) => f(callable, args, kwnames),
        None => Err(type_error(format!(
            "'{}' object is not callable",
            callable.ty().name()
        ))),
    }
}

/// Call `callable(*args, **kwargs)` with a Rust list of keyword pairs.
pub fn call_kw(callable: &PyObject, args: &[Ref], kwargs: &[(&str, Ref)]) -> PyResult {
    if kwargs.is_empty() {
        return call(callable, args, None);
    }
    let mut all = args.to_vec();
    let mut names = Vec::new();
    for (k, v) in kwargs {
        names.push(intern(k));
        all.push(v.clone());
    }
    let names = new_tuple(names);
    call(callable, &all, Some(&names))
}

/// Call `f` found on `obj`'s type as a method of `obj`: functions and
/// method descriptors get `obj` as first argument without a bound method;
/// other descriptors are bound first.
pub fn call_method_obj(f: &PyObject, obj: &PyObject, args: &[Ref]) -> PyResult {
    super::prepend::with_first(obj.to_ref(), args, |all| call_unbound(f, obj, all, None))
}

/// As [`call_method_obj`] with `all[0] == obj` already in place.
pub fn call_unbound(f: &PyObject, obj: &PyObject, all: &[Ref], kw: KwNames<'_>) -> PyResult {
    if is_plain_method(f) {
        return call(f, all, kw);
    }
    match f.ty().slots.descr_get.get() {
        Some(get) => {
            let bound = get(f, Some(obj), obj.ty().as_object())?;
            call(&bound, &all[1..], kw)
        }
        None => call(f, &all[1..], kw),
    }
}

/// Whether `f` binds as "pass self as first argument" (Python functions
/// and built-in method descriptors): `LOAD_METHOD` skips the bound method.
#[inline]
pub fn is_plain_method(f: &PyObject) -> bool {
    super::function::is_function(f)
        || std::ptr::eq(f.ty(), &super::descr::METHOD_DESCR_TYPE)
        || super::slotwrap::is_slot_wrapper(f)
}

/// `obj.name(*args)`.
pub fn call_method(obj: &PyObject, name: &str, args: &[Ref]) -> PyResult {
    let key = intern(name);
    if let Some(f) = obj.ty().lookup(&key) {
        if is_plain_method(&f) {
            return call_method_obj(&f, obj, args);
        }
    }
    let m = getattr(obj, &key)?;
    call(&m, args, None)
}

/// `iter(obj)`: the `iter` slot, or the sequence protocol over
/// `__getitem__`.
pub fn iter(obj: &PyObject) -> PyResult {
    if let Some(f) = obj.ty().slots.iter.get() {
        return f(obj);
    }
    if obj.ty().slots.getitem.get().is_some() && super::dict::as_dict(obj).is_none() {
        return Ok(super::iterators::new_seq_iter(obj.to_ref()));
    }
    Err(type_error(format!(
        "'{}' object is not iterable",
        obj.ty().name()
    )))
}

/// `next(it)`: `Ok(None)` when exhausted (a `StopIteration` the slot
/// raised, e.g. a generator returning a value, counts as exhaustion).
#[inline]
pub fn next(it: &PyObject) -> PyResult<Option<Ref>> {
    match it.ty().slots.next.get() {
        Some(f) => match f(it) {
            Err(e) if e.matches(&exc::STOP_ITERATION) => Ok(None),
            r => r,
        },
        None => Err(type_error(format!(
            "'{}' object is not an iterator",
            it.ty().name()
        ))),
    }
}

/// Collect an iterable into a Vec.
pub fn to_vec(obj: &PyObject) -> PyResult<Vec<Ref>> {
    if let Some(t) = obj.downcast_exact::<super::tuple::TupleObject>() {
        return Ok(t.items().to_vec());
    }
    if let Some(l) = super::list::as_list(obj) {
        if std::ptr::eq(obj.ty(), &super::list::LIST_TYPE) {
            return Ok(l.to_vec());
        }
    }
    let it = iter(obj)?;
    let mut out = Vec::new();
    while let Some(v) = next(&it)? {
        out.push(v);
    }
    Ok(out)
}

/// `tuple(obj)`.
pub fn to_tuple(obj: &PyObject) -> PyResult {
    if std::ptr::eq(obj.ty(), &super::tuple::TUPLE_TYPE) {
        return Ok(obj.to_ref());
    }
    Ok(new_tuple(to_vec(obj)?))
}

/// `len(obj)`.
pub fn len(obj: &PyObject) -> PyResult<usize> {
    match obj.ty().slots.len.get() {
        Some(f) => f(obj),
        None => Err(type_error(format!(
            "object of type '{}' has no len()",
            obj.ty().name()
        ))),
    }
}

/// `obj[key]`.
#[inline]
pub fn getitem(obj: &PyObject, key: &PyObject) -> PyResult {
    match obj.ty().slots.getitem.get() {
        Some(f) => f(obj, key),
        None => {
            if let Some(t) = super::typetype::as_type(obj) {
                if let Some(cg) = t.lookup_str("__class_getitem__") {
                    let bound = match cg.ty().slots.descr_get.get() {
                        Some(get) => get(&cg, None, obj)?,
                        None => cg,
                    };
                    return call(&bound, &[key.to_ref()], None);
                }
                if std::ptr::eq(t, &super::typetype::TYPE_TYPE) || !t.is_heap() {
                    return Ok(obj.to_ref()); // `list[int]` annotations: keep the class
                }
                return Err(type_error(format!(
                    "type '{}' is not subscriptable",
                    t.name()
                )));
            }
            Err(type_error(format!(
                "'{}' object is not subscriptable",
                obj.ty().name()
            )))
        }
    }
}

/// `obj[key] = value` (`None`: `del obj[key]`).
pub fn setitem(obj: &PyObject, key: &PyObject, value: Option<Ref>) -> PyResult<()> {
    match obj.ty().slots.setitem.get() {
        Some(f) => f(obj, key, value),
        None if value.is_some() => Err(type_error(format!(
            "'{}' object does not support item assignment",
            obj.ty().name()
        ))),
        None => {
            // CPython's PyObject_DelItem: an index on a sequence type goes
            // through PySequence_DelItem, whose message differs.
            let ty = obj.ty();
            let sequence = ty.slots.len.get().is_some() || ty.slots.contains.get().is_some();
            let verb = if sequence && key.ty().slots.index.get().is_some() {
                "doesn't"
            } else {
                "does not"
            };
            Err(type_error(format!(
                "'{}' object {verb} support item deletion",
                ty.name()
            )))
        }
    }
}

/// `item in container`.
pub fn contains(container: &PyObject, item: &PyObject) -> PyResult<bool> {
    if let Some(f) = container.ty().slots.contains.get() {
        return f(container, item);
    }
    let it = match iter(container) {
        Ok(it) => it,
        Err(e) if e.matches(&exc::TYPE_ERROR) => {
            return Err(type_error(format!(
                "argument of type '{}' is not iterable",
                container.ty().name()
            )))
        }
        Err(e) => return Err(e),
    };
    while let Some(v) = next(&it)? {
        if eq(&v, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `operator.index(obj)` as an int object.
pub fn index(obj: &PyObject) -> PyResult {
    if super::int::as_int(obj).is_some() {
        return Ok(obj.to_ref());
    }
    match obj.ty().slots.index.get() {
        Some(f) => f(obj),
        None => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            obj.ty().name()
        ))),
    }
}

/// `operator.index(obj)` as an i64 (OverflowError past the machine word).
pub fn index_i64(obj: &PyObject) -> PyResult<i64> {
    let i = index(obj)?;
    super::int::to_i64(super::int::as_int(&i).expect("index returns int")).ok_or_else(|| {
        super::err::index_error(format!(
            "cannot fit '{}' into an index-sized integer",
            obj.ty().name()
        ))
    })
}

/// The sorted attribute names `dir(obj)` shows by default.
pub fn default_dir(obj: &PyObject) -> PyResult {
    let mut names: Vec<String> = Vec::new();
    let mut add = |d: &PyObject| {
        if let Some(d) = super::dict::as_dict(d) {
            for k in d.keys() {
                if let Some(s) = as_str(&k) {
                    names.push(s.to_string());
                }
            }
        }
    };
    if let Some(d) = super::attr::instance_dict(obj) {
        add(&d);
    }
    let ty = super::typetype::as_type(obj).unwrap_or(obj.ty());
    if let Some(mro) = ty.mro.get() {
        for t in items(&mro) {
            if let Some(d) = super::typetype::as_type(t).and_then(|t| t.dict.get()) {
                add(&d);
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(super::list::new_list(
        names.iter().map(|n| new_str(n)).collect(),
    ))
}

/// Print an exception that cannot propagate (from `__del__`, a weakref
/// callback): CPython's "Exception ignored in: ..." report on stderr.
pub fn write_unraisable(err: &PyErr, obj: Option<&PyObject>) {
    let what = match obj {
        Some(o) => repr_string(o).unwrap_or_else(|_| "<object>".to_string()),
        None => "<object>".to_string(),
    };
    eprintln!("Exception ignored in: {what}");
    crate::vm::traceback::print_exception(err);
}
