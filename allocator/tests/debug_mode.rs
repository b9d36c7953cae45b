//! Debug mode: fills, and the detections (underwrite, overwrite, double
//! free, wrong size, wrong API), observed through a recording handler so the
//! test process is not killed.

use pyrite_allocator::{
    Allocator, Api, CorruptionKind, CorruptionReport, CLEAN_BYTE, DEAD_BYTE, FORBIDDEN_BYTE,
};
use std::cell::RefCell;
use std::rc::Rc;

fn recording() -> (Allocator, Rc<RefCell<Vec<CorruptionReport>>>) {
    let mut a = Allocator::new_debug();
    let reports = Rc::new(RefCell::new(Vec::new()));
    let sink = reports.clone();
    a.set_corruption_handler(Box::new(move |r| sink.borrow_mut().push(r.clone())));
    (a, reports)
}

#[test]
fn new_memory_is_clean_and_guarded() {
    let (mut a, reports) = recording();
    let p = a.alloc(13).unwrap();
    // SAFETY: 16 header bytes, 13 data bytes and 8 tail bytes are all part of
    // the debug block.
    let (data, tail, api) = unsafe {
        (
            std::slice::from_raw_parts(p.as_ptr(), 13).to_vec(),
            std::slice::from_raw_parts(p.as_ptr().add(13), 8).to_vec(),
            *p.as_ptr().sub(8),
        )
    };
    assert!(data.iter().all(|&b| b == CLEAN_BYTE));
    assert!(tail.iter().all(|&b| b == FORBIDDEN_BYTE));
    assert_eq!(api, b'o');
    // SAFETY: allocated with 13 bytes.
    unsafe { a.free(p, 13) };
    // The freed block is filled with DEAD_BYTE (still mapped: the pool holds
    // no other block, but the arena is kept as the spare).
    // SAFETY: reading freed memory of a mapped arena, on purpose.
    let after = unsafe { *p.as_ptr().add(4) };
    assert_eq!(after, DEAD_BYTE);
    assert!(reports.borrow().is_empty());
}

#[test]
fn overwrite_is_reported_with_the_damaged_bytes() {
    let (mut a, reports) = recording();
    let p = a.alloc(24).unwrap();
    // SAFETY: writing 2 bytes past the data, into the tail guard (on purpose).
    unsafe { p.as_ptr().add(24).write_bytes(b'x', 2) };
    // SAFETY: allocated with 24 bytes.
    unsafe { a.free(p, 24) };
    let r = reports.borrow();
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].kind, CorruptionKind::Overwrite);
    assert_eq!(r[0].address, p.as_ptr() as usize);
    assert_eq!(r[0].size, 24);
    let offsets: Vec<(isize, u8)> = r[0].damaged.iter().map(|d| (d.offset, d.found)).collect();
    assert_eq!(offsets, vec![(24, b'x'), (25, b'x')]);
    let text = r[0].to_string();
    assert!(text.contains("buffer overwrite"), "{text}");
    assert!(text.contains("24 bytes originally requested"), "{text}");
    assert!(text.contains("at p+24: 0x78"), "{text}");
    assert_eq!(a.corruption_reports(), 1);
}

#[test]
fn underwrite_is_reported() {
    let (mut a, reports) = recording();
    let p = a.alloc(600).unwrap(); // raw domain in debug mode too
                                   // SAFETY: one byte before the data, in the front guard (on purpose).
    unsafe { p.as_ptr().sub(1).write(0) };
    // SAFETY: allocated with 600 bytes.
    unsafe { a.free(p, 600) };
    let r = reports.borrow();
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].kind, CorruptionKind::Underwrite);
    assert_eq!(r[0].damaged.len(), 1);
    assert_eq!((r[0].damaged[0].offset, r[0].damaged[0].found), (-1, 0));
}

#[test]
fn double_free_is_reported_small_and_raw() {
    let (mut a, reports) = recording();
    let keep = a.alloc(32).unwrap(); // keeps the pool alive
    let p = a.alloc(32).unwrap();
    let big = a.alloc(2000).unwrap();
    // SAFETY: each freed once here...
    unsafe {
        a.free(p, 32);
        a.free(big, 2000);
    }
    // SAFETY: ...and again, which is what is being tested: the allocator
    // must detect it without touching freed raw memory.
    unsafe {
        a.free(p, 32);
        a.free(big, 2000);
    }
    let kinds: Vec<CorruptionKind> = reports.borrow().iter().map(|r| r.kind.clone()).collect();
    assert_eq!(
        kinds,
        vec![CorruptionKind::DoubleFree, CorruptionKind::DoubleFree]
    );
    // SAFETY: allocated with 32 bytes.
    unsafe { a.free(keep, 32) };
    a.check_invariants().unwrap();
}

#[test]
fn double_free_after_the_pool_emptied_is_reported() {
    let (mut a, reports) = recording();
    let p = a.alloc(48).unwrap();
    // SAFETY: freed once; then again (the pool is now empty).
    unsafe {
        a.free(p, 48);
        a.free(p, 48);
    }
    assert_eq!(reports.borrow()[0].kind, CorruptionKind::DoubleFree);
}

#[test]
fn wrong_size_and_wrong_api_are_reported() {
    let (mut a, reports) = recording();
    let p = a.alloc(40).unwrap();
    // SAFETY: wrong size on purpose; the block is leaked, not freed.
    unsafe { a.free(p, 41) };
    let q = a.alloc_api(Api::Mem, 40).unwrap();
    // SAFETY: wrong API on purpose.
    unsafe { a.free_api(Api::Object, q, 40) };
    let r = reports.borrow();
    assert_eq!(
        r[0].kind,
        CorruptionKind::WrongSize {
            allocated: 40,
            given: 41
        }
    );
    assert_eq!(
        r[1].kind,
        CorruptionKind::WrongApi {
            allocated: Api::Mem,
            given: Api::Object
        }
    );
    assert!(r[1].to_string().contains("bad ID: allocated by 'm'"));
    drop(r);
    // The damaged blocks were leaked, never reused: still in use.
    assert_eq!(a.stats().blocks_in_use(), 2);
    a.check_invariants().unwrap();
}

#[test]
fn debug_realloc_moves_and_checks() {
    let (mut a, reports) = recording();
    let p = a.alloc(10).unwrap();
    // SAFETY: p holds 10 bytes.
    unsafe { p.as_ptr().write_bytes(7, 10) };
    // SAFETY: allocated with 10 bytes.
    let q = unsafe { a.realloc(p, 10, 12) }.unwrap();
    assert_ne!(p, q, "debug realloc always moves");
    // SAFETY: q holds 12 bytes: 10 copied, 2 clean.
    let bytes = unsafe { std::slice::from_raw_parts(q.as_ptr(), 12) }.to_vec();
    assert_eq!(&bytes[..10], &[7; 10]);
    assert_eq!(&bytes[10..], &[CLEAN_BYTE; 2]);
    // SAFETY: overwrite on purpose, then realloc must catch it.
    unsafe { q.as_ptr().add(12).write(1) };
    // SAFETY: allocated with 12 bytes.
    assert!(unsafe { a.realloc(q, 12, 20) }.is_err());
    assert_eq!(reports.borrow()[0].kind, CorruptionKind::Overwrite);
}

#[test]
fn default_handler_aborts_the_process() {
    // Run this test binary again as a child that corrupts a block under the
    // default handler; it must die by abort, with the report on stderr.
    if std::env::var_os("PYRITE_ALLOC_ABORT_CHILD").is_some() {
        let mut a = Allocator::new_debug();
        let p = a.alloc(8).unwrap();
        // SAFETY: overwrite on purpose.
        unsafe { p.as_ptr().add(8).write(0) };
        // SAFETY: allocated with 8 bytes.
        unsafe { a.free(p, 8) };
        unreachable!("the default handler returned");
    }
    let exe = std::env::current_exe().unwrap();
    let out = std::process::Command::new(exe)
        .args([
            "default_handler_aborts_the_process",
            "--exact",
            "--nocapture",
        ])
        .env("PYRITE_ALLOC_ABORT_CHILD", "1")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("buffer overwrite"), "{stderr}");
    assert!(stderr.contains("memory corruption detected"), "{stderr}");
}
