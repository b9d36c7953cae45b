//! The bytecode cache (`src/vm/pycache.rs`): imports write
//! `__pycache__/NAME.pyrite-VERSION.pyc`, reuse it while the source's mtime
//! and size match, recompile when they do not, ignore and rewrite a
//! corrupted file (PYC-1), and write nothing under `-B`,
//! `PYTHONDONTWRITEBYTECODE` or `sys.dont_write_bytecode = True`. Plus the
//! loader's fuzzing: every truncation and byte flip of a cache file and of
//! its marshalled payload is rejected or loads valid code, never a panic
//! (MARSHAL-1).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::rc::Rc;

use pyrite::compile::codegen::{compile, Mode};
use pyrite::compile::marshal;
use pyrite::vm::pycache;

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("bytecode_cache")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// Runs `pyrite ARGS main.py` in `dir` with bytecode writing allowed;
/// stdout, asserting success.
fn run(dir: &Path, args: &[&str], envs: &[(&str, &str)]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_pyrite"))
        .args(args)
        .arg("main.py")
        .current_dir(dir)
        .env_remove("PYTHONDONTWRITEBYTECODE")
        .envs(envs.iter().copied())
        .output()
        .expect("run pyrite");
    assert!(
        out.status.success(),
        "pyrite failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn cache_file(dir: &Path, module: &str) -> PathBuf {
    dir.join("__pycache__")
        .join(format!("{module}.{}.pyc", pycache::CACHE_TAG))
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).expect("write source");
}

#[test]
fn import_writes_then_reuses_the_cache() {
    let dir = scratch("reuse");
    write(
        &dir,
        "main.py",
        "import helper\nprint(helper.VALUE, helper.f(2))\n",
    );
    write(
        &dir,
        "helper.py",
        "VALUE = 'one'\ndef f(x):\n    return x * 10\n",
    );
    assert_eq!(run(&dir, &[], &[]), "one 20\n");
    let pyc = cache_file(&dir, "helper");
    assert!(pyc.is_file(), "no {}", pyc.display());
    assert!(
        !cache_file(&dir, "main").exists(),
        "the main script is not cached"
    );
    assert!(
        !dir.join("__pycache__")
            .join("helper.cpython-311.pyc")
            .exists(),
        "CPython's name is never used"
    );
    let written = std::fs::read(&pyc).expect("cache");
    assert_eq!(&written[..8], b"PYRITE\r\n");
    // Same size, same mtime, other text: the cache wins (it is used, not
    // recompiled), as CPython's mtime-based cache does.
    let mtime = std::fs::metadata(dir.join("helper.py"))
        .and_then(|m| m.modified())
        .expect("mtime");
    write(
        &dir,
        "helper.py",
        "VALUE = 'two'\ndef f(x):\n    return x * 10\n",
    );
    let f = std::fs::File::options()
        .write(true)
        .open(dir.join("helper.py"))
        .expect("open");
    f.set_modified(mtime).expect("set mtime");
    drop(f);
    assert_eq!(run(&dir, &[], &[]), "one 20\n");
    assert_eq!(
        std::fs::read(&pyc).expect("cache"),
        written,
        "not rewritten"
    );
}

#[test]
fn a_changed_source_is_recompiled() {
    let dir = scratch("invalidate");
    write(&dir, "main.py", "import helper\nprint(helper.VALUE)\n");
    write(&dir, "helper.py", "VALUE = 1\n");
    assert_eq!(run(&dir, &[], &[]), "1\n");
    write(&dir, "helper.py", "VALUE = 'changed'\n");
    assert_eq!(run(&dir, &[], &[]), "changed\n");
    // The rewritten cache is for the new text.
    assert_eq!(run(&dir, &[], &[]), "changed\n");
}

#[test]
fn corrupted_or_truncated_caches_are_ignored_and_rewritten() {
    let dir = scratch("corrupt");
    write(&dir, "main.py", "import helper\nprint(helper.g())\n");
    write(
        &dir,
        "helper.py",
        "def g():\n    total = 0\n    for i in range(5):\n        total += i * i\n    return total\n",
    );
    assert_eq!(run(&dir, &[], &[]), "30\n");
    let pyc = cache_file(&dir, "helper");
    let good = std::fs::read(&pyc).expect("cache");
    let mut damaged: Vec<Vec<u8>> = vec![
        Vec::new(),
        good[..good.len() / 2].to_vec(),
        b"garbage".to_vec(),
    ];
    let mut flipped = good.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 0x55;
    damaged.push(flipped);
    for bad in damaged {
        std::fs::write(&pyc, &bad).expect("damage");
        assert_eq!(run(&dir, &[], &[]), "30\n");
        assert_eq!(std::fs::read(&pyc).expect("cache"), good, "rewritten");
    }
}

#[test]
fn packages_are_cached_too() {
    let dir = scratch("package");
    std::fs::create_dir_all(dir.join("pkg")).expect("package folder");
    write(
        &dir,
        "main.py",
        "import pkg.mod\nprint(pkg.NAME, pkg.mod.twice(4))\n",
    );
    write(&dir, "pkg/__init__.py", "NAME = 'pkg'\n");
    write(&dir, "pkg/mod.py", "def twice(x):\n    return 2 * x\n");
    assert_eq!(run(&dir, &[], &[]), "pkg 8\n");
    assert!(cache_file(&dir.join("pkg"), "__init__").is_file());
    assert!(cache_file(&dir.join("pkg"), "mod").is_file());
    assert_eq!(run(&dir, &[], &[]), "pkg 8\n");
}

#[test]
fn writing_can_be_turned_off() {
    let dir = scratch("dont_write");
    write(&dir, "helper.py", "X = 5\n");
    write(
        &dir,
        "main.py",
        "import sys\nprint(sys.dont_write_bytecode, sys.flags.dont_write_bytecode)\nimport helper\n",
    );
    assert_eq!(run(&dir, &["-B"], &[]), "True 1\n");
    assert_eq!(
        run(&dir, &[], &[("PYTHONDONTWRITEBYTECODE", "1")]),
        "True 1\n"
    );
    write(
        &dir,
        "main.py",
        "import sys\nsys.dont_write_bytecode = True\nimport helper\nprint(helper.X)\n",
    );
    assert_eq!(run(&dir, &[], &[]), "5\n");
    assert!(!dir.join("__pycache__").exists(), "nothing written");
    write(
        &dir,
        "main.py",
        "import sys\nprint(sys.dont_write_bytecode)\nimport helper\n",
    );
    assert_eq!(run(&dir, &[], &[]), "False\n");
    assert!(cache_file(&dir, "helper").is_file());
    // A cache is still read under -B.
    let before = std::fs::read(cache_file(&dir, "helper")).expect("cache");
    assert_eq!(run(&dir, &["-B"], &[]), "True\n");
    assert_eq!(
        std::fs::read(cache_file(&dir, "helper")).expect("cache"),
        before
    );
}

#[test]
fn superinstruction_setting_is_part_of_the_cache_key() {
    let dir = scratch("flags");
    write(&dir, "main.py", "import helper\nprint(helper.f(3))\n");
    write(&dir, "helper.py", "def f(n):\n    return n + 1\n");
    assert_eq!(run(&dir, &[], &[]), "4\n");
    let with = std::fs::read(cache_file(&dir, "helper")).expect("cache");
    assert_eq!(run(&dir, &["-X", "nosuperinstructions"], &[]), "4\n");
    let without = std::fs::read(cache_file(&dir, "helper")).expect("cache");
    assert_ne!(with, without, "recompiled without superinstructions");
}

const FUZZ_SOURCE: &str = "\
import sys
X = (1, 2.5, 'text', b'bytes', None, ..., 2**80, 3j, frozenset({1}))
def f(a, *args, b=2, **kw):
    try:
        return [i for i in range(a) if i % 2] + list(args)
    except (TypeError, ValueError) as e:
        raise RuntimeError('x') from e
    finally:
        pass
class C:
    def m(self):
        return lambda: self
";

fn fuzz_unit() -> Rc<pyrite::compile::code::CodeUnit> {
    Rc::new(compile(FUZZ_SOURCE, "fuzz.py", Mode::Exec).expect("compiles"))
}

#[test]
fn every_truncation_and_flip_of_a_cache_file_is_rejected() {
    let unit = fuzz_unit();
    let stamp = (1_700_000_000, 5, FUZZ_SOURCE.len() as u64);
    let good = pycache::encode(&unit, stamp);
    assert_eq!(
        pycache::decode(&good, stamp, "fuzz.py").as_deref(),
        Some(&*unit)
    );
    assert!(pycache::decode(&good, (stamp.0 + 1, 5, stamp.2), "fuzz.py").is_none());
    assert!(pycache::decode(&good, (stamp.0, 5, stamp.2 + 1), "fuzz.py").is_none());
    for n in 0..good.len() {
        assert!(
            pycache::decode(&good[..n], stamp, "fuzz.py").is_none(),
            "{n}"
        );
    }
    for i in 0..good.len() {
        for bit in [0x01u8, 0x80, 0xff] {
            let mut bad = good.clone();
            bad[i] ^= bit;
            assert!(pycache::decode(&bad, stamp, "fuzz.py").is_none(), "{i}");
        }
    }
}

/// The marshal loader itself, without the header's checksum: truncated
/// and flipped payloads give an error or a unit that passes the
/// assembler's invariants (checked inside `load_code_unit`), never a panic.
#[test]
fn the_marshal_loader_survives_damaged_payloads() {
    let unit = fuzz_unit();
    let good = marshal::dump_code_unit(&unit);
    assert_eq!(marshal::load_code_unit(&good, None).as_deref(), Ok(&*unit));
    for n in 0..good.len() {
        assert!(marshal::load_code_unit(&good[..n], None).is_err(), "{n}");
    }
    let mut accepted = 0;
    for i in 0..good.len() {
        for bit in [0x01u8, 0x02, 0x10, 0x80, 0xff] {
            let mut bad = good.clone();
            bad[i] ^= bit;
            if let Ok(u) = marshal::load_code_unit(&bad, None) {
                pyrite::compile::assemble::check_invariants(&u).expect("MARSHAL-1");
                accepted += 1;
            }
        }
    }
    // Flips inside strings and numbers still load (other names, other
    // constants); the structure itself is never accepted broken.
    assert!(accepted > 0);
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..20_000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let len = (x % 64) as usize;
        let bytes: Vec<u8> = (0..len)
            .map(|k| (x >> (k % 8 * 8)) as u8 ^ k as u8)
            .collect();
        let _ = marshal::load(&bytes, None);
        let mut data = vec![b'c'];
        data.extend_from_slice(&bytes);
        let _ = marshal::load_code_unit(&data, None);
    }
}
