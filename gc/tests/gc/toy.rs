//! The toy object model the collector is tested on: nodes with a refcount,
//! strong edges, optional finalizers (plain, resurrecting, or custom),
//! legacy finalizers, weak references with callbacks, and untrackable
//! "tuples". Node memory is kept until the heap is dropped, so a node freed
//! by refcounting stays readable and every method asserts it is not dead:
//! the collector touching a freed object fails a test instead of being UB.

use std::cell::{Cell, RefCell};
use std::ptr::NonNull;
use std::rc::Rc;

use pyrite_gc::{header_of, Collector, GcHeader, GcObject, Visitor, HEADER_SIZE};

/// Bytes reported to the byte trigger per node.
pub const NODE_BYTES: usize = HEADER_SIZE + std::mem::size_of::<Node>();

/// Something that happened to a node, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// Its finalizer ran.
    Finalized(usize),
    /// The collector cleared it.
    Cleared(usize),
    /// It was deallocated.
    Freed(usize),
    /// Its weakref callback ran.
    Callback(usize),
}

/// A hook run by a finalizer or weakref callback.
pub type Hook = Rc<dyn Fn(&Heap, N)>;

/// A toy object.
pub struct Node {
    heap: *const Heap,
    /// This node, as a pointer derived from its whole slot (it may reach the
    /// header; a pointer made from `&self` may not).
    me: Cell<Option<NonNull<Node>>>,
    id: usize,
    refcnt: Cell<usize>,
    edges: RefCell<Vec<NonNull<Node>>>,
    dead: Cell<bool>,
    finalizer: RefCell<Option<Hook>>,
    legacy: Cell<bool>,
    untrackable: Cell<bool>,
    /// Weak references whose referent is this node.
    weakrefs: RefCell<Vec<NonNull<Node>>>,
    /// If this node is a weak reference: its referent.
    weak_target: Cell<Option<NonNull<Node>>>,
    weak_callback: RefCell<Option<Hook>>,
    name: &'static str,
}

#[repr(C)]
struct Slot {
    header: GcHeader,
    node: Node,
}

const _: () = assert!(std::mem::offset_of!(Slot, node) == HEADER_SIZE);

/// A handle on a node (no ownership implied).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct N(pub NonNull<Node>);

impl N {
    /// The node (any lifetime: nodes live as long as their heap).
    pub fn node<'a>(self) -> &'a Node {
        // SAFETY: node memory lives as long as the heap; tests hold handles
        // only while the heap is alive.
        unsafe { self.0.as_ref() }
    }
    /// The node's id.
    pub fn id(&self) -> usize {
        self.node().id
    }
    /// Its refcount.
    pub fn refcount(&self) -> usize {
        self.node().refcnt.get()
    }
    /// Whether it has been deallocated.
    pub fn is_dead(&self) -> bool {
        self.node().dead.get()
    }
    /// Whether the collector tracks it.
    pub fn is_tracked(&self, heap: &Heap) -> bool {
        // SAFETY: test handles designate live nodes derived from their slots.
        unsafe { heap.gc.is_tracked(self.0) }
    }
    /// Whether its finalizer has run.
    pub fn is_finalized(&self, heap: &Heap) -> bool {
        // SAFETY: as above.
        unsafe { heap.gc.is_finalized(self.0) }
    }
    /// Its strong edges.
    pub fn edges(&self) -> Vec<N> {
        self.node().edges.borrow().iter().map(|&e| N(e)).collect()
    }
}

/// The heap: a collector plus the nodes and an event log.
pub struct Heap {
    /// The collector under test.
    pub gc: Collector<Node>,
    slots: RefCell<Vec<NonNull<Slot>>>,
    log: RefCell<Vec<Event>>,
    /// References held on behalf of resurrecting finalizers.
    pub saved: RefCell<Vec<N>>,
}

impl Heap {
    /// A new heap, boxed so that nodes can point at it.
    pub fn new() -> Box<Heap> {
        Box::new(Heap {
            gc: Collector::new(),
            slots: RefCell::new(Vec::new()),
            log: RefCell::new(Vec::new()),
            saved: RefCell::new(Vec::new()),
        })
    }

    fn make(&self, name: &'static str) -> N {
        let id = self.slots.borrow().len();
        let slot = Box::new(Slot {
            header: GcHeader::new(),
            node: Node {
                heap: self,
                me: Cell::new(None),
                id,
                refcnt: Cell::new(1),
                edges: RefCell::new(Vec::new()),
                dead: Cell::new(false),
                finalizer: RefCell::new(None),
                legacy: Cell::new(false),
                untrackable: Cell::new(false),
                weakrefs: RefCell::new(Vec::new()),
                weak_target: Cell::new(None),
                weak_callback: RefCell::new(None),
                name,
            },
        });
        let slot = NonNull::from(Box::leak(slot));
        self.slots.borrow_mut().push(slot);
        // SAFETY: `slot` was just leaked and lives until the heap drops; the
        // pointer is derived from the whole slot, so it can reach the header.
        let node =
            N(unsafe { NonNull::new_unchecked(std::ptr::addr_of_mut!((*slot.as_ptr()).node)) });
        node.node().me.set(Some(node.0));
        // SAFETY: OBJ-1 — `Slot` places the header right before the node; the
        // node lives until untracked (dealloc untracks it).
        unsafe { self.gc.track(node.0) };
        self.gc.note_allocation(NODE_BYTES);
        node
    }

    /// A new tracked node; the caller owns its one reference.
    pub fn alloc(&self) -> N {
        self.make("Node")
    }

    /// `n` new nodes.
    pub fn alloc_n(&self, n: usize) -> Vec<N> {
        (0..n).map(|_| self.alloc()).collect()
    }

    /// A new weak reference to `target`, with an optional callback; the
    /// caller owns its one reference.
    pub fn weakref(&self, target: N, callback: Option<Hook>) -> N {
        let wr = self.make("weakref");
        wr.node().weak_target.set(Some(target.0));
        *wr.node().weak_callback.borrow_mut() = callback;
        target.node().weakrefs.borrow_mut().push(wr.0);
        wr
    }

    /// The referent of weak reference `wr`, if still set.
    pub fn weak_get(&self, wr: N) -> Option<N> {
        wr.node().weak_target.get().map(N)
    }

    /// `from` takes a strong reference to `to`.
    pub fn link(&self, from: N, to: N) {
        assert!(!from.is_dead() && !to.is_dead());
        incref(to);
        from.node().edges.borrow_mut().push(to.0);
    }

    /// `from` drops one strong reference to `to`.
    pub fn unlink(&self, from: N, to: N) {
        let mut edges = from.node().edges.borrow_mut();
        let i = edges.iter().position(|&e| e == to.0).expect("no such edge");
        edges.remove(i);
        drop(edges);
        release(to);
    }

    /// Give `n` a finalizer that only logs.
    pub fn set_finalizer(&self, n: N) {
        *n.node().finalizer.borrow_mut() = Some(Rc::new(|_: &Heap, _: N| {}));
    }

    /// Give `n` a finalizer running `hook`.
    pub fn set_finalizer_hook(&self, n: N, hook: Hook) {
        *n.node().finalizer.borrow_mut() = Some(hook);
    }

    /// Give `n` a finalizer that resurrects it (stores a reference to it in
    /// `saved`).
    pub fn set_resurrecting_finalizer(&self, n: N) {
        self.set_finalizer_hook(
            n,
            Rc::new(|heap: &Heap, me: N| {
                incref(me);
                heap.saved.borrow_mut().push(me);
            }),
        );
    }

    /// Give `n` a legacy finalizer (uncollectable in a cycle).
    pub fn set_legacy(&self, n: N) {
        n.node().legacy.set(true);
    }

    /// Let the collector untrack `n` when none of its edges is tracked.
    pub fn set_untrackable(&self, n: N) {
        n.node().untrackable.set(true);
    }

    /// Drop every reference held in `saved`.
    pub fn release_saved(&self) {
        let saved = std::mem::take(&mut *self.saved.borrow_mut());
        for n in saved {
            release(n);
        }
    }

    /// The event log so far.
    pub fn events(&self) -> Vec<Event> {
        self.log.borrow().clone()
    }

    /// Ids freed so far, sorted.
    pub fn freed(&self) -> Vec<usize> {
        let mut ids: Vec<usize> = self
            .log
            .borrow()
            .iter()
            .filter_map(|e| match e {
                Event::Freed(id) => Some(*id),
                _ => None,
            })
            .collect();
        ids.sort_unstable();
        ids
    }

    /// How often `event` was logged.
    pub fn count(&self, event: &Event) -> usize {
        self.log.borrow().iter().filter(|e| *e == event).count()
    }

    fn push(&self, event: Event) {
        self.log.borrow_mut().push(event);
    }

    /// The garbage list as handles.
    pub fn garbage(&self) -> Vec<N> {
        self.gc.garbage().into_iter().map(N).collect()
    }

    /// Handles of the objects of a generation.
    pub fn objects(&self, g: Option<pyrite_gc::Generation>) -> Vec<N> {
        self.gc.objects(g).into_iter().map(N).collect()
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        // Garbage-list references are leaked deliberately: the memory is
        // reclaimed below regardless.
        drop(self.gc.take_garbage());
        for slot in self.slots.borrow_mut().drain(..) {
            // SAFETY: every slot was leaked from a Box in `make`; the
            // collector is being dropped with the heap and no handle is used
            // after this.
            let slot = unsafe { Box::from_raw(slot.as_ptr()) };
            if slot.header.is_tracked() {
                // SAFETY: the node is alive and tracked by this collector;
                // `me` is derived from the slot.
                unsafe { self.gc.untrack(slot.node.me()) };
            }
        }
    }
}

/// Add one strong reference to `n`.
pub fn incref(n: N) {
    assert!(!n.is_dead(), "incref of freed node {}", n.id());
    n.node().incref();
}

/// Drop one strong reference to `n`.
pub fn release(n: N) {
    // SAFETY: the caller owns the reference it drops.
    unsafe { Node::decref(n.0) };
}

impl Node {
    fn heap(&self) -> &Heap {
        // SAFETY: the heap is boxed and outlives its nodes' use.
        unsafe { &*self.heap }
    }

    fn check_alive(&self) {
        assert!(!self.dead.get(), "collector touched freed node {}", self.id);
    }

    fn me(&self) -> NonNull<Node> {
        self.me.get().expect("node pointer set at creation")
    }

    fn header(&self) -> &GcHeader {
        // SAFETY: OBJ-1 — every node sits in a `Slot` after its header, and
        // `me` is derived from the slot.
        unsafe { header_of(self.me()).as_ref() }
    }

    /// Deallocation, in CPython's order: finalizer (PEP 442, may resurrect),
    /// untrack, clear weak references (running callbacks), drop edges.
    fn dealloc(this: NonNull<Node>) {
        // SAFETY: `this` is alive until marked dead below.
        let node = unsafe { this.as_ref() };
        let heap = node.heap();
        let me = N(this);
        if node.has_finalizer() && !node.header().is_finalized() {
            node.header().set_finalized();
            node.refcnt.set(1);
            node.finalize();
            let rc = node.refcnt.get() - 1;
            node.refcnt.set(rc);
            if rc > 0 {
                return; // resurrected
            }
        }
        if node.header().is_tracked() {
            // SAFETY: OBJ-5 — the node is alive and tracked by `heap.gc`.
            unsafe { heap.gc.untrack(this) };
        }
        heap.gc.note_free(NODE_BYTES);
        let weakrefs = std::mem::take(&mut *node.weakrefs.borrow_mut());
        for wr in weakrefs.into_iter().map(N) {
            wr.node().weak_target.set(None);
            if wr.node().weak_callback.borrow().is_some() {
                incref(wr);
                wr.node().call_weakref_callback();
                release(wr);
            }
        }
        if let Some(target) = node.weak_target.take() {
            N(target)
                .node()
                .weakrefs
                .borrow_mut()
                .retain(|&w| w != this);
        }
        node.dead.set(true);
        heap.push(Event::Freed(me.id()));
        let edges = std::mem::take(&mut *node.edges.borrow_mut());
        for e in edges {
            release(N(e));
        }
    }
}

// SAFETY: OBJ-1 — `Slot` puts the header right before each node, node memory
// lives until the heap drops; OBJ-2 — `refcnt` counts the test's handles
// plus one per edge; OBJ-3 — `traverse` reports each edge once; OBJ-4 — the
// pure methods only read; OBJ-5 — `dealloc` untracks; OBJ-8 — weak refs are
// neither counted nor traversed, and reported weakrefs are live nodes.
unsafe impl GcObject for Node {
    fn refcount(&self) -> usize {
        self.check_alive();
        self.refcnt.get()
    }

    fn incref(&self) {
        self.check_alive();
        self.refcnt.set(self.refcnt.get() + 1);
    }

    unsafe fn decref(this: NonNull<Self>) {
        // SAFETY: the caller owns a reference to the live node.
        let node = unsafe { this.as_ref() };
        node.check_alive();
        let rc = node.refcnt.get();
        assert!(rc > 0);
        node.refcnt.set(rc - 1);
        if rc == 1 {
            Node::dealloc(this);
        }
    }

    fn traverse(&self, visitor: &mut Visitor<'_, Self>) {
        self.check_alive();
        for &e in self.edges.borrow().iter() {
            visitor.visit(e);
        }
    }

    fn clear(&self) {
        self.check_alive();
        self.heap().push(Event::Cleared(self.id));
        let edges = std::mem::take(&mut *self.edges.borrow_mut());
        for e in edges {
            release(N(e));
        }
    }

    fn has_finalizer(&self) -> bool {
        self.check_alive();
        self.finalizer.borrow().is_some()
    }

    fn finalize(&self) {
        self.check_alive();
        self.heap().push(Event::Finalized(self.id));
        let hook = self.finalizer.borrow().clone();
        if let Some(hook) = hook {
            hook(self.heap(), N(self.me()));
        }
    }

    fn has_legacy_finalizer(&self) -> bool {
        self.check_alive();
        self.legacy.get()
    }

    fn clear_if_weakref(&self) {
        self.check_alive();
        if let Some(target) = self.weak_target.take() {
            let me = self.me();
            N(target).node().weakrefs.borrow_mut().retain(|&w| w != me);
        }
    }

    fn clear_weakrefs_to(&self, callbacks: &mut Vec<NonNull<Self>>) {
        self.check_alive();
        let weakrefs = std::mem::take(&mut *self.weakrefs.borrow_mut());
        for wr in weakrefs {
            let w = N(wr).node();
            w.weak_target.set(None);
            if w.weak_callback.borrow().is_some() {
                callbacks.push(wr);
            }
        }
    }

    fn call_weakref_callback(&self) {
        self.check_alive();
        self.heap().push(Event::Callback(self.id));
        let hook = self.weak_callback.borrow().clone();
        if let Some(hook) = hook {
            hook(self.heap(), N(self.me()));
        }
    }

    fn may_untrack(&self, _full_collection: bool) -> bool {
        self.check_alive();
        self.untrackable.get()
            && self.edges.borrow().iter().all(|&e| {
                // SAFETY: edges are live nodes derived from their slots.
                !unsafe { self.heap().gc.is_tracked(e) }
            })
    }

    fn type_name(&self) -> &str {
        self.name
    }
}
