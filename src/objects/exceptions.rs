//! The exception hierarchy (BaseException down to the common leaves) and the
//! exception object: `args`, `__cause__`, `__context__`,
//! `__suppress_context__`, `__traceback__`, plus the one extra field some
//! leaves have (`StopIteration.value`, `SystemExit.code`, `KeyError`'s str).

use std::cell::Cell;
use std::ptr::NonNull;

use pyrite_gc::Visitor;

use super::err::{type_error, PyResult};
use super::heap;
use super::object::{PyObject, PyPayload, Ref, RefCellSlot};
use super::str::{as_str, new_str};
use super::str_codecs::{unicode_error_str, UNICODE_ERROR_GETSETS};
use super::tuple::{items, new_tuple};
use super::typeobj::{GetSetDef, KwNames, MethodDef, MethodKind, Slots, TypeFlags, TypeObject};

/// An exception instance.
#[repr(C)]
pub struct ExceptionObject {
    ob: PyObject,
    /// `args` (a tuple).
    pub args: RefCellSlot,
    /// `__traceback__`.
    pub traceback: RefCellSlot,
    /// `__cause__`.
    pub cause: RefCellSlot,
    /// `__context__`.
    pub context: RefCellSlot,
    /// `__suppress_context__`.
    pub suppress_context: Cell<bool>,
    /// What the traceback printer needs for "Did you mean: ...?": for a
    /// NameError a tuple `(varnames, globals, builtins)`, for an
    /// AttributeError the object.
    pub suggestion_context: RefCellSlot,
    /// Fields of a subclass, as a tuple: OSError's
    /// `(errno, strerror, filename, filename2)`; empty for the others.
    pub extra: RefCellSlot,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, starts with the header; every exception
// type's instances are laid out as `ExceptionObject`.
unsafe impl PyPayload for ExceptionObject {
    fn static_type() -> &'static TypeObject {
        &BASE_EXCEPTION
    }
}

unsafe fn exc_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; the payload is an ExceptionObject (PAYLOAD-1).
    unsafe { std::ptr::drop_in_place(obj.cast::<ExceptionObject>().as_ptr()) }
}

fn exc_sizeof(_: &PyObject) -> usize {
    std::mem::size_of::<ExceptionObject>()
}

fn payload(obj: &PyObject) -> &ExceptionObject {
    obj.downcast::<ExceptionObject>()
        .expect("exception payload")
}

fn exc_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    let e = payload(obj);
    for slot in [
        &e.args,
        &e.traceback,
        &e.cause,
        &e.context,
        &e.suggestion_context,
        &e.extra,
    ] {
        if let Some(p) = slot.peek() {
            v.visit(p);
        }
    }
}

fn exc_clear(obj: &PyObject) {
    let e = payload(obj);
    for slot in [
        &e.args,
        &e.traceback,
        &e.cause,
        &e.context,
        &e.suggestion_context,
        &e.extra,
    ] {
        slot.set(None);
    }
}

/// Make an exception instance of type `ty` with `args`, without calling a
/// Python `__init__` (the runtime's own raises).
pub fn new_exception(ty: &TypeObject, args: Vec<Ref>) -> Ref {
    let obj = heap::alloc_object(ty, exc_sizeof_for(ty));
    let e = ExceptionObject {
        ob: PyObject::new(ty),
        args: RefCellSlot::new(Some(new_tuple(args))),
        traceback: RefCellSlot::empty(),
        cause: RefCellSlot::empty(),
        context: RefCellSlot::empty(),
        suppress_context: Cell::new(false),
        suggestion_context: RefCellSlot::empty(),
        extra: RefCellSlot::empty(),
    };
    // SAFETY: `alloc_object` returned room for an ExceptionObject.
    unsafe { obj.cast::<ExceptionObject>().as_ptr().write(e) };
    // SAFETY: a new object: we own its one reference.
    let r = unsafe { Ref::from_raw(obj) };
    heap::track(&r);
    r
}

fn exc_sizeof_for(ty: &TypeObject) -> usize {
    ty.basicsize
}

fn exc_new(ty: &TypeObject, args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let n = args.len() - kw.map_or(0, |k| items(k).len());
    Ok(new_exception(ty, args[..n].to_vec()))
}

fn exc_init(obj: &PyObject, args: &[Ref], kw: KwNames<'_>) -> PyResult<()> {
    if let Some(k) = kw {
        if !items(k).is_empty() && obj.ty().slots.init.get().is_some() {
            return Err(type_error(format!(
                "{}() takes no keyword arguments",
                obj.ty().name()
            )));
        }
    }
    payload(obj).args.set(Some(new_tuple(args.to_vec())));
    Ok(())
}

/// `str(exc)`: '' for no args, str(arg) for one, str(args) for more.
fn exc_str(obj: &PyObject) -> PyResult {
    let args = payload(obj).args.get().unwrap_or_else(|| new_tuple(vec![]));
    let a = items(&args);
    match a.len() {
        0 => Ok(new_str("")),
        1 => super::protocol::str_of(&a[0]),
        _ => super::protocol::str_of(&args),
    }
}

fn key_error_str(obj: &PyObject) -> PyResult {
    let args = payload(obj).args.get().unwrap_or_else(|| new_tuple(vec![]));
    let a = items(&args);
    if a.len() == 1 {
        super::protocol::repr(&a[0])
    } else {
        exc_str(obj)
    }
}

fn exc_repr(obj: &PyObject) -> PyResult {
    let args = payload(obj).args.get().unwrap_or_else(|| new_tuple(vec![]));
    let a = items(&args);
    let name = obj.ty().name().to_string();
    let inner = if a.len() == 1 {
        let r = super::protocol::repr(&a[0])?;
        as_str(&r).unwrap_or("").to_string()
    } else if a.is_empty() {
        String::new()
    } else {
        let r = super::protocol::repr(&args)?;
        let s = as_str(&r).unwrap_or("()");
        s[1..s.len() - 1].to_string()
    };
    Ok(new_str(&format!("{name}({inner})")))
}

fn get_args(obj: &PyObject) -> PyResult {
    Ok(payload(obj).args.get().unwrap_or_else(|| new_tuple(vec![])))
}

fn set_args(obj: &PyObject, v: Option<Ref>) -> PyResult<()> {
    let v = v.ok_or_else(|| type_error("args may not be deleted"))?;
    let t = super::protocol::to_tuple(&v)?;
    payload(obj).args.set(Some(t));
    Ok(())
}

fn none_or(slot: &RefCellSlot) -> Ref {
    slot.get().unwrap_or_else(super::none::none)
}

fn get_traceback(obj: &PyObject) -> PyResult {
    Ok(none_or(&payload(obj).traceback))
}

fn set_traceback(obj: &PyObject, v: Option<Ref>) -> PyResult<()> {
    let v = v.filter(|v| !v.is(super::none::none_ref()));
    payload(obj).traceback.set(v);
    Ok(())
}

fn get_cause(obj: &PyObject) -> PyResult {
    Ok(none_or(&payload(obj).cause))
}

fn set_cause(obj: &PyObject, v: Option<Ref>) -> PyResult<()> {
    let v = v.filter(|v| !v.is(super::none::none_ref()));
    if let Some(c) = &v {
        if !c.is_instance_of(&BASE_EXCEPTION) {
            return Err(type_error(
                "exception cause must be None or derive from BaseException",
            ));
        }
    }
    let e = payload(obj);
    e.cause.set(v);
    e.suppress_context.set(true);
    Ok(())
}

fn get_context(obj: &PyObject) -> PyResult {
    Ok(none_or(&payload(obj).context))
}

fn set_context(obj: &PyObject, v: Option<Ref>) -> PyResult<()> {
    let v = v.filter(|v| !v.is(super::none::none_ref()));
    payload(obj).context.set(v);
    Ok(())
}

fn get_suppress(obj: &PyObject) -> PyResult {
    Ok(super::bool::new_bool(payload(obj).suppress_context.get()))
}

fn set_suppress(obj: &PyObject, v: Option<Ref>) -> PyResult<()> {
    let v = v.ok_or_else(|| type_error("can't delete __suppress_context__"))?;
    payload(obj)
        .suppress_context
        .set(super::protocol::is_true(&v)?);
    Ok(())
}

/// The first argument, or None (`StopIteration.value`, `SystemExit.code`).
/// `SystemExit.code`: None, the one argument, or the args tuple.
fn get_code(obj: &PyObject) -> PyResult {
    let args = get_args(obj)?;
    Ok(match items(&args).len() {
        0 => super::none::none(),
        1 => items(&args)[0].clone(),
        _ => args,
    })
}

fn get_first_arg(obj: &PyObject) -> PyResult {
    let args = get_args(obj)?;
    Ok(items(&args)
        .first()
        .cloned()
        .unwrap_or_else(super::none::none))
}

fn with_traceback(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    if args.len() != 2 {
        return Err(type_error("with_traceback() takes exactly one argument"));
    }
    set_traceback(&args[0], Some(args[1].clone()))?;
    Ok(args[0].clone())
}

fn add_note(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    if args.len() != 2 {
        return Err(type_error("add_note() takes exactly one argument"));
    }
    Ok(super::none::none())
}

static EXC_METHODS: [MethodDef; 2] = [
    MethodDef {
        name: "with_traceback",
        func: with_traceback,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "add_note",
        func: add_note,
        kind: MethodKind::Instance,
    },
];

static EXC_GETSETS: [GetSetDef; 6] = [
    GetSetDef {
        name: "__dict__",
        get: |o| super::attr::instance_dict(o).ok_or_else(|| type_error("no __dict__")),
        set: Some(|o, v| {
            let v = v.ok_or_else(|| type_error("__dict__ may not be deleted"))?;
            if super::dict::as_dict(&v).is_none() {
                return Err(type_error("__dict__ must be a dictionary"));
            }
            super::attr::set_instance_dict(o, v);
            Ok(())
        }),
    },
    GetSetDef {
        name: "args",
        get: get_args,
        set: Some(set_args),
    },
    GetSetDef {
        name: "__traceback__",
        get: get_traceback,
        set: Some(set_traceback),
    },
    GetSetDef {
        name: "__cause__",
        get: get_cause,
        set: Some(set_cause),
    },
    GetSetDef {
        name: "__context__",
        get: get_context,
        set: Some(set_context),
    },
    GetSetDef {
        name: "__suppress_context__",
        get: get_suppress,
        set: Some(set_suppress),
    },
];

static VALUE_GETSETS: [GetSetDef; 1] = [GetSetDef {
    name: "value",
    get: get_first_arg,
    set: None,
}];
static CODE_GETSETS: [GetSetDef; 1] = [GetSetDef {
    name: "code",
    get: get_code,
    set: None,
}];

const EXC_FLAGS: TypeFlags = TypeFlags(
    TypeFlags::HAS_GC.0
        | TypeFlags::BASETYPE.0
        | TypeFlags::MANAGED_DICT.0
        | TypeFlags::EXC_SUBCLASS.0,
);

const fn exc_slots(str_fn: fn(&PyObject) -> PyResult) -> Slots {
    Slots {
        drop: exc_drop,
        sizeof: exc_sizeof,
        traverse: Some(exc_traverse),
        clear: Some(exc_clear),
        repr: Cell::new(exc_repr),
        str: Cell::new(Some(str_fn)),
        new: Cell::new(Some(exc_new)),
        init: Cell::new(Some(exc_init)),
        ..Slots::empty()
    }
}

macro_rules! exception_types {
    ($( $stat:ident = $name:literal : $base:ident $(, getsets $gs:ident)? $(, str $strf:ident)?; )*) => {
        $(
            #[doc = concat!("`", $name, "`.")]
            pub static $stat: TypeObject = TypeObject::new_static(
                $name,
                std::mem::size_of::<ExceptionObject>(),
                exception_types!(@base $base),
                EXC_FLAGS,
                exc_slots(exception_types!(@str $($strf)?)),
                exception_types!(@methods $base),
                exception_types!(@getsets $base $(, $gs)?),
            );
        )*

        /// Every exception type, in definition order (bases first), for
        /// start-up and the builtins module.
        pub fn all_types() -> &'static [&'static TypeObject] {
            static ALL: &[&TypeObject] = &[$(&$stat,)*];
            ALL
        }
    };
    (@base ROOT) => { Some(&super::baseobject::OBJECT_TYPE) };
    (@base $b:ident) => { Some(&$b) };
    (@str) => { exc_str };
    (@str $f:ident) => { $f };
    (@methods ROOT) => { &EXC_METHODS };
    (@methods $b:ident) => { &[] };
    (@getsets ROOT) => { &EXC_GETSETS };
    (@getsets $b:ident) => { &[] };
    (@getsets $b:ident, $gs:ident) => { &$gs };
}

exception_types! {
    BASE_EXCEPTION = "BaseException": ROOT;
    SYSTEM_EXIT = "SystemExit": BASE_EXCEPTION, getsets CODE_GETSETS;
    KEYBOARD_INTERRUPT = "KeyboardInterrupt": BASE_EXCEPTION;
    GENERATOR_EXIT = "GeneratorExit": BASE_EXCEPTION;
    EXCEPTION = "Exception": BASE_EXCEPTION;
    STOP_ITERATION = "StopIteration": EXCEPTION, getsets VALUE_GETSETS;
    STOP_ASYNC_ITERATION = "StopAsyncIteration": EXCEPTION;
    ARITHMETIC_ERROR = "ArithmeticError": EXCEPTION;
    FLOATING_POINT_ERROR = "FloatingPointError": ARITHMETIC_ERROR;
    OVERFLOW_ERROR = "OverflowError": ARITHMETIC_ERROR;
    ZERO_DIVISION_ERROR = "ZeroDivisionError": ARITHMETIC_ERROR;
    ASSERTION_ERROR = "AssertionError": EXCEPTION;
    ATTRIBUTE_ERROR = "AttributeError": EXCEPTION;
    BUFFER_ERROR = "BufferError": EXCEPTION;
    EOF_ERROR = "EOFError": EXCEPTION;
    IMPORT_ERROR = "ImportError": EXCEPTION, getsets IMPORT_ERROR_GETSETS, str import_error_str;
    MODULE_NOT_FOUND_ERROR = "ModuleNotFoundError": IMPORT_ERROR, str import_error_str;
    LOOKUP_ERROR = "LookupError": EXCEPTION;
    INDEX_ERROR = "IndexError": LOOKUP_ERROR;
    KEY_ERROR = "KeyError": LOOKUP_ERROR, str key_error_str;
    MEMORY_ERROR = "MemoryError": EXCEPTION;
    NAME_ERROR = "NameError": EXCEPTION;
    UNBOUND_LOCAL_ERROR = "UnboundLocalError": NAME_ERROR;
    OS_ERROR = "OSError": EXCEPTION, getsets OS_ERROR_GETSETS, str os_error_str;
    FILE_NOT_FOUND_ERROR = "FileNotFoundError": OS_ERROR, str os_error_str;
    FILE_EXISTS_ERROR = "FileExistsError": OS_ERROR, str os_error_str;
    PERMISSION_ERROR = "PermissionError": OS_ERROR, str os_error_str;
    IS_A_DIRECTORY_ERROR = "IsADirectoryError": OS_ERROR, str os_error_str;
    NOT_A_DIRECTORY_ERROR = "NotADirectoryError": OS_ERROR, str os_error_str;
    TIMEOUT_ERROR = "TimeoutError": OS_ERROR, str os_error_str;
    BLOCKING_IO_ERROR = "BlockingIOError": OS_ERROR, str os_error_str;
    CHILD_PROCESS_ERROR = "ChildProcessError": OS_ERROR, str os_error_str;
    CONNECTION_ERROR = "ConnectionError": OS_ERROR, str os_error_str;
    BROKEN_PIPE_ERROR = "BrokenPipeError": CONNECTION_ERROR, str os_error_str;
    CONNECTION_ABORTED_ERROR = "ConnectionAbortedError": CONNECTION_ERROR, str os_error_str;
    CONNECTION_REFUSED_ERROR = "ConnectionRefusedError": CONNECTION_ERROR, str os_error_str;
    CONNECTION_RESET_ERROR = "ConnectionResetError": CONNECTION_ERROR, str os_error_str;
    INTERRUPTED_ERROR = "InterruptedError": OS_ERROR, str os_error_str;
    PROCESS_LOOKUP_ERROR = "ProcessLookupError": OS_ERROR, str os_error_str;
    REFERENCE_ERROR = "ReferenceError": EXCEPTION;
    RUNTIME_ERROR = "RuntimeError": EXCEPTION;
    NOT_IMPLEMENTED_ERROR = "NotImplementedError": RUNTIME_ERROR;
    RECURSION_ERROR = "RecursionError": RUNTIME_ERROR;
    SYNTAX_ERROR = "SyntaxError": EXCEPTION, getsets SYNTAX_ERROR_GETSETS, str syntax_error_str;
    INDENTATION_ERROR = "IndentationError": SYNTAX_ERROR, str syntax_error_str;
    TAB_ERROR = "TabError": INDENTATION_ERROR, str syntax_error_str;
    SYSTEM_ERROR = "SystemError": EXCEPTION;
    TYPE_ERROR = "TypeError": EXCEPTION;
    VALUE_ERROR = "ValueError": EXCEPTION;
    UNICODE_ERROR = "UnicodeError": VALUE_ERROR;
    UNICODE_DECODE_ERROR = "UnicodeDecodeError": UNICODE_ERROR, getsets UNICODE_ERROR_GETSETS, str unicode_error_str;
    UNICODE_ENCODE_ERROR = "UnicodeEncodeError": UNICODE_ERROR, getsets UNICODE_ERROR_GETSETS, str unicode_error_str;
    WARNING = "Warning": EXCEPTION;
    USER_WARNING = "UserWarning": WARNING;
    DEPRECATION_WARNING = "DeprecationWarning": WARNING;
    RUNTIME_WARNING = "RuntimeWarning": WARNING;
    SYNTAX_WARNING = "SyntaxWarning": WARNING;
    PENDING_DEPRECATION_WARNING = "PendingDeprecationWarning": WARNING;
    FUTURE_WARNING = "FutureWarning": WARNING;
    IMPORT_WARNING = "ImportWarning": WARNING;
    UNICODE_WARNING = "UnicodeWarning": WARNING;
    BYTES_WARNING = "BytesWarning": WARNING;
    RESOURCE_WARNING = "ResourceWarning": WARNING;
    ENCODING_WARNING = "EncodingWarning": WARNING;
}

// ---- fields of OSError and SyntaxError ---------------------------------
//
// CPython keeps these in C fields; pyrite keeps them in the exception's
// `extra` tuple, one slot per name of the type's field list, None until
// set.

const OS_FIELDS: [&str; 4] = ["errno", "strerror", "filename", "filename2"];

const SYNTAX_FIELDS: [&str; 8] = [
    "msg",
    "filename",
    "lineno",
    "offset",
    "text",
    "end_lineno",
    "end_offset",
    "print_file_and_line",
];

fn field_in(obj: &PyObject, fields: &[&str], name: &str) -> Ref {
    let i = fields.iter().position(|n| *n == name).unwrap_or(0);
    payload(obj)
        .extra
        .get()
        .filter(|t| items(t).len() == fields.len())
        .and_then(|t| items(&t).get(i).cloned())
        .unwrap_or_else(super::none::none)
}

fn set_field_in(obj: &PyObject, fields: &[&str], name: &str, v: Option<Ref>) -> PyResult<()> {
    let i = fields.iter().position(|n| *n == name).unwrap_or(0);
    let e = payload(obj);
    let mut values: Vec<Ref> = match e.extra.get() {
        Some(t) if items(&t).len() == fields.len() => items(&t).to_vec(),
        _ => vec![super::none::none(); fields.len()],
    };
    values[i] = v.unwrap_or_else(super::none::none);
    e.extra.set(Some(new_tuple(values)));
    Ok(())
}

fn os_field(obj: &PyObject, name: &str) -> Ref {
    field_in(obj, &OS_FIELDS, name)
}

fn set_os_field(obj: &PyObject, name: &str, v: Option<Ref>) -> PyResult<()> {
    set_field_in(obj, &OS_FIELDS, name, v)
}

macro_rules! syntax_getset {
    ($name:literal) => {
        GetSetDef {
            name: $name,
            get: |o| Ok(field_in(o, &SYNTAX_FIELDS, $name)),
            set: Some(|o, v| set_field_in(o, &SYNTAX_FIELDS, $name, v)),
        }
    };
}

static SYNTAX_ERROR_GETSETS: [GetSetDef; 8] = [
    syntax_getset!("msg"),
    syntax_getset!("filename"),
    syntax_getset!("lineno"),
    syntax_getset!("offset"),
    syntax_getset!("text"),
    syntax_getset!("end_lineno"),
    syntax_getset!("end_offset"),
    syntax_getset!("print_file_and_line"),
];

const IMPORT_FIELDS: [&str; 3] = ["msg", "name", "path"];

macro_rules! import_getset {
    ($name:literal) => {
        GetSetDef {
            name: $name,
            get: |o| Ok(field_in(o, &IMPORT_FIELDS, $name)),
            set: Some(|o, v| set_field_in(o, &IMPORT_FIELDS, $name, v)),
        }
    };
}

static IMPORT_ERROR_GETSETS: [GetSetDef; 3] = [
    import_getset!("msg"),
    import_getset!("name"),
    import_getset!("path"),
];

/// `ImportError.__init__(*args, name=None, path=None)`: `msg` is the one
/// positional argument, if there is exactly one.
fn import_error_init(obj: &PyObject, args: &[Ref], kw: KwNames<'_>) -> PyResult<()> {
    let kwn: &[Ref] = kw.map(items).unwrap_or(&[]);
    let npos = args.len() - kwn.len();
    for (k, v) in kwn.iter().zip(&args[npos..]) {
        match as_str(k) {
            Some(n @ ("name" | "path")) => set_field_in(obj, &IMPORT_FIELDS, n, Some(v.clone()))?,
            _ => {
                return Err(type_error(format!(
                    "'{}' is an invalid keyword argument for {}()",
                    as_str(k).unwrap_or("?"),
                    obj.ty().name()
                )))
            }
        }
    }
    exc_init(obj, &args[..npos], None)?;
    let msg = if npos == 1 {
        Some(args[0].clone())
    } else {
        None
    };
    set_field_in(obj, &IMPORT_FIELDS, "msg", msg)
}

/// A raised ImportError (or subclass `ty`) with `msg`, `name` and `path`
/// set as CPython's import machinery sets them.
pub fn new_import_error(
    ty: &TypeObject,
    msg: &str,
    name: Option<Ref>,
    path: Option<Ref>,
) -> super::err::PyErr {
    let m = new_str(msg);
    let e = new_exception(ty, vec![m.clone()]);
    let _ = set_field_in(&e, &IMPORT_FIELDS, "msg", Some(m));
    let _ = set_field_in(&e, &IMPORT_FIELDS, "name", name);
    let _ = set_field_in(&e, &IMPORT_FIELDS, "path", path);
    super::err::PyErr::from_instance(e)
}

/// `str(importerror)`: `msg` when it is a str, else as other exceptions.
fn import_error_str(obj: &PyObject) -> PyResult {
    let msg = field_in(obj, &IMPORT_FIELDS, "msg");
    if super::str::is_exact_str(&msg) {
        return Ok(msg);
    }
    exc_str(obj)
}

/// `SyntaxError.__init__(msg, (filename, lineno, offset, text[,
/// end_lineno, end_offset]))`.
fn syntax_error_init(obj: &PyObject, args: &[Ref], kw: KwNames<'_>) -> PyResult<()> {
    exc_init(obj, args, kw)?;
    let n = args.len() - kw.map_or(0, |k| items(k).len());
    if n >= 1 {
        set_field_in(obj, &SYNTAX_FIELDS, "msg", Some(args[0].clone()))?;
    }
    if n == 2 {
        let info = super::protocol::to_vec(&args[1])?;
        let k = info.len();
        if k < 4 {
            return Err(type_error(format!(
                "function takes at least 4 arguments ({k} given)"
            )));
        }
        if k > 6 {
            return Err(type_error(format!(
                "function takes at most 6 arguments ({k} given)"
            )));
        }
        for (name, v) in SYNTAX_FIELDS[1..].iter().zip(info) {
            set_field_in(obj, &SYNTAX_FIELDS, name, Some(v))?;
        }
    }
    Ok(())
}

/// `str(syntaxerror)`: `msg (file.py, line N)` with the file's base name.
fn syntax_error_str(obj: &PyObject) -> PyResult {
    let msg = super::protocol::to_string(&field_in(obj, &SYNTAX_FIELDS, "msg"))?;
    let filename = field_in(obj, &SYNTAX_FIELDS, "filename");
    let lineno = field_in(obj, &SYNTAX_FIELDS, "lineno");
    let base = as_str(&filename).map(|f| f.rsplit('/').next().unwrap_or(f).to_string());
    let line = super::int::small_value(&lineno);
    Ok(new_str(&match (base, line) {
        (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(l)) => format!("{msg} (line {l})"),
        (None, None) => msg,
    }))
}

macro_rules! os_getset {
    ($name:literal) => {
        GetSetDef {
            name: $name,
            get: |o| Ok(os_field(o, $name)),
            set: Some(|o, v| set_os_field(o, $name, v)),
        }
    };
}

static OS_ERROR_GETSETS: [GetSetDef; 4] = [
    os_getset!("errno"),
    os_getset!("strerror"),
    os_getset!("filename"),
    os_getset!("filename2"),
];

/// The OSError subclass CPython picks for `errno` (PEP 3151), if any.
pub fn os_error_subclass(errno: i64) -> Option<&'static TypeObject> {
    Some(match errno {
        1 | 13 => &PERMISSION_ERROR,
        2 => &FILE_NOT_FOUND_ERROR,
        3 => &PROCESS_LOOKUP_ERROR,
        4 => &INTERRUPTED_ERROR,
        10 => &CHILD_PROCESS_ERROR,
        11 | 114 | 115 => &BLOCKING_IO_ERROR,
        17 => &FILE_EXISTS_ERROR,
        20 => &NOT_A_DIRECTORY_ERROR,
        21 => &IS_A_DIRECTORY_ERROR,
        32 | 108 => &BROKEN_PIPE_ERROR,
        110 => &TIMEOUT_ERROR,
        _ => return None,
    })
}

/// `OSError.__new__`: `OSError(errno, strerror, ...)` makes the subclass
/// for `errno` when called on OSError itself.
fn os_error_new(ty: &TypeObject, args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let n = args.len() - kw.map_or(0, |k| items(k).len());
    let mut ty = ty;
    if std::ptr::eq(ty, &OS_ERROR) && (2..=5).contains(&n) {
        if let Some(sub) = super::int::small_value(&args[0]).and_then(os_error_subclass) {
            ty = sub;
        }
    }
    exc_new(ty, args, kw)
}

/// `OSError.__init__`: two to five arguments set errno, strerror,
/// filename (and filename2); `args` keeps only the first two then.
fn os_error_init(obj: &PyObject, args: &[Ref], kw: KwNames<'_>) -> PyResult<()> {
    exc_init(obj, args, kw)?;
    let n = args.len() - kw.map_or(0, |k| items(k).len());
    if (2..=5).contains(&n) {
        let a = &args[..n];
        set_os_field(obj, "errno", Some(a[0].clone()))?;
        set_os_field(obj, "strerror", Some(a[1].clone()))?;
        if n >= 3 {
            set_os_field(obj, "filename", Some(a[2].clone()))?;
            if n == 5 {
                set_os_field(obj, "filename2", Some(a[4].clone()))?;
            }
            payload(obj).args.set(Some(new_tuple(a[..2].to_vec())));
        }
    }
    Ok(())
}

/// `str(oserror)`: `[Errno N] strerror: 'filename'` when the fields are
/// set, else as other exceptions.
fn os_error_str(obj: &PyObject) -> PyResult {
    let none = super::none::none_ref();
    let [errno, strerror, filename, filename2] = OS_FIELDS.map(|n| os_field(obj, n));
    let s = |v: &Ref| super::protocol::to_string(v);
    let r = |v: &Ref| super::protocol::repr_string(v);
    if !filename.is(none) {
        let (e, m, f) = (s(&errno)?, s(&strerror)?, r(&filename)?);
        if !filename2.is(none) {
            return Ok(new_str(&format!(
                "[Errno {e}] {m}: {f} -> {}",
                r(&filename2)?
            )));
        }
        return Ok(new_str(&format!("[Errno {e}] {m}: {f}")));
    }
    if !errno.is(none) && !strerror.is(none) {
        return Ok(new_str(&format!(
            "[Errno {}] {}",
            s(&errno)?,
            s(&strerror)?
        )));
    }
    exc_str(obj)
}

/// Give OSError and its static subclasses their `__new__` / `__init__`,
/// and SyntaxError and its subclasses their `__init__` (called by
/// `registry::install_slots`, before the dunder wrappers are made).
pub fn install_os_error() {
    for ty in all_types() {
        if is_subclass_by_base(ty, &OS_ERROR) {
            ty.slots.new.set(Some(os_error_new));
            ty.slots.init.set(Some(os_error_init));
        }
        if is_subclass_by_base(ty, &SYNTAX_ERROR) {
            ty.slots.init.set(Some(syntax_error_init));
        }
        if is_subclass_by_base(ty, &IMPORT_ERROR) {
            ty.slots.init.set(Some(import_error_init));
        }
    }
}

fn is_subclass_by_base(ty: &TypeObject, of: &TypeObject) -> bool {
    let mut t = Some(ty);
    while let Some(b) = t {
        if std::ptr::eq(b, of) {
            return true;
        }
        t = b.base();
    }
    false
}

/// A raised OSError for `errno` (the PEP 3151 subclass when there is
/// one) with its fields set: `[Errno N] strerror: 'filename'`.
pub fn new_os_error(errno: i64, strerror: &str, filename: Option<Ref>) -> super::err::PyErr {
    let ty = os_error_subclass(errno).unwrap_or(&OS_ERROR);
    let e = new_exception(ty, vec![super::int::new_int(errno), new_str(strerror)]);
    let _ = set_os_field(&e, "errno", Some(super::int::new_int(errno)));
    let _ = set_os_field(&e, "strerror", Some(new_str(strerror)));
    if let Some(f) = filename {
        let _ = set_os_field(&e, "filename", Some(f));
    }
    super::err::PyErr::from_instance(e)
}

/// The OSError for a failed system call (`e`), naming `filename`.
pub fn os_error_from_io(e: &std::io::Error, filename: Option<Ref>) -> super::err::PyErr {
    match e.raw_os_error() {
        Some(errno) => {
            let text = e.to_string();
            let text = text.split(" (os error").next().unwrap_or(&text).to_string();
            new_os_error(errno as i64, &text, filename)
        }
        None => super::err::PyErr::new(&OS_ERROR, e.to_string()),
    }
}

/// The exception's payload, for the VM (traceback, chaining).
pub fn exception(obj: &PyObject) -> Option<&ExceptionObject> {
    obj.downcast::<ExceptionObject>()
}
