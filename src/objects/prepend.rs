//! Calling with one argument put in front of the others — `self` for a
//! bound method or a dunder slot, `cls` for `__new__` — without a heap
//! allocation for the common short argument lists (CPython's vectorcall
//! `PY_VECTORCALL_ARGUMENTS_OFFSET` trick serves the same end).

use std::mem::MaybeUninit;

use super::object::Ref;

/// Argument lists up to this long (the first included) stay on the stack.
const ON_STACK: usize = 8;

/// Call `f` with `[first, args...]`.
#[inline]
pub fn with_first<R>(first: Ref, args: &[Ref], f: impl FnOnce(&[Ref]) -> R) -> R {
    let n = args.len() + 1;
    if n > ON_STACK {
        let mut all = Vec::with_capacity(n);
        all.push(first);
        all.extend_from_slice(args);
        return f(&all);
    }
    let mut buf: [MaybeUninit<Ref>; ON_STACK] = [const { MaybeUninit::uninit() }; ON_STACK];
    buf[0].write(first);
    for (slot, a) in buf[1..n].iter_mut().zip(args) {
        slot.write(a.clone());
    }
    // SAFETY: slots `0..n` were written just above, and `MaybeUninit<Ref>`
    // has `Ref`'s layout.
    let all = unsafe { std::slice::from_raw_parts(buf.as_ptr().cast::<Ref>(), n) };
    let r = f(all);
    for slot in &mut buf[..n] {
        // SAFETY: each of slots `0..n` holds a `Ref` written above and is
        // dropped once; the slice borrowing them has ended.
        unsafe { slot.assume_init_drop() };
    }
    r
}
