//! The memory functions of `sys`: `getsizeof`, `getrefcount`, `intern`,
//! `getallocatedblocks` and `_debugmallocstats`, with CPython 3.11's
//! argument handling and messages.
//!
//! `getsizeof` reports the object's real footprint in pyrite's heap:
//! `__sizeof__()` (the object itself, and for containers the buffers it
//! owns) plus everything `heap::alloc_object` put in front of it — the GC
//! header, the managed-dict slot, the weak-reference list slot (HEAP-2).
//! CPython adds only its GC header; the other two words are in its
//! `__sizeof__` (3.11 keeps them inside the instance).

use crate::objects::err::{type_error, value_error, PyErr, PyResult};
use crate::objects::exceptions as exc;
use crate::objects::heap;
use crate::objects::int::new_int;
use crate::objects::object::{PyObject, Ref};
use crate::objects::typeobj::{KwNames, TypeFlags};

/// Bytes `heap::alloc_object` put in front of `o` (none for static
/// objects, which are not in the heap).
pub fn pre_header_bytes(o: &PyObject) -> usize {
    let ty = o.ty();
    if ty.flags().contains(TypeFlags::TYPE_SUBCLASS)
        && crate::objects::typetype::as_type(o).is_some_and(|t| !t.is_heap())
    {
        return 0;
    }
    if o.refcount() >= crate::objects::object::IMMORTAL / 2 {
        return 0; // a static object (None, small ints, …)
    }
    heap::pre_header_size(ty)
}

/// CPython's `_PySys_GetSizeOf`.
fn size_of(o: &PyObject) -> PyResult<i64> {
    let Some(method) = o.ty().lookup_str("__sizeof__") else {
        return Err(type_error(format!(
            "Type {} doesn't define __sizeof__",
            o.ty().name()
        )));
    };
    let r = crate::objects::protocol::call_method_obj(&method, o, &[])?;
    let size = match crate::objects::int::as_int(&r) {
        None => return Err(type_error("an integer is required")),
        Some(_) => crate::objects::int::small_value(&r).ok_or_else(|| {
            PyErr::new(
                &exc::OVERFLOW_ERROR,
                "Python int too large to convert to C ssize_t",
            )
        })?,
    };
    if size < 0 {
        return Err(value_error("__sizeof__() should return >= 0"));
    }
    Ok(size + pre_header_bytes(o) as i64)
}

/// `sys.getsizeof(object[, default])`: a TypeError (only) gives `default`.
pub fn getsizeof(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = super::args::parse("getsizeof", args, kw, &["object", "default"], 1, 0)?;
    let o = a[0].as_ref().expect("required");
    match size_of(o) {
        Ok(n) => Ok(new_int(n)),
        Err(e) => match &a[1] {
            Some(d) if e.matches(&exc::TYPE_ERROR) => Ok(d.clone()),
            _ => Err(e),
        },
    }
}

/// `sys.getrefcount(object)`: the count includes the argument's own
/// reference, as CPython's does.
pub fn getrefcount(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = super::args::positional("sys.getrefcount", args, kw, 1, 1)?;
    Ok(new_int(a[0].refcount() as i64))
}

/// `sys.intern(string)`: exact str only.
pub fn intern(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = super::args::positional("sys.intern", args, kw, 1, 1)?;
    let s = &a[0];
    if !s.ty().flags().contains(TypeFlags::STR_SUBCLASS) {
        // Argument Clinic names None as `None`, other objects by type.
        let what = if s.is(crate::objects::none::none_ref()) {
            "None".to_string()
        } else {
            crate::objects::err::type_name(s)
        };
        return Err(type_error(format!(
            "intern() argument must be str, not {what}"
        )));
    }
    if !crate::objects::str::is_exact_str(s) {
        return Err(type_error(format!("can't intern {}", s.ty().name())));
    }
    Ok(crate::objects::str::intern_obj(s))
}

/// A `METH_NOARGS` function: "f() takes no arguments (1 given)".
fn no_args(fname: &str, args: &[Ref], kw: KwNames<'_>) -> PyResult<()> {
    super::args::no_kwargs(fname, kw)?;
    if !args.is_empty() {
        return Err(type_error(format!(
            "{fname}() takes no arguments ({} given)",
            args.len()
        )));
    }
    Ok(())
}

/// `sys.getallocatedblocks()`: blocks in use in the allocator.
pub fn getallocatedblocks(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("sys.getallocatedblocks", args, kw)?;
    Ok(new_int(heap::heap().allocated_blocks() as i64))
}

/// `sys.excepthook(type, value, traceback)`: print the exception and its
/// traceback on stderr, as for an uncaught one (weakref.finalize's exit
/// hook reports through it).
pub fn excepthook(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = super::args::positional("excepthook", args, kw, 3, 3)?;
    if !a[1].is_instance_of(&exc::BASE_EXCEPTION) {
        return Err(type_error(format!(
            "print_exception(): Exception expected for value, {} found",
            a[1].ty().name()
        )));
    }
    crate::vm::traceback::print_exception(&PyErr::from_instance(a[1].clone()));
    Ok(crate::objects::none::none())
}

/// CPython's `printone`: the label padded to 35 columns, `=`, and the
/// value with thousands separators right-aligned in 21 columns.
fn print_one(out: &mut String, label: &str, value: usize) {
    let digits = value.to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    out.push_str(&format!("{label:<35}={grouped:>21}\n"));
}

/// CPython's `_PyDebugAllocatorStats`: one free list's line.
fn free_list_line(out: &mut String, block_name: &str, num: usize, size: usize) {
    let what = format!("{num} {block_name}s * {size} bytes each");
    print_one(out, &format!("{what:>48} "), num * size);
}

/// The text `sys._debugmallocstats()` writes: the allocator's table, then
/// pyrite's free lists (dicts, floats, lists, ints, then tuples per length,
/// in CPython's `_PyObject_DebugTypeStats` order). The size of a dict, list
/// or tuple line is the whole block a free object keeps (DICT-7, LIST-2,
/// TUPLE-2: GC header included); CPython prints the object's size without
/// its GC header.
pub fn debugmallocstats_text() -> String {
    let mut out = heap::heap().stats().to_text();
    out.push('\n');
    let whole = |t: &crate::objects::typeobj::TypeObject| heap::pre_header_size(t) + t.basicsize;
    free_list_line(
        &mut out,
        "free PyDictObject",
        crate::objects::dict::FREE_LIST.get().len(),
        whole(&crate::objects::dict::DICT_TYPE),
    );
    free_list_line(
        &mut out,
        "free PyFloatObject",
        crate::objects::float::free_list_len(),
        crate::objects::float::FLOAT_TYPE.basicsize,
    );
    free_list_line(
        &mut out,
        "free PyListObject",
        crate::objects::list::FREE_LIST.get().len(),
        whole(&crate::objects::list::LIST_TYPE),
    );
    free_list_line(
        &mut out,
        "free PyLongObject",
        crate::objects::int::free_list_len(),
        crate::objects::int::INT_TYPE.basicsize,
    );
    let tuple = &crate::objects::tuple::TUPLE_TYPE;
    let pre = heap::pre_header_size(tuple);
    for (i, n) in crate::objects::tuple::free_list_lens().iter().enumerate() {
        let size = pre + tuple.basicsize + (i + 1) * std::mem::size_of::<Ref>();
        let name = format!("free {}-sized PyTupleObject", i + 1);
        free_list_line(&mut out, &name, *n, size);
    }
    out
}

/// `sys._debugmallocstats()`: the allocator's statistics on stderr.
pub fn debugmallocstats(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("sys._debugmallocstats", args, kw)?;
    super::sys::flush_stdout();
    eprint!("{}", debugmallocstats_text());
    Ok(crate::objects::none::none())
}
