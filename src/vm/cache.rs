//! Inline caches of the eval loop, kept beside each code object: for every
//! name of `co_names`, where `LOAD_GLOBAL` last found it — the globals (or
//! builtins) dict, its version and the entry index (CPython 3.11's
//! `LOAD_GLOBAL_MODULE` / `LOAD_GLOBAL_BUILTIN`).
//!
//! A hit costs two pointer compares, one or two version compares and the
//! load of the entry's value; the value itself is not cached, so a
//! rebinding of the global (which keeps the entry where it is) is seen at
//! once. DICT-5 makes a (dict address, version) pair name one state of one
//! dict, so an entry can only match the dict and the state it was made
//! for, even when a dict dies and another is made at its address.

use std::cell::Cell;
use std::ptr;

use crate::objects::dict::DictObject;
use crate::objects::object::{PyObject, Ref};
use crate::objects::str::as_str_object;

#[derive(Clone, Copy)]
struct GlobalEntry {
    /// The globals dict the entry is for (null: empty entry).
    globals: *const PyObject,
    /// Its version when the entry was made.
    gver: u64,
    /// The builtins dict when the name was found there (null: found in the
    /// globals).
    builtins: *const PyObject,
    /// Its version when the entry was made.
    bver: u64,
    /// The entry index in the dict that holds the name.
    ix: usize,
}

/// The `LOAD_GLOBAL` cache of one name of a code object.
pub struct GlobalCache(Cell<GlobalEntry>);

impl Default for GlobalCache {
    fn default() -> GlobalCache {
        GlobalCache::new()
    }
}

impl GlobalCache {
    /// An empty entry.
    pub const fn new() -> GlobalCache {
        GlobalCache(Cell::new(GlobalEntry {
            globals: ptr::null(),
            gver: 0,
            builtins: ptr::null(),
            bver: 0,
            ix: 0,
        }))
    }

    /// The cached value of the name for these namespaces, if the entry
    /// still describes them.
    #[inline(always)]
    pub fn get(&self, globals: &PyObject, builtins: &PyObject) -> Option<Ref> {
        let e = self.0.get();
        if !ptr::eq(e.globals, globals) {
            return None;
        }
        let g = globals.downcast_exact::<DictObject>()?;
        if g.version() != e.gver {
            return None;
        }
        if e.builtins.is_null() {
            return g.value_at_index(e.ix);
        }
        if !ptr::eq(e.builtins, builtins) {
            return None;
        }
        let b = builtins.downcast_exact::<DictObject>()?;
        if b.version() != e.bver {
            return None;
        }
        b.value_at_index(e.ix)
    }

    /// Look `name` up in `globals`, then `builtins`, remembering where it
    /// was found; `None` when it is in neither (or the namespaces are not
    /// plain dicts, which the caller handles).
    #[cold]
    #[inline(never)]
    pub fn fill(&self, globals: &PyObject, builtins: &PyObject, name: &PyObject) -> Option<Ref> {
        let key = as_str_object(name)?;
        let g = globals.downcast_exact::<DictObject>()?;
        if let Some(ix) = g.index_of_str(key) {
            self.0.set(GlobalEntry {
                globals,
                gver: g.version(),
                builtins: ptr::null(),
                bver: 0,
                ix,
            });
            return g.value_at_index(ix);
        }
        let b = builtins.downcast_exact::<DictObject>()?;
        let ix = b.index_of_str(key)?;
        self.0.set(GlobalEntry {
            globals,
            gver: g.version(),
            builtins,
            bver: b.version(),
            ix,
        });
        b.value_at_index(ix)
    }
}
