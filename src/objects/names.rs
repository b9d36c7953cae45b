//! Pre-interned names for native code: `name!("__init__")` is the interned
//! str `__init__`, made on the first call at that call site and remembered
//! there, so a hot path (instance creation, the `slot_*` wrappers of
//! classes) pays one load and one test instead of hashing and comparing
//! the text in the intern table on every call (CPython's `_Py_ID`).
//!
//! **NAME-1.** A [`Name`] holds a reference to an interned str; interned
//! strs are never freed (the intern table keeps them for the process), so
//! the `&'static PyObject` handed out stays valid for the process.

use std::cell::OnceCell;

use super::global::Global;
use super::object::{PyObject, Ref};

/// One call site's interned name (see [`name!`]).
pub struct Name {
    text: &'static str,
    cell: Global<OnceCell<Ref>>,
}

impl Name {
    /// A name not yet interned.
    pub const fn new(text: &'static str) -> Name {
        Name {
            text,
            cell: Global::new(OnceCell::new()),
        }
    }

    /// The interned str (interned on the first call; GLOBAL-1, NAME-1).
    #[inline]
    pub fn get(&'static self) -> &'static PyObject {
        self.cell
            .get()
            .get_or_init(|| super::str::intern(self.text))
    }
}

/// The interned str of a literal name, made once per call site: a
/// `&'static PyObject` (NAME-1).
macro_rules! name {
    ($text:literal) => {{
        static NAME: $crate::objects::names::Name = $crate::objects::names::Name::new($text);
        NAME.get()
    }};
}
pub(crate) use name;

/// A table of names made once, for code that picks a name by index
/// (`CMP_NAMES[op]`): `NameTable::new([..])`, then `table.get(i)`.
pub struct NameTable<const N: usize> {
    texts: [&'static str; N],
    cells: Global<OnceCell<[Ref; N]>>,
}

impl<const N: usize> NameTable<N> {
    /// A table not yet interned.
    pub const fn new(texts: [&'static str; N]) -> NameTable<N> {
        NameTable {
            texts,
            cells: Global::new(OnceCell::new()),
        }
    }

    /// The interned str of entry `i` (GLOBAL-1, NAME-1).
    #[inline]
    pub fn get(&'static self, i: usize) -> &'static PyObject {
        &self
            .cells
            .get()
            .get_or_init(|| self.texts.map(super::str::intern))[i]
    }
}
