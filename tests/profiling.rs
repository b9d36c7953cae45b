//! The allocation profilers from the command line: `-X tracemalloc[=N]`
//! and `PYTHONTRACEMALLOC` as CPython 3.11 has them, and `-X allocprofile`,
//! whose DHAT JSON must parse, carry the fields DHAT's viewer requires and
//! name the script's allocation sites.

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

fn pyrite() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pyrite"))
}

fn python3() -> Command {
    Command::new("python3")
}

/// A scratch directory of this test's own.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pyrite-profiling-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn same(ours: Output, theirs: Output, what: &str) {
    assert_eq!(
        text(&ours.stdout),
        text(&theirs.stdout),
        "stdout for {what}"
    );
    assert_eq!(
        text(&ours.stderr),
        text(&theirs.stderr),
        "stderr for {what}"
    );
    assert_eq!(
        ours.status.code(),
        theirs.status.code(),
        "status for {what}"
    );
}

const SHOW: &str =
    "import tracemalloc; print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())";

#[test]
fn x_tracemalloc_and_the_environment_start_tracing_as_cpython() {
    for opt in [
        "tracemalloc",
        "tracemalloc=5",
        "tracemalloc=0",
        "tracemalloc=x",
    ] {
        let ours = pyrite().args(["-X", opt, "-c", SHOW]).output().unwrap();
        let theirs = python3().args(["-X", opt, "-c", SHOW]).output().unwrap();
        same(ours, theirs, opt);
    }
    for env in ["3", "0", "", "bad"] {
        let ours = pyrite()
            .env("PYTHONTRACEMALLOC", env)
            .args(["-c", SHOW])
            .output()
            .unwrap();
        let theirs = python3()
            .env("PYTHONTRACEMALLOC", env)
            .args(["-c", SHOW])
            .output()
            .unwrap();
        same(ours, theirs, &format!("PYTHONTRACEMALLOC={env}"));
    }
    // The option wins over the environment.
    let args = ["-X", "tracemalloc=2", "-c", SHOW];
    let ours = pyrite()
        .env("PYTHONTRACEMALLOC", "7")
        .args(args)
        .output()
        .unwrap();
    let theirs = python3()
        .env("PYTHONTRACEMALLOC", "7")
        .args(args)
        .output()
        .unwrap();
    same(ours, theirs, "-X tracemalloc=2 over PYTHONTRACEMALLOC=7");
}

const SCRIPT: &str = "\
def build(n):
    return [[i] for i in range(n)]
keep = build(2000)
junk = [str(i) * 3 for i in range(500)]
del junk
";

#[test]
fn allocprofile_writes_a_dhat_profile_of_the_python_sites() {
    let dir = scratch("allocprofile");
    let script = dir.join("prof_script.py");
    std::fs::write(&script, SCRIPT).unwrap();
    let out_file = dir.join("out.json");
    let out = pyrite()
        .arg(format!("-Xallocprofile={}", out_file.display()))
        .arg(&script)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("allocation profile"),
        "{}",
        text(&out.stderr)
    );
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(&out_file).unwrap()).expect("valid JSON");

    // The header fields dh_view.html checks.
    assert_eq!(json["dhatFileVersion"], 2);
    for f in ["mode", "verb", "tu", "Mtu", "cmd"] {
        assert!(json[f].is_string(), "{f}");
    }
    assert_eq!(json["bklt"], true);
    assert_eq!(json["bkacc"], false);
    for f in ["pid", "te", "tg", "tuth"] {
        assert!(json[f].is_u64(), "{f}");
    }
    assert!(json["tg"].as_u64() <= json["te"].as_u64());
    let ftbl: Vec<&str> = json["ftbl"]
        .as_array()
        .expect("ftbl")
        .iter()
        .map(|f| f.as_str().expect("frame string"))
        .collect();
    assert_eq!(ftbl[0], "[root]");

    // Every program point: the fields, frames inside ftbl, no repeats.
    let pps = json["pps"].as_array().expect("pps");
    assert!(!pps.is_empty());
    let mut seen = HashSet::new();
    for pp in pps {
        for f in ["tb", "tbk", "tl", "mb", "mbk", "gb", "gbk", "eb", "ebk"] {
            assert!(pp[f].is_u64(), "{f} in {pp}");
        }
        assert!(pp["mb"].as_u64() <= pp["tb"].as_u64());
        assert!(pp["eb"].as_u64() <= pp["mb"].as_u64());
        let fs: Vec<u64> = pp["fs"]
            .as_array()
            .expect("fs")
            .iter()
            .map(|i| i.as_u64().expect("frame index"))
            .collect();
        assert!(fs.iter().all(|&i| i > 0 && (i as usize) < ftbl.len()));
        assert!(seen.insert(fs), "repeated location");
    }

    // The lists built at line 2 (inside build's <listcomp>, called from
    // line 3) are one site, still alive at the end.
    let site = pps
        .iter()
        .find(|pp| {
            let fs = pp["fs"].as_array().unwrap();
            let frame = |k: usize| fs.get(k).map(|i| ftbl[i.as_u64().unwrap() as usize]);
            frame(0).is_some_and(|f| {
                f.starts_with("build.<locals>.<listcomp> (") || f.starts_with("<listcomp> (")
            }) && frame(0).is_some_and(|f| f.ends_with("prof_script.py:2)"))
                && frame(1).is_some_and(|f| f == format!("build ({}:2)", script.display()))
                && frame(2).is_some_and(|f| f == format!("<module> ({}:3)", script.display()))
        })
        .unwrap_or_else(|| panic!("no site for line 2 in {ftbl:?}"));
    assert!(site["tbk"].as_u64().unwrap() >= 2000, "{site}");
    assert!(site["ebk"].as_u64().unwrap() >= 2000, "{site}");
    // The strs made at line 4 were freed by `del`: little is left at the
    // end (the ints of the range sit in the int free list, still blocks).
    let junk = pps
        .iter()
        .find(|pp| {
            let first = pp["fs"][0].as_u64().unwrap() as usize;
            ftbl[first].starts_with("<listcomp> (") && ftbl[first].ends_with("prof_script.py:4)")
        })
        .expect("a site for line 4's list comprehension");
    assert!(junk["tbk"].as_u64().unwrap() >= 500);
    assert!(
        junk["eb"].as_u64().unwrap() * 10 < junk["tb"].as_u64().unwrap(),
        "{junk}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
