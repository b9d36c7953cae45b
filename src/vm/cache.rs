//! Inline caches of the eval loop, kept beside each code object: for every
//! name of `co_names`, where `LOAD_GLOBAL` last found it — the globals (or
//! builtins) dict, its version and the entry index (CPython 3.11's
//! `LOAD_GLOBAL_MODULE` / `LOAD_GLOBAL_BUILTIN`) — and where `LOAD_ATTR`
//! last found it in an instance dict ([`AttrCache`], CPython's
//! `LOAD_ATTR_WITH_HINT`).
//!
//! A hit costs two pointer compares, one or two version compares and the
//! load of the entry's value; the value itself is not cached, so a
//! rebinding of the global (which keeps the entry where it is) is seen at
//! once. DICT-5 makes a (dict address, version) pair name one state of one
//! dict, so an entry can only match the dict and the state it was made
//! for, even when a dict dies and another is made at its address.

use std::cell::Cell;
use std::ptr;

use crate::objects::attr;
use crate::objects::dict::DictObject;
use crate::objects::heap;
use crate::objects::object::{PyObject, Ref};
use crate::objects::str::as_str_object;
use crate::objects::typecache;
use crate::objects::typeobj::{TypeFlags, TypeObject};

/// Every inline cache of one name of a code object.
#[derive(Default)]
pub struct NameCaches {
    /// `LOAD_GLOBAL`.
    pub global: GlobalCache,
    /// `LOAD_ATTR`.
    pub attr: AttrCache,
    /// `LOAD_METHOD`.
    pub method: MethodCache,
    /// `STORE_ATTR`.
    pub store: StoreCache,
}

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

/// The `LOAD_ATTR` cache of one name of a code object: for instances of
/// `ty` (while the type-cache epoch is `epoch`, TCACHE-1), the attribute
/// is the object's own — the type has no data descriptor of that name and
/// uses the generic `__getattribute__` — found at index `ix` of the type's
/// shared keys when `in_values` (CPython 3.11's `LOAD_ATTR_INSTANCE_VALUE`:
/// the index is exact, since a type's keys only grow, KEYS-1), or last
/// found at entry `ix` of the instance dict otherwise (instances made
/// alike fill their dicts in the same order, so the index is a good guess:
/// `LOAD_ATTR_WITH_HINT`).
#[derive(Clone, Copy)]
struct AttrEntry {
    ty: *const TypeObject,
    epoch: u64,
    ix: usize,
    in_values: bool,
}

/// See [`AttrEntry`].
pub struct AttrCache(Cell<AttrEntry>);

impl Default for AttrCache {
    fn default() -> AttrCache {
        AttrCache::new()
    }
}

impl AttrCache {
    /// An empty entry.
    pub const fn new() -> AttrCache {
        AttrCache(Cell::new(AttrEntry {
            ty: ptr::null(),
            epoch: 0,
            ix: 0,
            in_values: false,
        }))
    }

    /// `obj.name` if the entry applies and the object holds `name` where
    /// the entry says.
    #[inline(always)]
    pub fn get(&self, obj: &PyObject, name: &PyObject) -> Option<Ref> {
        let e = self.0.get();
        if !ptr::eq(e.ty, obj.ty()) || e.epoch != typecache::epoch() {
            return None;
        }
        if e.in_values {
            // VALUES-2: `ix` is an index of this type's keys, inside every
            // values array of its instances.
            return attr::instance_values(obj).and_then(|v| v.get(e.ix));
        }
        // SAFETY: HEAP-2 — the entry was made for this type only after
        // checking it has MANAGED_DICT, and a type's flags stay as they
        // are for the epoch.
        let slot = unsafe { heap::dict_slot(obj) };
        let d = slot.take();
        let v = d
            .as_ref()
            .and_then(|d| d.downcast_exact::<DictObject>())
            .and_then(|d| d.value_at_index_if_key(e.ix, name));
        slot.set(d);
        v
    }

    /// After a slow `obj.name` lookup: remember where the value was if it
    /// was the object's own attribute of a plain class instance.
    #[cold]
    #[inline(never)]
    pub fn fill(&self, obj: &PyObject, name: &PyObject) {
        let ty = obj.ty();
        let epoch = typecache::epoch();
        if !ty.has_generic_getattr() || !ty.flags().contains(TypeFlags::MANAGED_DICT) {
            return;
        }
        if ty
            .lookup(name)
            .is_some_and(|d| crate::objects::attr::is_data_descriptor(&d))
        {
            return;
        }
        let found = if let Some(values) = attr::instance_values(obj) {
            ty.shared_keys
                .index_of(name)
                .filter(|&ix| values.get(ix).is_some())
                .map(|ix| (ix, true))
        } else {
            let Some(key) = as_str_object(name) else {
                return;
            };
            // SAFETY: HEAP-2 — MANAGED_DICT checked above.
            let slot = unsafe { heap::dict_slot(obj) };
            let d = slot.take();
            let ix = d
                .as_ref()
                .and_then(|d| d.downcast_exact::<DictObject>())
                .and_then(|d| d.index_of_str(key));
            slot.set(d);
            ix.map(|ix| (ix, false))
        };
        if let Some((ix, in_values)) = found {
            if typecache::epoch() == epoch {
                self.0.set(AttrEntry {
                    ty,
                    epoch,
                    ix,
                    in_values,
                });
            }
        }
    }
}

/// `keys_len` of a [`MethodEntry`] for a type whose instances have no
/// attributes of their own.
const NO_INSTANCE_ATTRS: usize = usize::MAX;

/// The `LOAD_METHOD` cache of one name (CPython 3.11's
/// `LOAD_METHOD_NO_DICT` / `LOAD_METHOD_WITH_VALUES`): for instances of
/// `ty` (while the epoch is `epoch`, TCACHE-1), whose type uses the
/// generic `__getattribute__`, the name is the plain method at `method`,
/// held by a dict of the type's MRO, and no attribute of the instance
/// shadows it — the type's instances have none (`keys_len ==
/// NO_INSTANCE_ATTRS`), or the name was not among the type's `keys_len`
/// shared keys and the instance has no dict: while the keys still number
/// `keys_len`, it is still not one of them (KEYS-1, append-only).
#[derive(Clone, Copy)]
struct MethodEntry {
    ty: *const TypeObject,
    epoch: u64,
    method: *const PyObject,
    keys_len: usize,
}

/// See [`MethodEntry`].
pub struct MethodCache(Cell<MethodEntry>);

impl Default for MethodCache {
    fn default() -> MethodCache {
        MethodCache::new()
    }
}

impl MethodCache {
    /// An empty entry.
    pub const fn new() -> MethodCache {
        MethodCache(Cell::new(MethodEntry {
            ty: ptr::null(),
            epoch: 0,
            method: ptr::null(),
            keys_len: 0,
        }))
    }

    /// The method `obj.name(...)` calls with `obj` as self, if the entry
    /// applies.
    #[inline(always)]
    pub fn get(&self, obj: &PyObject) -> Option<Ref> {
        let e = self.0.get();
        let ty = obj.ty();
        if !ptr::eq(e.ty, ty) || e.epoch != typecache::epoch() {
            return None;
        }
        if e.keys_len != NO_INSTANCE_ATTRS
            && (ty.shared_keys.len() != e.keys_len || attr::has_dict(obj))
        {
            return None;
        }
        // SAFETY: TCACHE-1/2 — while the epoch is current, the type dict
        // that held the method when the entry was made is alive and still
        // holds it: a type's dict changes only after the epoch has ended.
        Some(unsafe { &*e.method }.to_ref())
    }

    /// After `LOAD_METHOD` found `method`, a plain method of `obj`'s type
    /// (which uses the generic `__getattribute__`), unshadowed: remember it
    /// when the instance attributes can be checked as [`MethodEntry`] says.
    #[cold]
    #[inline(never)]
    pub fn fill(&self, obj: &PyObject, name: &PyObject, method: &PyObject) {
        let ty = obj.ty();
        let keys_len = if !ty.flags().contains(TypeFlags::MANAGED_DICT) {
            NO_INSTANCE_ATTRS
        } else if attr::has_dict(obj) || ty.shared_keys.index_of(name).is_some() {
            return;
        } else {
            ty.shared_keys.len()
        };
        self.0.set(MethodEntry {
            ty,
            epoch: typecache::epoch(),
            method,
            keys_len,
        });
    }
}

/// The `STORE_ATTR` cache of one name (CPython 3.11's
/// `STORE_ATTR_INSTANCE_VALUE`): for instances of `ty` (while the epoch is
/// `epoch`), assigning the name is the generic assignment into the
/// instance's own attributes — the type's `__setattr__` is `object`'s and
/// no data descriptor of that name is on the type — and the name is index
/// `ix` of the type's shared keys.
#[derive(Clone, Copy)]
struct StoreEntry {
    ty: *const TypeObject,
    epoch: u64,
    ix: usize,
}

/// See [`StoreEntry`].
pub struct StoreCache(Cell<StoreEntry>);

impl Default for StoreCache {
    fn default() -> StoreCache {
        StoreCache::new()
    }
}

impl StoreCache {
    /// An empty entry.
    pub const fn new() -> StoreCache {
        StoreCache(Cell::new(StoreEntry {
            ty: ptr::null(),
            epoch: 0,
            ix: 0,
        }))
    }

    /// `obj.name = v` if the entry applies and `obj` keeps inline values;
    /// otherwise `v` comes back for the slow path.
    #[inline(always)]
    pub fn store(&self, obj: &PyObject, v: Ref) -> Result<(), Ref> {
        let e = self.0.get();
        if !ptr::eq(e.ty, obj.ty()) || e.epoch != typecache::epoch() {
            return Err(v);
        }
        // A new instance's first attribute makes its values array here.
        let Some(values) = attr::instance_values(obj).or_else(|| attr::new_instance_values(obj))
        else {
            return Err(v);
        };
        // VALUES-2: `ix` is an index of this type's keys, inside every values
        // array of its instances. The old value is dropped once the array is
        // consistent.
        drop(values.set(e.ix, v));
        Ok(())
    }

    /// After a slow `obj.name = v`: remember where the value went if it
    /// went into `obj`'s inline values by the generic assignment.
    #[cold]
    #[inline(never)]
    pub fn fill(&self, obj: &PyObject, name: &PyObject) {
        let ty = obj.ty();
        let epoch = typecache::epoch();
        if !ty.has_generic_setattr() || attr::instance_values(obj).is_none() {
            return;
        }
        if ty
            .lookup(name)
            .is_some_and(|d| crate::objects::attr::is_data_descriptor(&d))
        {
            return;
        }
        if let Some(ix) = ty.shared_keys.index_of(name) {
            if typecache::epoch() == epoch {
                self.0.set(StoreEntry { ty, epoch, ix });
            }
        }
    }
}
