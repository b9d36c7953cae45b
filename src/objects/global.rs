//! Process-wide interpreter state and the interpreter lock.
//!
//! **GLOBAL-1.** All Python objects of a process live in one heap, and
//! static objects (built-in types, small ints, `None`) are shared by every
//! thread; so only one thread at a time may run Python code or touch an
//! object: the thread holding [`lock_interpreter`]'s guard. The `pyrite`
//! binary runs Python on one thread; in-process tests take the lock around
//! each run. [`Global`] marks state that relies on GLOBAL-1 to be `Sync`.

use std::sync::{Mutex, MutexGuard};

/// A value shared by the threads of a process under GLOBAL-1.
pub struct Global<T>(T);

// SAFETY: GLOBAL-1 — only the thread holding the interpreter lock accesses
// the value, so it is never used by two threads at once.
unsafe impl<T> Sync for Global<T> {}
// SAFETY: GLOBAL-1 — as above; the value moves between threads only when
// the lock is handed over.
unsafe impl<T> Send for Global<T> {}

impl<T> Global<T> {
    /// Wrap a value.
    pub const fn new(v: T) -> Global<T> {
        Global(v)
    }

    /// The value (GLOBAL-1: call only while holding the interpreter lock).
    #[inline(always)]
    pub fn get(&self) -> &T {
        &self.0
    }
}

static INTERPRETER_LOCK: Mutex<()> = Mutex::new(());

/// Take the interpreter lock (GLOBAL-1) for as long as the guard lives.
pub fn lock_interpreter() -> MutexGuard<'static, ()> {
    INTERPRETER_LOCK.lock().unwrap_or_else(|e| e.into_inner())
}
