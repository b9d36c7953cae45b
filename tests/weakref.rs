//! Weak-reference callbacks that raise: reported on stderr as CPython's
//! unraisable hook does ("Exception ignored in: <callback>" and the
//! traceback), both when the referent is deallocated and when it dies as
//! cyclic garbage. Compared with python3, addresses masked.

use std::process::Command;

const PROGRAM: &str = "\
import weakref, gc
class C: pass
def bad(w):
    raise ValueError('oops')
c = C()
r = weakref.ref(c, bad)
del c
print('after dealloc')
d = C(); d.d = d
r2 = weakref.ref(d, bad)
del d
gc.collect()
print('after gc')
";

/// Replace every `0x...` address with `ADDR`.
fn mask_addresses(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("0x") {
        out.push_str(&rest[..i]);
        out.push_str("ADDR");
        rest = rest[i + 2..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out
}

fn run(exe: &str) -> (String, String) {
    let out = Command::new(exe).args(["-c", PROGRAM]).output().unwrap();
    assert!(out.status.success(), "{exe} failed");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        mask_addresses(&String::from_utf8_lossy(&out.stderr)),
    )
}

#[test]
fn raising_callbacks_are_reported_as_cpython_does() {
    let ours = run(env!("CARGO_BIN_EXE_pyrite"));
    let theirs = run("python3");
    assert_eq!(ours, theirs);
    assert!(ours
        .1
        .contains("Exception ignored in: <function bad at ADDR>"));
}
