//! The two-word GC header placed before every tracked object: its layout,
//! its flag bits, the object ↔ header address mapping, and the structural
//! invariants `GC-1` … `GC-6` that every other module cites.
//!
//! ```text
//!   caller's allocation:  [ GcHeader: next | prev ][ object ... ]
//!                          ^ header               ^ object = header + HEADER_SIZE
//!
//!   next word:  address of the next header in the list   | bit 0: UNREACHABLE
//!   prev word:  address of the previous header            | bit 1: COLLECTING, bit 0: FINALIZED
//!           or, inside the gc_refs window (GC-3):
//!               gc_refs << PREV_SHIFT                     | bit 1: COLLECTING, bit 0: FINALIZED
//! ```
//!
//! # Invariants
//!
//! - **GC-1 (links).** A header is *tracked* iff its next word is non-zero. A
//!   tracked header is linked into exactly one circular doubly linked list —
//!   a generation, the permanent generation, or one working list of the
//!   running collection — and, outside the gc_refs window (GC-3), for every
//!   linked header `h`: `h.next.prev == h` and `h.prev.next == h`. An
//!   untracked header has next word 0 and prev word 0 or `FINALIZED`.
//! - **GC-2 (placement).** A header sits immediately before its object
//!   (`object = header + HEADER_SIZE`). Its memory belongs to the caller and
//!   stays valid and unmoved while the object is tracked. Object pointers
//!   handed to the collector are derived from the allocation (raw pointer
//!   arithmetic), not from a reference to the object alone, so that they may
//!   reach the header in front (pointer provenance). List heads are
//!   headers owned by the collector, boxed or pinned, never moved while
//!   linked, and their words never carry flags.
//! - **GC-3 (gc_refs window).** From `update_refs` to the end of
//!   `move_unreachable`, the prev word of every header of the working set
//!   holds `gc_refs << PREV_SHIFT | flags`, not an address: only next links
//!   may be followed, and no object-model code that could untrack runs.
//! - **GC-4 (unreachable mark).** `NEXT_UNREACHABLE` is set only on headers
//!   of a collection's tentatively unreachable list, from `move_unreachable`
//!   until `move_legacy_finalizers` (or `clear_unreachable_mask`) clears it,
//!   and no object-model code that could untrack runs in between.
//! - **GC-5 (collecting flag).** `PREV_COLLECTING` is set exactly on the
//!   headers of the running collection's candidate set (the young generation
//!   during deduction, then the unreachable set); outside a collection no
//!   header carries it.
//! - **GC-6 (finalized flag).** Once set, `PREV_FINALIZED` stays set: track,
//!   untrack and every list operation preserve it, so a finalizer runs at
//!   most once per object (PEP 442).

use core::cell::Cell;
use core::mem::{align_of, size_of};
use core::ptr::NonNull;

use static_assertions::{const_assert, const_assert_eq};

/// The GC header: two words placed immediately before every tracked object.
///
/// The caller allocates `HEADER_SIZE + size_of::<Object>()` bytes aligned to
/// at least [`HEADER_ALIGN`], writes [`GcHeader::new`] at the start and its
/// object at offset [`HEADER_SIZE`] (GC-2). The words are private: only the
/// collector reads or writes them.
#[repr(C)]
pub struct GcHeader {
    /// Address of the next header in the list, or 0 when untracked (GC-1);
    /// bit 0 is `NEXT_UNREACHABLE` (GC-4).
    next: Cell<usize>,
    /// Address of the previous header, or gc_refs during the gc_refs window
    /// (GC-3); bit 1 is `PREV_COLLECTING` (GC-5), bit 0 `PREV_FINALIZED` (GC-6).
    prev: Cell<usize>,
}

/// Size of [`GcHeader`]: two machine words (16 bytes on 64-bit targets).
pub const HEADER_SIZE: usize = size_of::<GcHeader>();
/// Alignment of [`GcHeader`]: one machine word (8 bytes on 64-bit targets).
pub const HEADER_ALIGN: usize = align_of::<GcHeader>();

const_assert_eq!(HEADER_SIZE, 2 * size_of::<usize>());
const_assert_eq!(HEADER_ALIGN, align_of::<usize>());
// The object that follows a word-aligned header is word-aligned.
const_assert_eq!(HEADER_SIZE % HEADER_ALIGN, 0);
// Two flag bits live in the low bits of an address: headers need align >= 4.
const_assert!(HEADER_ALIGN >= 4);

/// prev bit 0: the object's finalizer has run (GC-6).
pub(crate) const PREV_FINALIZED: usize = 1; // 0b01
/// prev bit 1: the object belongs to the running collection's set (GC-5).
pub(crate) const PREV_COLLECTING: usize = 2; // 0b10
/// All flag bits of the prev word.
pub(crate) const PREV_FLAGS: usize = PREV_FINALIZED | PREV_COLLECTING; // 0b11
/// gc_refs sit above the flag bits of the prev word.
pub(crate) const PREV_SHIFT: u32 = 2;
/// next bit 0: the header is on the tentatively unreachable list (GC-4).
pub(crate) const NEXT_UNREACHABLE: usize = 1; // 0b01

const_assert_eq!(PREV_FLAGS, (1 << PREV_SHIFT) - 1);
const_assert!(NEXT_UNREACHABLE < HEADER_ALIGN);
const_assert!(PREV_FLAGS < HEADER_ALIGN);

impl GcHeader {
    /// An untracked header, to be written before a new object.
    ///
    /// ```
    /// use pyrite_gc::{GcHeader, HEADER_SIZE};
    /// let h = GcHeader::new();
    /// assert_eq!(core::mem::size_of_val(&h), HEADER_SIZE);
    /// ```
    pub const fn new() -> GcHeader {
        GcHeader {
            next: Cell::new(0),
            prev: Cell::new(0),
        }
    }

    /// Whether this header is linked into one of the collector's lists (GC-1).
    pub fn is_tracked(&self) -> bool {
        self.next.get() != 0
    }

    /// Whether the object's finalizer has already run (GC-6).
    pub fn is_finalized(&self) -> bool {
        self.prev.get() & PREV_FINALIZED != 0
    }

    /// Mark the object finalized, so the collector never runs its finalizer
    /// again (GC-6). A caller running a finalizer outside a collection (for
    /// example from its deallocator) sets this first, as CPython does.
    pub fn set_finalized(&self) {
        self.prev.set(self.prev.get() | PREV_FINALIZED);
    }
}

impl Default for GcHeader {
    fn default() -> GcHeader {
        GcHeader::new()
    }
}

impl core::fmt::Debug for GcHeader {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("GcHeader")
            .field("next", &format_args!("{:#x}", self.next.get()))
            .field("prev", &format_args!("{:#x}", self.prev.get()))
            .finish()
    }
}

/// The header in front of `object`.
///
/// # Safety
///
/// `object` must be an object laid out as GC-2 requires: a [`GcHeader`]
/// immediately before it, inside the same allocation.
#[inline]
pub unsafe fn header_of<T>(object: NonNull<T>) -> NonNull<GcHeader> {
    const {
        assert!(
            align_of::<T>() <= HEADER_ALIGN,
            "object alignment exceeds the GC header's"
        )
    };
    // SAFETY: GC-2 — the header occupies the HEADER_SIZE bytes before the
    // object in the same allocation, so the offset stays in bounds.
    unsafe { object.cast::<u8>().sub(HEADER_SIZE).cast::<GcHeader>() }
}

/// The object behind `header`.
///
/// # Safety
///
/// `header` must be followed by its object as GC-2 requires, inside the same
/// allocation.
#[inline]
pub unsafe fn object_of<T>(header: NonNull<GcHeader>) -> NonNull<T> {
    const {
        assert!(
            align_of::<T>() <= HEADER_ALIGN,
            "object alignment exceeds the GC header's"
        )
    };
    // SAFETY: GC-2 — the object starts HEADER_SIZE bytes after its header in
    // the same allocation.
    unsafe { header.cast::<u8>().add(HEADER_SIZE).cast::<T>() }
}

/// A crate-private handle on a live header: the unit the list and pass code
/// works with.
///
/// Type invariant (HR): the pointer designates a live, initialised
/// [`GcHeader`] — a list head owned by the collector, or the header of an
/// object that is alive (GC-2) — for as long as the handle is used.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct HeaderRef(NonNull<GcHeader>);

impl HeaderRef {
    /// Wrap a header pointer.
    ///
    /// # Safety
    ///
    /// `ptr` must satisfy HR for as long as the handle is used.
    #[inline]
    pub(crate) unsafe fn new(ptr: NonNull<GcHeader>) -> HeaderRef {
        HeaderRef(ptr)
    }

    /// The header of a live GC object.
    ///
    /// # Safety
    ///
    /// `object` must be alive and laid out as GC-2 requires.
    #[inline]
    pub(crate) unsafe fn of_object<T>(object: NonNull<T>) -> HeaderRef {
        // SAFETY: the caller guarantees the GC-2 layout.
        let header = unsafe { header_of(object) };
        HeaderRef(header)
    }

    /// The object behind this header.
    ///
    /// # Safety
    ///
    /// `self` must be an object's header (not a list head), GC-2.
    #[inline]
    pub(crate) unsafe fn object<T>(self) -> NonNull<T> {
        // SAFETY: the caller guarantees this is an object's header (GC-2).
        unsafe { object_of(self.0) }
    }

    /// The header's address, as stored in link words.
    #[inline]
    pub(crate) fn addr(self) -> usize {
        self.0.as_ptr() as usize
    }

    #[inline]
    fn get(&self) -> &GcHeader {
        // SAFETY: HR — the pointer designates a live, initialised header.
        unsafe { self.0.as_ref() }
    }

    /// The raw next word (address | `NEXT_UNREACHABLE`).
    #[inline]
    pub(crate) fn next_word(self) -> usize {
        self.get().next.get()
    }

    /// Overwrite the raw next word.
    #[inline]
    pub(crate) fn set_next_word(self, word: usize) {
        self.get().next.set(word)
    }

    /// The raw prev word (address or gc_refs, | flags).
    #[inline]
    pub(crate) fn prev_word(self) -> usize {
        self.get().prev.get()
    }

    /// Overwrite the raw prev word.
    #[inline]
    pub(crate) fn set_prev_word(self, word: usize) {
        self.get().prev.set(word)
    }

    /// The next header in this header's list.
    ///
    /// # Safety
    ///
    /// `self` must be linked (GC-1): its next word then designates a live
    /// header (the `NEXT_UNREACHABLE` bit is masked off, GC-4).
    #[inline]
    pub(crate) unsafe fn next(self) -> HeaderRef {
        let word = self.next_word() & !NEXT_UNREACHABLE;
        debug_assert!(word != 0, "GC-1: next() on an untracked header");
        // SAFETY: GC-1 — a linked header's next link is a live header, hence
        // non-null and HR-valid.
        HeaderRef(unsafe { NonNull::new_unchecked(word as *mut GcHeader) })
    }

    /// The previous header in this header's list.
    ///
    /// # Safety
    ///
    /// `self` must be linked (GC-1) and outside the gc_refs window (GC-3), so
    /// that its prev word holds an address.
    #[inline]
    pub(crate) unsafe fn prev(self) -> HeaderRef {
        let word = self.prev_word() & !PREV_FLAGS;
        debug_assert!(word != 0, "GC-1: prev() on an untracked header");
        // SAFETY: GC-1 and GC-3 — the prev word of a linked header outside
        // the gc_refs window is the address of a live header.
        HeaderRef(unsafe { NonNull::new_unchecked(word as *mut GcHeader) })
    }

    /// Set the next link, clearing `NEXT_UNREACHABLE`.
    #[inline]
    pub(crate) fn set_next(self, next: HeaderRef) {
        self.set_next_word(next.addr());
    }

    /// Set the prev link, keeping the flag bits (CPython's `_PyGCHead_SET_PREV`).
    #[inline]
    pub(crate) fn set_prev(self, prev: HeaderRef) {
        self.set_prev_word((self.prev_word() & PREV_FLAGS) | prev.addr());
    }

    /// Whether the header is linked into a list (GC-1).
    #[inline]
    pub(crate) fn is_tracked(self) -> bool {
        self.next_word() != 0
    }

    /// Whether `NEXT_UNREACHABLE` is set (GC-4).
    #[inline]
    pub(crate) fn is_unreachable(self) -> bool {
        self.next_word() & NEXT_UNREACHABLE != 0
    }

    /// Whether `PREV_COLLECTING` is set (GC-5).
    #[inline]
    pub(crate) fn is_collecting(self) -> bool {
        self.prev_word() & PREV_COLLECTING != 0
    }

    /// Clear `PREV_COLLECTING` (GC-5).
    #[inline]
    pub(crate) fn clear_collecting(self) {
        self.set_prev_word(self.prev_word() & !PREV_COLLECTING);
    }

    /// Whether `PREV_FINALIZED` is set (GC-6).
    #[inline]
    pub(crate) fn is_finalized(self) -> bool {
        self.prev_word() & PREV_FINALIZED != 0
    }

    /// Set `PREV_FINALIZED` (GC-6).
    #[inline]
    pub(crate) fn set_finalized(self) {
        self.set_prev_word(self.prev_word() | PREV_FINALIZED);
    }

    /// Enter the gc_refs window (GC-3): gc_refs = `refcount`, set
    /// `PREV_COLLECTING`, keep `PREV_FINALIZED`.
    #[inline]
    pub(crate) fn reset_refs(self, refcount: usize) {
        debug_assert!(
            refcount <= usize::MAX >> PREV_SHIFT,
            "refcount overflows gc_refs"
        );
        self.set_prev_word(
            (self.prev_word() & PREV_FINALIZED) | PREV_COLLECTING | (refcount << PREV_SHIFT),
        );
    }

    /// gc_refs, inside the gc_refs window (GC-3).
    #[inline]
    pub(crate) fn refs(self) -> usize {
        self.prev_word() >> PREV_SHIFT
    }

    /// Set gc_refs, keeping the flags (GC-3).
    #[inline]
    pub(crate) fn set_refs(self, refs: usize) {
        self.set_prev_word((self.prev_word() & PREV_FLAGS) | (refs << PREV_SHIFT));
    }

    /// Decrement gc_refs (GC-3). Saturates at zero: a traverse reporting more
    /// references than the refcount (an OBJ-3 violation) must not borrow into
    /// the flag bits.
    #[inline]
    pub(crate) fn decrement_refs(self) {
        let word = self.prev_word();
        debug_assert!(word >> PREV_SHIFT > 0, "OBJ-2/OBJ-3: refcount is too small");
        if word >> PREV_SHIFT > 0 {
            self.set_prev_word(word - (1 << PREV_SHIFT));
        }
    }
}

impl core::fmt::Debug for HeaderRef {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "HeaderRef({:p})", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refs_keep_flags() {
        let h = GcHeader::new();
        // SAFETY: HR — `h` lives for the whole test.
        let r = unsafe { HeaderRef::new(NonNull::from(&h)) };
        r.set_finalized();
        r.reset_refs(3);
        assert!(r.is_collecting() && r.is_finalized());
        assert_eq!(r.refs(), 3);
        r.decrement_refs();
        assert_eq!(r.refs(), 2);
        r.set_refs(0);
        if !cfg!(debug_assertions) {
            // Debug builds assert instead (OBJ-3 violation).
            r.decrement_refs();
        }
        assert_eq!(r.refs(), 0, "decrement saturates at zero");
        assert!(r.is_collecting() && r.is_finalized());
        r.clear_collecting();
        assert!(!r.is_collecting() && r.is_finalized());
    }

    #[test]
    fn header_object_roundtrip() {
        #[repr(C)]
        struct Slot {
            header: GcHeader,
            object: u64,
        }
        let slot = Slot {
            header: GcHeader::new(),
            object: 7,
        };
        let obj = NonNull::from(&slot.object);
        // SAFETY: GC-2 — `Slot` puts the header right before the object.
        let h = unsafe { header_of(obj) };
        assert_eq!(h, NonNull::from(&slot.header));
        // SAFETY: GC-2, as above.
        let back: NonNull<u64> = unsafe { object_of(h) };
        assert_eq!(back, obj);
    }
}
