//! Instance attributes kept inline, as CPython 3.11's split keys and
//! values: a class keeps the attribute names its instances use in one
//! [`SharedKeys`] table, and each instance keeps only a [`Values`] array —
//! one word per name plus the order the names were set in — instead of a
//! dict of its own. The dict is made only when it is asked for
//! (`__dict__`, `vars()`) or when a name cannot be shared (`attr.rs`).
//!
//! Invariants:
//! - **VALUES-1 (one home).** An instance of a MANAGED_DICT type keeps its
//!   attributes in at most one place: the values word or the dict word of
//!   its pre-header (HEAP-2), never both. Only types with INLINE_VALUES
//!   ever set the values word.
//! - **VALUES-2 (room).** A values array belongs to the shared keys of its
//!   object's type and has room for every index those keys hold or will
//!   ever hold: it is made with `capacity = len + usable` of the keys, an
//!   insertion moves one from `usable` to `len`, and a new array lowers
//!   `usable` (CPython's `init_inline_values`), so `len + usable` never
//!   grows. `__class__` assignment moves the values into a dict first.
//! - **VALUES-3 (order).** `order[..len]` are the distinct indices of
//!   exactly the slots that hold a value, in the order they were set.
//! - **KEYS-1.** Shared keys are distinct interned exact strs, only ever
//!   appended, at most [`SHARED_KEYS_MAX`] of them.
//! - **KEYS-2.** The names vector is only pushed to by [`SharedKeys::insert`],
//!   which runs no code while it holds the borrow; slices handed out by
//!   [`SharedKeys::names`] end before any insertion (one thread, OBJ-H4).

use std::cell::{Cell, UnsafeCell};
use std::ptr::NonNull;

use super::heap::{self, PyVec};
use super::object::{PyObject, Ref};
use super::str::{as_str_object, intern_obj, is_exact_str, str_eq};

/// Most names one class shares (CPython's `SHARED_KEYS_MAX_SIZE`).
pub const SHARED_KEYS_MAX: usize = 30;

/// The attribute names the instances of one class share (KEYS-1/2).
pub struct SharedKeys {
    names: UnsafeCell<PyVec<Ref>>,
    /// Names that may still be added; lowered by one for each new values
    /// array while above one (VALUES-2).
    usable: Cell<usize>,
}

impl Default for SharedKeys {
    fn default() -> SharedKeys {
        SharedKeys::new()
    }
}

impl SharedKeys {
    /// An empty table (usable in statics).
    pub const fn new() -> SharedKeys {
        SharedKeys {
            names: UnsafeCell::new(PyVec::new()),
            usable: Cell::new(SHARED_KEYS_MAX),
        }
    }

    /// The names, in index order.
    #[inline(always)]
    pub fn names(&self) -> &[Ref] {
        // SAFETY: KEYS-2 — no insertion happens while this slice is alive.
        unsafe { &*self.names.get() }.as_slice()
    }

    /// Number of names.
    pub fn len(&self) -> usize {
        self.names().len()
    }

    /// Whether no name is shared yet.
    pub fn is_empty(&self) -> bool {
        self.names().is_empty()
    }

    /// The index of `name` (a str), if it is shared.
    #[inline]
    pub fn index_of(&self, name: &PyObject) -> Option<usize> {
        let names = self.names();
        if let Some(i) = names.iter().position(|n| n.is(name)) {
            return Some(i);
        }
        let s = as_str_object(name)?;
        if s.is_interned() {
            // KEYS-1: an interned str equal to a key would be that key.
            return None;
        }
        names
            .iter()
            .position(|n| as_str_object(n).is_some_and(|k| str_eq(k, s)))
    }

    /// The index of `name`, adding it if there is room; `None` for a name
    /// that cannot be shared (not an exact str, or the table is full).
    pub fn insert(&self, name: &PyObject) -> Option<usize> {
        if let Some(i) = self.index_of(name) {
            return Some(i);
        }
        if !is_exact_str(name) || self.usable.get() == 0 {
            return None;
        }
        let key = intern_obj(name);
        // SAFETY: KEYS-2 — no slice of the names is alive here, and `push`
        // runs no Python code.
        unsafe { &mut *self.names.get() }.push(key);
        self.usable.set(self.usable.get() - 1);
        Some(self.len() - 1)
    }

    /// The capacity of a new values array (CPython's `init_inline_values`:
    /// each new instance leaves room for one name fewer, down to one more
    /// than the class has now).
    fn new_capacity(&self) -> usize {
        let usable = self.usable.get();
        if usable > 1 {
            self.usable.set(usable - 1);
        }
        self.len() + self.usable.get()
    }
}

/// One instance's attribute values (VALUES-2/3). A block of the heap:
/// byte 0 the capacity, byte 1 the number set, then the insertion order
/// (one byte per index), then, from the next word, one `Option<Ref>` slot
/// per index.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Values(NonNull<u8>);

/// Offset of the first slot in an array of capacity `cap`.
const fn slots_offset(cap: usize) -> usize {
    (cap + 2).next_multiple_of(std::mem::size_of::<usize>())
}

/// Bytes of an array of capacity `cap`.
const fn block_size(cap: usize) -> usize {
    slots_offset(cap) + cap * std::mem::size_of::<Option<Ref>>()
}

impl Values {
    /// A new empty array with room for every index `keys` can ever give
    /// (VALUES-2).
    pub fn new_for(keys: &SharedKeys) -> Values {
        let cap = keys.new_capacity();
        debug_assert!((1..=SHARED_KEYS_MAX).contains(&cap));
        let size = block_size(cap);
        let p = heap::alloc_bytes(size);
        // SAFETY: a fresh block of `size` bytes: zero is "nothing set" for
        // the counts and `None` for every slot.
        unsafe { p.write_bytes(0, size) };
        // SAFETY: byte 0 of the block; `cap <= SHARED_KEYS_MAX` fits a byte.
        unsafe { p.write(cap as u8) };
        Values(p)
    }

    /// An array from its raw pointer (a pre-header values word).
    ///
    /// # Safety
    ///
    /// `p` came from [`Values::into_raw`] and the array is not freed.
    #[inline(always)]
    pub unsafe fn from_raw(p: NonNull<u8>) -> Values {
        Values(p)
    }

    /// The raw pointer, for the pre-header word.
    #[inline(always)]
    pub fn into_raw(self) -> NonNull<u8> {
        self.0
    }

    /// Slots.
    #[inline(always)]
    pub fn capacity(self) -> usize {
        // SAFETY: byte 0 of a live array is its capacity.
        unsafe { *self.0.as_ptr() as usize }
    }

    /// Number of slots holding a value.
    #[inline(always)]
    pub fn len(self) -> usize {
        // SAFETY: byte 1 of a live array is its length (VALUES-3).
        unsafe { *self.0.as_ptr().add(1) as usize }
    }

    /// Whether no slot holds a value.
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    fn set_len(self, n: usize) {
        // SAFETY: byte 1 of a live array; `n <= capacity <= 30`.
        unsafe { *self.0.as_ptr().add(1) = n as u8 };
    }

    /// The index set `k`-th (`k < len`), VALUES-3.
    #[inline]
    pub fn order_at(self, k: usize) -> usize {
        debug_assert!(k < self.len());
        // SAFETY: bytes `2..2 + capacity` are the order; `k < len <= capacity`.
        unsafe { *self.0.as_ptr().add(2 + k) as usize }
    }

    fn set_order_at(self, k: usize, ix: usize) {
        // SAFETY: as `order_at`; `k < capacity`, `ix < capacity <= 30`.
        unsafe { *self.0.as_ptr().add(2 + k) = ix as u8 };
    }

    #[inline(always)]
    fn slot(self, ix: usize) -> *mut Option<Ref> {
        debug_assert!(ix < self.capacity(), "VALUES-2");
        // SAFETY: slot `ix < capacity` lies inside the block (VALUES-2).
        unsafe {
            self.0
                .as_ptr()
                .add(slots_offset(self.capacity()))
                .cast::<Option<Ref>>()
                .add(ix)
        }
    }

    /// The value at index `ix` (`ix` from the object's type's keys).
    #[inline(always)]
    pub fn get(self, ix: usize) -> Option<Ref> {
        // SAFETY: VALUES-2 — the slot is inside the live array; cloning a
        // Ref runs no Python code.
        unsafe { (*self.slot(ix)).clone() }
    }

    /// The value at index `ix` without touching its refcount (traverse).
    pub fn peek(self, ix: usize) -> Option<NonNull<PyObject>> {
        // SAFETY: VALUES-2, as `get`.
        unsafe { (*self.slot(ix)).as_ref().map(Ref::as_ptr) }
    }

    /// Store `v` at index `ix`; the old value comes back for the caller to
    /// drop once the array is consistent again.
    pub fn set(self, ix: usize, v: Ref) -> Option<Ref> {
        // SAFETY: VALUES-2; the write runs no code.
        let old = unsafe { self.slot(ix).replace(Some(v)) };
        if old.is_none() {
            let n = self.len();
            self.set_order_at(n, ix);
            self.set_len(n + 1);
        }
        old
    }

    /// Take the value at index `ix` out (deleting the attribute).
    pub fn take(self, ix: usize) -> Option<Ref> {
        // SAFETY: VALUES-2; the write runs no code.
        let old = unsafe { self.slot(ix).replace(None) };
        if old.is_some() {
            let n = self.len();
            let k = (0..n)
                .find(|&k| self.order_at(k) == ix)
                .expect("VALUES-3: a set slot is in the order");
            for j in k..n - 1 {
                self.set_order_at(j, self.order_at(j + 1));
            }
            self.set_len(n - 1);
        }
        old
    }

    /// Free the array, dropping its values one by one.
    ///
    /// # Safety
    ///
    /// Nothing refers to the array any more (its pre-header word is
    /// already cleared), so code run by the drops cannot reach it.
    pub unsafe fn release(self) {
        for ix in 0..self.capacity() {
            // SAFETY: VALUES-2; the caller's guarantee keeps the block ours.
            drop(unsafe { self.slot(ix).replace(None) });
        }
        // SAFETY: the block came from `alloc_bytes` with this size.
        unsafe { heap::free_bytes(self.0, block_size(self.capacity())) };
    }

    /// Check VALUES-3 (tests and debug builds).
    pub fn check(self) -> bool {
        let n = self.len();
        let mut seen = 0u64;
        for k in 0..n {
            let ix = self.order_at(k);
            if ix >= self.capacity() || seen & (1 << ix) != 0 || self.peek(ix).is_none() {
                return false;
            }
            seen |= 1 << ix;
        }
        (0..self.capacity()).all(|ix| (seen & (1 << ix) != 0) == self.peek(ix).is_some())
    }
}

/// Where a values word lives and what it holds: `None` when null.
///
/// # Safety
///
/// `word` is an object's values word (HEAP-2) holding null or a live
/// array (VALUES-1).
#[inline(always)]
pub unsafe fn from_word(word: &Cell<*mut u8>) -> Option<Values> {
    NonNull::new(word.get()).map(Values)
}

/// Check VALUES-1..3 and KEYS-1 on every object the collector tracks (all
/// class instances are among them); returns how many keep inline values.
/// O(n); the tests call it after running programs.
///
/// # Errors
///
/// A description of the first violation found.
pub fn check_tracked_objects() -> Result<usize, String> {
    let mut with_values = 0;
    for p in heap::heap().gc.objects(None) {
        // SAFETY: OBJ-2 — a tracked object is alive while nothing runs.
        let obj = unsafe { p.as_ref() };
        with_values += usize::from(check_object(obj)?);
    }
    Ok(with_values)
}

/// Whether `obj` keeps inline values, after checking them.
fn check_object(obj: &PyObject) -> Result<bool, String> {
    use super::typeobj::TypeFlags;
    let ty = obj.ty();
    let name = || ty.name().to_string();
    let keys = ty.shared_keys.names();
    if keys.len() > SHARED_KEYS_MAX
        || keys.iter().enumerate().any(|(i, k)| {
            !is_exact_str(k)
                || !as_str_object(k).is_some_and(|s| s.is_interned())
                || keys[..i].iter().any(|o| o.is(k))
        })
    {
        return Err(format!("KEYS-1: shared keys of {}", name()));
    }
    let Some(values) = super::attr::instance_values(obj) else {
        return Ok(false);
    };
    if !ty.flags().contains(TypeFlags::INLINE_VALUES) {
        return Err(format!("VALUES-1: a {} has values", name()));
    }
    if super::attr::has_dict(obj) {
        return Err(format!("VALUES-1: a {} has values and a dict", name()));
    }
    if values.capacity() < keys.len() {
        return Err(format!(
            "VALUES-2: a {} has room for {} of {} names",
            name(),
            values.capacity(),
            keys.len()
        ));
    }
    if !values.check() {
        return Err(format!("VALUES-3: order of a {}'s values", name()));
    }
    Ok(true)
}
