//! The `sys` module: argv, path, modules, stdout / stderr streams (buffered
//! like CPython's: block-buffered to pipes and files), exit, the recursion
//! limit, refcounts and sizes.

use std::cell::{Cell, RefCell};
use std::io::Write;
use std::ptr::NonNull;

use crate::objects::dict::set_item_str;
use crate::objects::err::{type_error, PyErr, PyResult};
use crate::objects::exceptions as exc;
use crate::objects::heap;
use crate::objects::int::new_int;
use crate::objects::module::module_dict;
use crate::objects::object::{PyObject, PyPayload, Ref};
use crate::objects::str::{as_str, new_str};
use crate::objects::tuple::new_tuple;
use crate::objects::typeobj::{KwNames, MethodDef, MethodKind, Slots, TypeFlags, TypeObject};

thread_local! {
    static STDOUT: RefCell<std::io::BufWriter<std::io::Stdout>> =
        RefCell::new(std::io::BufWriter::with_capacity(8192, std::io::stdout()));
    static ARGV: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    static PATH0: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Set `sys.argv` and `sys.path[0]` before the module is made.
pub fn set_argv(argv: Vec<String>, path0: String) {
    ARGV.with(|a| *a.borrow_mut() = argv);
    PATH0.with(|p| *p.borrow_mut() = path0);
}

thread_local! {
    /// When set, stdout writes go here instead (in-process tests).
    static CAPTURE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Start capturing this thread's stdout (`true`), or stop and return what
/// was captured (`false`).
pub fn capture_stdout(on: bool) -> Option<String> {
    CAPTURE.with(|c| {
        let mut c = c.borrow_mut();
        if on {
            *c = Some(String::new());
            None
        } else {
            c.take()
        }
    })
}

/// Write to the process's stdout (buffered).
pub fn write_stdout(s: &str) -> PyResult<()> {
    let captured = CAPTURE.with(|c| match c.borrow_mut().as_mut() {
        Some(buf) => {
            buf.push_str(s);
            true
        }
        None => false,
    });
    if captured {
        return Ok(());
    }
    STDOUT
        .with(|o| o.borrow_mut().write_all(s.as_bytes()))
        .map_err(os_error)
}

/// Write to stderr (stdout is flushed first so the two stay in order).
pub fn write_stderr(s: &str) -> PyResult<()> {
    flush_stdout();
    let mut e = std::io::stderr();
    e.write_all(s.as_bytes()).map_err(os_error)
}

/// Flush stdout (at exit, before stderr writes, on `flush()`).
pub fn flush_stdout() {
    STDOUT.with(|o| {
        let _ = o.borrow_mut().flush();
    });
}

fn os_error(e: std::io::Error) -> PyErr {
    PyErr::new(&exc::OS_ERROR, e.to_string())
}

/// A text stream bound to file descriptor 1 or 2.
#[repr(C)]
pub struct StreamObject {
    ob: PyObject,
    fd: Cell<u8>,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first.
unsafe impl PyPayload for StreamObject {
    fn static_type() -> &'static TypeObject {
        &STREAM_TYPE
    }
}

fn new_stream(fd: u8) -> Ref {
    let obj = heap::alloc_object(&STREAM_TYPE, std::mem::size_of::<StreamObject>());
    // SAFETY: the block has room for a StreamObject.
    unsafe {
        obj.cast::<StreamObject>().as_ptr().write(StreamObject {
            ob: PyObject::new(&STREAM_TYPE),
            fd: Cell::new(fd),
        })
    };
    // SAFETY: new object, we own it.
    unsafe { Ref::from_raw(obj) }
}

/// Whether `obj` is the real stdout stream (print's fast path).
pub fn is_real_stream(obj: &PyObject, fd: u8) -> bool {
    obj.downcast_exact::<StreamObject>()
        .is_some_and(|s| s.fd.get() == fd)
}

fn stream_write(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    let s = args[0]
        .downcast_exact::<StreamObject>()
        .ok_or_else(|| type_error("write() needs a stream"))?;
    let text = args
        .get(1)
        .ok_or_else(|| type_error("write() takes exactly one argument (0 given)"))?;
    let t = as_str(text).ok_or_else(|| {
        type_error(format!(
            "write() argument must be str, not {}",
            text.ty().name()
        ))
    })?;
    match s.fd.get() {
        1 => write_stdout(t)?,
        _ => write_stderr(t)?,
    }
    Ok(new_int(t.chars().count() as i64))
}

fn stream_flush(_args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    flush_stdout();
    Ok(crate::objects::none::none())
}

fn stream_fileno(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    let s = args[0]
        .downcast_exact::<StreamObject>()
        .ok_or_else(|| type_error("fileno() needs a stream"))?;
    Ok(new_int(s.fd.get() as i64))
}

fn stream_isatty(_args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    Ok(crate::objects::bool::new_bool(false))
}

static STREAM_METHODS: [MethodDef; 4] = [
    MethodDef {
        name: "write",
        func: stream_write,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "flush",
        func: stream_flush,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "fileno",
        func: stream_fileno,
        kind: MethodKind::Instance,
    },
    MethodDef {
        name: "isatty",
        func: stream_isatty,
        kind: MethodKind::Instance,
    },
];

fn stream_repr(obj: &PyObject) -> PyResult {
    let s = obj.downcast_exact::<StreamObject>().expect("stream");
    let name = if s.fd.get() == 1 {
        "<stdout>"
    } else {
        "<stderr>"
    };
    Ok(new_str(&format!(
        "<_io.TextIOWrapper name='{name}' mode='w' encoding='utf-8'>"
    )))
}

unsafe fn stream_drop(_: NonNull<PyObject>) {}

/// `_io.TextIOWrapper` (only stdout and stderr so far).
pub static STREAM_TYPE: TypeObject = TypeObject::new_static(
    "TextIOWrapper",
    std::mem::size_of::<StreamObject>(),
    Some(&crate::objects::baseobject::OBJECT_TYPE),
    TypeFlags(0),
    Slots {
        drop: stream_drop,
        repr: Cell::new(stream_repr),
        ..Slots::empty()
    },
    &STREAM_METHODS,
    &[],
);

fn sys_exit(args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    let a: Vec<Ref> = args.iter().take(1).cloned().collect();
    Err(PyErr::with_args(&exc::SYSTEM_EXIT, a))
}

fn getrecursionlimit(_args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    Ok(new_int(crate::vm::recursion::limit() as i64))
}

fn setrecursionlimit(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = super::args::positional("setrecursionlimit", args, kw, 1, 1)?;
    let n = crate::objects::int::small_value(&a[0])
        .ok_or_else(|| type_error("'float' object cannot be interpreted as an integer"))?;
    if n < 1 {
        return Err(crate::objects::err::value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    crate::vm::recursion::set_limit(n as usize);
    Ok(crate::objects::none::none())
}

fn exc_info(_args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    let none = crate::objects::none::none;
    match crate::vm::exc_info::current() {
        Some(e) => {
            let tb = crate::objects::exceptions::exception(&e)
                .and_then(|x| x.traceback.get())
                .unwrap_or_else(none);
            Ok(new_tuple(vec![e.ty().to_ref(), e.clone(), tb]))
        }
        None => Ok(new_tuple(vec![none(), none(), none()])),
    }
}

fn exception(_args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    Ok(crate::vm::exc_info::current().unwrap_or_else(crate::objects::none::none))
}

fn getdefaultencoding(_args: &[Ref], _kw: KwNames<'_>) -> PyResult {
    Ok(new_str("utf-8"))
}

/// Make the `sys` module.
pub fn make_module() -> Ref {
    let m = super::new_native_module(
        "sys",
        &[
            ("exit", sys_exit),
            ("getrecursionlimit", getrecursionlimit),
            ("setrecursionlimit", setrecursionlimit),
            ("getrefcount", super::sys_memory::getrefcount),
            ("getsizeof", super::sys_memory::getsizeof),
            ("intern", super::sys_memory::intern),
            ("_debugmallocstats", super::sys_memory::debugmallocstats),
            ("exc_info", exc_info),
            ("exception", exception),
            ("getallocatedblocks", super::sys_memory::getallocatedblocks),
            ("getdefaultencoding", getdefaultencoding),
            ("_getframe", super::sys_extra::getframe),
            ("excepthook", super::sys_memory::excepthook),
            (
                "get_int_max_str_digits",
                crate::objects::int_methods::sys_get_int_max_str_digits,
            ),
            (
                "set_int_max_str_digits",
                crate::objects::int_methods::sys_set_int_max_str_digits,
            ),
        ],
    );
    let d = module_dict(&m).expect("sys dict");
    let argv = ARGV.with(|a| a.borrow().iter().map(|s| new_str(s)).collect::<Vec<_>>());
    set_item_str(&d, "argv", crate::objects::list::new_list(argv));
    if let Some(hook) = crate::objects::dict::get_item_str(&d, "excepthook") {
        set_item_str(&d, "__excepthook__", hook);
    }
    let path0 = PATH0.with(|p| p.borrow().clone());
    set_item_str(
        &d,
        "path",
        crate::objects::list::new_list(vec![new_str(&path0)]),
    );
    set_item_str(&d, "modules", crate::vm::modules());
    let out = new_stream(1);
    let err = new_stream(2);
    set_item_str(&d, "stdout", out.clone());
    set_item_str(&d, "stderr", err.clone());
    set_item_str(&d, "__stdout__", out);
    set_item_str(&d, "__stderr__", err);
    let stdin = crate::objects::fileobj::new_stdin();
    set_item_str(&d, "stdin", stdin.clone());
    set_item_str(&d, "__stdin__", stdin);
    set_item_str(&d, "maxsize", new_int(i64::MAX));
    set_item_str(
        &d,
        "dont_write_bytecode",
        crate::objects::bool::new_bool(crate::vm::pycache::dont_write_bytecode_default()),
    );
    set_item_str(&d, "byteorder", new_str("little"));
    set_item_str(&d, "platform", new_str("linux"));
    set_item_str(
        &d,
        "executable",
        new_str(
            &std::env::current_exe()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
        ),
    );
    set_item_str(&d, "version", new_str("3.11.0 (pyrite 0.1.0)"));
    set_item_str(
        &d,
        "version_info",
        new_tuple(vec![
            new_int(3),
            new_int(11),
            new_int(0),
            new_str("final"),
            new_int(0),
        ]),
    );
    set_item_str(&d, "hexversion", new_int(0x030b00f0));
    set_item_str(
        &d,
        "builtin_module_names",
        new_tuple(super::BUILTIN_MODULES.iter().map(|n| new_str(n)).collect()),
    );
    super::sys_extra::install(&d);
    m
}
