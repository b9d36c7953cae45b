//! The eval loop's named helpers: everything an opcode does that takes
//! more than a few lines — name lookups, calls, unpacking, exceptions,
//! `with`, and the small-int / float fast paths of the operators.

use crate::compile::opcode::{BinaryOp, CompareOp};
use crate::objects::bool::new_bool;
use crate::objects::cell::{as_cell, CellObject};
use crate::objects::codeobj::CodeObject;
use crate::objects::dict::{as_dict, new_dict};
use crate::objects::err::{name_error, type_error, value_error, PyErr, PyResult};
use crate::objects::exceptions::{self as exc, exception};
use crate::objects::float::{as_float, new_float, FloatObject};
use crate::objects::int::{new_int, small_value, IntObject};
use crate::objects::list::{as_list, new_list};
use crate::objects::none::{none, none_ref};
use crate::objects::object::{PyObject, Ref};
use crate::objects::protocol;
use crate::objects::str::{as_str, new_str};
use crate::objects::tuple::{items, new_tuple, TupleObject};
use crate::objects::typetype::as_type;

use super::frame::Frame;

/// The marker `PUSH_NULL` pushes: "no self" in a call.
pub fn null() -> Ref {
    Ref::from_static(&NULL)
}

/// The null marker object (never visible to Python code).
pub static NULL: PyObject = PyObject::new_static(&crate::objects::none::NONE_TYPE);

/// Whether `v` is the null marker.
#[inline(always)]
pub fn is_null(v: &PyObject) -> bool {
    std::ptr::eq(v, &NULL)
}

/// `UnboundLocalError` for a fast local.
#[cold]
pub fn unbound_local(name: &PyObject) -> PyErr {
    PyErr::new(
        &exc::UNBOUND_LOCAL_ERROR,
        format!(
            "cannot access local variable '{}' where it is not associated with a value",
            as_str(name).unwrap_or("?")
        ),
    )
}

/// The error for an empty cell or free variable.
#[cold]
pub fn unbound_deref(code: &CodeObject, i: usize) -> PyErr {
    let name = as_str(&code.derefnames[i]).unwrap_or("?").to_string();
    if i < code.unit.cellvars.len() {
        PyErr::new(
            &exc::UNBOUND_LOCAL_ERROR,
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    } else {
        name_error(format!(
            "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
        ))
    }
}

#[cold]
fn not_defined(name: &PyObject) -> PyErr {
    name_error(format!(
        "name '{}' is not defined",
        as_str(name).unwrap_or("?")
    ))
}

/// A NameError carrying `name` and what the traceback printer needs to
/// suggest a close name (the frame's locals, globals and builtins).
#[cold]
fn name_not_defined(frame: &Frame, name: &PyObject) -> PyErr {
    let e = not_defined(name);
    let _ = protocol::setattr(
        e.value(),
        &crate::objects::str::intern("name"),
        Some(name.to_ref()),
    );
    if let Some(x) = exception(e.value()) {
        let varnames = crate::objects::tuple::tuple_from_slice(&frame.code().varnames);
        x.suggestion_context.set(Some(new_tuple(vec![
            varnames,
            frame.globals.clone(),
            frame.builtins.clone(),
        ])));
    }
    e
}

/// `d[key] = v` on a dict.
pub fn dict_set(d: &PyObject, key: Ref, v: Ref) -> PyResult<()> {
    match as_dict(d) {
        Some(d) => d.set(key, v),
        None => protocol::setitem(d, &key, Some(v)),
    }
}

fn mapping_get(m: &PyObject, key: &PyObject) -> PyResult<Option<Ref>> {
    if let Some(d) = as_dict(m) {
        if std::ptr::eq(m.ty(), &crate::objects::dict::DICT_TYPE) {
            return d.get(key);
        }
    }
    match protocol::getitem(m, key) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(&exc::KEY_ERROR) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `LOAD_NAME`: locals, globals, builtins.
pub fn load_name(frame: &Frame, name: &PyObject) -> PyResult {
    if let Some(l) = &frame.locals {
        if let Some(v) = mapping_get(l, name)? {
            return Ok(v);
        }
    }
    load_global(frame, name)
}

/// `LOAD_GLOBAL` through the code object's inline cache for name `i`.
#[inline(always)]
pub fn load_global_cached(frame: &Frame, code: &CodeObject, i: usize) -> PyResult {
    let cache = &code.caches[i].global;
    if let Some(v) = cache.get(&frame.globals, &frame.builtins) {
        return Ok(v);
    }
    if let Some(v) = cache.fill(&frame.globals, &frame.builtins, &code.names[i]) {
        return Ok(v);
    }
    load_global(frame, &code.names[i])
}

/// `LOAD_ATTR` through the code object's inline cache for name `i`.
#[inline(always)]
pub fn load_attr_cached(obj: &PyObject, code: &CodeObject, i: usize) -> PyResult {
    let name = &code.names[i];
    let cache = &code.caches[i].attr;
    if let Some(v) = cache.get(obj, name) {
        return Ok(v);
    }
    let v = protocol::getattr(obj, name)?;
    cache.fill(obj, name);
    Ok(v)
}

/// `LOAD_GLOBAL`: globals, then builtins.
#[inline]
pub fn load_global(frame: &Frame, name: &PyObject) -> PyResult {
    if let Some(v) = crate::objects::dict::get_item_interned(&frame.globals, name) {
        return Ok(v);
    }
    if let Some(v) = crate::objects::dict::get_item_interned(&frame.builtins, name) {
        return Ok(v);
    }
    Err(name_not_defined(frame, name))
}

/// `STORE_NAME`.
pub fn store_name(frame: &Frame, name: &PyObject, v: Ref) -> PyResult<()> {
    let target = frame.locals.as_ref().unwrap_or(&frame.globals);
    dict_set(target, name.to_ref(), v)
}

/// `DELETE_NAME`.
pub fn delete_name(frame: &Frame, name: &PyObject) -> PyResult<()> {
    let target = frame.locals.as_ref().unwrap_or(&frame.globals);
    let removed = match as_dict(target) {
        Some(d) => d.remove(name)?.is_some(),
        None => protocol::setitem(target, name, None).is_ok(),
    };
    if removed {
        Ok(())
    } else {
        Err(not_defined(name))
    }
}

/// `DELETE_GLOBAL`.
pub fn delete_global(frame: &Frame, name: &PyObject) -> PyResult<()> {
    match as_dict(&frame.globals)
        .expect("globals dict")
        .remove(name)?
    {
        Some(_) => Ok(()),
        None => Err(not_defined(name)),
    }
}

/// The cell object in fast slot `i`.
pub fn cell_of(frame: &Frame, i: usize) -> &CellObject {
    frame.fast()[i]
        .as_ref()
        .and_then(|c| as_cell(c))
        .expect("cell slot holds a cell")
}

/// `LOAD_DEREF`.
pub fn load_deref(frame: &Frame, code: &CodeObject, i: usize) -> PyResult {
    match cell_of(frame, code.nlocals() + i).contents.get() {
        Some(v) => Ok(v),
        None => Err(unbound_deref(code, i)),
    }
}

/// `LOAD_CLASSDEREF`: the class namespace first, then the cell.
pub fn load_classderef(frame: &Frame, code: &CodeObject, i: usize) -> PyResult {
    if let Some(l) = &frame.locals {
        if let Some(v) = mapping_get(l, &code.derefnames[i])? {
            return Ok(v);
        }
    }
    load_deref(frame, code, i)
}

/// `LOAD_METHOD` through the code object's inline cache for name `i`:
/// `(method, self)` when the attribute is a plain method found on the type
/// and not shadowed by the instance, else `(attr, null)`.
#[inline(always)]
pub fn load_method_cached(obj: Ref, code: &CodeObject, i: usize) -> PyResult<(Ref, Ref)> {
    let cache = &code.caches[i].method;
    if let Some(m) = cache.get(&obj) {
        return Ok((m, obj));
    }
    let name = &code.names[i];
    let ty = obj.ty();
    if ty.has_generic_getattr() {
        if let Some(m) = ty.lookup(name) {
            if protocol::is_plain_method(&m)
                && crate::objects::attr::instance_attr(&obj, name).is_none()
            {
                cache.fill(&obj, name, &m);
                return Ok((m, obj));
            }
        }
    }
    if let Some(pair) = crate::objects::superobj::load_method(&obj, name) {
        return Ok(pair); // `super().method()`: no bound method
    }
    let attr = protocol::getattr(&obj, name)?;
    Ok((attr, null()))
}

/// `STORE_ATTR` through the code object's inline cache for name `i`.
#[inline(always)]
pub fn store_attr_cached(obj: &PyObject, code: &CodeObject, i: usize, v: Ref) -> PyResult<()> {
    let cache = &code.caches[i].store;
    let v = match cache.store(obj, v) {
        Ok(()) => return Ok(()),
        Err(v) => v,
    };
    let name = &code.names[i];
    protocol::setattr(obj, name, Some(v))?;
    cache.fill(obj, name);
    Ok(())
}

/// `container[key]` with list / tuple / dict fast paths.
#[inline]
pub fn subscr(container: &PyObject, key: &PyObject) -> PyResult {
    if let Some(i) = small_value(key) {
        if let Some(l) = container.downcast_exact::<crate::objects::list::ListObject>() {
            return crate::objects::list::list_item(l, i);
        }
        if let Some(t) = container.downcast_exact::<TupleObject>() {
            let items = t.items();
            if let Some(j) = crate::objects::list::wrap_index(i, items.len()) {
                return Ok(items[j].clone());
            }
        }
    }
    protocol::getitem(container, key)
}

/// `container[key] = v` with a list fast path.
pub fn store_subscr(container: &PyObject, key: &PyObject, v: Ref) -> PyResult<()> {
    if let (Some(i), Some(l)) = (
        small_value(key),
        container.downcast_exact::<crate::objects::list::ListObject>(),
    ) {
        return match crate::objects::list::wrap_index(i, l.len()) {
            Some(j) => {
                l.set(j, v);
                Ok(())
            }
            None => Err(crate::objects::err::index_error(
                "list assignment index out of range",
            )),
        };
    }
    protocol::setitem(container, key, Some(v))
}

/// Truth value with fast paths for bool, None and small ints.
#[inline(always)]
pub fn truth(v: &PyObject) -> PyResult<bool> {
    if let Some(b) = crate::objects::bool::as_bool(v) {
        return Ok(b);
    }
    protocol::is_true(v)
}

#[inline(always)]
fn exact_small(v: &PyObject) -> Option<i64> {
    if std::ptr::eq(v.ty(), &crate::objects::int::INT_TYPE) {
        v.downcast_exact::<IntObject>().and_then(IntObject::small)
    } else {
        None
    }
}

#[inline(always)]
fn exact_float(v: &PyObject) -> Option<f64> {
    v.downcast_exact::<FloatObject>().map(|f| f.value)
}

/// For `s += t` whose result goes straight back into the local `s`
/// (`STORE_FAST` next): that local's index. The eval loop drops the
/// local's reference before the add, as CPython's `unicode_concatenate`
/// does, so an unshared str can be appended to in place.
#[inline]
pub fn concat_target(next: Option<&crate::compile::opcode::Instr>, arg: u32) -> Option<usize> {
    if super::eval::decode_binary(arg) != (BinaryOp::Add, true) {
        return None;
    }
    use crate::compile::opcode::Opcode;
    let n = next?;
    match n.op() {
        Opcode::STORE_FAST => Some(n.arg() as usize),
        // A superinstruction starting with the store.
        Opcode::STORE_FAST__LOAD_FAST | Opcode::STORE_FAST__STORE_FAST => {
            Some(crate::compile::opcode::split_pair(n.arg()).0 as usize)
        }
        _ => None,
    }
}

/// `BINARY_OP`: small-int, float and str fast paths, then the protocol.
#[inline]
pub fn binary_op(a: Ref, b: &PyObject, arg: u32) -> PyResult {
    let (op, inplace) = super::eval::decode_binary(arg);
    if let (Some(x), Some(y)) = (exact_small(&a), exact_small(b)) {
        let r = match op {
            BinaryOp::Add => x.checked_add(y),
            BinaryOp::Subtract => x.checked_sub(y),
            BinaryOp::Multiply => x.checked_mul(y),
            BinaryOp::FloorDivide if y != 0 => x.checked_div(y).map(|q| {
                if x % y != 0 && ((x < 0) != (y < 0)) {
                    q - 1
                } else {
                    q
                }
            }),
            BinaryOp::Remainder if y != 0 => Some(py_mod(x, y)),
            BinaryOp::And => Some(x & y),
            BinaryOp::Or => Some(x | y),
            BinaryOp::Xor => Some(x ^ y),
            _ => None,
        };
        if let Some(r) = r {
            return Ok(new_int(r));
        }
    } else if let (Some(x), Some(y)) = (exact_float(&a), exact_float(b)) {
        let r = match op {
            BinaryOp::Add => Some(x + y),
            BinaryOp::Subtract => Some(x - y),
            BinaryOp::Multiply => Some(x * y),
            BinaryOp::TrueDivide if y != 0.0 => Some(x / y),
            _ => None,
        };
        if let Some(r) = r {
            return Ok(new_float(r));
        }
    }
    if op == BinaryOp::Add
        && crate::objects::str::is_exact_str(&a)
        && crate::objects::str::is_exact_str(b)
    {
        return Ok(crate::objects::str_ops::concat(a, b));
    }
    if inplace {
        protocol::inplace_op(&a, b, op)
    } else {
        protocol::binary_op(&a, b, op)
    }
}

/// Python's modulo: the result has the divisor's sign.
#[inline(always)]
pub fn py_mod(x: i64, y: i64) -> i64 {
    let r = x.wrapping_rem(y);
    if r != 0 && ((r < 0) != (y < 0)) {
        r + y
    } else {
        r
    }
}

/// `COMPARE_OP` with small-int and float fast paths.
#[inline]
pub fn compare(a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    if let (Some(x), Some(y)) = (exact_small(a), exact_small(b)) {
        return Ok(new_bool(cmp_ord(x.cmp(&y), op)));
    }
    if let (Some(x), Some(y)) = (exact_float(a), exact_float(b)) {
        let r = match op {
            CompareOp::Lt => x < y,
            CompareOp::Le => x <= y,
            CompareOp::Eq => x == y,
            CompareOp::Ne => x != y,
            CompareOp::Gt => x > y,
            CompareOp::Ge => x >= y,
        };
        return Ok(new_bool(r));
    }
    protocol::rich_compare(a, b, op)
}

fn cmp_ord(o: std::cmp::Ordering, op: CompareOp) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CompareOp::Lt => o == Less,
        CompareOp::Le => o != Greater,
        CompareOp::Eq => o == Equal,
        CompareOp::Ne => o != Equal,
        CompareOp::Gt => o == Greater,
        CompareOp::Ge => o != Less,
    }
}

/// The eval breaker: run a due collection (a safe point).
#[inline]
pub fn eval_breaker() -> PyResult<()> {
    if crate::objects::heap::heap().gc_due.get() {
        super::gc_safepoint();
    }
    Ok(())
}

/// `BUILD_MAP`.
pub fn build_map(kv: Vec<Ref>) -> PyResult {
    let d = crate::objects::dict::new_dict_presized(kv.len() / 2);
    let dd = as_dict(&d).expect("dict");
    let mut it = kv.into_iter();
    while let (Some(k), Some(v)) = (it.next(), it.next()) {
        dd.set(k, v)?;
    }
    Ok(d)
}

/// `BUILD_CONST_KEY_MAP`.
pub fn build_const_key_map(keys: &PyObject, values: Vec<Ref>) -> PyResult {
    let d = crate::objects::dict::new_dict_presized(values.len());
    let dd = as_dict(&d).expect("dict");
    for (k, v) in items(keys).iter().zip(values) {
        dd.set(k.clone(), v)?;
    }
    Ok(d)
}

/// `BUILD_STRING`.
pub fn build_string(parts: &[Ref]) -> Ref {
    let mut s = String::new();
    for p in parts {
        s.push_str(as_str(p).unwrap_or(""));
    }
    new_str(&s)
}

/// `LIST_EXTEND`.
pub fn list_extend(list: &PyObject, it: &PyObject) -> PyResult<()> {
    let l = as_list(list).expect("list");
    let items = match protocol::to_vec(it) {
        Ok(v) => v,
        Err(e) if e.matches(&exc::TYPE_ERROR) && it.ty().slots.iter.get().is_none() => {
            return Err(type_error(format!(
                "Value after * must be an iterable, not {}",
                it.ty().name()
            )))
        }
        Err(e) => return Err(e),
    };
    for v in items {
        l.push(v);
    }
    Ok(())
}

/// `SET_UPDATE`.
pub fn set_update(set: &PyObject, it: &PyObject) -> PyResult<()> {
    let s = crate::objects::set::as_set(set).expect("set");
    for v in protocol::to_vec(it)? {
        s.add(v)?;
    }
    Ok(())
}

/// The (key, value) pairs of a mapping: a dict, or anything with `keys()`.
pub fn mapping_items(m: &PyObject) -> PyResult<Option<Vec<(Ref, Ref)>>> {
    if let Some(d) = as_dict(m) {
        return Ok(Some(d.items()));
    }
    let keys = match protocol::getattr_opt(m, &crate::objects::str::intern("keys"))? {
        Some(k) => protocol::call(&k, &[], None)?,
        None => return Ok(None),
    };
    let mut out = Vec::new();
    for k in protocol::to_vec(&keys)? {
        let v = protocol::getitem(m, &k)?;
        out.push((k, v));
    }
    Ok(Some(out))
}

/// `DICT_UPDATE`.
pub fn dict_update(d: &PyObject, m: &PyObject) -> PyResult<()> {
    let dd = as_dict(d).expect("dict");
    match mapping_items(m)? {
        Some(items) => {
            for (k, v) in items {
                dd.set(k, v)?;
            }
            Ok(())
        }
        None => Err(type_error(format!(
            "'{}' object is not a mapping",
            m.ty().name()
        ))),
    }
}

/// CPython's `_PyObject_FunctionStr` without the "()": `module.qualname`
/// (the module left out for builtins), or the type name.
fn func_name(callable: &PyObject) -> String {
    let Some(q) = protocol::getattr_str(callable, "__qualname__")
        .ok()
        .and_then(|n| as_str(&n).map(str::to_string))
    else {
        return format!("{} object", callable.ty().name());
    };
    let module = protocol::getattr_str(callable, "__module__")
        .ok()
        .and_then(|m| as_str(&m).map(str::to_string));
    match module {
        Some(m) if m != "builtins" => format!("{m}.{q}"),
        _ => q,
    }
}

/// `DICT_MERGE` (`f(**m)`): a repeated key is a TypeError.
pub fn dict_merge(callable: &PyObject, d: &PyObject, m: &PyObject) -> PyResult<()> {
    let dd = as_dict(d).expect("dict");
    let Some(items) = mapping_items(m)? else {
        return Err(type_error(format!(
            "{}() argument after ** must be a mapping, not {}",
            func_name(callable),
            m.ty().name()
        )));
    };
    for (k, v) in items {
        if as_str(&k).is_none() {
            return Err(type_error(format!(
                "{}() keywords must be strings",
                func_name(callable)
            )));
        }
        if dd.get(&k)?.is_some() {
            return Err(type_error(format!(
                "{}() got multiple values for keyword argument '{}'",
                func_name(callable),
                as_str(&k).unwrap_or("?")
            )));
        }
        dd.set(k, v)?;
    }
    Ok(())
}

fn unpack_items(seq: &PyObject) -> PyResult<Vec<Ref>> {
    if let Some(t) = seq.downcast_exact::<TupleObject>() {
        return Ok(t.items().to_vec());
    }
    if let Some(l) = seq.downcast_exact::<crate::objects::list::ListObject>() {
        return Ok(l.to_vec());
    }
    match protocol::iter(seq) {
        Ok(it) => {
            let mut out = Vec::new();
            while let Some(v) = protocol::next(&it)? {
                out.push(v);
            }
            Ok(out)
        }
        Err(e) if e.matches(&exc::TYPE_ERROR) => Err(type_error(format!(
            "cannot unpack non-iterable {} object",
            seq.ty().name()
        ))),
        Err(e) => Err(e),
    }
}

/// `UNPACK_SEQUENCE n`.
pub fn unpack_sequence(frame: &mut Frame, seq: &PyObject, n: usize) -> PyResult<()> {
    let items = unpack_items(seq)?;
    if items.len() < n {
        return Err(value_error(format!(
            "not enough values to unpack (expected {}, got {})",
            n,
            items.len()
        )));
    }
    if items.len() > n {
        return Err(value_error(format!(
            "too many values to unpack (expected {n})"
        )));
    }
    for v in items.into_iter().rev() {
        frame.push(v);
    }
    Ok(())
}

/// `UNPACK_EX before | after << 8`.
pub fn unpack_ex(frame: &mut Frame, seq: &PyObject, before: usize, after: usize) -> PyResult<()> {
    let mut items = unpack_items(seq)?;
    if items.len() < before + after {
        return Err(value_error(format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            items.len()
        )));
    }
    let tail = items.split_off(items.len() - after);
    let middle = items.split_off(before);
    for v in tail.into_iter().rev() {
        frame.push(v);
    }
    frame.push(new_list(middle));
    for v in items.into_iter().rev() {
        frame.push(v);
    }
    Ok(())
}

/// `FORMAT_VALUE`: conversion then `format(value, spec)`.
pub fn format_value(v: &PyObject, conversion: usize, spec: Option<&PyObject>) -> PyResult {
    let converted = match conversion {
        1 => protocol::str_of(v)?,
        2 => protocol::repr(v)?,
        3 => crate::modules::builtins::ascii_of(v)?,
        _ => v.to_ref(),
    };
    let spec_str = spec.and_then(as_str).unwrap_or("");
    crate::objects::str_format::format_value(&converted, spec_str)
}

/// `CALL n`: `items` is `[callable, self_or_null, args...]`; the caller
/// drops them afterwards.
#[inline(always)]
pub fn call(items: &[Ref], kwnames: Option<&PyObject>) -> PyResult {
    let callable = &items[0];
    let args = if is_null(&items[1]) {
        &items[2..]
    } else {
        &items[1..]
    };
    if let Some(f) = crate::objects::function::as_function(callable) {
        super::call::call_function(f, args, kwnames)
    } else {
        protocol::call(callable, args, kwnames)
    }
}

/// `CALL_FUNCTION_EX`.
pub fn call_ex(callable: &PyObject, args: &PyObject, kwargs: Option<&PyObject>) -> PyResult {
    let mut all: Vec<Ref> = match args.downcast_exact::<TupleObject>() {
        Some(t) => t.items().to_vec(),
        None => match protocol::to_vec(args) {
            Ok(v) => v,
            Err(e) if e.matches(&exc::TYPE_ERROR) => {
                return Err(type_error(format!(
                    "{}() argument after * must be an iterable, not {}",
                    func_name(callable),
                    args.ty().name()
                )))
            }
            Err(e) => return Err(e),
        },
    };
    let Some(kw) = kwargs else {
        return protocol::call(callable, &all, None);
    };
    let pairs = as_dict(kw).map(|d| d.items()).unwrap_or_default();
    if pairs.is_empty() {
        return protocol::call(callable, &all, None);
    }
    let mut names = Vec::with_capacity(pairs.len());
    for (k, v) in pairs {
        names.push(k);
        all.push(v);
    }
    let names = new_tuple(names);
    protocol::call(callable, &all, Some(&names))
}

/// `MAKE_FUNCTION flags`.
pub fn make_function(frame: &mut Frame, flags: usize) -> PyResult {
    let code = frame.pop().expect("code object");
    let closure = if flags & 8 != 0 { frame.pop() } else { None };
    let annotations = if flags & 4 != 0 { frame.pop() } else { None };
    let kwdefaults = if flags & 2 != 0 { frame.pop() } else { None };
    let defaults = if flags & 1 != 0 { frame.pop() } else { None };
    let f =
        crate::objects::function::new_function(code, frame.globals.clone(), frame.builtins.clone());
    let fo = crate::objects::function::as_function(&f).expect("function");
    fo.closure.set(closure);
    fo.annotations.set(annotations);
    fo.kwdefaults.set(kwdefaults);
    fo.defaults.set(defaults);
    Ok(f)
}

/// What `SEND` got from the sub-iterator.
pub enum SendResult {
    /// It yielded this value.
    Yielded(Ref),
    /// It returned this value (StopIteration's value).
    Returned(Ref),
}

/// `SEND`: send `v` into `iter` (`next()` for None).
pub fn send(iter: &PyObject, v: Ref) -> PyResult<SendResult> {
    if let Some(g) = crate::objects::generator::as_generator(iter) {
        return match g.send(v)? {
            super::eval::Exit::Yield(x) => Ok(SendResult::Yielded(x)),
            super::eval::Exit::Return(r) => Ok(SendResult::Returned(r)),
        };
    }
    let r = if v.is(none_ref()) {
        match protocol::next(iter)? {
            Some(x) => return Ok(SendResult::Yielded(x)),
            None => return Ok(SendResult::Returned(none())),
        }
    } else {
        protocol::call_method(iter, "send", &[v])
    };
    match r {
        Ok(x) => Ok(SendResult::Yielded(x)),
        Err(e) if e.matches(&exc::STOP_ITERATION) => {
            Ok(SendResult::Returned(stop_iteration_value(&e)))
        }
        Err(e) => Err(e),
    }
}

/// The value of a StopIteration (its first argument, or None).
pub fn stop_iteration_value(e: &PyErr) -> Ref {
    exception(e.value())
        .and_then(|x| x.args.get())
        .and_then(|a| items(&a).first().cloned())
        .unwrap_or_else(none)
}

/// `GET_YIELD_FROM_ITER`.
pub fn yield_from_iter(v: Ref) -> PyResult {
    if crate::objects::generator::as_generator(&v).is_some() {
        return Ok(v);
    }
    protocol::iter(&v)
}

/// Whether exception `e` matches a class or tuple of classes
/// (`CHECK_EXC_MATCH`).
pub fn exception_matches(e: &PyObject, ty: &PyObject) -> PyResult<bool> {
    let check = |t: &PyObject| -> PyResult<bool> {
        match as_type(t) {
            Some(tt) if tt.is_subtype(&exc::BASE_EXCEPTION) => Ok(e.is_instance_of(tt)),
            _ => Err(type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    };
    if crate::objects::tuple::is_tuple(ty) {
        let mut any = false;
        for t in items(ty) {
            any |= check(t)?;
        }
        return Ok(any);
    }
    check(ty)
}

/// Make an exception instance from what `raise` was given: a class is
/// instantiated, an instance is used as is.
pub fn make_exception(v: &PyObject) -> PyResult {
    if let Some(t) = as_type(v) {
        if t.is_subtype(&exc::BASE_EXCEPTION) {
            let inst = protocol::call(v, &[], None)?;
            if !inst.is_instance_of(&exc::BASE_EXCEPTION) {
                return Err(type_error(format!(
                    "calling {} should have returned an instance of BaseException, not {}",
                    protocol::repr_string(v)?,
                    inst.ty().name()
                )));
            }
            return Ok(inst);
        }
    }
    if v.is_instance_of(&exc::BASE_EXCEPTION) {
        return Ok(v.to_ref());
    }
    Err(type_error("exceptions must derive from BaseException"))
}

/// `RAISE_VARARGS n`: the exception to raise (as `Ok`), or an error made
/// while preparing it.
pub fn raise(frame: &mut Frame, n: usize) -> PyResult<PyErr> {
    match n {
        0 => match super::exc_info::current() {
            Some(e) => {
                frame.reraise = true;
                Ok(PyErr::from_instance(e))
            }
            None => Err(crate::objects::err::runtime_error(
                "No active exception to reraise",
            )),
        },
        1 => {
            let v = frame.pop().expect("raise operand");
            let e = make_exception(&v)?;
            set_context(&e);
            Ok(PyErr::from_instance(e))
        }
        _ => {
            let cause = frame.pop().expect("raise cause");
            let v = frame.pop().expect("raise operand");
            let e = make_exception(&v)?;
            let cause =
                if cause.is(none_ref()) {
                    None
                } else if as_type(&cause).is_some() || cause.is_instance_of(&exc::BASE_EXCEPTION) {
                    Some(make_exception(&cause).map_err(|_| {
                        type_error("exception causes must derive from BaseException")
                    })?)
                } else {
                    return Err(type_error(
                        "exception causes must derive from BaseException",
                    ));
                };
            let x = exception(&e).expect("exception");
            x.cause.set(cause);
            x.suppress_context.set(true);
            set_context(&e);
            Ok(PyErr::from_instance(e))
        }
    }
}

/// Chain a newly raised exception to the one being handled
/// (`__context__`), avoiding cycles as CPython does.
pub fn set_context(e: &PyObject) {
    let Some(handled) = super::exc_info::current() else {
        return;
    };
    if handled.is(e) {
        return;
    }
    // Break a cycle: if `e` is in the context chain of `handled`, cut it.
    let mut o = handled.clone();
    while let Some(x) = exception(&o) {
        let Some(next) = x.context.get() else { break };
        if next.is(e) {
            x.context.set(None);
            break;
        }
        o = next;
    }
    if let Some(x) = exception(e) {
        x.context.set(Some(handled));
    }
}

/// Add this frame's traceback entry to a propagating exception, and chain
/// a freshly made one to the exception being handled.
pub fn add_traceback(frame: &Frame, err: PyErr) -> PyErr {
    let e = err.value();
    if let Some(x) = exception(e) {
        let old = x.traceback.get();
        if old.is_none() {
            set_context(e);
        }
        let line = frame.code().line_of(frame.lasti);
        let tb = crate::objects::traceback::new_traceback(
            old,
            frame.code_ref.clone(),
            frame.lasti,
            line,
        );
        if let Some(t) = crate::objects::traceback::as_traceback(&tb) {
            t.frame
                .set(Some(crate::objects::frameobj::get_or_create(frame)));
        }
        x.traceback.set(Some(tb));
    }
    err
}

/// `WITH_EXCEPT_START`: `exit(type(e), e, e.__traceback__)`.
pub fn with_except_start(exit: &PyObject, e: &PyObject) -> PyResult {
    let tb = exception(e)
        .and_then(|x| x.traceback.get())
        .unwrap_or_else(none);
    protocol::call(exit, &[e.ty().to_ref(), e.to_ref(), tb], None)
}

/// `BEFORE_WITH`: `(bound __exit__, __enter__())`.
pub fn before_with(mgr: &PyObject) -> PyResult<(Ref, Ref)> {
    let ty = mgr.ty();
    let (Some(enter), Some(exit)) = (
        ty.lookup(crate::objects::names::name!("__enter__")),
        ty.lookup(crate::objects::names::name!("__exit__")),
    ) else {
        let missing = if ty
            .lookup(crate::objects::names::name!("__enter__"))
            .is_none()
        {
            ""
        } else {
            " (missed __exit__ method)"
        };
        return Err(type_error(format!(
            "'{}' object does not support the context manager protocol{}",
            ty.name(),
            missing
        )));
    };
    let bind = |f: Ref| -> PyResult {
        match f.ty().slots.descr_get.get() {
            Some(get) => get(&f, Some(mgr), ty.as_object()),
            None => Ok(f),
        }
    };
    let exit = bind(exit)?;
    let entered = protocol::call_method_obj(&enter, mgr, &[])?;
    Ok((exit, entered))
}

/// `LOAD_BUILD_CLASS`.
pub fn load_build_class(frame: &Frame) -> PyResult {
    crate::objects::dict::get_item_str(&frame.builtins, "__build_class__")
        .ok_or_else(|| name_error("__build_class__ not found"))
}

/// `SETUP_ANNOTATIONS`.
pub fn setup_annotations(frame: &Frame) -> PyResult<()> {
    let target = frame.locals.as_ref().unwrap_or(&frame.globals);
    let key = crate::objects::str::intern("__annotations__");
    if mapping_get(target, &key)?.is_none() {
        dict_set(target, key, new_dict())?;
    }
    Ok(())
}

/// `PRINT_EXPR` (interactive mode): print `repr(v)` unless None, bind `_`.
pub fn print_expr(v: &PyObject) -> PyResult<()> {
    if v.is(none_ref()) {
        return Ok(());
    }
    let r = protocol::repr_string(v)?;
    crate::modules::sys::write_stdout(&format!("{r}\n"))?;
    if let Some(b) = super::builtins_dict() {
        crate::objects::dict::set_item_str(&b, "_", v.to_ref());
    }
    Ok(())
}

/// The value of a small int or a float as f64 (math helpers).
pub fn as_f64(v: &PyObject) -> Option<f64> {
    as_float(v).or_else(|| small_value(v).map(|i| i as f64))
}
