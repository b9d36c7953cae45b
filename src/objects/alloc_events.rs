//! Allocation events: the heap's one allocator observer, fanning each
//! allocation and free out to pyrite's memory profilers — `tracemalloc`,
//! the `-X allocprofile` profile and the `-X memtimeline` sampler.
//!
//! ```text
//!  Allocator ──observer──► Fanout ─┬─► tracemalloc    (Consumer::Tracemalloc)
//!   (one slot)                     ├─► allocprofile   (Consumer::Profile)
//!                                  └─► memtimeline    (Consumer::Timeline)
//! ```
//!
//! A profiler subscribes with [`subscribe`] (or [`set_timeline`], for a
//! closure) and unsubscribes with `None`. The observer is installed in the
//! allocator only while at least one consumer is subscribed: with none,
//! the allocator has no hooks and its fast paths pay their one branch only
//! (profiling costs nothing when off; figures in README.md).
//!
//! Events are block-level: `ptr` is the start of the block the allocator
//! handed out (for an object, its pre-header: [`super::heap::pre_header_size`]
//! bytes before the `PyObject`), `size` the bytes asked for. A realloc is a
//! free of the old block then an allocation of the new one.
//!
//! Invariants:
//! - **EVENTS-1 (no re-entry).** A consumer runs inside an allocator call
//!   (HEAP-1): it must not allocate from, or free to, the pyrite heap —
//!   no Python object is made, and no reference is dropped (a drop may
//!   free). It keeps its state in Rust-heap structures (`Vec`, `HashMap`),
//!   may read live objects and the running frames (`vm::frame`), and must
//!   not call [`subscribe`]. Code outside an event that borrows a
//!   consumer's state must not allocate from the pyrite heap while it holds
//!   the borrow (copy out, release, then build objects): the observer
//!   skips a consumer whose state it cannot borrow rather than panic.
//! - **EVENTS-2 (installed iff subscribed).** The allocator has the
//!   observer exactly when some consumer is subscribed; a consumer being
//!   replaced is dropped after the fan-out's borrow ends, so its drop may
//!   free pyrite memory (and see no event of its own).

use std::cell::RefCell;
use std::ptr::NonNull;

use pyrite_allocator::{AllocObserver, Domain};

use super::global::Global;

/// Whether an event is an allocation or a free.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    /// A block was handed out.
    Alloc,
    /// A block was given back.
    Free,
}

/// One allocator event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AllocEvent {
    /// Allocation or free.
    pub kind: EventKind,
    /// Address of the block.
    pub ptr: usize,
    /// Bytes asked for (not the size class's block size).
    pub size: usize,
    /// Pool block or system allocation.
    pub domain: Domain,
}

/// A subscriber to allocation events. EVENTS-1: `event` must not touch the
/// pyrite heap's allocator (no object made or dropped).
pub trait AllocConsumer {
    /// One allocation or free.
    fn event(&mut self, ev: &AllocEvent);
}

impl<F: FnMut(&AllocEvent)> AllocConsumer for F {
    fn event(&mut self, ev: &AllocEvent) {
        self(ev)
    }
}

/// The consumer slots, one per profiler.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Consumer {
    /// The `tracemalloc` module.
    Tracemalloc,
    /// `-X allocprofile=FILE.json`.
    Profile,
    /// `-X memtimeline=FILE.svg`.
    Timeline,
}

const SLOTS: usize = 3;

impl Consumer {
    fn index(self) -> usize {
        match self {
            Consumer::Tracemalloc => 0,
            Consumer::Profile => 1,
            Consumer::Timeline => 2,
        }
    }
}

type Slots = [Option<Box<dyn AllocConsumer>>; SLOTS];

/// The subscribed consumers (GLOBAL-1: the heap is process-wide, so is
/// this).
static FANOUT: Global<RefCell<Slots>> = Global::new(RefCell::new([None, None, None]));

/// The observer installed in the allocator: forwards to [`FANOUT`].
struct Fanout;

impl Fanout {
    #[inline]
    fn dispatch(ev: AllocEvent) {
        // EVENTS-1: nothing outside an event holds this borrow while it
        // allocates, so it is free here; if it ever were not, the event is
        // dropped rather than panicking inside the allocator.
        let Ok(mut slots) = FANOUT.get().try_borrow_mut() else {
            return;
        };
        for c in slots.iter_mut().flatten() {
            c.event(&ev);
        }
    }
}

impl AllocObserver for Fanout {
    fn on_alloc(&mut self, ptr: NonNull<u8>, size: usize, domain: Domain) {
        Fanout::dispatch(AllocEvent {
            kind: EventKind::Alloc,
            ptr: ptr.as_ptr() as usize,
            size,
            domain,
        });
    }

    fn on_free(&mut self, ptr: NonNull<u8>, size: usize, domain: Domain) {
        Fanout::dispatch(AllocEvent {
            kind: EventKind::Free,
            ptr: ptr.as_ptr() as usize,
            size,
            domain,
        });
    }
}

/// Subscribe `consumer` in `slot` (replacing the one there), or with `None`
/// unsubscribe it. Installs the allocator observer when the first consumer
/// comes and removes it when the last goes (EVENTS-2). Must not be called
/// from inside an event (EVENTS-1).
pub fn subscribe(slot: Consumer, consumer: Option<Box<dyn AllocConsumer>>) {
    let (old, any) = {
        let mut slots = FANOUT.get().borrow_mut();
        let old = std::mem::replace(&mut slots[slot.index()], consumer);
        (old, slots.iter().any(Option::is_some))
    };
    let heap = super::heap::heap();
    if any != heap.has_observer() {
        heap.set_observer(if any { Some(Box::new(Fanout)) } else { None });
    }
    // EVENTS-2: dropped with the fan-out unborrowed.
    drop(old);
}

/// Whether a consumer is subscribed in `slot`.
pub fn is_subscribed(slot: Consumer) -> bool {
    FANOUT.get().borrow()[slot.index()].is_some()
}

/// A closure consumer (see [`set_timeline`]).
pub type TimelineFn = Box<dyn FnMut(&AllocEvent)>;

/// The `-X memtimeline` sampler's registration: `f` sees every event from
/// now on (`None` stops it). EVENTS-1 applies to `f`.
pub fn set_timeline(f: Option<TimelineFn>) {
    subscribe(
        Consumer::Timeline,
        f.map(|f| Box::new(f) as Box<dyn AllocConsumer>),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    #[test]
    fn events_reach_subscribers_and_the_observer_goes_with_the_last() {
        let _lock = super::super::global::lock_interpreter();
        let heap = super::super::heap::heap();
        let seen: Rc<RefCell<Vec<AllocEvent>>> = Rc::default();
        let sink = seen.clone();
        set_timeline(Some(Box::new(move |ev: &AllocEvent| {
            sink.borrow_mut().push(*ev)
        })));
        assert!(heap.has_observer() && is_subscribed(Consumer::Timeline));
        let p = super::super::heap::alloc_bytes(40);
        // SAFETY: `p` came from `alloc_bytes(40)` just above.
        unsafe { super::super::heap::free_bytes(p, 40) };
        set_timeline(None);
        assert!(!heap.has_observer());
        let ptr = p.as_ptr() as usize;
        let events = seen.borrow();
        assert!(events.contains(&AllocEvent {
            kind: EventKind::Alloc,
            ptr,
            size: 40,
            domain: Domain::Small
        }));
        assert!(events.contains(&AllocEvent {
            kind: EventKind::Free,
            ptr,
            size: 40,
            domain: Domain::Small
        }));
    }
}
