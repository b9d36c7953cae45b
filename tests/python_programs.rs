//! Runs every Python program in `tests/python/` with the `pyrite` binary
//! and compares exit status, stdout and stderr with what CPython 3.11 gave.
//!
//! The corpus and its expected results:
//!
//! * Programs are the files `tests/python/*.py` directly in that folder,
//!   except helper modules named `mod_*.py`; subfolders (`pkg_demo/`) hold
//!   helper packages the programs import.
//! * `tests/python/NAME.expected` holds CPython's result, written by
//!   `python3 tests/gen_python_expected.py`:
//!
//!   ```text
//!   status: N
//!   ==== stdout ====
//!   <stdout, verbatim>
//!   ==== stderr ====
//!   <stderr, verbatim>
//!   ```
//!
//!   A header reads `==== stdout (no final newline) ====` (or stderr) when
//!   the section's text does not end in a newline; one newline is then
//!   added after the text. Header lines never occur in a program's output.
//! * A program whose first line is `# pyrite-args: ARGS` runs as
//!   `pyrite ARGS NAME.py` (and `python3 ARGS NAME.py` for its expected
//!   result): interpreter options such as `-O`, split at white space.
//! * Each program runs as `pyrite NAME.py` in `tests/python`, with
//!   PYTHONHASHSEED=0, and a 20 s limit. In both outputs the absolute path
//!   of `tests/python` plus `/` is removed, as the generator does for
//!   CPython's output (so tracebacks read `File "NAME.py"`). Files a program
//!   writes are named `_scratch_NAME*` and removed after the run.
//! * `tests/python/KNOWN_FAILURES` lists programs, one name (without `.py`)
//!   per line, optionally followed by `# reason`; `#` starts a comment
//!   line. A listed program may mismatch, but it must not crash (killed by
//!   a signal, exit status 101 (panic) or 134 (abort) where CPython's was
//!   different, or the time limit), and once it passes it must be removed
//!   from the list.
//!
//! Environment variables:
//!
//! * `PYRITE_TEST_FILTER=substring` runs only programs whose name contains it;
//! * `PYRITE_UPDATE_KNOWN_FAILURES=1` rewrites KNOWN_FAILURES with exactly
//!   the failing programs (of those run; reasons are kept; only crashes then
//!   fail the test);
//! * `PYRITE_TEST_VERBOSE=1` also prints the differences of known failures.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The corpus must hold at least this many programs.
const MIN_PROGRAMS: usize = 260;
const TIME_LIMIT: Duration = Duration::from_secs(20);
const GENERATOR: &str = "python3 tests/gen_python_expected.py";
const CONTEXT: usize = 3;
/// Lines of diff printed per stream before the rest is cut off.
const MAX_DIFF_LINES: usize = 120;

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("python")
}

/// A program's result: exit status (`None` when killed by a signal),
/// normalised stdout and stderr.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Outcome {
    status: Option<i32>,
    signal: Option<i32>,
    timed_out: bool,
    stdout: String,
    stderr: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Expected {
    status: i32,
    stdout: String,
    stderr: String,
}

/// Parses the `.expected` format described in the module documentation.
fn parse_expected(text: &str) -> Result<Expected, String> {
    let (first, rest) = text.split_once('\n').ok_or("no status line")?;
    let status = first
        .strip_prefix("status: ")
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("bad status line {first:?}"))?;
    let (stdout, rest) = parse_section(rest, "stdout")?;
    let (stderr, rest) = parse_section(rest, "stderr")?;
    if !rest.is_empty() {
        return Err("text after the stderr section".into());
    }
    Ok(Expected {
        status,
        stdout,
        stderr,
    })
}

/// One section: its header line, then text up to the next header line (or
/// the end). Returns the text and what follows it.
fn parse_section<'a>(text: &'a str, label: &str) -> Result<(String, &'a str), String> {
    let plain = format!("==== {label} ====\n");
    let open = format!("==== {label} (no final newline) ====\n");
    let (body, trim_newline) = if let Some(b) = text.strip_prefix(&plain) {
        (b, false)
    } else if let Some(b) = text.strip_prefix(&open) {
        (b, true)
    } else {
        return Err(format!("no {label} header"));
    };
    let mut end = body.len();
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        if line.starts_with("==== ") && is_header(line.trim_end_matches('\n')) {
            end = offset;
            break;
        }
        offset += line.len();
    }
    let mut section = body[..end].to_string();
    if trim_newline && section.pop() != Some('\n') {
        return Err(format!(
            "{label} section marked without final newline is malformed"
        ));
    }
    Ok((section, &body[end..]))
}

fn is_header(line: &str) -> bool {
    ["stdout", "stderr"].iter().any(|l| {
        line == format!("==== {l} ====") || line == format!("==== {l} (no final newline) ====")
    })
}

/// KNOWN_FAILURES: leading comment block and `name -> reason` entries.
struct KnownFailures {
    header: Vec<String>,
    entries: BTreeMap<String, Option<String>>,
}

fn read_known_failures(path: &Path) -> KnownFailures {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut header = Vec::new();
    let mut entries = BTreeMap::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            if entries.is_empty() {
                header.push(line.to_string());
            }
            continue;
        }
        let (name, reason) = match line.split_once('#') {
            Some((n, r)) => (n.trim(), Some(r.trim().to_string())),
            None => (line, None),
        };
        let name = name.strip_suffix(".py").unwrap_or(name);
        entries.insert(name.to_string(), reason.filter(|r| !r.is_empty()));
    }
    while header.last().is_some_and(|l| l.is_empty()) {
        header.pop();
    }
    KnownFailures { header, entries }
}

fn write_known_failures(path: &Path, known: &KnownFailures) {
    let mut text = String::new();
    for line in &known.header {
        text.push_str(line);
        text.push('\n');
    }
    if !known.header.is_empty() {
        text.push('\n');
    }
    for (name, reason) in &known.entries {
        let reason = reason.as_deref().unwrap_or("fails");
        text.push_str(&format!("{name}  # {reason}\n"));
    }
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// Stems of the test programs in `dir`, sorted.
fn program_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| {
            let path = e.expect("readable entry").path();
            let name = path.file_name()?.to_str()?.to_string();
            let stem = name.strip_suffix(".py")?;
            (path.is_file() && !stem.starts_with("mod_")).then(|| stem.to_string())
        })
        .collect();
    names.sort();
    names
}

fn normalise(bytes: &[u8], dir: &Path) -> String {
    let mut text = String::from_utf8_lossy(bytes).into_owned();
    let mut prefixes = vec![format!("{}/", dir.display())];
    if let Ok(real) = dir.canonicalize() {
        prefixes.push(format!("{}/", real.display()));
    }
    for p in prefixes {
        text = text.replace(&p, "");
    }
    text
}

fn read_all(mut pipe: impl Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = pipe.read_to_end(&mut buf);
        buf
    })
}

fn wait_with_limit(child: &mut Child) -> (Option<std::process::ExitStatus>, bool) {
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return (Some(status), false),
            Ok(None) if start.elapsed() >= TIME_LIMIT => {
                let _ = child.kill();
                return (child.wait().ok(), true);
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => panic!("waiting for pyrite: {e}"),
        }
    }
}

/// The interpreter options of a program's `# pyrite-args:` first line.
fn program_args(dir: &Path, name: &str) -> Vec<String> {
    let text = std::fs::read_to_string(dir.join(format!("{name}.py"))).unwrap_or_default();
    text.lines()
        .next()
        .and_then(|l| l.strip_prefix("# pyrite-args:"))
        .map(|a| a.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default()
}

fn run_program(dir: &Path, name: &str, env: &[(&str, &str)]) -> Outcome {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyrite"))
        .args(program_args(dir, name))
        .arg(format!("{name}.py"))
        .envs(env.iter().copied())
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONIOENCODING", "utf-8")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start pyrite: {e}"));
    let out = read_all(child.stdout.take().expect("piped stdout"));
    let err = read_all(child.stderr.take().expect("piped stderr"));
    let (status, timed_out) = wait_with_limit(&mut child);
    let stdout = out.join().expect("stdout reader");
    let stderr = err.join().expect("stderr reader");
    remove_scratch_files(dir, name);
    Outcome {
        status: status.and_then(|s| s.code()),
        signal: status.and_then(signal_of),
        timed_out,
        stdout: normalise(&stdout, dir),
        stderr: normalise(&stderr, dir),
    }
}

#[cfg(unix)]
fn signal_of(status: std::process::ExitStatus) -> Option<i32> {
    use std::os::unix::process::ExitStatusExt;
    status.signal()
}

#[cfg(not(unix))]
fn signal_of(_: std::process::ExitStatus) -> Option<i32> {
    None
}

fn remove_scratch_files(dir: &Path, name: &str) {
    let prefix = format!("_scratch_{name}");
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            if e.file_name().to_string_lossy().starts_with(&prefix) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

/// Why a run counts as a crash, if it does.
fn crash_of(outcome: &Outcome, expected: Option<&Expected>) -> Option<String> {
    if outcome.timed_out {
        return Some(format!("killed after {} s", TIME_LIMIT.as_secs()));
    }
    if let Some(sig) = outcome.signal {
        return Some(format!("killed by signal {sig}"));
    }
    match outcome.status {
        Some(code @ (101 | 134)) if expected.map(|e| e.status) != Some(code) => Some(format!(
            "exit status {code} ({})",
            if code == 101 { "panic" } else { "abort" }
        )),
        None => Some("no exit status".into()),
        _ => None,
    }
}

/// One edit of a line diff: kept, removed (expected only) or added (got only).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Edit {
    Keep(usize, usize),
    Remove(usize),
    Add(usize),
}

/// Longest-common-subsequence edit script between two line lists, after
/// trimming their common prefix and suffix.
fn edit_script(a: &[&str], b: &[&str]) -> Vec<Edit> {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut edits: Vec<Edit> = (0..prefix).map(|i| Edit::Keep(i, i)).collect();
    if ma.len().saturating_mul(mb.len()) > 4_000_000 {
        edits.extend((0..ma.len()).map(|i| Edit::Remove(prefix + i)));
        edits.extend((0..mb.len()).map(|j| Edit::Add(prefix + j)));
    } else {
        // lcs[i][j]: length of the LCS of ma[i..] and mb[j..].
        let (n, m) = (ma.len(), mb.len());
        let mut lcs = vec![vec![0u32; m + 1]; n + 1];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lcs[i][j] = if ma[i] == mb[j] {
                    lcs[i + 1][j + 1] + 1
                } else {
                    lcs[i + 1][j].max(lcs[i][j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && ma[i] == mb[j] {
                edits.push(Edit::Keep(prefix + i, prefix + j));
                i += 1;
                j += 1;
            } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
                edits.push(Edit::Remove(prefix + i));
                i += 1;
            } else {
                edits.push(Edit::Add(prefix + j));
                j += 1;
            }
        }
    }
    let (sa, sb) = (a.len() - suffix, b.len() - suffix);
    edits.extend((0..suffix).map(|k| Edit::Keep(sa + k, sb + k)));
    edits
}

/// Lines of `text` for diffing; a last line without its newline is marked
/// the way `diff` marks it.
fn diff_lines(text: &str) -> Vec<String> {
    text.split_inclusive('\n')
        .map(|l| match l.strip_suffix('\n') {
            Some(l) => l.to_string(),
            None => format!("{l}\n\\ No newline at end of file"),
        })
        .collect()
}

/// A unified diff (`-` expected, `+` got) with `CONTEXT` lines of context.
fn unified_diff(expected: &str, got: &str) -> String {
    let (a, b) = (diff_lines(expected), diff_lines(got));
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    let b: Vec<&str> = b.iter().map(String::as_str).collect();
    let edits = edit_script(&a, &b);
    let changed: Vec<usize> = (0..edits.len())
        .filter(|&k| !matches!(edits[k], Edit::Keep(..)))
        .collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < changed.len() {
        // A hunk spans changes closer than 2 * CONTEXT kept lines apart.
        let start = changed[k].saturating_sub(CONTEXT);
        let mut last = changed[k];
        while k + 1 < changed.len() && changed[k + 1] - last <= 2 * CONTEXT {
            k += 1;
            last = changed[k];
        }
        let end = (last + CONTEXT + 1).min(edits.len());
        let hunk = &edits[start..end];
        let (mut a_start, mut b_start) = (None, None);
        let (mut a_len, mut b_len) = (0, 0);
        for e in hunk {
            match *e {
                Edit::Keep(i, j) => {
                    a_start.get_or_insert(i);
                    b_start.get_or_insert(j);
                    a_len += 1;
                    b_len += 1;
                }
                Edit::Remove(i) => {
                    a_start.get_or_insert(i);
                    a_len += 1;
                }
                Edit::Add(j) => {
                    b_start.get_or_insert(j);
                    b_len += 1;
                }
            }
        }
        out.push(format!(
            "@@ -{},{a_len} +{},{b_len} @@",
            a_start.map_or(0, |s| s + 1),
            b_start.map_or(0, |s| s + 1)
        ));
        for e in hunk {
            out.push(match *e {
                Edit::Keep(i, _) => format!(" {}", a[i]),
                Edit::Remove(i) => format!("-{}", a[i]),
                Edit::Add(j) => format!("+{}", b[j]),
            });
        }
        k += 1;
    }
    if out.len() > MAX_DIFF_LINES {
        let cut = out.len() - MAX_DIFF_LINES;
        out.truncate(MAX_DIFF_LINES);
        out.push(format!("... ({cut} more diff lines)"));
    }
    out.join("\n")
}

/// What differs between CPython's result and pyrite's, for the log.
fn describe_mismatch(expected: &Expected, got: &Outcome) -> String {
    let mut parts = Vec::new();
    if got.status != Some(expected.status) {
        let shown = got
            .status
            .map_or_else(|| "none".to_string(), |s| s.to_string());
        parts.push(format!(
            "  status: expected {}, got {shown}",
            expected.status
        ));
    }
    for (label, want, have) in [
        ("stdout", &expected.stdout, &got.stdout),
        ("stderr", &expected.stderr, &got.stderr),
    ] {
        if want != have {
            parts.push(format!(
                "  {label} (--- CPython, +++ pyrite):\n{}",
                unified_diff(want, have)
            ));
        }
    }
    parts.join("\n")
}

/// One line saying what differs, e.g. `exit status 2 (CPython: 0), stdout`.
fn mismatch_summary(expected: &Expected, got: &Outcome) -> String {
    let mut parts = Vec::new();
    if got.status != Some(expected.status) {
        let shown = got
            .status
            .map_or_else(|| "none".to_string(), |s| s.to_string());
        parts.push(format!(
            "exit status {shown} (CPython: {})",
            expected.status
        ));
    }
    if got.stdout != expected.stdout {
        parts.push("stdout".to_string());
    }
    if got.stderr != expected.stderr {
        parts.push("stderr".to_string());
    }
    format!("differs: {}", parts.join(", "))
}

/// The verdict on one program.
enum Verdict {
    Pass,
    /// Mismatch: a one-line summary (the reason KNOWN_FAILURES gets) and
    /// the report to print.
    Mismatch(String, String),
    /// Crash (always a test failure): summary and report.
    Crash(String, String),
    /// The corpus itself is broken (no or malformed expected file).
    Broken(String),
}

fn judge(dir: &Path, name: &str) -> Verdict {
    judge_with_env(dir, name, &[])
}

/// [`judge`] with extra environment variables for the run (stress modes).
fn judge_with_env(dir: &Path, name: &str, env: &[(&str, &str)]) -> Verdict {
    let expected_path = dir.join(format!("{name}.expected"));
    let expected = match std::fs::read_to_string(&expected_path) {
        Ok(text) => match parse_expected(&text) {
            Ok(e) => Some(e),
            Err(e) => return Verdict::Broken(format!("{name}.expected: {e}; run {GENERATOR}")),
        },
        Err(_) => None,
    };
    let outcome = run_program(dir, name, env);
    if let Some(why) = crash_of(&outcome, expected.as_ref()) {
        let mut report = format!("{name}: crash: {why}");
        if let Some(e) = &expected {
            report.push('\n');
            report.push_str(&describe_mismatch(e, &outcome));
        }
        return Verdict::Crash(format!("crash: {why}"), report);
    }
    let Some(expected) = expected else {
        return Verdict::Broken(format!("{name}.py has no expected file; run {GENERATOR}"));
    };
    if outcome.status == Some(expected.status)
        && outcome.stdout == expected.stdout
        && outcome.stderr == expected.stderr
    {
        Verdict::Pass
    } else {
        Verdict::Mismatch(
            mismatch_summary(&expected, &outcome),
            format!("{name}:\n{}", describe_mismatch(&expected, &outcome)),
        )
    }
}

fn env_flag(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| !v.is_empty() && v != "0")
}

#[test]
fn python_programs_match_cpython() {
    let _corpus = CORPUS_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let dir = programs_dir();
    let all = program_names(&dir);
    let filter = std::env::var("PYRITE_TEST_FILTER").unwrap_or_default();
    let update = env_flag("PYRITE_UPDATE_KNOWN_FAILURES");
    let verbose = env_flag("PYRITE_TEST_VERBOSE");
    let known_path = dir.join("KNOWN_FAILURES");
    let mut known = read_known_failures(&known_path);
    let mut problems = Vec::new();

    if filter.is_empty() && all.len() < MIN_PROGRAMS {
        problems.push(format!(
            "only {} programs in tests/python (at least {MIN_PROGRAMS} expected)",
            all.len()
        ));
    }
    for entry in std::fs::read_dir(&dir).expect("tests/python").flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        if let Some(stem) = file.strip_suffix(".expected") {
            if !all.iter().any(|n| n == stem) {
                problems.push(format!("{file} has no program; run {GENERATOR}"));
            }
        }
    }
    for name in known.entries.keys() {
        if !all.contains(name) {
            problems.push(format!(
                "KNOWN_FAILURES lists {name}, which is not a program in tests/python"
            ));
        }
    }

    let selected: Vec<&String> = all.iter().filter(|n| n.contains(&filter)).collect();
    let next = AtomicUsize::new(0);
    let verdicts: Mutex<Vec<(String, Verdict)>> = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 4);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(name) = selected.get(i) else { break };
                let verdict = judge(&dir, name);
                verdicts.lock().unwrap().push(((*name).clone(), verdict));
            });
        }
    });
    let mut verdicts = verdicts.into_inner().unwrap();
    verdicts.sort_by(|a, b| a.0.cmp(&b.0));

    if update {
        for (name, verdict) in &verdicts {
            let summary = match verdict {
                Verdict::Pass => {
                    known.entries.remove(name);
                    continue;
                }
                Verdict::Mismatch(summary, _) | Verdict::Crash(summary, _) => summary.clone(),
                Verdict::Broken(report) => report.clone(),
            };
            let reason = known.entries.entry(name.clone()).or_insert(None);
            reason.get_or_insert(summary);
        }
        known.entries.retain(|name, _| all.contains(name));
        write_known_failures(&known_path, &known);
        println!(
            "rewrote {} with {} programs",
            known_path.display(),
            known.entries.len()
        );
    }

    let (mut passed, mut failed, mut known_failed) = (0, 0, 0);
    let mut now_passing = Vec::new();
    for (name, verdict) in &verdicts {
        let is_known = known.entries.contains_key(name);
        match verdict {
            Verdict::Pass if is_known => {
                passed += 1;
                now_passing.push(name.clone());
                problems.push(format!(
                    "{name} passes now: remove {name} from KNOWN_FAILURES"
                ));
            }
            Verdict::Pass => passed += 1,
            Verdict::Mismatch(_, report) if is_known => {
                known_failed += 1;
                if verbose {
                    println!("known failure {report}\n");
                }
            }
            Verdict::Mismatch(_, report) => {
                failed += 1;
                println!("FAIL {report}\n");
                problems.push(format!("{name} differs from CPython"));
            }
            Verdict::Crash(_, report) => {
                failed += 1;
                println!("CRASH {report}\n");
                problems.push(format!("{name} crashed"));
            }
            Verdict::Broken(report) => {
                failed += 1;
                problems.push(report.clone());
            }
        }
    }
    println!("{passed} passed, {failed} failed, {known_failed} known failures");
    if !now_passing.is_empty() {
        println!(
            "{} known failures pass now: {}",
            now_passing.len(),
            now_passing.join(", ")
        );
    }
    assert!(
        problems.is_empty(),
        "{} problems in the Python program tests:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The programs of `tests/python/ext/` use pyrite's syntax extensions
/// (`i++`, `until`): each `ext/X.py` must print what CPython prints for its
/// plain-Python equivalent `ext/X.equiv.py` (`ext/X.expected`, written by
/// the same generator).
#[test]
fn extension_programs_match_their_equivalents() {
    let dir = programs_dir().join("ext");
    let names: Vec<String> = program_names(&dir)
        .into_iter()
        .filter(|n| !n.ends_with(".equiv"))
        .collect();
    assert!(names.len() >= 2, "too few programs in tests/python/ext");
    let mut problems = Vec::new();
    for name in &names {
        match judge(&dir, name) {
            Verdict::Pass => {}
            Verdict::Mismatch(_, report) | Verdict::Crash(_, report) => problems.push(report),
            Verdict::Broken(report) => problems.push(report),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn expected_format_round_trips() {
    let text = "status: 1\n==== stdout (no final newline) ====\na\nb\n==== stderr ====\n==== x\n";
    let e = parse_expected(text).unwrap();
    assert_eq!(
        e,
        Expected {
            status: 1,
            stdout: "a\nb".into(),
            stderr: "==== x\n".into()
        }
    );
    let empty = parse_expected("status: 0\n==== stdout ====\n==== stderr ====\n").unwrap();
    assert_eq!((empty.stdout.as_str(), empty.stderr.as_str()), ("", ""));
    assert!(parse_expected("status: x\n").is_err());
}

#[test]
fn diff_shows_changed_lines_with_context() {
    let a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";
    let b = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10";
    let d = unified_diff(a, b);
    assert_eq!(
        d,
        "@@ -2,9 +2,9 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n 9\n-10\n+10\n\\ No newline at end of file"
    );
    assert_eq!(unified_diff("x\n", "x\n"), "");
    assert_eq!(unified_diff("", "y\n"), "@@ -0,0 +1,1 @@\n+y");
}

/// Programs the stress runs skip, each with its reason: they print what
/// automatic collections legitimately change (counts, tracking, callbacks).
const STRESS_SKIP: &[(&str, &str)] = &[
    (
        "gc_callbacks",
        "automatic collections call the callbacks too",
    ),
    ("gc_get_count", "prints gc.get_count()"),
    (
        "gc_is_tracked",
        "automatic collections untrack tuples and dicts",
    ),
    (
        "gc_collect_counts",
        "automatic collections find the cycles first",
    ),
    ("gc_cycles", "automatic collections find the cycles first"),
    ("gc_module", "prints gc.get_threshold()"),
    (
        "gc_shutdown",
        "finalizers at exit run in generation order, which automatic collections change",
    ),
];

/// The corpus tests run one at a time: programs write scratch files named
/// after themselves in tests/python.
static CORPUS_LOCK: Mutex<()> = Mutex::new(());

/// Run every program of the corpus (but the known failures and
/// [`STRESS_SKIP`]) with `env` added; every one must give CPython's output.
fn stress_corpus(env: &[(&str, &str)]) {
    let _corpus = CORPUS_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let dir = programs_dir();
    let known = read_known_failures(&dir.join("KNOWN_FAILURES"));
    let filter = std::env::var("PYRITE_TEST_FILTER").unwrap_or_default();
    let selected: Vec<String> = program_names(&dir)
        .into_iter()
        .filter(|n| n.contains(&filter))
        .filter(|n| !known.entries.contains_key(n))
        .filter(|n| !STRESS_SKIP.iter().any(|(s, _)| s == n))
        .collect();
    let next = AtomicUsize::new(0);
    let problems: Mutex<Vec<String>> = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 4);
    let start = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(name) = selected.get(i) else { break };
                match judge_with_env(&dir, name, env) {
                    Verdict::Pass => {}
                    Verdict::Mismatch(_, report) | Verdict::Crash(_, report) => {
                        println!("FAIL {report}\n");
                        problems.lock().unwrap().push(name.clone());
                    }
                    Verdict::Broken(report) => problems.lock().unwrap().push(report),
                }
            });
        }
    });
    let problems = problems.into_inner().unwrap();
    println!(
        "{env:?}: {} passed, {} failed in {:.1} s",
        selected.len() - problems.len(),
        problems.len(),
        start.elapsed().as_secs_f64()
    );
    assert!(
        problems.is_empty(),
        "with {env:?} these programs differ from CPython: {}",
        problems.join(", ")
    );
}

/// The collector's stress mode: every threshold forced to 1 at start-up
/// (`PYRITEGCTHRESHOLD=1,1,1`), so a collection runs at nearly every safe
/// point and older generations are collected often; the corpus must still
/// give CPython's output.
#[test]
fn corpus_passes_with_gc_threshold_1() {
    stress_corpus(&[("PYRITEGCTHRESHOLD", "1,1,1")]);
}

/// The corpus on the allocator's debug mode (`PYRITEMALLOC=debug`: guard
/// bytes, fill patterns, free checks), with the collector's stress mode.
#[test]
fn corpus_passes_on_the_debug_allocator() {
    stress_corpus(&[("PYRITEMALLOC", "debug"), ("PYRITEGCTHRESHOLD", "1")]);
}
