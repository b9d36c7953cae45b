//! `sys._debugmallocstats()`'s output shape: the allocator's table in
//! CPython's layout, then pyrite's free lists, all on stderr (pyrite's own
//! figures, so only the shape is asserted).

use std::process::Command;

#[test]
fn debugmallocstats_writes_the_allocator_table_then_the_free_lists() {
    let out = Command::new(env!("CARGO_BIN_EXE_pyrite"))
        .args([
            "-c",
            "import sys; x = [1.5]; print('out'); sys._debugmallocstats()",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "out\n");
    let err = String::from_utf8_lossy(&out.stderr);
    for header in [
        "Small block threshold = ",
        "class   size   num pools   blocks in use  avail blocks",
        "-----   ----   ---------   -------------  ------------",
        "# arenas allocated total",
        "# arenas highwater mark",
    ] {
        assert!(err.contains(header), "missing {header:?} in:\n{err}");
    }
    let floats = err
        .lines()
        .find(|l| l.contains("free PyFloatObjects * "))
        .expect("float free list line");
    // CPython's _PyDebugAllocatorStats: the label right-aligned in 48
    // columns, a space, then `=` and the byte count in 21 columns.
    assert_eq!(floats.len(), 48 + 1 + 1 + 21, "{floats:?}");
    assert_eq!(floats.as_bytes()[49], b'=', "{floats:?}");
    assert!(err.contains("free PyLongObjects * "), "{err}");
    let order = [
        "PyDictObjects",
        "PyFloatObjects",
        "PyListObjects",
        "PyLongObjects",
    ]
    .map(|n| err.find(&format!(" free {n} * ")).expect(n));
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{err}");
    assert!(err.contains(" free 1-sized PyTupleObjects * "), "{err}");
    assert!(err.contains(" free 20-sized PyTupleObjects * "), "{err}");
    let table = err.find("class   size").unwrap();
    assert!(table < err.find("free PyFloatObjects").unwrap());
}
