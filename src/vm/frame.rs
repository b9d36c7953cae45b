//! [`Frame`]: one activation of a code object — its fast locals and cells,
//! value stack, instruction pointer and namespaces. A frame lives on the
//! Rust stack for a call, or in a generator object between resumptions.

use std::cell::RefCell;

use crate::objects::codeobj::{as_code, CodeObject};
use crate::objects::object::{PyObject, Ref};

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
    /// Fast locals (`co_varnames`), then cells and free variables (cell
    /// objects).
    pub fast: Vec<Option<Ref>>,
    /// The value stack.
    pub stack: Vec<Ref>,
    /// Next instruction.
    pub ip: usize,
    /// The instruction running or that last ran.
    pub lasti: usize,
    /// Names of the keyword arguments of the next `CALL` (`KW_NAMES`).
    pub kwnames: Option<Ref>,
    /// The error being raised is a re-raise (no new traceback entry).
    pub reraise: bool,
}

impl Frame {
    /// A frame for `code` with empty locals.
    pub fn new(code_ref: Ref, globals: Ref, builtins: Ref, locals: Option<Ref>) -> Frame {
        let code = as_code(&code_ref).expect("frame code");
        let nfast = code.nlocals() + code.derefnames.len();
        let (mut fast, mut stack) = POOL.with(|p| {
            let mut p = p.borrow_mut();
            (
                p.fast.pop().unwrap_or_default(),
                p.stacks.pop().unwrap_or_default(),
            )
        });
        fast.resize(nfast, None);
        stack.reserve(code.unit.stacksize as usize + 1);
        Frame {
            globals,
            builtins,
            locals,
            fast,
            stack,
            ip: 0,
            lasti: 0,
            kwnames: None,
            reraise: false,
            code_ref,
        }
    }

    /// The code object.
    #[inline(always)]
    pub fn code(&self) -> &CodeObject {
        // The frame holds `code_ref` for its whole life.
        as_code(&self.code_ref).expect("frame code")
    }

    /// The line being run.
    pub fn lineno(&self) -> u32 {
        self.code().line_of(self.lasti)
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
        for r in self.fast.iter().flatten() {
            f(r);
        }
        for r in &self.stack {
            f(r);
        }
        if let Some(k) = &self.kwnames {
            f(k);
        }
    }

    /// Drop the locals and stack (generator clear / close).
    pub fn clear(&mut self) {
        let fast = std::mem::take(&mut self.fast);
        let stack = std::mem::take(&mut self.stack);
        let locals = self.locals.take();
        drop(fast);
        drop(stack);
        drop(locals);
    }
}

// FRAME-1: RUNNING holds exactly the frames whose eval loop is active on
// this thread, innermost last; each is pushed on entry and popped on exit.
/// Buffers of finished frames, reused by the next calls so a call does not
/// go to the system allocator twice.
#[derive(Default)]
struct Pool {
    fast: Vec<Vec<Option<Ref>>>,
    stacks: Vec<Vec<Ref>>,
}

/// Most buffers of each kind kept.
const POOL_MAX: usize = 128;
/// Largest buffer capacity kept.
const POOL_MAX_CAPACITY: usize = 256;

impl Drop for Frame {
    fn drop(&mut self) {
        // Emptying runs arbitrary code (`__del__`), which may make frames:
        // empty first, then return the buffers to the pool.
        let mut fast = std::mem::take(&mut self.fast);
        let mut stack = std::mem::take(&mut self.stack);
        fast.clear();
        stack.clear();
        POOL.with(|p| {
            let mut p = p.borrow_mut();
            if fast.capacity() <= POOL_MAX_CAPACITY && p.fast.len() < POOL_MAX {
                p.fast.push(fast);
            }
            if stack.capacity() <= POOL_MAX_CAPACITY && p.stacks.len() < POOL_MAX {
                p.stacks.push(stack);
            }
        });
    }
}

thread_local! {
    static POOL: RefCell<Pool> = const { RefCell::new(Pool { fast: Vec::new(), stacks: Vec::new() }) };
    /// Frames currently running, innermost last (for `super()`,
    /// `sys._getframe`, `locals()`).
    static RUNNING: RefCell<Vec<*const Frame>> = const { RefCell::new(Vec::new()) };
}

/// Mark `frame` as running (pushed by the eval loop).
pub fn push_running(frame: &Frame) {
    RUNNING.with(|r| r.borrow_mut().push(frame as *const Frame));
}

/// Pop the innermost running frame.
pub fn pop_running() {
    RUNNING.with(|r| r.borrow_mut().pop());
}

/// Run `f` with the innermost running frame `depth` levels up, if any.
pub fn with_running<R>(depth: usize, f: impl FnOnce(Option<&Frame>) -> R) -> R {
    let p = RUNNING.with(|r| {
        let r = r.borrow();
        r.len().checked_sub(depth + 1).map(|i| r[i])
    });
    f(p.map(|p| {
        // SAFETY: FRAME-1 — a frame is on RUNNING only while its eval call
        // is active, and that call is suspended in the callee we are in, so
        // the frame is alive and not being mutated during `f`.
        unsafe { &*p }
    }))
}

/// Number of running frames.
pub fn running_depth() -> usize {
    RUNNING.with(|r| r.borrow().len())
}
