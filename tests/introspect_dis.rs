//! The `dis` module's text (`pyrite -m dis`, `dis.dis`): pyrite's opcodes
//! differ from CPython's, so instead of python3's output these tests check
//!
//! * that the module prints exactly the listing of `tests/dis/NAME.dis`
//!   (the compiler's golden files, `compile/dis.rs`): one listing, two
//!   front ends — only code-object addresses differ (real ones in the
//!   module, unit numbers in the goldens);
//! * that every instruction line has CPython's layout: line column,
//!   `-->` / `>>` markers, offset, opname padded to 20, operand padded to
//!   5, meaning in parentheses;
//! * the other front ends (`dis.dis` of a function, class, source string,
//!   `dis.disassemble` with `lasti`, `dis.show_code`) on a small program.

use std::path::{Path, PathBuf};
use std::process::Command;

fn pyrite() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pyrite"))
}

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(name)
}

/// `at 0x...` addresses replaced by `at 0x?`.
fn without_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(" at 0x") {
        out.push_str(&rest[..i]);
        out.push_str(" at 0x?");
        rest = rest[i + 6..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out
}

/// Whether `line` is an instruction line in CPython's `dis` layout.
fn is_instruction_line(line: &str) -> bool {
    // `LLL MMM OO OFFS OPNAME______________ ARG__ (meaning)`
    let b = line.as_bytes();
    if b.len() < 16 {
        return false;
    }
    let lineno = &line[..3];
    let marker = &line[4..7];
    let target = &line[8..10];
    let lineno_ok = lineno.trim().is_empty() || lineno.trim().parse::<u32>().is_ok();
    let rest = &line[11..];
    let (offset, after) = rest.split_at(4.min(rest.len()));
    let after = after.strip_prefix(' ').unwrap_or("");
    let opname: String = after
        .chars()
        .take_while(|c| *c == '_' || c.is_ascii_uppercase())
        .collect();
    lineno_ok
        && (marker == "   " || marker == "-->")
        && (target == "  " || target == ">>")
        && offset.trim().parse::<u32>().is_ok()
        && !opname.is_empty()
        && (after.len() == opname.len() || after[opname.len()..].starts_with(' '))
        && (after.len() <= opname.len() || after.len() > 20)
}

#[test]
fn dis_module_prints_the_compiler_listing() {
    let dir = data("dis");
    let mut checked = 0;
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    entries.sort();
    for path in entries {
        let golden = std::fs::read_to_string(path.with_extension("dis")).unwrap();
        if golden.starts_with("  File") || golden.contains("Error:") {
            continue; // a SyntaxError golden
        }
        let name = path.file_name().unwrap().to_str().unwrap();
        let out = pyrite()
            .args(["-m", "dis", name])
            .current_dir(&dir)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let ours = without_addresses(&String::from_utf8_lossy(&out.stdout));
        let expected = without_addresses(&golden);
        // A frozenset constant prints in hash order through repr().
        let keep = |t: &str| -> Vec<String> {
            t.lines()
                .filter(|l| !l.contains("frozenset("))
                .map(str::to_string)
                .collect()
        };
        assert_eq!(
            keep(&ours),
            keep(&expected),
            "{name}: -m dis differs from the golden listing"
        );
        for line in ours.lines() {
            if line.is_empty()
                || line.starts_with("Disassembly of")
                || line.starts_with("ExceptionTable:")
                || line.starts_with("  ") && line.contains(" -> ")
            {
                continue;
            }
            assert!(
                is_instruction_line(line),
                "{name}: not in dis layout: {line:?}"
            );
        }
        checked += 1;
    }
    assert!(checked >= 15, "only {checked} listings checked");
}

const PROGRAM: &str = r#"
import dis

def f(a, b=1):
    c = a + b
    if c > 2:
        return c
    return None

class K:
    def m(self):
        return 'm'
    attr = 3

dis.dis(f)
print('--')
dis.dis(K)
print('--')
dis.dis("x = y + 1")
print('--')
dis.disassemble(f.__code__, 4)
print('--')
dis.show_code(f)
print('--')
print(dis.Bytecode(f).dis() == dis._dis.disassemble(f.__code__, 0))
"#;

#[test]
fn dis_front_ends() {
    let out = pyrite().args(["-c", PROGRAM]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let parts: Vec<&str> = text.split("--\n").collect();
    assert_eq!(parts.len(), 6, "{text}");
    // dis.dis(f): lines 5..8 of the -c program, a jump, the two returns.
    let f = parts[0];
    assert!(f.starts_with("  5           0 "), "{f}");
    for line in f.lines().filter(|l| !l.is_empty()) {
        assert!(is_instruction_line(line), "not in dis layout: {line:?}");
    }
    assert!(
        f.contains("\n  6 ") && f.contains("\n  7 ") && f.contains("\n  8 "),
        "{f}"
    );
    assert_eq!(f.matches("RETURN_VALUE").count(), 2, "{f}");
    assert!(f.contains(">>") && f.contains("(to "), "{f}");
    assert!(f.contains("COMPARE_OP") && f.contains("(>)"), "{f}");
    // dis.dis(K): one section per method, in name order, a blank line after.
    let k = parts[1];
    assert!(k.starts_with("Disassembly of m:\n 12           0 "), "{k}");
    assert!(k.ends_with("\n\n"), "{k:?}");
    assert!(!k.contains("attr"), "{k}");
    // dis.dis(source): compiled as '<dis>' module code.
    let s = parts[2];
    assert!(
        s.starts_with("  1           0 LOAD_NAME                0 (y)\n"),
        "{s}"
    );
    assert!(s.contains("STORE_NAME               1 (x)"), "{s}");
    // dis.disassemble(code, lasti): `-->` at that offset and nowhere else.
    let d = parts[3];
    let marked: Vec<&str> = d.lines().filter(|l| l.contains("-->")).collect();
    assert_eq!(marked.len(), 1, "{d}");
    assert!(marked[0].contains("-->       4 STORE_FAST"), "{d}");
    // show_code: CPython's field names and order.
    let info: Vec<&str> = parts[4].lines().collect();
    let keys: Vec<&str> = info
        .iter()
        .take(8)
        .map(|l| l.split(':').next().unwrap())
        .collect();
    assert_eq!(
        keys,
        [
            "Name",
            "Filename",
            "Argument count",
            "Positional-only arguments",
            "Kw-only arguments",
            "Number of locals",
            "Stack size",
            "Flags"
        ]
    );
    assert_eq!(info[0], "Name:              f");
    assert_eq!(info[7], "Flags:             OPTIMIZED, NEWLOCALS");
    assert!(
        info.contains(&"Variable names:") && info.contains(&"   2: c"),
        "{info:?}"
    );
    assert_eq!(parts[5], "True\n");
}

#[test]
fn dash_m_dis_reads_a_file_and_reports_errors() {
    let dir = std::env::temp_dir().join(format!("pyrite-dis-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("ok.py"), "def g():\n    return 1\nprint(g())\n").unwrap();
    std::fs::write(dir.join("bad.py"), "x = (\n").unwrap();
    let out = pyrite()
        .args(["-m", "dis", "ok.py"])
        .current_dir(&dir)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(
        text.contains("Disassembly of <code object g at 0x"),
        "{text}"
    );
    assert!(text.contains(r#"file "ok.py", line 1>:"#), "{text}");
    let out = pyrite()
        .args(["-m", "dis", "bad.py"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("SyntaxError: '(' was never closed"), "{err}");
    let out = pyrite()
        .args(["-m", "dis", "missing.py"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("FileNotFoundError"));
    let _ = std::fs::remove_dir_all(&dir);
}
