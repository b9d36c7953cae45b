//! How the cycle collector sees Python objects: the `GcObject` impl for
//! [`PyObject`], dispatching to the type's slots. The instance attributes
//! (inline values or managed `__dict__`), the member slots and
//! a heap instance's reference to its type are reported here, once, so
//! per-type `traverse`/`clear` slots handle only their own payload.

use std::ptr::NonNull;

use pyrite_gc::{GcObject, Visitor};

use super::heap;
use super::object::PyObject;
use super::typeobj::TypeFlags;

// SAFETY: OBJ-1 — GC types are allocated by `heap::alloc_object` with the
// header right before the object (HEAP-2). OBJ-2/3 — every strong reference
// a container holds is reported by its type's `traverse` slot plus the dict
// slot and the heap type reported below. OBJ-4 — the pure methods only read.
// OBJ-5 — `dealloc` untracks. OBJ-7 — slots report errors as values.
// OBJ-8 — weak references hold raw referent pointers, never counted nor
// traversed, and the reported ones are weakref objects (GC types).
unsafe impl GcObject for PyObject {
    #[inline]
    fn refcount(&self) -> usize {
        PyObject::refcount(self)
    }

    #[inline]
    fn incref(&self) {
        PyObject::incref(self)
    }

    unsafe fn decref(this: NonNull<Self>) {
        // SAFETY: the caller owns the reference it drops.
        unsafe { this.as_ref().decref() }
    }

    #[inline]
    fn is_gc(&self) -> bool {
        let flags = self.ty().flags();
        if !flags.contains(TypeFlags::HAS_GC) {
            return false;
        }
        // CPython's `type_is_gc`: a static type is an object of a GC type
        // (`type`) but a static (TYPE-1), with no header in front of it.
        if flags.contains(TypeFlags::TYPE_SUBCLASS) {
            return super::typetype::as_type(self).is_some_and(|t| t.is_heap());
        }
        true
    }

    /// In CPython's `subtype_traverse` order: member slots, instance
    /// attributes, the heap type, then the payload (what `gc.get_referents`
    /// lists, in that order).
    fn traverse(&self, visitor: &mut Visitor<'_, Self>) {
        let ty = self.ty();
        for i in 0..ty.nmembers {
            // SAFETY: MEMBER-1 — `i < nmembers`.
            if let Some(p) = unsafe { heap::member_slot(self, i) }.peek() {
                visitor.visit(p);
            }
        }
        if ty.flags().contains(TypeFlags::MANAGED_DICT) {
            super::attr::traverse_instance_attrs(self, visitor);
        }
        if ty.is_heap() {
            visitor.visit(NonNull::from(ty.as_object()));
        }
        if let Some(t) = ty.slots.traverse {
            t(self, visitor);
        }
    }

    fn clear(&self) {
        let ty = self.ty();
        if ty.flags().contains(TypeFlags::MANAGED_DICT) {
            super::attr::clear_instance_attrs(self);
        }
        for i in 0..ty.nmembers {
            // SAFETY: MEMBER-1 — `i < nmembers`.
            unsafe { heap::member_slot(self, i) }.set(None);
        }
        if let Some(c) = ty.slots.clear {
            c(self);
        }
    }

    fn has_finalizer(&self) -> bool {
        self.ty().flags().contains(TypeFlags::HAS_FINALIZER)
    }

    fn finalize(&self) {
        super::instance::call_del(self);
    }

    fn clear_if_weakref(&self) {
        super::weakref::gc_clear_if_weakref(self);
    }

    fn clear_weakrefs_to(&self, callbacks: &mut Vec<NonNull<Self>>) {
        super::weakref::gc_clear_weakrefs_to(self, callbacks);
    }

    fn call_weakref_callback(&self) {
        super::weakref::gc_call_callback(self);
    }

    fn may_untrack(&self, full_collection: bool) -> bool {
        super::tuple::may_untrack(self) || (full_collection && super::dict::may_untrack(self))
    }

    fn type_name(&self) -> &str {
        // The name of a static type is a `&'static str`; a heap type's is
        // owned by the type, which outlives this call.
        let name = self.ty().name();
        // SAFETY: the Cow's text lives as long as the type (OBJ-H2), longer
        // than the borrow of `self`.
        unsafe { &*(&**name as *const str) }
    }
}
