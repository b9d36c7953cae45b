//! Built-in modules written in Python: their source, `lib/NAME.py`, is
//! embedded in the binary and compiled on first import, as CPython's
//! frozen modules (code filename `<frozen NAME>`, no `__file__`). The
//! import system looks here after the native built-ins and before
//! `sys.path`. A module whose native half is in Rust imports it by its
//! underscored name (`tracemalloc` over `_tracemalloc`).

/// (module name, source) of each embedded module.
const MODULES: &[(&str, &str)] = &[
    ("dis", include_str!("../../lib/dis.py")),
    ("inspect", include_str!("../../lib/inspect.py")),
    ("tracemalloc", include_str!("../../lib/tracemalloc.py")),
    ("warnings", include_str!("../../lib/warnings.py")),
    ("weakref", include_str!("../../lib/weakref.py")),
    ("_weakrefset", include_str!("../../lib/_weakrefset.py")),
];

/// The embedded source of module `name`, if it is one.
pub fn source(name: &str) -> Option<&'static str> {
    MODULES.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

/// Names of the embedded modules.
pub fn names() -> impl Iterator<Item = &'static str> {
    MODULES.iter().map(|(n, _)| *n)
}
