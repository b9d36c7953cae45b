//! [`Generation`] names, and the four list heads the collector owns: the
//! three generations plus the permanent one (`freeze`).

use core::ptr::NonNull;

use crate::header::{HeaderRef, PREV_FINALIZED};
use crate::{list, GcHeader};

/// Number of collectable generations (CPython's `NUM_GENERATIONS`).
pub const NUM_GENERATIONS: usize = 3;

/// One of the three collectable generations. New objects are tracked in
/// generation 0; survivors of a collection of generation g move to g + 1
/// (generation 2 keeps its own survivors).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Generation {
    /// Generation 0: the youngest, where objects are tracked.
    Young = 0,
    /// Generation 1: survivors of one collection.
    Middle = 1,
    /// Generation 2: long-lived objects; collecting it is a full collection.
    Old = 2,
}

impl Generation {
    /// The three generations, youngest first.
    pub const ALL: [Generation; NUM_GENERATIONS] =
        [Generation::Young, Generation::Middle, Generation::Old];

    /// The generation numbered `index` (0, 1 or 2), as CPython numbers them.
    ///
    /// ```
    /// use pyrite_gc::Generation;
    /// assert_eq!(Generation::from_index(2), Some(Generation::Old));
    /// assert_eq!(Generation::from_index(3), None);
    /// ```
    pub const fn from_index(index: usize) -> Option<Generation> {
        match index {
            0 => Some(Generation::Young),
            1 => Some(Generation::Middle),
            2 => Some(Generation::Old),
            _ => None,
        }
    }

    /// This generation's number: 0, 1 or 2.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The generation its survivors move to (itself for generation 2).
    pub const fn older(self) -> Generation {
        match self {
            Generation::Young => Generation::Middle,
            Generation::Middle | Generation::Old => Generation::Old,
        }
    }
}

impl core::fmt::Display for Generation {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}", self.index())
    }
}

/// Index of the permanent generation's head in [`Lists`].
pub(crate) const PERMANENT: usize = NUM_GENERATIONS;

/// The list heads: generations 0, 1, 2, then the permanent generation.
///
/// Heap-allocated so that moving the collector never moves a head (GC-2),
/// and held through a raw pointer, not a `Box`: a `Box` asserts unique
/// access whenever it is moved, which would invalidate the pointers to the
/// heads that the lists' headers hold (Miri reports it as undefined
/// behaviour under both Stacked and Tree Borrows).
pub(crate) struct Lists {
    heads: NonNull<[GcHeader; NUM_GENERATIONS + 1]>,
}

impl Lists {
    /// Four empty lists.
    pub(crate) fn new() -> Lists {
        let heads = Box::new([
            GcHeader::new(),
            GcHeader::new(),
            GcHeader::new(),
            GcHeader::new(),
        ]);
        let lists = Lists {
            heads: NonNull::from(Box::leak(heads)),
        };
        for head in lists.all() {
            list::init(head);
        }
        lists
    }

    /// The head at `index` (0–2 generations, 3 permanent).
    fn head(&self, index: usize) -> HeaderRef {
        debug_assert!(index <= PERMANENT);
        // SAFETY: index <= PERMANENT stays inside the four-head array.
        let head = unsafe { self.heads.cast::<GcHeader>().add(index) };
        // SAFETY: HR and GC-2 — the heads live, unmoved, as long as `self`;
        // handles are used only while the collector is alive.
        unsafe { HeaderRef::new(head) }
    }

    /// The list of generation `g`.
    pub(crate) fn generation(&self, g: Generation) -> HeaderRef {
        self.head(g.index())
    }

    /// The permanent generation's list.
    pub(crate) fn permanent(&self) -> HeaderRef {
        self.head(PERMANENT)
    }

    /// All four heads, generations first.
    pub(crate) fn all(&self) -> [HeaderRef; NUM_GENERATIONS + 1] {
        [
            self.head(0),
            self.head(1),
            self.head(2),
            self.head(PERMANENT),
        ]
    }
}

impl Drop for Lists {
    /// Leave every still-tracked header untracked (GC-1), so that no header
    /// keeps pointing at the heads about to be freed.
    fn drop(&mut self) {
        for head in self.all() {
            let mut h = head.next_word();
            while h != head.addr() {
                // SAFETY: GC-1 — `h` is the address of a linked header (no
                // collection is running: it borrows the collector).
                let node = unsafe { HeaderRef::new(NonNull::new_unchecked(h as *mut GcHeader)) };
                h = node.next_word();
                node.set_next_word(0);
                node.set_prev_word(node.prev_word() & PREV_FINALIZED);
            }
            list::init(head);
        }
        // SAFETY: `heads` came from `Box::leak` in `new` and is freed once,
        // here; no header points at a head any more (all were untracked).
        drop(unsafe { Box::from_raw(self.heads.as_ptr()) });
    }
}
