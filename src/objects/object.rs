//! The object header every Python object starts with, and [`Ref`], the owned
//! reference: `Clone` increments the refcount, `Drop` decrements it and
//! deallocates the object at zero.
//!
//! Invariants (cited as OBJ-H1 … in safety comments):
//! - **OBJ-H1 (header).** Every object is `#[repr(C)]` and starts with a
//!   [`PyObject`]; a pointer to the object is a pointer to its header.
//! - **OBJ-H2 (type).** `ty` points to a live [`TypeObject`] for as long as
//!   the object lives: static types live forever, and an instance of a heap
//!   type owns a strong reference to its type.
//! - **OBJ-H3 (refcount).** `refcnt` counts the strong references ([`Ref`]s
//!   and raw owned pointers); an object is deallocated exactly when it falls
//!   to zero. Static (immortal) objects start at [`IMMORTAL`], which no
//!   program can decrement to zero.
//! - **OBJ-H4 (one thread).** Objects are touched by one thread only: the
//!   thread that runs the interpreter. `Cell`s are enough, and the statics
//!   below are declared `Sync` on that basis.

use std::cell::Cell;
use std::fmt;
use std::ptr::NonNull;

use super::typeobj::TypeObject;

/// Refcount of a static object: never reaches zero.
pub const IMMORTAL: usize = 1 << 60;

/// The header of every object: CPython's `PyObject`.
#[repr(C)]
pub struct PyObject {
    refcnt: Cell<usize>,
    ty: Cell<NonNull<TypeObject>>,
}

// SAFETY: OBJ-H4 — objects are only ever touched by the interpreter thread;
// statics of these types are shared between threads only by address.
unsafe impl Sync for PyObject {}

impl PyObject {
    /// A header for a static (immortal) object of type `ty`.
    pub const fn new_static(ty: &'static TypeObject) -> PyObject {
        PyObject {
            refcnt: Cell::new(IMMORTAL),
            // SAFETY: a reference is never null.
            ty: Cell::new(unsafe { NonNull::new_unchecked(ty as *const TypeObject as *mut _) }),
        }
    }

    /// A header with refcount 1 for a new heap object of type `ty`; the
    /// caller owns one reference to `ty` if it is a heap type (OBJ-H2).
    pub fn new(ty: &TypeObject) -> PyObject {
        PyObject {
            refcnt: Cell::new(1),
            ty: Cell::new(NonNull::from(ty)),
        }
    }

    /// The object's type.
    #[inline(always)]
    pub fn ty(&self) -> &TypeObject {
        // SAFETY: OBJ-H2 — the type outlives the object.
        unsafe { self.ty.get().as_ref() }
    }

    /// Replace the type pointer (`obj.__class__ = C`); the caller moves the
    /// references to the types (OBJ-H2).
    pub fn set_type(&self, ty: &TypeObject) {
        self.ty.set(NonNull::from(ty));
    }

    /// The reference count.
    #[inline(always)]
    pub fn refcount(&self) -> usize {
        self.refcnt.get()
    }

    /// Add a strong reference. Prefer cloning a [`Ref`].
    #[inline(always)]
    pub fn incref(&self) {
        self.refcnt.set(self.refcnt.get() + 1);
    }

    /// Set the count directly: only for deallocation's PEP 442 step, which
    /// resurrects an object at 0 for `__del__` and then puts the count back
    /// without deallocating twice.
    pub(super) fn set_refcount(&self, n: usize) {
        self.refcnt.set(n);
    }

    /// Drop a strong reference owned by the caller, deallocating at zero.
    ///
    /// # Safety
    ///
    /// The caller owns the reference it drops (OBJ-H3).
    #[inline(always)]
    pub unsafe fn decref(&self) {
        let n = self.refcnt.get() - 1;
        self.refcnt.set(n);
        if n == 0 {
            // SAFETY: the count reached zero: no other reference exists.
            unsafe { super::heap::dealloc(NonNull::from(self)) };
        }
    }

    /// Whether `self` and `other` are the same object (`is`).
    #[inline(always)]
    pub fn is(&self, other: &PyObject) -> bool {
        std::ptr::eq(self, other)
    }

    /// The object's address (`id()`).
    pub fn addr(&self) -> usize {
        self as *const PyObject as usize
    }

    /// Borrow the object as its concrete payload if its type is `T`'s or a
    /// subclass of it.
    #[inline]
    pub fn downcast<T: PyPayload>(&self) -> Option<&T> {
        if self.ty().is_subtype(T::static_type()) {
            // SAFETY: PAYLOAD-1 — an instance of T's type (or a subclass,
            // whose layout extends T's) starts with a T.
            Some(unsafe { &*(self as *const PyObject as *const T) })
        } else {
            None
        }
    }

    /// As [`downcast`](PyObject::downcast) but only for exactly `T`'s type.
    #[inline(always)]
    pub fn downcast_exact<T: PyPayload>(&self) -> Option<&T> {
        if std::ptr::eq(self.ty(), T::static_type()) {
            // SAFETY: PAYLOAD-1 — an instance of T's type starts with a T.
            Some(unsafe { &*(self as *const PyObject as *const T) })
        } else {
            None
        }
    }

    /// Whether the object is an instance of `ty` (or a subclass).
    #[inline]
    pub fn is_instance_of(&self, ty: &TypeObject) -> bool {
        self.ty().is_subtype(ty)
    }

    /// A new owned reference to this object.
    #[inline(always)]
    pub fn to_ref(&self) -> Ref {
        self.incref();
        Ref(NonNull::from(self))
    }
}

/// A Rust struct that is the layout of one built-in type's instances.
///
/// # Safety
///
/// **PAYLOAD-1.** The implementing type is `#[repr(C)]` and starts with a
/// [`PyObject`] (possibly through a base payload), every object whose type
/// is `static_type()` or a subclass of it is laid out as `Self` at its start,
/// and `static_type()` always returns the same type.
pub unsafe trait PyPayload {
    /// The built-in type whose instances have this layout.
    fn static_type() -> &'static TypeObject;
}

/// An owned (strong) reference to an object.
#[repr(transparent)]
pub struct Ref(NonNull<PyObject>);

impl Ref {
    /// Take ownership of a reference the caller owns.
    ///
    /// # Safety
    ///
    /// `ptr` points to a live object and the caller transfers one strong
    /// reference (OBJ-H3).
    #[inline(always)]
    pub unsafe fn from_raw(ptr: NonNull<PyObject>) -> Ref {
        Ref(ptr)
    }

    /// Give up ownership without decrementing; the caller now owns it.
    #[inline(always)]
    pub fn into_raw(self) -> NonNull<PyObject> {
        let p = self.0;
        std::mem::forget(self);
        p
    }

    /// The raw pointer (still owned by `self`).
    #[inline(always)]
    pub fn as_ptr(&self) -> NonNull<PyObject> {
        self.0
    }

    /// A new reference to a static object.
    #[inline(always)]
    pub fn from_static<T>(obj: &'static T) -> Ref {
        // SAFETY: PAYLOAD-1 / OBJ-H1 — static objects start with a header.
        let header = unsafe { &*(obj as *const T as *const PyObject) };
        header.to_ref()
    }

    /// Whether two references point to the same object.
    #[inline(always)]
    pub fn is(&self, other: &PyObject) -> bool {
        std::ptr::eq(self.0.as_ptr(), other)
    }
}

impl std::ops::Deref for Ref {
    type Target = PyObject;
    #[inline(always)]
    fn deref(&self) -> &PyObject {
        // SAFETY: OBJ-H3 — a `Ref` keeps its object alive.
        unsafe { self.0.as_ref() }
    }
}

impl Clone for Ref {
    #[inline(always)]
    fn clone(&self) -> Ref {
        self.incref();
        Ref(self.0)
    }
}

impl Drop for Ref {
    #[inline(always)]
    fn drop(&mut self) {
        // SAFETY: a `Ref` owns one strong reference.
        unsafe { self.0.as_ref().decref() }
    }
}

impl fmt::Debug for Ref {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{} object at {:#x}>", self.ty().name(), self.addr())
    }
}

/// A slot that may hold a reference: `Cell<Option<Ref>>` with the small
/// helpers objects need for their mutable fields.
#[derive(Default)]
pub struct RefCellSlot(Cell<Option<Ref>>);

impl RefCellSlot {
    /// An empty slot (usable in statics).
    pub const fn empty() -> RefCellSlot {
        RefCellSlot(Cell::new(None))
    }

    /// A slot holding `v`.
    pub fn new(v: Option<Ref>) -> RefCellSlot {
        RefCellSlot(Cell::new(v))
    }

    /// A new reference to the value, if any.
    pub fn get(&self) -> Option<Ref> {
        let v = self.0.take();
        let out = v.clone();
        self.0.set(v);
        out
    }

    /// Whether the slot holds a value.
    pub fn is_some(&self) -> bool {
        let v = self.0.take();
        let some = v.is_some();
        self.0.set(v);
        some
    }

    /// Replace the value; the old one is dropped after the slot is updated,
    /// so its destructor sees the new state.
    pub fn set(&self, v: Option<Ref>) {
        drop(self.0.replace(v));
    }

    /// Take the value out.
    pub fn take(&self) -> Option<Ref> {
        self.0.take()
    }

    /// Visit the value's pointer without touching its refcount.
    pub fn peek(&self) -> Option<NonNull<PyObject>> {
        let v = self.0.take();
        let p = v.as_ref().map(|r| r.as_ptr());
        self.0.set(v);
        p
    }
}
