//! The `gc` module's debug output (`gc.set_debug`) and pyrite's own
//! figures: the lines carry addresses, object counts and timings that differ
//! from CPython's, so their shape is checked here instead of against
//! python3's output.

use std::process::{Command, Output, Stdio};

/// Run `source` as a script; its output.
fn run(source: &str, env: &[(&str, &str)]) -> Output {
    let dir = std::env::temp_dir().join(format!("pyrite-gc-debug-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let path = dir.join(format!("prog{n}.py"));
    std::fs::write(&path, source).expect("write script");
    let out = Command::new(env!("CARGO_BIN_EXE_pyrite"))
        .arg(&path)
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .output()
        .expect("run pyrite");
    let _ = std::fs::remove_file(&path);
    out
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `gc: objects in each generation: A B C` with three counts.
fn is_generation_line(line: &str) -> bool {
    line.strip_prefix("gc: objects in each generation: ")
        .is_some_and(|rest| {
            let parts: Vec<&str> = rest.split(' ').collect();
            parts.len() == 3 && parts.iter().all(|p| p.parse::<usize>().is_ok())
        })
}

/// `gc: <msg> <TYPE 0xADDR>`.
fn is_cycle_line(line: &str, msg: &str, type_name: &str) -> bool {
    line.strip_prefix(&format!("gc: {msg} <{type_name} 0x"))
        .and_then(|rest| rest.strip_suffix('>'))
        .is_some_and(|hex| !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit()))
}

/// `gc: done, N unreachable, M uncollectable, S.SSSSs elapsed`.
fn done_line(line: &str) -> Option<(usize, usize)> {
    let rest = line.strip_prefix("gc: done, ")?;
    let (n, rest) = rest.split_once(" unreachable, ")?;
    let (m, rest) = rest.split_once(" uncollectable, ")?;
    let secs = rest.strip_suffix("s elapsed")?;
    let (whole, frac) = secs.split_once('.')?;
    (whole.parse::<u64>().is_ok() && frac.len() == 4 && frac.parse::<u64>().is_ok())
        .then_some(())?;
    Some((n.parse().ok()?, m.parse().ok()?))
}

#[test]
fn debug_stats_and_collectable_lines_have_cpythons_shape() {
    let out = run(
        "import gc\n\
         gc.collect()\n\
         gc.set_debug(gc.DEBUG_STATS | gc.DEBUG_COLLECTABLE)\n\
         l = []\n\
         l.append(l)\n\
         class A: pass\n\
         a = A(); a.me = a\n\
         del l, a\n\
         print(gc.collect())\n\
         gc.set_debug(0)\n",
        &[],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "2\n");
    let err = text(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 6, "{err}");
    assert_eq!(lines[0], "gc: collecting generation 2...");
    assert!(is_generation_line(lines[1]), "{err}");
    assert_eq!(lines[2], "gc: objects in permanent generation: 0");
    assert!(is_cycle_line(lines[3], "collectable", "list"), "{err}");
    assert!(is_cycle_line(lines[4], "collectable", "A"), "{err}");
    assert_eq!(done_line(lines[5]), Some((2, 0)), "{err}");
}

#[test]
fn debug_leak_saves_and_lists_without_stats() {
    let out = run(
        "import gc\n\
         gc.collect()\n\
         gc.set_debug(gc.DEBUG_LEAK)\n\
         l = []\n\
         l.append(l)\n\
         del l\n\
         print(gc.collect(1), len(gc.garbage), gc.garbage[0][0] is gc.garbage[0])\n\
         gc.set_debug(0)\n",
        &[],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "1 1 True\n");
    let err = text(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(is_cycle_line(lines[0], "collectable", "list"), "{err}");
}

#[test]
fn automatic_collections_report_too() {
    // Threshold 0 of 1 (the stress mode): the loop's safe points collect.
    let out = run(
        "import gc\n\
         gc.set_debug(gc.DEBUG_STATS)\n\
         for i in range(3):\n    x = [[i]]\n\
         gc.set_debug(0)\n",
        &[("PYRITEGCTHRESHOLD", "1")],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("gc: collecting generation "), "{err}");
    assert!(err.lines().filter_map(done_line).count() >= 1, "{err}");
}

#[test]
fn get_stats_carries_duration_and_visited() {
    let out = run(
        "import gc\n\
         gc.collect()\n\
         s = gc.get_stats()\n\
         print(len(s), [sorted(d) for d in s][0])\n\
         d = s[2]\n\
         print(d['collections'] >= 1, isinstance(d['duration'], float), d['duration'] > 0)\n\
         print(d['visited'] > 0, all(x['visited'] >= 0 for x in s))\n",
        &[],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "3 ['collected', 'collections', 'duration', 'uncollectable', 'visited']\n\
         True True True\n\
         True True\n"
    );
}

#[test]
fn byte_threshold_triggers_collections() {
    let out = run(
        "import gc\n\
         print(gc.get_threshold_bytes())\n\
         gc.set_threshold(1000000)\n\
         gc.set_threshold_bytes(4096)\n\
         print(gc.get_threshold_bytes())\n\
         before = gc.get_stats()[0]['collections']\n\
         keep = []\n\
         for i in range(2000):\n    keep.append([i])\n\
         print(gc.get_stats()[0]['collections'] > before)\n\
         gc.set_threshold_bytes(0)\n\
         try:\n    gc.set_threshold_bytes(-1)\nexcept ValueError as e:\n    print(e)\n",
        &[],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "0\n4096\nTrue\nbyte threshold cannot be negative\n"
    );
}

#[test]
fn threshold_env_sets_thresholds_at_start_up() {
    let out = run(
        "import gc\nprint(gc.get_threshold())\n",
        &[("PYRITEGCTHRESHOLD", "1,2,3")],
    );
    assert_eq!(text(&out.stdout), "(1, 2, 3)\n");
    let out = run(
        "import gc\nprint(gc.get_threshold())\n",
        &[("PYRITEGCTHRESHOLD", "5")],
    );
    assert_eq!(text(&out.stdout), "(5, 10, 10)\n");
}
