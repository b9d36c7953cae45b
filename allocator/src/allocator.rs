//! The allocator: per-class used-pool lists over the arena table, the fast
//! paths, their cold slow paths, realloc, and the hooked (debug / observed)
//! paths.
//!
//! ```text
//!  Allocator
//!   used_pools[class] ─► pool ⇄ pool ⇄ pool      (POOL-4, POOL-6)
//!   arenas: ArenaTable ─► arena ─► pools ─► blocks
//!   raw: RawDomain                               (> threshold or over-aligned)
//!   hooks: None | debug mode, observer           (one branch when None)
//! ```
//!
//! Cost of the fast paths with no hooks: allocation is one test for hooks,
//! one for the size, a pop from the first used pool's free list and one test
//! that the list is not now empty; free is the size test, a push onto the
//! block's pool (found by masking the address) and one test that the pool was
//! neither full nor is now empty. Both also add or subtract the block size
//! to the byte count, and allocation keeps its peak (STATS-2): an add, a
//! compare and a conditional move on the allocator's own cache line.

use crate::arena::ArenaTable;
use crate::debug::{self, Api, CorruptionKind, CorruptionReport};
use crate::error::AllocError;
use crate::geometry::{Geometry, PyriteGeometry, MAX_SIZE_CLASSES};
use crate::observer::{AllocObserver, Domain};
use crate::pool::PoolHeader;
use crate::raw::RawDomain;
use core::alloc::Layout;
use core::ptr::{self, NonNull};
use std::collections::HashSet;

/// How an allocator is made.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Mode {
    /// Plain blocks, nothing around them.
    #[default]
    Normal,
    /// Guard bytes, fills and checks on every block (see `debug.rs`).
    Debug,
}

/// What makes the slow, hooked paths necessary: debug mode and/or an observer.
struct Hooks {
    debug: bool,
    observer: Option<Box<dyn AllocObserver>>,
    on_corruption: Box<dyn FnMut(&CorruptionReport)>,
    /// Debug mode: raw blocks alive, so a double free of one is caught
    /// without touching memory the system already took back.
    raw_live: HashSet<usize>,
    /// Debug mode: corruption reports delivered so far.
    reports: usize,
}

/// A pymalloc-style small-object allocator. See the crate docs.
///
/// Not `Sync` or `Send`: one interpreter owns one allocator and serialises
/// access to it. Dropping the allocator unmaps every arena; blocks still out
/// dangle then.
pub struct Allocator<G: Geometry = PyriteGeometry> {
    /// Head of each size class's used-pool list, null when the class has no
    /// used pool (POOL-4, POOL-6).
    pub(crate) used_pools: [*mut PoolHeader; MAX_SIZE_CLASSES],
    /// Tail of each size class's used-pool list, null when empty (POOL-6).
    pub(crate) used_tails: [*mut PoolHeader; MAX_SIZE_CLASSES],
    pub(crate) arenas: ArenaTable<G>,
    pub(crate) raw: RawDomain,
    /// Bytes in blocks handed out: block sizes of small blocks plus
    /// requested sizes of raw ones (STATS-2).
    pub(crate) bytes_in_use: usize,
    /// The most `bytes_in_use` has been (STATS-2).
    pub(crate) peak_bytes: usize,
    hooks: Option<Box<Hooks>>,
}

impl Default for Allocator<PyriteGeometry> {
    fn default() -> Self {
        Self::new()
    }
}

impl Allocator<PyriteGeometry> {
    /// An allocator with the default geometry, in normal mode.
    pub fn new() -> Self {
        Self::with_mode(Mode::Normal)
    }

    /// An allocator with the default geometry, in debug mode.
    pub fn new_debug() -> Self {
        Self::with_mode(Mode::Debug)
    }
}

impl<G: Geometry> Allocator<G> {
    /// An allocator of geometry `G` in the given mode.
    pub fn with_mode(mode: Mode) -> Self {
        let mut allocator = Allocator {
            used_pools: [ptr::null_mut(); MAX_SIZE_CLASSES],
            used_tails: [ptr::null_mut(); MAX_SIZE_CLASSES],
            arenas: ArenaTable::new(),
            raw: RawDomain::default(),
            bytes_in_use: 0,
            peak_bytes: 0,
            hooks: None,
        };
        if mode == Mode::Debug {
            allocator.hooks_mut().debug = true;
        }
        allocator
    }

    /// The mode the allocator was made in.
    pub fn mode(&self) -> Mode {
        match &self.hooks {
            Some(h) if h.debug => Mode::Debug,
            _ => Mode::Normal,
        }
    }

    fn hooks_mut(&mut self) -> &mut Hooks {
        self.hooks.get_or_insert_with(|| {
            Box::new(Hooks {
                debug: false,
                observer: None,
                on_corruption: Box::new(debug::abort_on_corruption),
                raw_live: HashSet::new(),
                reports: 0,
            })
        })
    }

    /// Drops the hooks when neither debug mode nor an observer needs them,
    /// so the fast paths are taken again.
    fn trim_hooks(&mut self) {
        if matches!(&self.hooks, Some(h) if !h.debug && h.observer.is_none()) {
            self.hooks = None;
        }
    }

    /// Sets (or with `None` removes) the observer; returns the previous one.
    pub fn set_observer(
        &mut self,
        observer: Option<Box<dyn AllocObserver>>,
    ) -> Option<Box<dyn AllocObserver>> {
        let old = match observer {
            Some(o) => self.hooks_mut().observer.replace(o),
            None => self.hooks.as_mut().and_then(|h| h.observer.take()),
        };
        self.trim_hooks();
        old
    }

    /// Debug mode: what to do when a corruption is found. The default prints
    /// the report and aborts the process; a handler that returns lets the
    /// program go on, and the damaged block is then leaked, never reused.
    /// Has no effect in normal mode (nothing is checked there).
    pub fn set_corruption_handler(&mut self, handler: Box<dyn FnMut(&CorruptionReport)>) {
        if let Some(h) = self.hooks.as_mut() {
            h.on_corruption = handler;
        }
    }

    /// Debug mode: the number of corruption reports made so far.
    pub fn corruption_reports(&self) -> usize {
        self.hooks.as_ref().map_or(0, |h| h.reports)
    }

    // ----------------------------------------------------------------------
    // The public API: sizes (alignment G::ALIGNMENT) and layouts.

    /// Allocates `size` bytes aligned to `G::ALIGNMENT` (8 by default).
    /// A request of 0 bytes gets a 1-byte block. The memory is uninitialised
    /// (0xCD-filled in debug mode).
    ///
    /// # Errors
    /// [`AllocError`] when the system has no memory to give.
    #[inline]
    pub fn alloc(&mut self, size: usize) -> Result<NonNull<u8>, AllocError> {
        if self.hooks.is_some() {
            return self.alloc_hooked(Api::Object, size);
        }
        self.alloc_plain(size)
    }

    /// Frees a block from [`Allocator::alloc`] or [`Allocator::realloc`].
    ///
    /// # Safety
    /// `ptr` was returned by this allocator for a request of exactly `size`
    /// bytes (normal mode accepts any size of the same size class) with the
    /// default alignment, and is not used afterwards.
    #[inline]
    pub unsafe fn free(&mut self, ptr: NonNull<u8>, size: usize) {
        if self.hooks.is_some() {
            // SAFETY: forwarded contract.
            unsafe { self.free_hooked(Api::Object, ptr, size) };
            return;
        }
        // SAFETY: forwarded contract.
        unsafe { self.free_plain(ptr, size) }
    }

    /// Resizes a block, keeping its contents up to the smaller size. A small
    /// block stays in place while the new size fits its size class, unless
    /// the new size's class is at most three quarters of the old one.
    ///
    /// # Safety
    /// As for [`Allocator::free`] with `old_size`; on success `ptr` must no
    /// longer be used (use the returned pointer, with `new_size`).
    ///
    /// # Errors
    /// [`AllocError`] when the system has no memory; the old block is then
    /// untouched and still owned by the caller.
    pub unsafe fn realloc(
        &mut self,
        ptr: NonNull<u8>,
        old_size: usize,
        new_size: usize,
    ) -> Result<NonNull<u8>, AllocError> {
        if self.hooks.is_some() {
            // SAFETY: forwarded contract.
            return unsafe { self.realloc_hooked(Api::Object, ptr, old_size, new_size) };
        }
        // SAFETY: forwarded contract.
        unsafe { self.realloc_plain(ptr, old_size, new_size) }
    }

    /// Allocates for a layout; alignments above `G::ALIGNMENT` go to the raw
    /// domain.
    ///
    /// # Errors
    /// [`AllocError`] when the system has no memory to give.
    pub fn alloc_layout(&mut self, layout: Layout) -> Result<NonNull<u8>, AllocError> {
        if layout.align() <= G::ALIGNMENT {
            return self.alloc(layout.size());
        }
        let ptr = self.raw.alloc(layout)?;
        self.count_bytes(layout.size());
        if let Some(h) = self.hooks.as_mut() {
            if let Some(o) = h.observer.as_mut() {
                o.on_alloc(ptr, layout.size(), Domain::Raw);
            }
        }
        Ok(ptr)
    }

    /// Frees a block from [`Allocator::alloc_layout`].
    ///
    /// # Safety
    /// `ptr` came from `alloc_layout(layout)` on this allocator and is not
    /// used afterwards.
    pub unsafe fn free_layout(&mut self, ptr: NonNull<u8>, layout: Layout) {
        if layout.align() <= G::ALIGNMENT {
            // SAFETY: forwarded contract.
            return unsafe { self.free(ptr, layout.size()) };
        }
        if let Some(h) = self.hooks.as_mut() {
            if let Some(o) = h.observer.as_mut() {
                o.on_free(ptr, layout.size(), Domain::Raw);
            }
        }
        // SAFETY: over-aligned layouts always come from the raw domain.
        unsafe { self.raw.free(ptr, layout) };
        self.bytes_in_use -= layout.size();
    }

    /// Allocates through a named API family; in debug mode a free through
    /// another family is reported. Otherwise as [`Allocator::alloc`].
    ///
    /// # Errors
    /// [`AllocError`] when the system has no memory to give.
    pub fn alloc_api(&mut self, api: Api, size: usize) -> Result<NonNull<u8>, AllocError> {
        if self.hooks.is_some() {
            return self.alloc_hooked(api, size);
        }
        self.alloc_plain(size)
    }

    /// Frees a block from [`Allocator::alloc_api`].
    ///
    /// # Safety
    /// As for [`Allocator::free`].
    pub unsafe fn free_api(&mut self, api: Api, ptr: NonNull<u8>, size: usize) {
        if self.hooks.is_some() {
            // SAFETY: forwarded contract.
            return unsafe { self.free_hooked(api, ptr, size) };
        }
        // SAFETY: forwarded contract.
        unsafe { self.free_plain(ptr, size) }
    }

    // ----------------------------------------------------------------------
    // Plain paths.

    /// Counts `bytes` more in use and keeps the peak (STATS-2).
    #[inline(always)]
    fn count_bytes(&mut self, bytes: usize) {
        self.bytes_in_use += bytes;
        self.peak_bytes = self.peak_bytes.max(self.bytes_in_use);
    }

    #[inline(always)]
    fn alloc_plain(&mut self, size: usize) -> Result<NonNull<u8>, AllocError> {
        if size > G::SMALL_REQUEST_THRESHOLD {
            return self.alloc_large(size);
        }
        let class = G::size_class(size);
        let pool = self.used_pools[class];
        if pool.is_null() {
            return self.alloc_from_new_pool(class);
        }
        // SAFETY: heads of used lists are live pool headers (POOL-6).
        let p = unsafe { &mut *pool };
        let block = p.freeblock;
        // SAFETY: a used pool always has a free block (POOL-4), whose first
        // word is the next free block.
        p.freeblock = unsafe { *(block as *mut *mut u8) };
        p.count += 1;
        if p.freeblock.is_null() {
            // Keep POOL-4: carve a virgin block, or retire the now full pool.
            // SAFETY: live header with an empty free list; `p` is not used again.
            unsafe { PoolHeader::extend::<G>(pool) };
            // SAFETY: live header.
            if unsafe { (*pool).freeblock.is_null() } {
                self.retire_full_pool(class);
            }
        }
        self.count_bytes(G::class_size(class));
        // SAFETY: POOL-4: the free-list head was non-null.
        Ok(unsafe { NonNull::new_unchecked(block) })
    }

    /// A request over the small-request threshold: the raw domain, counted.
    #[cold]
    #[inline(never)]
    fn alloc_large(&mut self, size: usize) -> Result<NonNull<u8>, AllocError> {
        let ptr = self.raw.alloc(Self::raw_layout(size)?)?;
        self.count_bytes(size);
        Ok(ptr)
    }

    /// The head pool of `class` is full: it leaves the used list (POOL-4).
    #[cold]
    #[inline(never)]
    fn retire_full_pool(&mut self, class: usize) {
        let pool = self.used_pools[class];
        // SAFETY: the head of a used list is a live header (POOL-6).
        let p = unsafe { &mut *pool };
        let next = p.next_pool;
        self.used_pools[class] = next;
        if next.is_null() {
            self.used_tails[class] = ptr::null_mut();
        } else {
            // SAFETY: next on a used list is a live header (POOL-6).
            unsafe { (*next).prev_pool = ptr::null_mut() };
        }
        p.next_pool = ptr::null_mut();
    }

    /// The class has no used pool: take an empty pool (cached or newly
    /// carved, mapping an arena if need be), make it the class's only used
    /// pool and hand out its first free block.
    #[cold]
    #[inline(never)]
    fn alloc_from_new_pool(&mut self, class: usize) -> Result<NonNull<u8>, AllocError> {
        debug_assert!(self.used_pools[class].is_null());
        let (pool, fresh) = self.arenas.take_pool()?;
        // SAFETY: `take_pool` returns the header of a pool with no block in
        // use; a cached one still holds what it had when it emptied.
        let block = unsafe {
            if !fresh && (*pool).size_class as usize == class {
                // Same class as before: its free list and bump offset are
                // still right (POOL-2 held when it emptied).
                let p = &mut *pool;
                let block = p.freeblock;
                p.freeblock = *(block as *mut *mut u8);
                p.count = 1;
                p.next_pool = ptr::null_mut();
                p.prev_pool = ptr::null_mut();
                if p.freeblock.is_null() {
                    PoolHeader::extend::<G>(pool);
                }
                block
            } else {
                PoolHeader::init::<G>(pool, class)
            }
        };
        self.used_pools[class] = pool;
        self.used_tails[class] = pool;
        self.count_bytes(G::class_size(class));
        // SAFETY: init/pop above returned a block of the pool.
        Ok(unsafe { NonNull::new_unchecked(block) })
    }

    /// # Safety
    /// See [`Allocator::free`].
    #[inline(always)]
    unsafe fn free_plain(&mut self, ptr: NonNull<u8>, size: usize) {
        if size > G::SMALL_REQUEST_THRESHOLD {
            // SAFETY: sizes over the threshold were served raw with this layout.
            unsafe { self.raw.free(ptr, Self::raw_layout_unchecked(size)) };
            self.bytes_in_use -= size;
            return;
        }
        let block = ptr.as_ptr();
        let pool = PoolHeader::of_block::<G>(block);
        // SAFETY: the block came from a pool of this allocator, whose header
        // is found by POOL-1.
        let p = unsafe { &mut *pool };
        // The pool's class, not `size`'s: a realloc that shrank in place left
        // the block in its old class.
        self.bytes_in_use -= G::class_size(p.size_class as usize);
        let last = p.freeblock;
        // SAFETY: the block is ours to reuse; it holds at least one word.
        unsafe { (block as *mut *mut u8).write(last) };
        p.freeblock = block;
        p.count -= 1;
        if last.is_null() {
            // SAFETY: `pool` is live and was full, so on no list.
            unsafe { self.unretire(pool) };
        } else if p.count == 0 {
            // SAFETY: `pool` is live, on its used list, and now empty.
            unsafe { self.release_empty_pool(pool) };
        }
    }

    /// A free into a full pool: it is used again and joins the *tail* of its
    /// class's list (POOL-4). At the tail it gathers more frees before
    /// allocation reaches it; at the head (CPython's choice) it would fill
    /// up again at once, and a churning program would pay a full/used
    /// transition, and a mispredicted branch, on most operations. A pool
    /// this allocator makes holds at least two blocks, so it cannot also be
    /// empty now.
    ///
    /// # Safety
    /// `pool` is a live pool header that was full (on no list).
    #[inline(always)]
    unsafe fn unretire(&mut self, pool: *mut PoolHeader) {
        // SAFETY: live header (caller).
        let p = unsafe { &mut *pool };
        debug_assert!(p.count > 0, "POOL-2: a full pool of one block");
        let class = p.size_class as usize;
        let tail = self.used_tails[class];
        p.next_pool = ptr::null_mut();
        p.prev_pool = tail;
        if tail.is_null() {
            self.used_pools[class] = pool;
        } else {
            // SAFETY: tails of used lists are live headers (POOL-6).
            unsafe { (*tail).next_pool = pool };
        }
        self.used_tails[class] = pool;
    }

    /// A used pool became empty: unlink it from its class's list (POOL-6)
    /// and give it back to its arena (POOL-5).
    ///
    /// # Safety
    /// `pool` is a live pool header on its used list, with no block in use.
    #[cold]
    #[inline(never)]
    unsafe fn release_empty_pool(&mut self, pool: *mut PoolHeader) {
        // SAFETY: live header (caller).
        let p = unsafe { &mut *pool };
        let (prev, next) = (p.prev_pool, p.next_pool);
        if prev.is_null() {
            self.used_pools[p.size_class as usize] = next;
        } else {
            // SAFETY: neighbours on a used list are live headers (POOL-6).
            unsafe { (*prev).next_pool = next };
        }
        if next.is_null() {
            self.used_tails[p.size_class as usize] = prev;
        } else {
            // SAFETY: as above.
            unsafe { (*next).prev_pool = prev };
        }
        // SAFETY: the arena header is slot 0 of the same header pool (ARENA-0).
        let arena = unsafe { (*PoolHeader::arena_header::<G>(pool)).arena_index };
        // SAFETY: the pool is empty, carved from `arena`, and on no used list.
        unsafe { self.arenas.return_pool(pool, arena) };
    }

    /// # Safety
    /// See [`Allocator::realloc`].
    unsafe fn realloc_plain(
        &mut self,
        ptr: NonNull<u8>,
        old_size: usize,
        new_size: usize,
    ) -> Result<NonNull<u8>, AllocError> {
        let threshold = G::SMALL_REQUEST_THRESHOLD;
        if old_size <= threshold {
            let class_size = G::class_size(G::size_class(old_size));
            if new_size <= class_size && Self::stays_in_place(class_size, new_size) {
                return Ok(ptr);
            }
        } else if new_size > threshold {
            // Raw to raw: the system allocator may grow in place.
            // SAFETY: raw block of `old_size` (caller).
            let new = unsafe {
                self.raw
                    .realloc(ptr, Self::raw_layout_unchecked(old_size), new_size)?
            };
            self.bytes_in_use -= old_size;
            self.count_bytes(new_size);
            return Ok(new);
        }
        let new = self.alloc_plain(new_size)?;
        // SAFETY: both blocks hold at least min(old, new) bytes and are distinct.
        unsafe { ptr::copy_nonoverlapping(ptr.as_ptr(), new.as_ptr(), old_size.min(new_size)) };
        // SAFETY: forwarded contract of realloc.
        unsafe { self.free_plain(ptr, old_size) };
        Ok(new)
    }

    /// Realloc's in-place rule for a small block of `class_size` bytes
    /// receiving `new_size <= class_size`: stay unless the new size's class
    /// is at most three quarters of the current one (shrinking that far is
    /// worth a copy).
    #[inline]
    fn stays_in_place(class_size: usize, new_size: usize) -> bool {
        4 * G::class_size(G::size_class(new_size)) > 3 * class_size
    }

    fn raw_layout(size: usize) -> Result<Layout, AllocError> {
        Layout::from_size_align(size, G::ALIGNMENT).map_err(|_| AllocError)
    }

    /// # Safety
    /// A raw block of `size` exists, so the layout was valid when made.
    unsafe fn raw_layout_unchecked(size: usize) -> Layout {
        // SAFETY: the same (size, align) made a valid layout at allocation.
        unsafe { Layout::from_size_align_unchecked(size, G::ALIGNMENT) }
    }

    // ----------------------------------------------------------------------
    // Hooked paths: debug mode and observers.

    fn domain_of(size: usize) -> Domain {
        if size > G::SMALL_REQUEST_THRESHOLD {
            Domain::Raw
        } else {
            Domain::Small
        }
    }

    #[cold]
    #[inline(never)]
    fn alloc_hooked(&mut self, api: Api, size: usize) -> Result<NonNull<u8>, AllocError> {
        let debug = self.hooks.as_ref().is_some_and(|h| h.debug);
        let ptr = if debug {
            let inner = size.checked_add(debug::OVERHEAD).ok_or(AllocError)?;
            let base = self.alloc_plain(inner)?;
            if inner > G::SMALL_REQUEST_THRESHOLD {
                self.hooks_mut().raw_live.insert(base.as_ptr() as usize);
            }
            // SAFETY: the block holds size + OVERHEAD bytes.
            let data = unsafe { debug::init_block(base.as_ptr(), size, api) };
            // SAFETY: inside a non-null block.
            unsafe { NonNull::new_unchecked(data) }
        } else {
            self.alloc_plain(size)?
        };
        if let Some(o) = self.hooks.as_mut().and_then(|h| h.observer.as_mut()) {
            o.on_alloc(ptr, size, Self::domain_of(size));
        }
        Ok(ptr)
    }

    /// Delivers a corruption report to the handler (which may abort).
    fn report(&mut self, report: CorruptionReport) {
        let hooks = self.hooks_mut();
        hooks.reports += 1;
        (hooks.on_corruption)(&report);
    }

    /// Debug mode: checks the block at `data` before it is freed or moved.
    /// Returns false (after reporting) if it must not be touched further.
    ///
    /// # Safety
    /// `ptr` was handed out by this allocator in debug mode (it may have been
    /// freed since: that is what is being checked).
    unsafe fn debug_check(
        &mut self,
        api: Api,
        data: NonNull<u8>,
        size: usize,
        operation: &'static str,
    ) -> bool {
        let base = data.as_ptr().wrapping_sub(debug::HEADER);
        let inner = size.saturating_add(debug::OVERHEAD);
        let live = if inner > G::SMALL_REQUEST_THRESHOLD {
            self.hooks_mut().raw_live.contains(&(base as usize))
        } else {
            self.small_block_is_mapped(base)
        };
        let result = if live {
            // SAFETY: the block's memory is mapped (or raw and alive), and it
            // was handed out in debug mode (caller).
            unsafe { debug::check_block(data.as_ptr(), size, api, operation) }
        } else {
            Err(CorruptionReport {
                kind: CorruptionKind::DoubleFree,
                address: data.as_ptr() as usize,
                size,
                operation,
                damaged: Vec::new(),
            })
        };
        match result {
            Ok(()) => true,
            Err(report) => {
                self.report(report);
                false
            }
        }
    }

    /// Whether `base` lies in a carved pool, with blocks in use, of a mapped
    /// arena: only then may a debug check read it. O(arenas).
    fn small_block_is_mapped(&self, base: *mut u8) -> bool {
        let addr = base as usize;
        self.arenas.slots.iter().any(|a| {
            a.map.is_some()
                && addr >= a.base.addr() + G::POOL_SIZE
                && addr < a.base.addr() + (a.carved as usize + 1) * G::POOL_SIZE
                && {
                    let pool = PoolHeader::of_block::<G>(base);
                    // SAFETY: the block is in a carved pool of a mapped arena,
                    // so its header is initialised memory we own.
                    unsafe { (*pool).count > 0 }
                }
        })
    }

    /// # Safety
    /// See [`Allocator::free`].
    #[cold]
    #[inline(never)]
    unsafe fn free_hooked(&mut self, api: Api, ptr: NonNull<u8>, size: usize) {
        let debug = self.hooks.as_ref().is_some_and(|h| h.debug);
        if debug {
            // SAFETY: forwarded contract.
            if !unsafe { self.debug_check(api, ptr, size, "free") } {
                return;
            }
        }
        if let Some(o) = self.hooks.as_mut().and_then(|h| h.observer.as_mut()) {
            o.on_free(ptr, size, Self::domain_of(size));
        }
        if debug {
            let inner = size + debug::OVERHEAD;
            // SAFETY: the check passed, so this is a live debug block of `size`.
            let base = unsafe { ptr.as_ptr().sub(debug::HEADER) };
            // SAFETY: the whole inner block is ours until freed below.
            unsafe { base.write_bytes(debug::DEAD_BYTE, inner) };
            if inner > G::SMALL_REQUEST_THRESHOLD {
                self.hooks_mut().raw_live.remove(&(base as usize));
            }
            // SAFETY: the inner block was allocated with `inner` bytes.
            unsafe { self.free_plain(NonNull::new_unchecked(base), inner) };
        } else {
            // SAFETY: forwarded contract.
            unsafe { self.free_plain(ptr, size) };
        }
    }

    /// # Safety
    /// See [`Allocator::realloc`].
    #[cold]
    #[inline(never)]
    unsafe fn realloc_hooked(
        &mut self,
        api: Api,
        ptr: NonNull<u8>,
        old_size: usize,
        new_size: usize,
    ) -> Result<NonNull<u8>, AllocError> {
        let debug = self.hooks.as_ref().is_some_and(|h| h.debug);
        if debug {
            // Always move, so that stale pointers to the old block meet 0xDD.
            // SAFETY: forwarded contract.
            if !unsafe { self.debug_check(api, ptr, old_size, "realloc") } {
                return Err(AllocError);
            }
            let new = self.alloc_hooked(api, new_size)?;
            // SAFETY: both data areas hold at least min(old, new) bytes.
            unsafe { ptr::copy_nonoverlapping(ptr.as_ptr(), new.as_ptr(), old_size.min(new_size)) };
            // SAFETY: the old block passed its check and is freed once.
            unsafe { self.free_hooked(api, ptr, old_size) };
            return Ok(new);
        }
        // SAFETY: forwarded contract.
        let new = unsafe { self.realloc_plain(ptr, old_size, new_size)? };
        if let Some(o) = self.hooks.as_mut().and_then(|h| h.observer.as_mut()) {
            o.on_free(ptr, old_size, Self::domain_of(old_size));
            o.on_alloc(new, new_size, Self::domain_of(new_size));
        }
        Ok(new)
    }
}
