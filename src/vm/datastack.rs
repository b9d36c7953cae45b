//! The per-thread data stack: the memory of the frames that run on the
//! Rust stack (CPython's `_PyThreadState_PushFrame` data stack). A call
//! carves its fast locals, cells and value stack from the top of the
//! current chunk by bumping a pointer, and gives them back on return.
//!
//! Cost: [`alloc`] is one thread-local access, a compare and a store;
//! [`release`] the same. A frame that does not fit starts a new chunk (the
//! slow path), kept as a spare when it empties so a call loop at a chunk
//! boundary does not go to the system allocator every time.
//!
//! Invariants:
//! - **DS-1 (LIFO).** Regions are released in the reverse order of their
//!   allocation: only frames living on the Rust stack take regions here
//!   (generator frames own their storage), and a frame releases its region
//!   when it is dropped.
//! - **DS-2 (chunk).** `top..limit` is the free part of the current chunk;
//!   every region handed out lies inside one chunk and stays valid until it
//!   is released.

use std::alloc::{dealloc, Layout};
use std::cell::Cell;
use std::ptr::{self, NonNull};

/// One word of frame memory: a fast local, a cell, or a stack value.
pub type Slot = usize;

/// Slots in a chunk unless a single frame needs more (256 KiB).
const CHUNK_SLOTS: usize = 32 * 1024;

/// A chunk's header, at its start; the slots follow.
#[repr(C)]
struct Chunk {
    /// The chunk that was current before this one (null for the first).
    prev: *mut Chunk,
    /// The previous chunk's `top` when this one became current.
    prev_top: *mut Slot,
    /// Slots after the header.
    slots: usize,
}

const HEADER_SLOTS: usize = std::mem::size_of::<Chunk>() / std::mem::size_of::<Slot>();

struct DataStack {
    /// First free slot of the current chunk (DS-2).
    top: Cell<*mut Slot>,
    /// End of the current chunk.
    limit: Cell<*mut Slot>,
    /// The current chunk (null before the first allocation).
    chunk: Cell<*mut Chunk>,
    /// An emptied chunk kept for the next overflow.
    spare: Cell<*mut Chunk>,
}

thread_local! {
    static DS: DataStack = const {
        DataStack {
            top: Cell::new(ptr::null_mut()),
            limit: Cell::new(ptr::null_mut()),
            chunk: Cell::new(ptr::null_mut()),
            spare: Cell::new(ptr::null_mut()),
        }
    };
    /// Frees the chunks when the thread ends (touched only on the slow path).
    static CHUNKS_FREED_AT_EXIT: ExitGuard = const { ExitGuard };
}

struct ExitGuard;

impl Drop for ExitGuard {
    fn drop(&mut self) {
        let _ = DS.try_with(|d| {
            let mut c = d.chunk.replace(ptr::null_mut());
            while !c.is_null() {
                // SAFETY: DS-2 — `c` is a live chunk of this thread; no
                // frame runs any more (the thread is exiting).
                let prev = unsafe { (*c).prev };
                free_chunk(c);
                c = prev;
            }
            free_chunk(d.spare.replace(ptr::null_mut()));
            d.top.set(ptr::null_mut());
            d.limit.set(ptr::null_mut());
        });
    }
}

fn chunk_layout(slots: usize) -> Layout {
    Layout::array::<Slot>(HEADER_SLOTS + slots).expect("data stack chunk size")
}

fn free_chunk(c: *mut Chunk) {
    if c.is_null() {
        return;
    }
    // SAFETY: DS-2 — `c` came from `alloc` with this layout and is no
    // longer current; its header is initialised.
    unsafe {
        let layout = chunk_layout((*c).slots);
        dealloc(c.cast(), layout);
    }
}

/// The first slot of chunk `c`.
fn chunk_data(c: *mut Chunk) -> *mut Slot {
    // SAFETY: DS-2 — the slots follow the header inside the allocation.
    unsafe { c.cast::<Slot>().add(HEADER_SLOTS) }
}

/// Take `n > 0` uninitialised slots; released by [`release`] with the
/// pointer returned (DS-1).
#[inline(always)]
pub fn alloc(n: usize) -> NonNull<Slot> {
    debug_assert!(n > 0);
    DS.with(|d| {
        let top = d.top.get();
        // Integer arithmetic: both are null before the first chunk, which
        // leaves 0 free bytes and takes the slow path.
        if (d.limit.get() as usize).wrapping_sub(top as usize) >= n * std::mem::size_of::<Slot>() {
            // SAFETY: DS-2 — `n` slots fit between `top` and `limit`.
            d.top.set(unsafe { top.add(n) });
            // SAFETY: `top` is non-null (checked above).
            unsafe { NonNull::new_unchecked(top) }
        } else {
            alloc_slow(d, n)
        }
    })
}

#[cold]
#[inline(never)]
fn alloc_slow(d: &DataStack, n: usize) -> NonNull<Slot> {
    CHUNKS_FREED_AT_EXIT.with(|_| ());
    let spare = d.spare.replace(ptr::null_mut());
    // SAFETY: DS-2 — a spare chunk is a live allocation with its header.
    let c = if !spare.is_null() && unsafe { (*spare).slots } >= n {
        spare
    } else {
        free_chunk(spare);
        let slots = n.max(CHUNK_SLOTS);
        let layout = chunk_layout(slots);
        // SAFETY: the layout has a non-zero size.
        let p = unsafe { std::alloc::alloc(layout) }.cast::<Chunk>();
        if p.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        // SAFETY: `p` is a fresh allocation large enough for the header.
        unsafe {
            p.write(Chunk {
                prev: ptr::null_mut(),
                prev_top: ptr::null_mut(),
                slots,
            })
        };
        p
    };
    // SAFETY: DS-2 — `c` is live and owned by this thread.
    unsafe {
        (*c).prev = d.chunk.get();
        (*c).prev_top = d.top.get();
    }
    let data = chunk_data(c);
    d.chunk.set(c);
    // SAFETY: the chunk has `slots >= n` slots after the header.
    unsafe {
        d.limit.set(data.add((*c).slots));
        d.top.set(data.add(n));
    }
    // SAFETY: `data` points into a live allocation.
    unsafe { NonNull::new_unchecked(data) }
}

/// Give back the region starting at `base` and everything above it
/// (DS-1: it is the most recent region still held).
#[inline(always)]
pub fn release(base: NonNull<Slot>) {
    DS.with(|d| {
        let base = base.as_ptr();
        debug_assert!(base <= d.top.get(), "DS-1: regions released out of order");
        if base != chunk_data(d.chunk.get()) {
            d.top.set(base);
        } else {
            release_chunk(d);
        }
    })
}

/// The region was the first of its chunk: go back to the previous chunk
/// and keep this one as the spare.
#[cold]
#[inline(never)]
fn release_chunk(d: &DataStack) {
    let c = d.chunk.get();
    // SAFETY: DS-2 — the current chunk is live; its header is initialised.
    let (prev, prev_top) = unsafe { ((*c).prev, (*c).prev_top) };
    d.chunk.set(prev);
    d.top.set(prev_top);
    d.limit.set(if prev.is_null() {
        ptr::null_mut()
    } else {
        // SAFETY: DS-2 — `prev` is live.
        unsafe { chunk_data(prev).add((*prev).slots) }
    });
    free_chunk(d.spare.replace(c));
}
