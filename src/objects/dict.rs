//! `dict`: CPython's compact ordered layout — an index table probed with
//! perturbation, and an entry array in insertion order — with the lookups
//! the runtime uses (general keys, str keys, interned names).
//!
//! Invariants:
//! - **DICT-1.** `indices.len()` is 0 or a power of two >= 8; each slot is
//!   `EMPTY`, `DUMMY` or the index of an entry whose key is set.
//! - **DICT-2.** `used` is the number of entries with a key; entries with
//!   `key == None` are deleted and are skipped by iteration.
//! - **DICT-3.** `entries.len() <= usable(indices.len())`: an insertion
//!   that would pass it rebuilds the table first.
//! - **DICT-4 (no re-entry).** The inner table is borrowed mutably only in
//!   sections that run no Python code; comparisons that may run `__eq__`
//!   hold clones of the keys, and a changed `version` restarts the lookup.
//! - **DICT-5 (versions).** Every change that adds, moves or removes an
//!   entry gives the dict a new `version`, drawn from one process-wide
//!   counter (as CPython 3.11's `ma_version_tag`): no two dicts ever share
//!   a version, so (address, version) names one state of one dict even
//!   after the address is reused. Entry indices stay valid while the
//!   version stays the same (caches of `index_of_str` rely on it).
//! - **DICT-7 (free list).** A block on the free list is the whole block
//!   (GC header included) of a dead exact dict: untracked, entries dropped,
//!   tables freed, nothing refers to it (FREELIST-1). CPython keeps 80.

use std::cell::{Cell, UnsafeCell};
use std::ptr::NonNull;

use pyrite_gc::Visitor;

use super::err::{key_error, PyResult};
use super::freelist::FreeList;
use super::global::Global;
use super::heap::{self, PyVec};
use super::keyeq::{compare_key, key_hash, Probe};
use super::object::{PyObject, PyPayload, Ref};
use super::str::{as_str_object, StrObject};
use super::typeobj::{Slots, TypeFlags, TypeObject};

const EMPTY: i32 = -1;
const DUMMY: i32 = -2;
const MIN_SIZE: usize = 8;
const PERTURB_SHIFT: u32 = 5;

/// One entry: hash, key and value; a deleted entry has no key.
pub struct Entry {
    /// The key's hash.
    pub hash: i64,
    /// The key (None once deleted).
    pub key: Option<Ref>,
    /// The value (None once deleted).
    pub value: Option<Ref>,
}

#[derive(Default)]
struct Inner {
    indices: PyVec<i32>,
    entries: PyVec<Entry>,
    used: usize,
}

/// A dict object.
#[repr(C)]
pub struct DictObject {
    ob: PyObject,
    inner: UnsafeCell<Inner>,
    /// Bumped on every change that could move or remove entries (DICT-4).
    version: Cell<u64>,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first; dicts are laid out so.
unsafe impl PyPayload for DictObject {
    fn static_type() -> &'static TypeObject {
        &DICT_TYPE
    }
}

fn usable(size: usize) -> usize {
    size * 2 / 3
}

impl DictObject {
    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    fn inner(&self) -> &mut Inner {
        // SAFETY: DICT-4 — callers keep the borrow within sections that run
        // no Python code, and OBJ-H4 (one thread).
        unsafe { &mut *self.inner.get() }
    }

    /// Number of items.
    #[inline]
    pub fn len(&self) -> usize {
        self.inner().used
    }

    /// Whether empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The version (DICT-5): changes whenever an entry is added, moved or
    /// removed; unique across all dicts of the process.
    #[inline(always)]
    pub fn version(&self) -> u64 {
        self.version.get()
    }

    fn bump(&self) {
        self.version.set(next_version());
    }

    /// Find the slot of an entry with `key`, comparing by identity and, for
    /// matching hashes, with `eq` (which may run Python code: DICT-4) —
    /// unless both keys are exact ints or exact strs, which compare here
    /// without running Python code, so the table cannot change under the
    /// probe and no version re-read is needed (CPython's `unicode_eq` and
    /// `lookdict_unicode` shortcuts).
    fn find(&self, key: &PyObject, hash: i64) -> PyResult<Option<usize>> {
        'restart: loop {
            let version = self.version.get();
            let inner = self.inner();
            let size = inner.indices.len();
            if size == 0 {
                return Ok(None);
            }
            let mask = size - 1;
            let mut perturb = hash as u64;
            let mut i = (hash as u64 as usize) & mask;
            loop {
                let ix = self.inner().indices.as_slice()[i];
                if ix == EMPTY {
                    return Ok(None);
                }
                if ix >= 0 {
                    let e = &self.inner().entries.as_slice()[ix as usize];
                    if let Some(k) = &e.key {
                        let changed = || self.version.get() != version;
                        match compare_key(k, key, e.hash == hash, changed)? {
                            Probe::Found => return Ok(Some(ix as usize)),
                            Probe::Restart => continue 'restart,
                            Probe::Next => {}
                        }
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i * 5 + perturb as usize + 1) & mask;
            }
        }
    }

    /// Find a str key without running Python code (str equality is ours).
    fn find_str(&self, key: &StrObject) -> Option<usize> {
        let inner = self.inner();
        let size = inner.indices.len();
        if size == 0 {
            return None;
        }
        let hash = key.hash();
        let mask = size - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let indices = inner.indices.as_slice();
        let entries = inner.entries.as_slice();
        loop {
            let ix = indices[i];
            if ix == EMPTY {
                return None;
            }
            if ix >= 0 {
                let e = &entries[ix as usize];
                if let Some(k) = &e.key {
                    if std::ptr::eq(&**k, key as *const StrObject as *const PyObject) {
                        return Some(ix as usize);
                    }
                    if e.hash == hash {
                        if let Some(ks) = as_str_object(k) {
                            if super::str::str_eq(ks, key) {
                                return Some(ix as usize);
                            }
                        }
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + perturb as usize + 1) & mask;
        }
    }

    /// The value for `key`, if present.
    pub fn get(&self, key: &PyObject) -> PyResult<Option<Ref>> {
        if let Some(s) = exact_str(key) {
            return Ok(self.get_str_obj(s));
        }
        let hash = key_hash(key)?;
        Ok(self.find(key, hash)?.and_then(|ix| self.value_at(ix)))
    }

    /// The value for a str key.
    #[inline]
    pub fn get_str_obj(&self, key: &StrObject) -> Option<Ref> {
        self.find_str(key).and_then(|ix| self.value_at(ix))
    }

    /// The entry index of a str key: valid for [`value_at_index`] while
    /// `version()` stays the same (caches keyed by version).
    ///
    /// [`value_at_index`]: DictObject::value_at_index
    #[inline]
    pub fn index_of_str(&self, key: &StrObject) -> Option<usize> {
        self.find_str(key)
    }

    /// The value of entry `ix` (from [`index_of_str`]), if it is in range
    /// and not deleted.
    ///
    /// [`index_of_str`]: DictObject::index_of_str
    #[inline]
    pub fn value_at_index(&self, ix: usize) -> Option<Ref> {
        self.inner().entries.as_slice().get(ix)?.value.clone()
    }

    /// The value of entry `ix` if that entry's key is `key` itself (a
    /// cache's guess at where an interned name sits).
    #[inline]
    pub fn value_at_index_if_key(&self, ix: usize, key: &PyObject) -> Option<Ref> {
        let e = self.inner().entries.as_slice().get(ix)?;
        match &e.key {
            Some(k) if k.is(key) => e.value.clone(),
            _ => None,
        }
    }

    fn value_at(&self, ix: usize) -> Option<Ref> {
        self.inner().entries.as_slice()[ix].value.clone()
    }

    /// Insert or replace.
    pub fn set(&self, key: Ref, value: Ref) -> PyResult<()> {
        let hash = key_hash(&key)?;
        self.set_with_hash(key, hash, value)
    }

    /// Insert or replace with a known hash.
    pub fn set_with_hash(&self, key: Ref, hash: i64, value: Ref) -> PyResult<()> {
        let found = match exact_str(&key) {
            Some(s) => self.find_str(s),
            None => self.find(&key, hash)?,
        };
        if let Some(ix) = found {
            if !heap::is_tracked(&self.ob) && may_be_container(&value) {
                heap::track(&self.ob);
            }
            let old = self.inner().entries.as_mut_slice()[ix].value.replace(value);
            drop(old); // after the table is consistent (may run __del__)
            return Ok(());
        }
        self.insert_new(key, hash, value);
        Ok(())
    }

    fn insert_new(&self, key: Ref, hash: i64, value: Ref) {
        let track =
            !heap::is_tracked(&self.ob) && (may_be_container(&key) || may_be_container(&value));
        let inner = self.inner();
        if inner.entries.len() >= usable(inner.indices.len()) {
            self.resize(grow_size(inner.used + 1));
        }
        let inner = self.inner();
        let ix = inner.entries.len();
        inner.entries.push(Entry {
            hash,
            key: Some(key),
            value: Some(value),
        });
        insert_index(&mut inner.indices, hash, ix as i32);
        inner.used += 1;
        self.bump();
        if track {
            heap::track(&self.ob);
        }
    }

    /// Rebuild the index table with `size` slots, compacting entries.
    fn resize(&self, size: usize) {
        let inner = self.inner();
        let mut entries = inner.entries.take();
        let mut live = PyVec::with_capacity(usable(size)).unwrap_or_else(|| heap_exhausted());
        for i in 0..entries.len() {
            let e = &mut entries.as_mut_slice()[i];
            if e.key.is_some() {
                live.push(Entry {
                    hash: e.hash,
                    key: e.key.take(),
                    value: e.value.take(),
                });
            }
        }
        let mut indices = PyVec::with_capacity(size).unwrap_or_else(|| heap_exhausted());
        for _ in 0..size {
            indices.push(EMPTY);
        }
        for (ix, e) in live.as_slice().iter().enumerate() {
            insert_index(&mut indices, e.hash, ix as i32);
        }
        inner.indices = indices;
        inner.entries = live;
        self.bump();
    }

    /// Remove `key`, returning its value.
    pub fn remove(&self, key: &PyObject) -> PyResult<Option<Ref>> {
        let hash = key_hash(key)?;
        let found = match exact_str(key) {
            Some(s) => self.find_str(s),
            None => self.find(key, hash)?,
        };
        let Some(ix) = found else { return Ok(None) };
        Ok(self.remove_at(ix))
    }

    fn remove_at(&self, ix: usize) -> Option<Ref> {
        let inner = self.inner();
        let hash = inner.entries.as_slice()[ix].hash;
        // Replace the index slot that points at `ix` with DUMMY.
        let mask = inner.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if inner.indices.as_slice()[i] == ix as i32 {
                inner.indices.as_mut_slice()[i] = DUMMY;
                break;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + perturb as usize + 1) & mask;
        }
        let e = &mut inner.entries.as_mut_slice()[ix];
        let key = e.key.take();
        let value = e.value.take();
        inner.used -= 1;
        self.bump();
        drop(key);
        value
    }

    /// Remove every item.
    pub fn clear(&self) {
        let old = std::mem::take(self.inner());
        self.bump();
        drop(old);
    }

    /// The entry at position `pos` or later that has a key: `(next_pos,
    /// key, value)`. Iteration in insertion order.
    pub fn next_entry(&self, pos: usize) -> Option<(usize, Ref, Ref)> {
        let entries = self.inner().entries.as_slice();
        let mut p = pos;
        while p < entries.len() {
            let e = &entries[p];
            if let (Some(k), Some(v)) = (&e.key, &e.value) {
                return Some((p + 1, k.clone(), v.clone()));
            }
            p += 1;
        }
        None
    }

    /// The entry at position `pos` or earlier that has a key:
    /// `(position, key, value)`. Reverse iteration.
    pub fn prev_entry(&self, pos: isize) -> Option<(isize, Ref, Ref)> {
        let entries = self.inner().entries.as_slice();
        let mut p = pos.min(entries.len() as isize - 1);
        while p >= 0 {
            let e = &entries[p as usize];
            if let (Some(k), Some(v)) = (&e.key, &e.value) {
                return Some((p, k.clone(), v.clone()));
            }
            p -= 1;
        }
        None
    }

    /// Number of entry slots, deleted ones included (CPython's
    /// `dk_nentries`): where reverse iteration starts.
    pub fn entries_len(&self) -> usize {
        self.inner().entries.len()
    }

    /// Snapshot of the items with their keys' hashes, in order.
    pub fn items_with_hash(&self) -> Vec<(Ref, i64, Ref)> {
        self.inner()
            .entries
            .as_slice()
            .iter()
            .filter_map(|e| Some((e.key.clone()?, e.hash, e.value.clone()?)))
            .collect()
    }

    /// A new exact dict with the same items (`dict.copy`): keys are known
    /// distinct, so they are inserted without lookups.
    pub fn copy_dict(&self) -> Ref {
        let r = new_dict();
        let d = as_dict(&r).expect("dict");
        let items = self.items_with_hash();
        if !items.is_empty() {
            let mut size = MIN_SIZE;
            while usable(size) < items.len() {
                size <<= 1;
            }
            d.resize(size);
        }
        for (k, h, v) in items {
            d.insert_new(k, h, v);
        }
        r
    }

    /// Snapshot of the items, in order.
    pub fn items(&self) -> Vec<(Ref, Ref)> {
        self.inner()
            .entries
            .as_slice()
            .iter()
            .filter_map(|e| Some((e.key.clone()?, e.value.clone()?)))
            .collect()
    }

    /// Snapshot of the keys, in order.
    pub fn keys(&self) -> Vec<Ref> {
        self.inner()
            .entries
            .as_slice()
            .iter()
            .filter_map(|e| e.key.clone())
            .collect()
    }

    /// Snapshot of the values, in order.
    pub fn values(&self) -> Vec<Ref> {
        self.inner()
            .entries
            .as_slice()
            .iter()
            .filter_map(|e| e.value.clone())
            .collect()
    }

    /// Remove and return the last item (`popitem`).
    pub fn pop_last(&self) -> Option<(Ref, Ref)> {
        let n = self.inner().entries.len();
        for ix in (0..n).rev() {
            let key = self.inner().entries.as_slice()[ix].key.clone();
            if let Some(k) = key {
                let v = self.remove_at(ix)?;
                return Some((k, v));
            }
        }
        None
    }

    /// Bytes of the index table and entries (sys.getsizeof).
    pub fn table_bytes(&self) -> usize {
        let inner = self.inner();
        inner.indices.capacity() * 4 + inner.entries.capacity() * std::mem::size_of::<Entry>()
    }
}

#[cold]
fn heap_exhausted() -> ! {
    eprintln!("MemoryError: dict table");
    std::process::exit(1)
}

fn grow_size(used: usize) -> usize {
    let want = used * 3;
    let mut size = MIN_SIZE;
    while usable(size) < want.max(1) {
        size <<= 1;
    }
    size
}

fn insert_index(indices: &mut PyVec<i32>, hash: i64, ix: i32) {
    let mask = indices.len() - 1;
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
    let slots = indices.as_mut_slice();
    while slots[i] >= 0 {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb as usize + 1) & mask;
    }
    slots[i] = ix;
}

#[inline]
fn exact_str(obj: &PyObject) -> Option<&StrObject> {
    obj.downcast_exact::<StrObject>()
}

/// Whether a value could take part in a cycle (CPython's
/// `_PyObject_GC_MAY_BE_TRACKED`): dicts start untracked and are tracked
/// once they hold one.
fn may_be_container(obj: &PyObject) -> bool {
    let ty = obj.ty();
    if !ty.flags().contains(TypeFlags::HAS_GC) {
        return false;
    }
    if ty.flags().contains(TypeFlags::TUPLE_SUBCLASS) && !ty.is_heap() {
        return heap::is_tracked(obj);
    }
    true
}

/// A dict may be untracked on a full collection once none of its keys and
/// values can be in a cycle (CPython's `_PyDict_MaybeUntrack`, applied to
/// exact dicts only). OBJ-4-pure: reads entries and tracking bits.
pub fn may_untrack(obj: &PyObject) -> bool {
    let Some(d) = obj.downcast_exact::<DictObject>() else {
        return false;
    };
    d.inner()
        .entries
        .as_slice()
        .iter()
        .all(|e| match (&e.key, &e.value) {
            (Some(k), Some(v)) => !may_be_container(k) && !may_be_container(v),
            _ => true,
        })
}

/// Where dict versions come from (DICT-5).
static NEXT_VERSION: super::global::Global<Cell<u64>> = super::global::Global::new(Cell::new(1));

/// A version no dict has had (DICT-5).
#[inline(always)]
fn next_version() -> u64 {
    let c = NEXT_VERSION.get();
    let v = c.get();
    c.set(v + 1);
    v
}

/// A new empty dict.
pub fn new_dict() -> Ref {
    new_dict_of_type(&DICT_TYPE)
}

/// Largest table a dict display is presized to: 2**17 slots (CPython's
/// `log2_max_presize`).
const MAX_PRESIZE: usize = 1 << 17;

/// A new empty dict with room for `n` items without a rebuild, for a dict
/// display of `n` items (`BUILD_MAP`, `BUILD_CONST_KEY_MAP`), by CPython's
/// `dict_new_presized` rule: up to 5 items the plain 8-slot table made on
/// the first insertion; else the smallest power of two >= (3n + 1) / 2
/// slots (16 for 6–10 items, 32 for 11–21, …), at most [`MAX_PRESIZE`].
pub fn new_dict_presized(n: usize) -> Ref {
    let d = new_dict();
    if n > usable(MIN_SIZE) {
        let want = if n > usable(MAX_PRESIZE) {
            MAX_PRESIZE
        } else {
            (n * 3).div_ceil(2) // (3n + 1) / 2
        };
        let size = want.next_power_of_two().max(MIN_SIZE);
        as_dict(&d).expect("dict").resize(size);
    }
    d
}

/// Most dead exact dicts kept for reuse (CPython's `PyDict_MAXFREELIST`).
pub const MAX_FREE_LIST: usize = 80;

/// Blocks of dead exact dicts (DICT-7; GLOBAL-1); `heap::dealloc` keeps
/// them here.
pub static FREE_LIST: Global<FreeList> = Global::new(FreeList::new(MAX_FREE_LIST));

/// A new empty dict of type `ty` (a dict subclass).
pub fn new_dict_of_type(ty: &TypeObject) -> Ref {
    let obj = if std::ptr::eq(ty, &DICT_TYPE) {
        // SAFETY: DICT-7 — the free list holds whole blocks of dead exact
        // dicts, the size `alloc_object` would allocate.
        unsafe { heap::alloc_object_reusing(ty, ty.basicsize, FREE_LIST.get()) }
    } else {
        heap::alloc_object(ty, ty.basicsize)
    };
    let d = DictObject {
        ob: PyObject::new(ty),
        inner: UnsafeCell::new(Inner::default()),
        version: Cell::new(next_version()),
    };
    // SAFETY: the block has room for a DictObject.
    unsafe { obj.cast::<DictObject>().as_ptr().write(d) };
    // SAFETY: a new object; we own its reference.
    let r = unsafe { Ref::from_raw(obj) };
    if ty.is_heap() {
        heap::track(&r);
    }
    r
}

/// The dict payload of `obj`, if it is a dict.
#[inline]
pub fn as_dict(obj: &PyObject) -> Option<&DictObject> {
    obj.downcast::<DictObject>()
}

/// `d[key]` for a str key, without running Python code.
pub fn get_item_str(d: &PyObject, key: &str) -> Option<Ref> {
    let d = as_dict(d)?;
    let k = super::str::intern(key);
    d.get_str_obj(as_str_object(&k)?)
}

/// `d[name]` for a str `name` (usually interned: identity hits first).
#[inline]
pub fn get_item_interned(d: &PyObject, name: &PyObject) -> Option<Ref> {
    let d = as_dict(d)?;
    d.get_str_obj(as_str_object(name)?)
}

/// `d[key] = value` for a str key.
pub fn set_item_str(d: &PyObject, key: &str, value: Ref) {
    if let Some(d) = as_dict(d) {
        let _ = d.set(super::str::intern(key), value);
    }
}

unsafe fn dict_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; the payload is a DictObject (PAYLOAD-1).
    unsafe { std::ptr::drop_in_place(obj.cast::<DictObject>().as_ptr()) }
}

fn dict_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    let d = as_dict(obj).expect("dict");
    for e in d.inner().entries.as_slice() {
        // Exact str keys are never GC objects; CPython's str-keyed tables
        // do not report them either (get_referents shows only values).
        if let Some(k) = e.key.as_ref().filter(|k| exact_str(k).is_none()) {
            v.visit(k.as_ptr());
        }
        if let Some(x) = &e.value {
            v.visit(x.as_ptr());
        }
    }
}

fn dict_clear(obj: &PyObject) {
    as_dict(obj).expect("dict").clear();
}

fn dict_len(obj: &PyObject) -> PyResult<usize> {
    Ok(as_dict(obj).expect("dict").len())
}

fn dict_getitem(obj: &PyObject, key: &PyObject) -> PyResult {
    let d = as_dict(obj).expect("dict");
    if let Some(v) = d.get(key)? {
        return Ok(v);
    }
    if obj.ty().is_heap() {
        if let Some(missing) = obj.ty().lookup(super::names::name!("__missing__")) {
            return super::protocol::call_method_obj(&missing, obj, &[key.to_ref()]);
        }
    }
    Err(key_error(key))
}

fn dict_setitem(obj: &PyObject, key: &PyObject, value: Option<Ref>) -> PyResult<()> {
    let d = as_dict(obj).expect("dict");
    match value {
        Some(v) => d.set(key.to_ref(), v),
        None => match d.remove(key)? {
            Some(_) => Ok(()),
            None => Err(key_error(key)),
        },
    }
}

fn dict_contains(obj: &PyObject, key: &PyObject) -> PyResult<bool> {
    Ok(as_dict(obj).expect("dict").get(key)?.is_some())
}

/// `dict`: the type. Methods and the remaining slots live in
/// `dict_methods.rs`.
pub static DICT_TYPE: TypeObject = TypeObject::new_static(
    "dict",
    std::mem::size_of::<DictObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags(TypeFlags::BASETYPE.0 | TypeFlags::HAS_GC.0 | TypeFlags::DICT_SUBCLASS.0),
    Slots {
        drop: dict_drop,
        traverse: Some(dict_traverse),
        clear: Some(dict_clear),
        len: Cell::new(Some(dict_len)),
        hash: Cell::new(Some(super::protocol::hash_not_implemented)),
        getitem: Cell::new(Some(dict_getitem)),
        setitem: Cell::new(Some(dict_setitem)),
        contains: Cell::new(Some(dict_contains)),
        ..Slots::empty()
    },
    &super::dict_methods::DICT_METHODS,
    &[],
);
