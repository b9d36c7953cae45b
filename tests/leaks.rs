//! No leaks: every program of tests/python that pyrite runs correctly is
//! run twice in one interpreter, and after the second run (its `__main__`
//! cleared and a full collection done) the allocator's blocks in use must
//! be back at the level the first run left. The first run warms what lives
//! for the whole process (interned names, type dicts, imported modules).

use std::path::Path;

fn known_failures(dir: &Path) -> Vec<String> {
    std::fs::read_to_string(dir.join("KNOWN_FAILURES"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// Run `source` twice; the blocks in use after each run.
fn blocks_after_two_runs(source: String, filename: String) -> (usize, usize) {
    let h = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            pyrite::vm::recursion::set_stack_size(256 << 20);
            let heap = pyrite::objects::heap::heap();
            let mut after = Vec::new();
            for _ in 0..2 {
                pyrite::modules::sys::capture_stdout(true);
                let _ = pyrite::vm::main::run_main(&source, &filename);
                pyrite::modules::sys::capture_stdout(false);
                after.push(heap.allocated_blocks());
                heap.check_allocator().expect("allocator invariants");
                heap.check_collector().expect("collector invariants");
                pyrite::objects::values::check_tracked_objects().expect("inline values");
            }
            (after[0], after[1])
        })
        .expect("thread");
    h.join().expect("leak-check thread")
}

/// Programs whose `__main__` globals outlive the run on purpose, each with
/// its reason: a module that lives on (`gc`, `weakref`) holds one of their
/// functions, so, as in CPython, nothing clears them at exit, and in one
/// process the next run finds them still there.
const KEPT_GLOBALS: &[(&str, &str)] = &[
    (
        "gc_exit_collection",
        "gc.callbacks keeps a function of __main__",
    ),
    (
        "weakref_containers",
        "weakref.finalize's registry keeps finalizers not run at exit",
    ),
    (
        "weakref_finalize_exit",
        "weakref.finalize's registry keeps a finalizer with atexit=False",
    ),
];

#[test]
fn programs_do_not_leak() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python");
    let skip = known_failures(&dir);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/python")
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".py") && !n.starts_with("mod_"))
        .map(|n| n.trim_end_matches(".py").to_string())
        .filter(|n| !skip.contains(n))
        .filter(|n| !KEPT_GLOBALS.iter().any(|(k, _)| k == n))
        .collect();
    names.sort();
    if let Ok(f) = std::env::var("PYRITE_TEST_FILTER") {
        names.retain(|n| n.contains(&f));
    }
    let mut leaks = Vec::new();
    let mut checked = 0;
    for name in &names {
        let path = dir.join(format!("{name}.py"));
        let source = std::fs::read_to_string(&path).expect("program");
        // Programs that read stdin, write files or import helper modules
        // from their folder need the CLI's process set-up: the cargo test
        // of tests/python runs those.
        if source.contains("open(")
            || source.contains("input(")
            || source.contains("import mod_")
            || source.contains("pkg_demo")
        {
            continue;
        }
        eprintln!("leak check: {name}");
        let (first, second) = blocks_after_two_runs(source, path.display().to_string());
        checked += 1;
        if second > first {
            leaks.push(format!(
                "{name}: {} blocks after run 1, {} after run 2",
                first, second
            ));
        }
    }
    eprintln!("leak check: {checked} programs run twice");
    assert!(checked > 0, "no program was checked");
    assert!(
        leaks.is_empty(),
        "blocks still in use grew between runs:\n{}",
        leaks.join("\n")
    );
}
