//! The inline-values checker (VALUES-1..3, KEYS-1) over live instances
//! left by a program that exercises every path: shared and unshared names,
//! deletion, `__dict__` made and replaced, more names than one class
//! shares, `__class__` assignment, and instances made before and after the
//! shared keys grew.

const PROGRAM: &str = r#"
import sys

class P:
    pass

class Q:
    pass

keep = []
for i in range(60):
    p = P()
    p.a = i
    if i % 3 == 0:
        p.b = i
    if i % 5 == 0:
        del p.a
    if i % 7 == 0:
        p.__dict__
    if i % 11 == 0:
        p.__dict__ = {"z": i}
    if i % 13 == 0:
        p.__class__ = Q
    if i == 40:
        for k in range(35):
            setattr(p, "n%d" % k, k)
    setattr(p, "late%d" % (i % 4), i)
    keep.append(p)
sys.kept_for_check = keep
"#;

#[test]
fn inline_values_invariants_hold_on_live_instances() {
    let h = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(|| {
            pyrite::vm::recursion::set_stack_size(256 << 20);
            let status = pyrite::vm::main::run_main(PROGRAM, "values_check.py");
            assert_eq!(status, 0);
            pyrite::objects::heap::heap()
                .check_collector()
                .expect("collector invariants");
            pyrite::objects::values::check_tracked_objects().expect("VALUES-1..3, KEYS-1")
        })
        .expect("thread");
    let with_values = h.join().expect("check thread");
    // Most of the 60 instances still keep inline values (the others made or
    // were given a dict); the checker must have looked at them.
    assert!(with_values >= 30, "{with_values} instances with values");
}
