//! Behaviour tests: arena release, statistics, realloc, the raw domain, the
//! observer hook, and the stats text against CPython's own layout.

use pyrite_allocator::{
    AllocObserver, Allocator, CPythonGeometry, Domain, Geometry, Mode, PyriteGeometry,
};
use std::alloc::Layout;
use std::cell::RefCell;
use std::ptr::NonNull;
use std::rc::Rc;

fn alloc_many<G: Geometry>(a: &mut Allocator<G>, size: usize, n: usize) -> Vec<NonNull<u8>> {
    (0..n).map(|_| a.alloc(size).unwrap()).collect()
}

fn free_all<G: Geometry>(a: &mut Allocator<G>, size: usize, blocks: Vec<NonNull<u8>>) {
    for p in blocks {
        // SAFETY: each block came from `a.alloc(size)` and is freed once.
        unsafe { a.free(p, size) };
    }
}

fn arenas_are_reclaimed<G: Geometry>() {
    let mut a = Allocator::<G>::with_mode(Mode::Normal);
    // Enough 64-byte blocks for about ten arenas.
    let per_arena = (G::POOLS_PER_ARENA - 1) * G::blocks_per_pool(G::size_class(64));
    let blocks = alloc_many(&mut a, 64, 10 * per_arena);
    let s = a.stats();
    assert!(s.arenas_current >= 10, "{} arenas", s.arenas_current);
    assert_eq!(s.arenas_highwater, s.arenas_current);
    a.check_invariants().unwrap();
    free_all(&mut a, 64, blocks);
    a.check_invariants().unwrap();
    let after = a.stats();
    assert!(
        after.arenas_current <= 1,
        "{} arenas kept",
        after.arenas_current
    );
    assert_eq!(
        after.arenas_reclaimed,
        after.arenas_allocated_total - after.arenas_current as u64
    );
    assert!(after.arenas_reclaimed >= 9);
    assert_eq!(after.blocks_in_use(), 0);
    // The spare arena is reused rather than a new one mapped.
    let again = alloc_many(&mut a, 64, 10);
    assert_eq!(
        a.stats().arenas_allocated_total,
        after.arenas_allocated_total
    );
    free_all(&mut a, 64, again);
}

#[test]
fn arenas_are_reclaimed_default_geometry() {
    arenas_are_reclaimed::<PyriteGeometry>();
}

#[test]
fn arenas_are_reclaimed_cpython_geometry() {
    arenas_are_reclaimed::<CPythonGeometry>();
}

#[test]
fn interleaved_frees_drain_the_emptiest_arenas() {
    // Keep one block in every 4th pool-worth; the allocator still reclaims
    // the arenas that become entirely free, and packs new pools into the
    // fullest arenas first.
    let mut a = Allocator::new();
    let per_pool = PyriteGeometry::blocks_per_pool(PyriteGeometry::size_class(128));
    let blocks = alloc_many(&mut a, 128, 64 * per_pool * 6);
    let (keep, drop): (Vec<_>, Vec<_>) = blocks
        .into_iter()
        .enumerate()
        .partition(|(i, _)| i / per_pool % 4 == 0 && *i < 64 * per_pool * 2);
    free_all(&mut a, 128, drop.into_iter().map(|(_, p)| p).collect());
    a.check_invariants().unwrap();
    let s = a.stats();
    assert!(s.arenas_current <= 3, "{} arenas", s.arenas_current);
    free_all(&mut a, 128, keep.into_iter().map(|(_, p)| p).collect());
    a.check_invariants().unwrap();
    assert!(a.stats().arenas_current <= 1);
}

#[test]
fn stats_count_blocks_and_add_up() {
    let mut a = Allocator::new();
    let blocks24 = alloc_many(&mut a, 24, 1000);
    let blocks512 = alloc_many(&mut a, 512, 10);
    let raw = a.alloc(10_000).unwrap();
    let s = a.stats();
    let c24 = s.classes[PyriteGeometry::size_class(24)];
    assert_eq!((c24.size, c24.blocks_in_use), (24, 1000));
    let per_pool = PyriteGeometry::blocks_per_pool(2);
    assert_eq!(c24.pools, 1000usize.div_ceil(per_pool));
    assert_eq!(
        c24.blocks_in_use + c24.blocks_available,
        c24.pools * per_pool
    );
    assert_eq!(s.classes[63].blocks_in_use, 10);
    assert_eq!(s.blocks_in_use(), 1010);
    assert_eq!(a.allocated_blocks(), 1010);
    assert_eq!((s.raw_blocks, s.raw_bytes), (1, 10_000));
    assert_eq!(s.breakdown_total(), s.arenas_current * s.arena_size);
    assert_eq!(s.bytes_in_allocated_blocks, 1000 * 24 + 10 * 512);
    // SAFETY: allocated above with 10_000 bytes.
    unsafe { a.free(raw, 10_000) };
    free_all(&mut a, 24, blocks24);
    free_all(&mut a, 512, blocks512);
    let s = a.stats();
    assert_eq!((s.blocks_in_use(), s.raw_blocks, s.raw_bytes), (0, 0, 0));
}

#[test]
fn zero_byte_requests_get_distinct_blocks() {
    let mut a = Allocator::new();
    let p = a.alloc(0).unwrap();
    let q = a.alloc(0).unwrap();
    assert_ne!(p, q);
    assert_eq!(a.stats().classes[0].blocks_in_use, 2);
    // SAFETY: both from alloc(0), freed once.
    unsafe {
        a.free(p, 0);
        a.free(q, 0);
    }
    a.check_invariants().unwrap();
}

#[test]
fn large_and_overaligned_requests_go_raw() {
    let mut a = Allocator::new();
    let big = a.alloc(513).unwrap();
    let layout = Layout::from_size_align(64, 64).unwrap();
    let aligned = a.alloc_layout(layout).unwrap();
    assert_eq!(aligned.as_ptr() as usize % 64, 0);
    let small = a
        .alloc_layout(Layout::from_size_align(64, 8).unwrap())
        .unwrap();
    let s = a.stats();
    assert_eq!((s.raw_blocks, s.raw_bytes), (2, 513 + 64));
    assert_eq!(s.blocks_in_use(), 1);
    // SAFETY: each freed once with its allocation's size / layout.
    unsafe {
        a.free(big, 513);
        a.free_layout(aligned, layout);
        a.free_layout(small, Layout::from_size_align(64, 8).unwrap());
    }
    let s = a.stats();
    assert_eq!((s.raw_blocks, s.raw_bytes, s.blocks_in_use()), (0, 0, 0));
}

#[test]
fn realloc_in_place_and_moving() {
    let mut a = Allocator::new();
    let p = a.alloc(20).unwrap(); // class size 24
                                  // SAFETY: p holds 20 bytes.
    unsafe { p.as_ptr().write_bytes(0xAB, 20) };
    // Growing within the class: in place.
    // SAFETY: p was allocated with 20 bytes.
    let q = unsafe { a.realloc(p, 20, 24) }.unwrap();
    assert_eq!(p, q);
    // Shrinking to 17 (class 24 still): in place.
    // SAFETY: q holds 24 bytes.
    let q = unsafe { a.realloc(q, 24, 17) }.unwrap();
    assert_eq!(p, q);
    // Growing past the class: moves, contents kept.
    // SAFETY: q holds 17 bytes.
    let r = unsafe { a.realloc(q, 17, 100) }.unwrap();
    assert_ne!(r, q);
    // SAFETY: r holds 100 bytes, the first 17 copied.
    assert!(unsafe { std::slice::from_raw_parts(r.as_ptr(), 17) }
        .iter()
        .all(|&b| b == 0xAB));
    // Shrinking 100 (class 104) to 80 (class 80): 80*4 > 104*3 — in place.
    // SAFETY: r holds 100 bytes.
    let s = unsafe { a.realloc(r, 100, 80) }.unwrap();
    assert_eq!(s, r);
    // Shrinking 80 (class 104) to 16: saves more than a quarter — moves.
    // SAFETY: s holds 80 bytes.
    let t = unsafe { a.realloc(s, 80, 16) }.unwrap();
    assert_ne!(t, s);
    // Small to raw and back.
    // SAFETY: t holds 16 bytes.
    let u = unsafe { a.realloc(t, 16, 5000) }.unwrap();
    assert_eq!(a.stats().raw_blocks, 1);
    // SAFETY: u holds 5000 bytes.
    let v = unsafe { a.realloc(u, 5000, 9000) }.unwrap();
    assert_eq!(a.stats().raw_bytes, 9000);
    // SAFETY: v holds 9000 bytes.
    let w = unsafe { a.realloc(v, 9000, 8) }.unwrap();
    // SAFETY: w holds 8 bytes, the first from the original fill.
    assert_eq!(unsafe { *w.as_ptr() }, 0xAB);
    let s = a.stats();
    assert_eq!((s.raw_blocks, s.blocks_in_use()), (0, 1));
    // SAFETY: w holds 8 bytes.
    unsafe { a.free(w, 8) };
    a.check_invariants().unwrap();
}

#[derive(Default)]
struct Events {
    allocs: Vec<(usize, usize, Domain)>,
    frees: Vec<(usize, usize, Domain)>,
}

struct Recorder(Rc<RefCell<Events>>);

impl AllocObserver for Recorder {
    fn on_alloc(&mut self, ptr: NonNull<u8>, size: usize, domain: Domain) {
        self.0
            .borrow_mut()
            .allocs
            .push((ptr.as_ptr() as usize, size, domain));
    }
    fn on_free(&mut self, ptr: NonNull<u8>, size: usize, domain: Domain) {
        self.0
            .borrow_mut()
            .frees
            .push((ptr.as_ptr() as usize, size, domain));
    }
}

#[test]
fn observer_sees_every_event_and_can_be_removed() {
    let events = Rc::new(RefCell::new(Events::default()));
    let mut a = Allocator::new();
    assert!(a
        .set_observer(Some(Box::new(Recorder(events.clone()))))
        .is_none());
    let p = a.alloc(40).unwrap();
    let big = a.alloc(1000).unwrap();
    // SAFETY: p holds 40 bytes; big 1000; each freed once.
    let q = unsafe { a.realloc(p, 40, 300) }.unwrap();
    // SAFETY: as above.
    unsafe {
        a.free(q, 300);
        a.free(big, 1000);
    }
    {
        let e = events.borrow();
        let addr = |p: NonNull<u8>| p.as_ptr() as usize;
        assert_eq!(
            e.allocs,
            vec![
                (addr(p), 40, Domain::Small),
                (addr(big), 1000, Domain::Raw),
                (addr(q), 300, Domain::Small)
            ]
        );
        assert_eq!(
            e.frees,
            vec![
                (addr(p), 40, Domain::Small),
                (addr(q), 300, Domain::Small),
                (addr(big), 1000, Domain::Raw)
            ]
        );
    }
    assert!(a.set_observer(None).is_some());
    let r = a.alloc(8).unwrap();
    // SAFETY: r holds 8 bytes.
    unsafe { a.free(r, 8) };
    assert_eq!(events.borrow().allocs.len(), 3);
    a.check_invariants().unwrap();
}

/// Replaces every number in a line by `N`, and runs of spaces by their
/// length, so two outputs can be compared by shape.
fn shape(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            let mut width = 1;
            while chars
                .peek()
                .is_some_and(|c| c.is_ascii_digit() || *c == ',')
            {
                chars.next();
                width += 1;
            }
            out.push_str(&format!("N{width}"));
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn stats_text_has_cpython_layout() {
    let mut a = Allocator::<CPythonGeometry>::with_mode(Mode::Normal);
    let blocks = alloc_many(&mut a, 16, 300);
    let ours = a.stats().to_text();
    free_all(&mut a, 16, blocks);

    let output = std::process::Command::new("python3")
        .args(["-c", "import sys; sys._debugmallocstats()"])
        .output()
        .expect("python3 (CPython 3.11) is needed for the oracle tests");
    let theirs = String::from_utf8_lossy(&output.stderr);
    let theirs: Vec<&str> = theirs
        .lines()
        .take_while(|l| !l.starts_with("arena map"))
        .collect();
    let ours: Vec<&str> = ours.lines().collect();
    // The threshold line and the table heading are identical in text.
    assert_eq!(ours[..4], theirs[..4]);
    // Every labelled line of CPython's appears in ours, with the same label
    // and the same columns (numbers aside).
    let label_lines = |lines: &[&str]| -> Vec<String> {
        lines
            .iter()
            .filter(|l| l.contains('=') && !l.starts_with("Small block"))
            .map(|l| {
                let (label, value) = l.split_at(l.find('=').unwrap());
                assert_eq!(value.len(), 22, "value column of {l:?}");
                assert_eq!(label.len(), 35, "label column of {l:?}");
                shape(label)
            })
            .collect()
    };
    let our_labels = label_lines(&ours);
    for label in label_lines(&theirs[4..]) {
        assert!(
            our_labels.contains(&label),
            "missing {label:?} in\n{}",
            ours.join("\n")
        );
    }
    // Class rows: same column widths as CPython's.
    let row = |l: &&&str| l.len() == 54 && l.trim_start().starts_with(|c: char| c.is_ascii_digit());
    let their_row = theirs
        .iter()
        .find(row)
        .expect("CPython printed a class row");
    let our_row = ours.iter().find(row).expect("we printed a class row");
    assert_eq!(
        their_row.split_whitespace().count(),
        our_row.split_whitespace().count()
    );
}

#[test]
fn json_carries_the_same_figures() {
    let mut a = Allocator::new();
    let blocks = alloc_many(&mut a, 100, 50);
    let s = a.stats();
    let json = s.to_json();
    assert!(json.starts_with('{') && json.ends_with('}'));
    assert!(json.contains(&format!("\"arenas_current\":{}", s.arenas_current)));
    assert!(json.contains("\"blocks_in_use\":50"));
    assert!(json.contains(&format!("\"total\":{}", s.arenas_current * s.arena_size)));
    // Parseable by a real JSON parser: python3's.
    let status = std::process::Command::new("python3")
        .args(["-c", "import json,sys; d=json.loads(sys.argv[1]); assert d['classes'][0]['blocks_in_use']==50", &json])
        .status()
        .expect("python3");
    assert!(status.success(), "python3 could not read {json}");
    free_all(&mut a, 100, blocks);
}

#[test]
fn peak_bytes_follow_allocations_and_frees() {
    let mut a = Allocator::new();
    assert_eq!(
        (a.stats().bytes_in_use, a.stats().peak_bytes_in_use),
        (0, 0)
    );
    let small = alloc_many(&mut a, 20, 100); // class size 24
    let big = a.alloc(4000).unwrap();
    let s = a.stats();
    assert_eq!(s.bytes_in_use, 100 * 24 + 4000);
    assert_eq!(s.peak_bytes_in_use, s.bytes_in_use);
    // SAFETY: `big` came from `a.alloc(4000)`; on success it is replaced.
    let big = unsafe { a.realloc(big, 4000, 6000) }.unwrap();
    assert_eq!(a.stats().bytes_in_use, 100 * 24 + 6000);
    a.check_invariants().unwrap();
    free_all(&mut a, 20, small);
    // SAFETY: `big` is live with 6000 bytes.
    unsafe { a.free(big, 6000) };
    let s = a.stats();
    assert_eq!(s.bytes_in_use, 0);
    assert_eq!(s.peak_bytes_in_use, 100 * 24 + 6000);
    assert!(s.peaks_to_text().contains("# peak bytes in use"));
    assert!(s.to_json().contains("\"peak_bytes_in_use\":8400"));
    a.check_invariants().unwrap();
}
