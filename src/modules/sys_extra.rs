//! The parts of `sys` that describe the interpreter rather than run it:
//! `version_info` and `flags` (CPython's struct sequences: tuples with
//! named fields), `implementation` (a `SimpleNamespace`), and
//! `_getframe`. The struct-sequence classes are written in Python and run
//! once when `sys` is made.

use crate::objects::err::{value_error, PyResult};
use crate::objects::object::Ref;
use crate::objects::typeobj::KwNames;

use super::args;

thread_local! {
    /// Whether the command line asked for the interactive prompt (`-i`).
    static INSPECT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Record `-i` for `sys.flags.inspect` / `sys.flags.interactive`.
pub fn set_inspect(on: bool) {
    INSPECT.with(|i| i.set(on));
}

/// `sys._getframe(depth=0)`.
pub fn getframe(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("_getframe", a, kw, 0, 1)?;
    let depth = match a.first() {
        Some(d) => crate::objects::protocol::index_i64(d)?,
        None => 0,
    };
    let frame = if depth < 0 {
        crate::objects::frameobj::running_frame(0)?
    } else {
        crate::objects::frameobj::running_frame(depth as usize)?
    };
    frame.ok_or_else(|| value_error("call stack is not deep enough"))
}

const SOURCE: &str = "\
class _structseq(tuple):
    _fields = ()
    def __new__(cls, seq):
        seq = tuple(seq)
        if len(seq) != len(cls._fields):
            raise TypeError('%s() takes a %d-sequence (%d-sequence given)'
                            % (cls._qual, len(cls._fields), len(seq)))
        return tuple.__new__(cls, seq)
    def __repr__(self):
        parts = ', '.join('%s=%r' % (n, v) for n, v in zip(self._fields, self))
        return self._qual + '(' + parts + ')'
    def __reduce__(self):
        return (type(self), (tuple(self),))

def _field(i):
    return property(lambda self: self[i])

def _make(name, fields):
    ns = {'_fields': fields, '_qual': 'sys.' + name, '__module__': 'sys'}
    for i, f in enumerate(fields):
        ns[f] = _field(i)
    return type(name, (_structseq,), ns)

class SimpleNamespace:
    __module__ = 'types'
    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)
    def __repr__(self):
        parts = ', '.join('%s=%r' % kv for kv in self.__dict__.items())
        return 'namespace(' + parts + ')'
    def __eq__(self, other):
        if isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

version_info = _make('version_info', ('major', 'minor', 'micro', 'releaselevel', 'serial'))(_vi)
flags = _make('flags', ('debug', 'inspect', 'interactive', 'optimize', 'dont_write_bytecode',
                        'no_user_site', 'no_site', 'ignore_environment', 'verbose',
                        'bytes_warning', 'quiet', 'hash_randomization', 'isolated',
                        'dev_mode', 'utf8_mode', 'warn_default_encoding', 'safe_path',
                        'int_max_str_digits'))(
    (0, _inspect, _inspect, _optimize, _dont_write, 0, 0, 0, 0, 0, 0, 1, 0, _dev_mode, 1, 0, False, -1))
implementation = SimpleNamespace(name='pyrite', cache_tag=None, version=version_info,
                                 hexversion=_hexversion, _multiarch='x86_64-linux-gnu')
";

/// Add `version_info`, `flags` and `implementation` to the `sys` dict `d`
/// (which already holds `version_info` as a plain tuple and `hexversion`).
/// If the Python part fails, `sys` keeps the plain values.
pub fn install(d: &Ref) {
    use crate::objects::dict::{get_item_str, new_dict, set_item_str};
    let ns = new_dict();
    set_item_str(&ns, "__name__", crate::objects::str::new_str("sys"));
    let vi = get_item_str(d, "version_info").unwrap_or_else(crate::objects::none::none);
    set_item_str(&ns, "_vi", vi);
    let hv = get_item_str(d, "hexversion").unwrap_or_else(crate::objects::none::none);
    set_item_str(&ns, "_hexversion", hv);
    let inspect = INSPECT.with(|i| i.get());
    set_item_str(
        &ns,
        "_inspect",
        crate::objects::int::new_int(i64::from(inspect)),
    );
    // `-X dev` (vm/memstats.rs).
    set_item_str(
        &ns,
        "_dev_mode",
        crate::objects::bool::new_bool(crate::vm::memstats::dev_mode()),
    );
    set_item_str(
        &ns,
        "_dont_write",
        crate::objects::int::new_int(i64::from(crate::vm::pycache::dont_write_bytecode_default())),
    );
    set_item_str(
        &ns,
        "_optimize",
        crate::objects::int::new_int(i64::from(crate::compile::interpreter_optimize())),
    );
    let Ok(unit) =
        crate::compile::codegen::compile(SOURCE, "<sys>", crate::compile::codegen::Mode::Exec)
    else {
        return;
    };
    let Ok(code) = crate::objects::codeobj::new_code(std::rc::Rc::new(unit)) else {
        return;
    };
    if super::builtins_exec::run_code_object(&code, &ns, ns.clone()).is_err() {
        return;
    }
    for name in ["version_info", "flags", "implementation"] {
        if let Some(v) = get_item_str(&ns, name) {
            set_item_str(d, name, v);
        }
    }
}
