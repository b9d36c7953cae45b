//! Intrusive circular doubly linked lists of [`GcHeader`]s: init, append,
//! unlink, move, merge, length. Every operation is O(1) except `len`.
//!
//! A list is a head header whose links point at itself when empty. All
//! functions here work outside the gc_refs window (GC-3) on linked headers
//! (GC-1) and keep GC-1 and the flag bits (GC-5, GC-6) intact, except where a
//! function says it changes them.
//!
//! [`GcHeader`]: crate::GcHeader

use crate::header::{HeaderRef, PREV_FINALIZED};

/// Make `head` an empty list: both links point at itself.
#[inline]
pub(crate) fn init(head: HeaderRef) {
    head.set_next_word(head.addr());
    head.set_prev_word(head.addr());
}

/// Whether the list `head` has no element.
#[inline]
pub(crate) fn is_empty(head: HeaderRef) -> bool {
    head.next_word() == head.addr()
}

/// Link the untracked or detached `node` at the tail of `list`; keeps
/// `node`'s flag bits.
///
/// # Safety
///
/// `list` is an initialised list head outside the gc_refs window (GC-3);
/// `node` is not linked into any list.
#[inline]
pub(crate) unsafe fn append(node: HeaderRef, list: HeaderRef) {
    // SAFETY: the caller guarantees `list` is a linked head outside GC-3.
    let last = unsafe { list.prev() };
    node.set_prev(last);
    last.set_next(node);
    node.set_next(list);
    list.set_prev_word(node.addr());
}

/// Take `node` out of its list, leaving it untracked: next word 0, prev word
/// keeps only `PREV_FINALIZED` (GC-1, GC-5, GC-6). This is CPython's
/// `_PyObject_GC_UNTRACK`.
///
/// # Safety
///
/// `node` is linked (GC-1), outside the gc_refs window (GC-3) and without
/// `NEXT_UNREACHABLE` on its predecessor's link (GC-4).
#[inline]
pub(crate) unsafe fn unlink(node: HeaderRef) {
    // SAFETY: the caller guarantees `node` is linked outside GC-3.
    let prev = unsafe { node.prev() };
    // SAFETY: as above, `node` is linked.
    let next = unsafe { node.next() };
    prev.set_next(next);
    next.set_prev(prev);
    node.set_next_word(0);
    node.set_prev_word(node.prev_word() & PREV_FINALIZED);
}

/// Move `node` from its list to the tail of `list`, keeping its flags.
///
/// # Safety
///
/// As for [`unlink`] on `node`, and as for [`append`] on `list`.
#[inline]
pub(crate) unsafe fn move_to(node: HeaderRef, list: HeaderRef) {
    // SAFETY: the caller guarantees `node` is linked outside GC-3.
    let from_prev = unsafe { node.prev() };
    // SAFETY: as above.
    let from_next = unsafe { node.next() };
    from_prev.set_next(from_next);
    from_next.set_prev(from_prev);
    // SAFETY: the caller guarantees `list` is a linked head outside GC-3.
    let to_prev = unsafe { list.prev() };
    node.set_prev(to_prev);
    to_prev.set_next(node);
    list.set_prev_word(node.addr());
    node.set_next(list);
}

/// Append every element of `from` to the tail of `to`, leaving `from` empty.
///
/// # Safety
///
/// `from` and `to` are distinct initialised list heads outside the gc_refs
/// window (GC-3).
#[inline]
pub(crate) unsafe fn merge(from: HeaderRef, to: HeaderRef) {
    debug_assert!(from != to);
    if !is_empty(from) {
        // SAFETY: the caller guarantees both heads are linked outside GC-3.
        let to_tail = unsafe { to.prev() };
        // SAFETY: as above; `from` is not empty, so these are its elements.
        let from_head = unsafe { from.next() };
        // SAFETY: as above.
        let from_tail = unsafe { from.prev() };
        to_tail.set_next(from_head);
        from_head.set_prev(to_tail);
        from_tail.set_next(to);
        to.set_prev_word(from_tail.addr());
    }
    init(from);
}

/// Number of elements of `list`; O(n).
///
/// # Safety
///
/// `list` is an initialised list head (GC-1); the walk follows next links
/// only, so it is valid inside the gc_refs window too.
pub(crate) unsafe fn len(list: HeaderRef) -> usize {
    let mut n = 0;
    // SAFETY: the caller guarantees `list` is linked (GC-1).
    let mut h = unsafe { list.next() };
    while h != list {
        n += 1;
        // SAFETY: GC-1 — every element of a list is linked.
        h = unsafe { h.next() };
    }
    n
}

/// Visit each element of `list` in order; `f` must not unlink elements.
///
/// # Safety
///
/// As for [`len`]; `f` leaves the list's links unchanged.
pub(crate) unsafe fn for_each(list: HeaderRef, mut f: impl FnMut(HeaderRef)) {
    // SAFETY: the caller guarantees `list` is linked (GC-1).
    let mut h = unsafe { list.next() };
    while h != list {
        f(h);
        // SAFETY: GC-1 — `f` left `h` linked.
        h = unsafe { h.next() };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::GcHeader;
    use core::ptr::NonNull;

    fn r(h: &GcHeader) -> HeaderRef {
        // SAFETY: HR — every header in these tests outlives its handles.
        unsafe { HeaderRef::new(NonNull::from(h)) }
    }

    #[test]
    fn append_unlink_move_merge() {
        let (a_head, b_head) = (GcHeader::new(), GcHeader::new());
        let nodes: Vec<GcHeader> = (0..4).map(|_| GcHeader::new()).collect();
        let (a, b) = (r(&a_head), r(&b_head));
        init(a);
        init(b);
        assert!(is_empty(a));
        // In this test the heads are initialised, nodes are linked only by the
        // calls below, and there is no gc_refs window: every precondition of
        // the list functions holds at each call.
        for n in &nodes {
            // SAFETY: see above; `n` is not linked yet.
            unsafe { append(r(n), a) };
        }
        // SAFETY: see above.
        assert_eq!(unsafe { len(a) }, 4);
        r(&nodes[1]).set_finalized();
        // SAFETY: see above; nodes[1] is linked in `a`.
        unsafe { unlink(r(&nodes[1])) };
        assert!(!nodes[1].is_tracked() && nodes[1].is_finalized());
        // SAFETY: see above.
        assert_eq!(unsafe { len(a) }, 3);
        // SAFETY: see above; nodes[2] is linked in `a`.
        unsafe { move_to(r(&nodes[2]), b) };
        // SAFETY: see above.
        assert_eq!(unsafe { (len(a), len(b)) }, (2, 1));
        // SAFETY: see above; distinct heads.
        unsafe { merge(a, b) };
        assert!(is_empty(a));
        let mut order = Vec::new();
        // SAFETY: see above; the closure does not unlink.
        unsafe { for_each(b, |h| order.push(h.addr())) };
        let expect: Vec<usize> = [2, 0, 3].iter().map(|&i| r(&nodes[i]).addr()).collect();
        assert_eq!(order, expect);
        for i in [2, 0, 3] {
            // SAFETY: see above; nodes[i] is linked in `b`.
            unsafe { unlink(r(&nodes[i])) };
        }
        assert!(is_empty(b));
    }
}
