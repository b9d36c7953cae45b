//! `set` and `frozenset`: CPython's open-addressing hash table with linear
//! probes then perturbation (`Objects/setobject.c`), so iteration order
//! matches CPython's wherever hashes do (ints).
//!
//! Invariants:
//! - **SET-1.** `table.len()` is 0 or a power of two >= 8; a slot is
//!   unused (`key == None`, hash 0), dummy (`key == None`, hash -1) or
//!   active.
//! - **SET-2.** `fill` counts active + dummy slots, `used` active ones;
//!   `fill * 5 < mask * 3` after every insertion (else the table grows).
//! - **SET-3 (no re-entry).** As DICT-4: comparisons that may run
//!   `__eq__` hold clones, and a changed `version` restarts the probe.

use std::cell::{Cell, UnsafeCell};
use std::ptr::NonNull;

use pyrite_gc::Visitor;

use super::err::PyResult;
use super::heap::{self, PyVec};
use super::keyeq::{compare_key, key_hash, Probe};
use super::object::{PyObject, PyPayload, Ref};
use super::typeobj::{Slots, TypeFlags, TypeObject};

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

/// One slot.
#[derive(Default)]
pub struct SetEntry {
    /// The key's hash (-1 marks a dummy).
    pub hash: i64,
    /// The key (None: unused or dummy).
    pub key: Option<Ref>,
}

#[derive(Default)]
struct Inner {
    table: PyVec<SetEntry>,
    fill: usize,
    used: usize,
}

/// A set or frozenset.
#[repr(C)]
pub struct SetObject {
    ob: PyObject,
    inner: UnsafeCell<Inner>,
    version: Cell<u64>,
    hash: Cell<i64>,
    /// Where `pop` starts looking (CPython's `finger`).
    finger: Cell<usize>,
}

// SAFETY: PAYLOAD-1 — `#[repr(C)]`, header first; set and frozenset (and
// subclasses) share the layout.
unsafe impl PyPayload for SetObject {
    fn static_type() -> &'static TypeObject {
        &SET_TYPE
    }
}

impl SetObject {
    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    fn inner(&self) -> &mut Inner {
        // SAFETY: SET-3 and OBJ-H4.
        unsafe { &mut *self.inner.get() }
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.inner().used
    }

    /// Whether empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Version counter (iterators check it).
    pub fn version(&self) -> u64 {
        self.version.get()
    }

    /// Cached hash slot (frozenset).
    pub fn cached_hash(&self) -> &Cell<i64> {
        &self.hash
    }

    /// Find the slot holding `key`, if present.
    fn find(&self, key: &PyObject, hash: i64) -> PyResult<Option<usize>> {
        'restart: loop {
            let version = self.version.get();
            let size = self.inner().table.len();
            if size == 0 {
                return Ok(None);
            }
            let mask = size - 1;
            let mut perturb = hash as u64;
            let mut i = (hash as u64 as usize) & mask;
            loop {
                let probes = if i + LINEAR_PROBES <= mask {
                    LINEAR_PROBES
                } else {
                    0
                };
                for j in i..=i + probes {
                    let e = &self.inner().table.as_slice()[j];
                    match &e.key {
                        None if e.hash == 0 => return Ok(None),
                        None => {}
                        Some(k) => {
                            let changed = || self.version.get() != version;
                            match compare_key(k, key, e.hash == hash, changed)? {
                                Probe::Found => return Ok(Some(j)),
                                Probe::Restart => continue 'restart,
                                Probe::Next => {}
                            }
                        }
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i * 5 + 1 + perturb as usize) & mask;
            }
        }
    }

    /// Whether `key` is an element.
    pub fn contains(&self, key: &PyObject) -> PyResult<bool> {
        let hash = key_hash(key)?;
        Ok(self.find(key, hash)?.is_some())
    }

    /// Add `key`; false if it was already there.
    pub fn add(&self, key: Ref) -> PyResult<bool> {
        let hash = key_hash(&key)?;
        self.add_with_hash(key, hash)
    }

    /// Add `key` with a known hash.
    pub fn add_with_hash(&self, key: Ref, hash: i64) -> PyResult<bool> {
        if self.find(&key, hash)?.is_some() {
            return Ok(false);
        }
        if self.inner().table.is_empty() {
            self.resize(MIN_SIZE - 1);
        }
        let track = !heap::is_tracked(&self.ob) && key.ty().flags().contains(TypeFlags::HAS_GC);
        let inner = self.inner();
        let slot = free_slot(inner.table.as_slice(), hash);
        let was_dummy = inner.table.as_slice()[slot].hash == -1;
        inner.table.as_mut_slice()[slot] = SetEntry {
            hash,
            key: Some(key),
        };
        if !was_dummy {
            inner.fill += 1;
        }
        inner.used += 1;
        self.version.set(self.version.get() + 1);
        let mask = inner.table.len() - 1;
        if inner.fill * 5 >= mask * 3 {
            let used = inner.used;
            self.resize(if used > 50000 { used * 2 } else { used * 4 });
        }
        if track {
            heap::track(&self.ob);
        }
        Ok(true)
    }

    /// Rebuild with the smallest table larger than `minused`.
    fn resize(&self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        let inner = self.inner();
        let old = inner.table.take();
        let mut table = PyVec::with_capacity(size).unwrap_or_else(|| exhausted());
        for _ in 0..size {
            table.push(SetEntry::default());
        }
        let mut used = 0;
        let mut old = old;
        for e in old.as_mut_slice() {
            if let Some(k) = e.key.take() {
                let slot = free_slot(table.as_slice(), e.hash);
                table.as_mut_slice()[slot] = SetEntry {
                    hash: e.hash,
                    key: Some(k),
                };
                used += 1;
            }
        }
        inner.table = table;
        inner.fill = used;
        inner.used = used;
        self.version.set(self.version.get() + 1);
    }

    /// Remove `key`; false if absent.
    pub fn discard(&self, key: &PyObject) -> PyResult<bool> {
        let hash = key_hash(key)?;
        let Some(slot) = self.find(key, hash)? else {
            return Ok(false);
        };
        let inner = self.inner();
        let e = &mut inner.table.as_mut_slice()[slot];
        let old = e.key.take();
        e.hash = -1;
        inner.used -= 1;
        self.version.set(self.version.get() + 1);
        drop(old);
        Ok(true)
    }

    /// Remove and return an arbitrary element (CPython's `set.pop` order:
    /// the next active slot from a moving finger).
    pub fn pop(&self) -> Option<Ref> {
        let inner = self.inner();
        let n = inner.table.len();
        if inner.used == 0 || n == 0 {
            return None;
        }
        let mut j = self.finger.get() & (n - 1);
        loop {
            let e = &mut inner.table.as_mut_slice()[j];
            if e.key.is_some() {
                let k = e.key.take();
                e.hash = -1;
                inner.used -= 1;
                self.finger.set(j + 1);
                self.version.set(self.version.get() + 1);
                return k;
            }
            j = (j + 1) & (n - 1);
        }
    }

    /// Table size minus one, as CPython sees it (an empty set still has its
    /// 8-slot small table there).
    fn mask(&self) -> usize {
        self.inner().table.len().max(MIN_SIZE) - 1
    }

    /// `so |= other` for another set (CPython's `set_merge`): one resize up
    /// front, then a slot-for-slot copy or clean inserts into an empty
    /// table, else normal insertions.
    pub fn merge(&self, other: &SetObject) -> PyResult<()> {
        if std::ptr::eq(self, other) || other.is_empty() {
            return Ok(());
        }
        let (fill, oused) = (self.inner().fill, other.inner().used);
        if (fill + oused) * 5 >= self.mask() * 3 {
            self.resize((self.inner().used + oused) * 2);
        }
        if self.inner().fill == 0 {
            if self.inner().table.is_empty() {
                self.resize(MIN_SIZE - 1);
            }
            // Clean inserts run no Python code: `other`'s table is read in
            // place (SET-3), `self` is a different set.
            let src = other.inner().table.as_slice();
            let track = !heap::is_tracked(&self.ob)
                && src.iter().any(|e| {
                    e.key
                        .as_ref()
                        .is_some_and(|k| k.ty().flags().contains(TypeFlags::HAS_GC))
                });
            let same_size =
                self.inner().table.len() == src.len() && other.inner().fill == other.inner().used;
            let inner = self.inner();
            if same_size {
                for (dst, e) in inner.table.as_mut_slice().iter_mut().zip(src) {
                    if let Some(k) = &e.key {
                        *dst = SetEntry {
                            hash: e.hash,
                            key: Some(k.clone()),
                        };
                    }
                }
            } else {
                for e in src {
                    if let Some(k) = &e.key {
                        let slot = free_slot(inner.table.as_slice(), e.hash);
                        inner.table.as_mut_slice()[slot] = SetEntry {
                            hash: e.hash,
                            key: Some(k.clone()),
                        };
                    }
                }
            }
            inner.fill = oused;
            inner.used = oused;
            self.version.set(self.version.get() + 1);
            if track {
                heap::track(&self.ob);
            }
            return Ok(());
        }
        // Normal insertions may run `__eq__`, which may change `other`: as
        // CPython's set_merge, read its table afresh for every slot.
        let mut i = 0;
        while let Some(e) = other.inner().table.as_slice().get(i) {
            if let Some(k) = e.key.clone() {
                let h = e.hash;
                self.add_with_hash(k, h)?;
            }
            i += 1;
        }
        Ok(())
    }

    /// Grow once for about `n` more elements (the up-front resize of
    /// CPython's `set_update_internal` for dicts).
    pub fn presize(&self, n: usize) {
        let (fill, used) = (self.inner().fill, self.inner().used);
        if (fill + n) * 5 >= self.mask() * 3 {
            self.resize((used + n) * 2);
        }
    }

    /// Exchange the contents of two sets (CPython's `set_swap_bodies`).
    pub fn swap_contents(&self, other: &SetObject) {
        std::mem::swap(self.inner(), other.inner());
        self.version.set(self.version.get() + 1);
        other.version.set(other.version.get() + 1);
        for s in [self, other] {
            let has_gc = s.inner().table.as_slice().iter().any(|e| {
                e.key
                    .as_ref()
                    .is_some_and(|k| k.ty().flags().contains(TypeFlags::HAS_GC))
            });
            if has_gc && !heap::is_tracked(&s.ob) {
                heap::track(&s.ob);
            }
        }
    }

    /// `(fill, used, table size)`, for the frozenset hash and `__sizeof__`.
    pub fn counts(&self) -> (usize, usize, usize) {
        let inner = self.inner();
        (inner.fill, inner.used, inner.table.len())
    }

    /// Remove every element.
    pub fn clear(&self) {
        let old = std::mem::take(self.inner());
        self.version.set(self.version.get() + 1);
        drop(old);
    }

    /// Elements in table order.
    pub fn items(&self) -> Vec<Ref> {
        self.inner()
            .table
            .as_slice()
            .iter()
            .filter_map(|e| e.key.clone())
            .collect()
    }

    /// Elements with their hashes, in table order.
    pub fn items_with_hash(&self) -> Vec<(Ref, i64)> {
        self.inner()
            .table
            .as_slice()
            .iter()
            .filter_map(|e| e.key.clone().map(|k| (k, e.hash)))
            .collect()
    }

    /// The element at slot `pos` or later: `(next_pos, key)`.
    pub fn next_entry(&self, pos: usize) -> Option<(usize, Ref)> {
        let t = self.inner().table.as_slice();
        (pos..t.len()).find_map(|j| t[j].key.clone().map(|k| (j + 1, k)))
    }

    /// Bytes of the table (sys.getsizeof).
    pub fn table_bytes(&self) -> usize {
        self.inner().table.capacity() * std::mem::size_of::<SetEntry>()
    }
}

/// The slot a new key with `hash` goes to: the first unused or dummy slot
/// along its probe sequence.
fn free_slot(table: &[SetEntry], hash: i64) -> usize {
    let mask = table.len() - 1;
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
    loop {
        let probes = if i + LINEAR_PROBES <= mask {
            LINEAR_PROBES
        } else {
            0
        };
        for (j, e) in table.iter().enumerate().skip(i).take(probes + 1) {
            if e.key.is_none() {
                return j;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb as usize) & mask;
    }
}

#[cold]
fn exhausted() -> ! {
    eprintln!("MemoryError: set table");
    std::process::exit(1)
}

/// The set payload of `obj` (set, frozenset or a subclass).
#[inline]
pub fn as_set(obj: &PyObject) -> Option<&SetObject> {
    let ty = obj.ty();
    if ty.is_subtype(&SET_TYPE) || ty.is_subtype(&FROZENSET_TYPE) {
        // SAFETY: PAYLOAD-1 — both types (and subclasses) are SetObjects.
        Some(unsafe { &*(obj as *const PyObject as *const SetObject) })
    } else {
        None
    }
}

/// Whether `obj` is a frozenset (or subclass).
pub fn is_frozenset(obj: &PyObject) -> bool {
    obj.ty().is_subtype(&FROZENSET_TYPE)
}

/// A new empty set or frozenset of type `ty`.
pub fn new_set_of_type(ty: &TypeObject) -> Ref {
    let obj = heap::alloc_object(ty, ty.basicsize);
    let s = SetObject {
        ob: PyObject::new(ty),
        inner: UnsafeCell::new(Inner::default()),
        version: Cell::new(0),
        hash: Cell::new(-1),
        finger: Cell::new(0),
    };
    // SAFETY: the block has room for a SetObject.
    unsafe { obj.cast::<SetObject>().as_ptr().write(s) };
    // SAFETY: new object, we own it.
    let r = unsafe { Ref::from_raw(obj) };
    heap::track(&r); // CPython tracks every set from its creation
    r
}

/// A new set of `items`.
pub fn new_set(items: Vec<Ref>) -> PyResult {
    let r = new_set_of_type(&SET_TYPE);
    let s = as_set(&r).expect("set");
    for it in items {
        s.add(it)?;
    }
    Ok(r)
}

/// A new frozenset of `items`.
pub fn new_frozenset(items: Vec<Ref>) -> PyResult {
    let r = new_set_of_type(&FROZENSET_TYPE);
    let s = as_set(&r).expect("frozenset");
    for it in items {
        s.add(it)?;
    }
    Ok(r)
}

unsafe fn set_drop(obj: NonNull<PyObject>) {
    // SAFETY: refcount 0; payload per PAYLOAD-1.
    unsafe { std::ptr::drop_in_place(obj.cast::<SetObject>().as_ptr()) }
}

fn set_traverse(obj: &PyObject, v: &mut Visitor<'_, PyObject>) {
    for e in as_set(obj).expect("set").inner().table.as_slice() {
        if let Some(k) = &e.key {
            v.visit(k.as_ptr());
        }
    }
}

fn set_clear_slot(obj: &PyObject) {
    as_set(obj).expect("set").clear();
}

fn set_len(obj: &PyObject) -> PyResult<usize> {
    Ok(as_set(obj).expect("set").len())
}

fn set_contains(obj: &PyObject, key: &PyObject) -> PyResult<bool> {
    let s = as_set(obj).expect("set");
    match s.contains(key) {
        Err(e) if e.matches(&super::exceptions::TYPE_ERROR) => {
            // `{1} in s` looks for frozenset({1}), as CPython does.
            if let Some(ks) = as_set(key) {
                if !is_frozenset(key) {
                    let f = new_frozenset(ks.items())?;
                    return s.contains(&f);
                }
            }
            Err(e)
        }
        r => r,
    }
}

/// `set`. Methods and operators live in `set_methods.rs`.
pub static SET_TYPE: TypeObject = TypeObject::new_static(
    "set",
    std::mem::size_of::<SetObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags(TypeFlags::BASETYPE.0 | TypeFlags::HAS_GC.0 | TypeFlags::MANAGED_WEAKREF.0),
    Slots {
        drop: set_drop,
        traverse: Some(set_traverse),
        clear: Some(set_clear_slot),
        len: Cell::new(Some(set_len)),
        contains: Cell::new(Some(set_contains)),
        hash: Cell::new(Some(super::protocol::hash_not_implemented)),
        ..Slots::empty()
    },
    &super::set_methods::SET_METHODS,
    &[],
);

/// `frozenset`. Methods and operators live in `set_methods.rs`.
pub static FROZENSET_TYPE: TypeObject = TypeObject::new_static(
    "frozenset",
    std::mem::size_of::<SetObject>(),
    Some(&super::baseobject::OBJECT_TYPE),
    TypeFlags(TypeFlags::BASETYPE.0 | TypeFlags::HAS_GC.0 | TypeFlags::MANAGED_WEAKREF.0),
    Slots {
        drop: set_drop,
        traverse: Some(set_traverse),
        clear: Some(set_clear_slot),
        len: Cell::new(Some(set_len)),
        contains: Cell::new(Some(set_contains)),
        ..Slots::empty()
    },
    &super::set_methods::FROZENSET_METHODS,
    &[],
);
