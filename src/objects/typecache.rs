//! The type attribute cache: CPython's method cache (`_PyType_Lookup`).
//! [`TypeObject::lookup`] walks the MRO and probes each type's dict; this
//! table remembers, per (type, name), where the walk ended — the dict and
//! entry index that hold the attribute, or that no type has it — so a
//! repeated lookup is a hash of two pointers, three compares and a load.
//!
//! Values are not held: an entry names the dict and the entry index, and
//! the value is read from the dict on every hit, so the cache keeps no
//! object alive (the collector's counts and finalizer timing are those of
//! an uncached interpreter) and sees a replaced value at once.
//!
//! Invariants:
//! - **TCACHE-1 (epoch).** [`types_changed`] is called after any change
//!   that can alter the result of a lookup — a type's dict changed through
//!   `type.__setattr__`, a class created, a type's dict cleared or the type
//!   freed (its address may be reused), start-up's installation of the
//!   static types' dicts. An entry is used only while the epoch it was made
//!   in is current.
//! - **TCACHE-2 (liveness).** A type's `dict` slot is only emptied by
//!   `type_clear` or by freeing the type, both of which end the epoch; so
//!   while an entry's epoch is current, the dict it names is alive (it
//!   belongs to a type in the MRO of a live type). Its entry index is used
//!   only if the dict's `version()` is the one recorded (no entry moved or
//!   was removed since), and is bounds-checked all the same.
//! - **TCACHE-3 (names).** Only interned names are entered: they are never
//!   freed, so a name's address stands for that name for good.

use std::cell::{Cell, UnsafeCell};

use super::dict::DictObject;
use super::global::Global;
use super::object::{PyObject, Ref};
use super::str::as_str_object;
use super::typeobj::TypeObject;

/// Entries: 4096, CPython's `MCACHE_SIZE_EXP` of 12.
const BITS: u32 = 12;
/// Number of entries (4096).
const SIZE: usize = 1 << BITS;

#[derive(Clone, Copy)]
struct Entry {
    ty: *const TypeObject,
    name: *const PyObject,
    epoch: u64,
    /// The dict holding the attribute; null when no type in the MRO has it.
    dict: *const DictObject,
    /// `dict.version()` when the entry was made.
    version: u64,
    /// The attribute's entry index in `dict`.
    ix: usize,
}

const EMPTY: Entry = Entry {
    ty: std::ptr::null(),
    name: std::ptr::null(),
    epoch: 0,
    dict: std::ptr::null(),
    version: 0,
    ix: 0,
};

struct Cache {
    /// The current epoch (TCACHE-1); entries of other epochs are misses.
    epoch: Cell<u64>,
    entries: UnsafeCell<[Entry; SIZE]>,
}

static CACHE: Global<Cache> = Global::new(Cache {
    epoch: Cell::new(1),
    entries: UnsafeCell::new([EMPTY; SIZE]),
});

/// End the current epoch: every entry made so far becomes a miss
/// (TCACHE-1). Cost: one increment.
#[inline]
pub fn types_changed() {
    let c = CACHE.get();
    c.epoch.set(c.epoch.get() + 1);
}

/// The current epoch (TCACHE-1): caches elsewhere that depend on type
/// attributes (`vm/cache.rs`) record it and compare.
#[inline(always)]
pub fn epoch() -> u64 {
    CACHE.get().epoch.get()
}

#[inline(always)]
fn slot(ty: &TypeObject, name: &PyObject) -> usize {
    let t = ty as *const TypeObject as usize;
    let n = name as *const PyObject as usize;
    ((t >> 4) ^ (n >> 3) ^ (n >> (3 + BITS))) & (SIZE - 1)
}

/// What the cache knows about `ty`'s attribute `name`: `Some(result)` on
/// a hit, `None` on a miss.
#[inline]
pub fn get(ty: &TypeObject, name: &PyObject) -> Option<Option<Ref>> {
    let c = CACHE.get();
    // SAFETY: GLOBAL-1 — one thread at a time; no reference into the
    // table outlives this copy.
    let e = unsafe { (*c.entries.get())[slot(ty, name)] };
    if !std::ptr::eq(e.ty, ty) || !std::ptr::eq(e.name, name) || e.epoch != c.epoch.get() {
        return None;
    }
    if e.dict.is_null() {
        return Some(None);
    }
    // SAFETY: TCACHE-2 — the epoch is current, so the dict is alive.
    let d = unsafe { &*e.dict };
    if d.version() != e.version {
        return None;
    }
    Some(d.value_at_index(e.ix))
}

/// [`TypeObject::lookup`]'s walk, recording its result.
pub fn lookup_and_fill(ty: &TypeObject, name: &PyObject) -> Option<Ref> {
    let epoch = CACHE.get().epoch.get();
    let key = as_str_object(name);
    let mro = ty.mro.get()?;
    let mut found = None;
    for t in super::tuple::items(&mro) {
        let t = super::typetype::as_type(t)?;
        if let Some(d) = t.dict.peek() {
            // SAFETY: the dict is owned by the type, which the MRO tuple
            // keeps alive.
            let d = unsafe { d.as_ref() };
            let Some(dict) = super::dict::as_dict(d) else {
                continue;
            };
            let ix = match key {
                Some(k) => dict.index_of_str(k),
                None => None,
            };
            if let Some(ix) = ix {
                found = Some((dict as *const DictObject, dict.version(), ix));
                break;
            }
        }
    }
    let value = found.and_then(|(d, _, ix)| {
        // SAFETY: `d` was just found in a live type's dict, and nothing ran
        // since.
        unsafe { &*d }.value_at_index(ix)
    });
    // Fill only for an interned name (never freed, so its address keys
    // the entry for good) and if the epoch did not end meanwhile.
    if key.is_some_and(|k| k.is_interned()) && CACHE.get().epoch.get() == epoch {
        let (dict, version, ix) = found.unwrap_or((std::ptr::null(), 0, 0));
        let c = CACHE.get();
        // SAFETY: GLOBAL-1 — one thread at a time; a plain store.
        unsafe {
            (*c.entries.get())[slot(ty, name)] = Entry {
                ty,
                name,
                epoch,
                dict,
                version,
                ix,
            };
        }
    }
    value
}
