//! [`Frame`]: one activation of a code object — its fast locals and cells,
//! value stack, instruction pointer and namespaces. A frame lives on the
//! Rust stack for a call, its slots carved from the thread's data stack
//! (`datastack.rs`), or in a generator object between resumptions, its
//! slots then in a buffer of its own from the interpreter's heap.
//!
//! Slot layout (CPython's `localsplus`), one word each:
//!
//! ```text
//! fast ─► [locals: co_nlocals][cells + free vars] [value stack: stacksize + 1]
//!                                                  ▲ stack_base   ▲ sp      ▲ stack_limit
//! ```
//!
//! Invariants:
//! - **FRAME-1 (running list).** `CURRENT` is the innermost frame whose
//!   eval loop is active on this thread, and each running frame's `prev` is
//!   the one that was innermost when it started; a frame is linked on entry
//!   to [`enter`] and unlinked by [`leave`], and does not move in between
//!   (the eval loop holds it by `&mut`).
//! - **FRAME-2 (slots).** `fast[..nfast]` are initialised `Option<Ref>`s;
//!   `stack_base..sp` are initialised, owned `Ref`s; `sp..stack_limit` are
//!   uninitialised; `stack_base == fast + nfast` and
//!   `stack_limit == stack_base + stacksize + 1`. The slots stay where they
//!   are for the frame's whole life (their buffer is not the frame itself).
//! - **FRAME-3 (depth).** Running code never holds more than its code's
//!   `stacksize` values: the assembler computes `stacksize` as the largest
//!   depth on any path and checks every path against it (ASM-2 in
//!   `compile/assemble.rs`), and the eval loop's stack effects are
//!   `Opcode::stack_effect`'s. So the eval loop pushes without a bound
//!   check (a `debug_assert!` stands for it) and pops without an underflow
//!   check. The one slot of slack above `stacksize` takes the exception
//!   pushed on entry to a handler.

use std::cell::Cell;
use std::ptr::{self, NonNull};

use crate::objects::codeobj::{as_code, CodeObject};
use crate::objects::object::{PyObject, Ref};

use super::datastack::{self, Slot};

// FRAME-2: a fast local, a stack value and a data-stack slot are one word.
const _: () = assert!(std::mem::size_of::<Option<Ref>>() == std::mem::size_of::<Slot>());
const _: () = assert!(std::mem::size_of::<Ref>() == std::mem::size_of::<Slot>());
const _: () = assert!(std::mem::align_of::<Ref>() == std::mem::align_of::<Slot>());

/// Where a frame's slots live.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Storage {
    /// Carved from the thread's data stack (DS-1: released on drop).
    DataStack,
    /// A buffer of `bytes` bytes from the interpreter's heap (generators).
    Heap { bytes: usize },
}

/// One activation.
pub struct Frame {
    /// The code object (keeps [`Frame::code`] valid).
    pub code_ref: Ref,
    /// The module's globals dict.
    pub globals: Ref,
    /// The builtins dict.
    pub builtins: Ref,
    /// The locals dict of module and class scopes.
    pub locals: Option<Ref>,
    /// Fast locals (`co_varnames`), then cells and free variables (FRAME-2).
    fast: NonNull<Option<Ref>>,
    /// Number of fast slots.
    nfast: usize,
    /// Bottom of the value stack (FRAME-2).
    stack_base: *mut Ref,
    /// One past the top value (FRAME-2). The eval loop keeps its own copy
    /// while it runs and writes it back here before anything that looks
    /// at the stack from outside (`eval.rs`, `save_sp!`).
    pub(super) sp: *mut Ref,
    /// End of the value stack region.
    stack_limit: *mut Ref,
    storage: Storage,
    /// Next instruction.
    pub ip: usize,
    /// The instruction running or that last ran.
    pub lasti: usize,
    /// Names of the keyword arguments of the next `CALL` (`KW_NAMES`).
    pub kwnames: Option<Ref>,
    /// The error being raised is a re-raise (no new traceback entry).
    pub reraise: bool,
    /// The frame that was running when this one started (FRAME-1).
    prev: *const Frame,
    /// Its `frame` object, once Python asked for one (`sys._getframe`, a
    /// traceback entry); `leave` detaches it (FRAMEOBJ-1 in
    /// `objects/frameobj.rs`).
    pub frame_obj: crate::objects::object::RefCellSlot,
}

impl Frame {
    /// A frame for `code` with empty locals, its slots on the data stack:
    /// it must be dropped before any frame made earlier on this thread
    /// (DS-1), which holds for frames on the Rust stack.
    #[inline]
    pub fn new(code_ref: Ref, globals: Ref, builtins: Ref, locals: Option<Ref>) -> Frame {
        Frame::with_storage(code_ref, globals, builtins, locals, &[], false)
    }

    /// A data-stack frame (as [`Frame::new`]) whose first fast slots hold
    /// `args` (no more than the code has fast slots): a call whose
    /// arguments are exactly the positional parameters.
    #[inline(always)]
    pub fn with_args(code_ref: Ref, globals: Ref, builtins: Ref, args: &[Ref]) -> Frame {
        Frame::with_storage(code_ref, globals, builtins, None, args, false)
    }

    /// A frame whose slots are in a buffer of its own (a generator's, which
    /// outlives the call that made it).
    pub fn new_owned(code_ref: Ref, globals: Ref, builtins: Ref, locals: Option<Ref>) -> Frame {
        Frame::with_storage(code_ref, globals, builtins, locals, &[], true)
    }

    #[inline(always)]
    fn with_storage(
        code_ref: Ref,
        globals: Ref,
        builtins: Ref,
        locals: Option<Ref>,
        args: &[Ref],
        owned: bool,
    ) -> Frame {
        let code = as_code(&code_ref).expect("frame code");
        let nfast = code.unit.varnames.len() + code.derefnames.len();
        let total = nfast + code.unit.stacksize as usize + 1;
        let (base, storage) = if owned {
            let bytes = total * std::mem::size_of::<Slot>();
            let p = crate::objects::heap::alloc_bytes(bytes).cast::<Slot>();
            (p, Storage::Heap { bytes })
        } else {
            (datastack::alloc(total), Storage::DataStack)
        };
        let fast = base.cast::<Option<Ref>>();
        let nargs = args.len().min(nfast);
        // SAFETY: FRAME-2 — the region has `total >= nfast` slots; writing
        // the arguments, then None, into each fast slot initialises them.
        unsafe {
            for (i, a) in args[..nargs].iter().enumerate() {
                fast.as_ptr().add(i).write(Some(a.clone()));
            }
            for i in nargs..nfast {
                fast.as_ptr().add(i).write(None);
            }
        }
        // SAFETY: the region has `nfast + stacksize + 1` slots.
        let stack_base = unsafe { base.as_ptr().add(nfast) }.cast::<Ref>();
        // SAFETY: as above: the end of the region.
        let stack_limit = unsafe { base.as_ptr().add(total) }.cast::<Ref>();
        Frame {
            code_ref,
            globals,
            builtins,
            locals,
            fast,
            nfast,
            stack_base,
            sp: stack_base,
            stack_limit,
            storage,
            ip: 0,
            lasti: 0,
            kwnames: None,
            reraise: false,
            prev: ptr::null(),
            frame_obj: crate::objects::object::RefCellSlot::empty(),
        }
    }

    /// The code object.
    #[inline(always)]
    pub fn code(&self) -> &CodeObject {
        // The frame holds `code_ref` for its whole life.
        as_code(&self.code_ref).expect("frame code")
    }

    /// The frame that was running when this one started, while this one
    /// runs (FRAME-1).
    pub fn prev(&self) -> Option<&Frame> {
        // SAFETY: FRAME-1 — while this frame is linked, `prev` is a linked
        // frame (or null), alive and unmoved; callers ask only about running
        // frames (FRAMEOBJ-1).
        (!self.prev.is_null()).then(|| unsafe { &*self.prev })
    }

    /// The line being run.
    pub fn lineno(&self) -> u32 {
        self.code().line_of(self.lasti)
    }

    /// The fast locals, then cells and free variables.
    #[inline(always)]
    pub fn fast(&self) -> &[Option<Ref>] {
        // SAFETY: FRAME-2 — `nfast` initialised slots at `fast`.
        unsafe { std::slice::from_raw_parts(self.fast.as_ptr(), self.nfast) }
    }

    /// The fast slots, mutably.
    #[inline(always)]
    pub fn fast_mut(&mut self) -> &mut [Option<Ref>] {
        // SAFETY: FRAME-2 — `nfast` initialised slots, borrowed through
        // `&mut self`.
        unsafe { std::slice::from_raw_parts_mut(self.fast.as_ptr(), self.nfast) }
    }

    /// The first fast slot (for the eval loop).
    #[inline(always)]
    pub(super) fn fast_ptr(&self) -> *mut Option<Ref> {
        self.fast.as_ptr()
    }

    /// The bottom of the value stack (for the eval loop's debug checks).
    #[cfg(debug_assertions)]
    #[inline(always)]
    pub(super) fn stack_base(&self) -> *mut Ref {
        self.stack_base
    }

    /// The values on the stack, bottom first.
    #[inline]
    pub fn stack(&self) -> &[Ref] {
        // SAFETY: FRAME-2 — `stack_base..sp` are initialised.
        unsafe { std::slice::from_raw_parts(self.stack_base, self.stack_len()) }
    }

    /// Number of values on the stack.
    #[inline(always)]
    pub fn stack_len(&self) -> usize {
        // SAFETY: FRAME-2 — both point into the same region, `sp` above.
        unsafe { self.sp.offset_from(self.stack_base) as usize }
    }

    /// Push a value (outside the eval loop: generator resumption, handler
    /// entry). Overflowing the region is a compiler bug (FRAME-3).
    #[inline]
    pub fn push(&mut self, v: Ref) {
        if self.sp >= self.stack_limit {
            stack_overflow();
        }
        // SAFETY: FRAME-2 — `sp` is below `stack_limit`, uninitialised.
        unsafe {
            self.sp.write(v);
            self.sp = self.sp.add(1);
        }
    }

    /// Pop the top value.
    #[inline]
    pub fn pop(&mut self) -> Option<Ref> {
        if self.sp == self.stack_base {
            return None;
        }
        // SAFETY: FRAME-2 — the slot below `sp` is an initialised value,
        // moved out as `sp` moves down.
        unsafe {
            self.sp = self.sp.sub(1);
            Some(self.sp.read())
        }
    }

    /// The top value.
    #[inline]
    pub fn top(&self) -> Option<&Ref> {
        self.stack().last()
    }

    /// Pop values until `depth` remain (each dropped after it left the
    /// stack, so a finalizer sees a consistent frame).
    pub fn truncate_stack(&mut self, depth: usize) {
        while self.stack_len() > depth {
            drop(self.pop());
        }
    }

    /// Pop the top `n` values, in stack order.
    pub fn pop_n(&mut self, n: usize) -> Vec<Ref> {
        let len = self.stack_len();
        assert!(n <= len, "value stack underflow");
        let mut out = Vec::with_capacity(n);
        // SAFETY: FRAME-2 — the `n` values from `len - n` are initialised;
        // `sp` moves below them first, so each is owned once: by `out`.
        unsafe {
            let from = self.stack_base.add(len - n);
            self.sp = from;
            for i in 0..n {
                out.push(from.add(i).read());
            }
        }
        out
    }

    /// Every reference the frame holds (for the collector, when the frame
    /// belongs to a generator).
    pub fn for_each_ref(&self, mut f: impl FnMut(&PyObject)) {
        f(&self.code_ref);
        f(&self.globals);
        f(&self.builtins);
        if let Some(l) = &self.locals {
            f(l);
        }
        for r in self.fast().iter().flatten() {
            f(r);
        }
        for r in self.stack() {
            f(r);
        }
        if let Some(k) = &self.kwnames {
            f(k);
        }
    }

    /// Drop the locals and stack (generator clear / close).
    pub fn clear(&mut self) {
        self.clear_slots();
        drop(self.locals.take());
        drop(self.kwnames.take());
    }

    /// Empty the stack, then the fast slots, one value at a time (a
    /// finalizer run by a drop sees the slots already emptied).
    fn clear_slots(&mut self) {
        self.truncate_stack(0);
        for i in 0..self.nfast {
            // SAFETY: FRAME-2 — slot `i < nfast` is initialised.
            let v = unsafe { (*self.fast.as_ptr().add(i)).take() };
            drop(v);
        }
    }
}

impl Drop for Frame {
    fn drop(&mut self) {
        self.clear_slots();
        match self.storage {
            Storage::DataStack => datastack::release(self.fast.cast()),
            Storage::Heap { bytes } => {
                // SAFETY: the buffer came from `alloc_bytes(bytes)` in
                // `with_storage` and nothing points into it any more.
                unsafe { crate::objects::heap::free_bytes(self.fast.cast(), bytes) }
            }
        }
    }
}

#[cold]
#[inline(never)]
fn stack_overflow() -> ! {
    panic!("value stack overflow: the compiler's stack depth is wrong (FRAME-3)")
}

thread_local! {
    /// The innermost running frame (FRAME-1).
    static CURRENT: Cell<*const Frame> = const { Cell::new(ptr::null()) };
}

/// Link `frame` as the innermost running frame (the eval loop, on entry).
#[inline(always)]
pub fn enter(frame: &mut Frame) {
    frame.prev = CURRENT.with(|c| c.replace(frame as *const Frame));
}

/// Unlink `frame`, innermost (the eval loop, on exit).
#[inline(always)]
pub fn leave(frame: &Frame) {
    if frame.frame_obj.is_some() {
        crate::objects::frameobj::detach(frame);
    }
    CURRENT.with(|c| {
        debug_assert!(ptr::eq(c.get(), frame), "FRAME-1");
        c.set(frame.prev)
    });
}

/// Run `f` with the running frame `depth` levels up from the innermost, if
/// any.
pub fn with_running<R>(depth: usize, f: impl FnOnce(Option<&Frame>) -> R) -> R {
    let mut p = CURRENT.with(Cell::get);
    for _ in 0..depth {
        if p.is_null() {
            break;
        }
        // SAFETY: FRAME-1 — a linked frame is alive and does not move.
        p = unsafe { (*p).prev };
    }
    f(if p.is_null() {
        None
    } else {
        // SAFETY: FRAME-1 — a frame is linked only while its eval call is
        // active, and that call is suspended in the callee we are in, so the
        // frame is alive and not being mutated during `f`.
        Some(unsafe { &*p })
    })
}

/// Number of running frames.
pub fn running_depth() -> usize {
    let mut n = 0;
    let mut p = CURRENT.with(Cell::get);
    while !p.is_null() {
        n += 1;
        // SAFETY: FRAME-1.
        p = unsafe { (*p).prev };
    }
    n
}

/// Call `f` on each running frame from the innermost outwards until it
/// returns `false` (allocation profilers: reads only, allocates nothing).
pub fn for_each_running(mut f: impl FnMut(&Frame) -> bool) {
    // `try_with`: allocations made while the thread's locals are torn down
    // see no frames rather than a panic.
    let mut p = CURRENT.try_with(Cell::get).unwrap_or(ptr::null());
    while !p.is_null() {
        // SAFETY: FRAME-1 — a linked frame is alive and does not move, and
        // its eval call is suspended in the callee we are in.
        let frame = unsafe { &*p };
        if !f(frame) {
            break;
        }
        p = frame.prev;
    }
}
