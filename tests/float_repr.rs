//! `repr(float)` against python3 on 20 000 floats: random bit patterns
//! (every exponent range), random "nice" decimals, and the edge cases.

use pyrite::objects::float_repr::float_repr;
use std::io::Write;
use std::process::{Command, Stdio};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn samples() -> Vec<f64> {
    let mut rng = Rng(0x5EED_F10A_7000_0001);
    let mut v = vec![
        0.0,
        -0.0,
        1.0,
        0.1,
        1e16,
        1e15,
        9999999999999998.0,
        0.0001,
        0.00009999999999999999,
        1e-5,
        5e-324,
        2.2250738585072014e-308,
        f64::MAX,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        123456789.0,
        1.5,
        -2.5e-7,
    ];
    for _ in 0..10_000 {
        v.push(f64::from_bits(rng.next()));
    }
    for _ in 0..10_000 {
        // Decimals with few digits at every scale, the common case.
        let mantissa = (rng.next() % 100_000) as f64;
        let scale = (rng.next() % 50) as i32 - 25;
        v.push(mantissa * 10f64.powi(scale));
    }
    v
}

#[test]
fn float_repr_matches_cpython() {
    let floats = samples();
    let input: String = floats
        .iter()
        .map(|f| format!("{:016x}\n", f.to_bits()))
        .collect();
    let script = "import sys, struct\n\
                  for line in sys.stdin:\n    \
                  print(repr(struct.unpack('<d', bytes.fromhex(line.strip())[::-1])[0]))";
    let mut child = Command::new("python3")
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 (CPython 3.11) is needed for the oracle tests");
    // Feed stdin from another thread, so neither pipe fills up while the
    // other side waits.
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap().unwrap();
    assert!(out.status.success());
    let expected = String::from_utf8(out.stdout).unwrap();
    let expected: Vec<&str> = expected.lines().collect();
    assert_eq!(expected.len(), floats.len());
    let wrong: Vec<String> = floats
        .iter()
        .zip(&expected)
        .filter(|(f, e)| float_repr(**f) != **e)
        .take(10)
        .map(|(f, e)| {
            format!(
                "{:016x}: pyrite {} CPython {e}",
                f.to_bits(),
                float_repr(*f)
            )
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
