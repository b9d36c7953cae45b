//! The `pyrite` binary's command line, compared with python3 (CPython 3.11)
//! wherever CPython has the same behaviour.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn pyrite() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pyrite"))
}

fn python3() -> Command {
    Command::new("python3")
}

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(name)
}

/// stderr with the executable's own name taken out of the one line that
/// names it (`python3: can't open file ...` / `pyrite: can't open file ...`).
fn stderr_of(out: &Output) -> String {
    let text = String::from_utf8_lossy(&out.stderr).into_owned();
    text.lines()
        .map(|l| match l.split_once(": can't open file") {
            Some((_, rest)) => format!("<exe>: can't open file{rest}"),
            None => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn same_as_cpython(args: &[&str]) {
    let ours = pyrite().args(args).output().unwrap();
    let theirs = python3().args(args).output().unwrap();
    assert_eq!(stderr_of(&ours), stderr_of(&theirs), "stderr for {args:?}");
    assert_eq!(
        ours.status.code(),
        theirs.status.code(),
        "status for {args:?}"
    );
}

#[test]
fn version_is_printed() {
    let out = pyrite().arg("--version").output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("pyrite {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn syntax_errors_in_scripts_are_reported_as_cpython_reports_them() {
    let dir = data("syntax");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "py") {
            let expected = std::fs::read_to_string(path.with_extension("expected")).unwrap();
            // CPython 3.11 measures this one error's range in bytes when it
            // reads a script file (5 carets under `b"é"`) but in characters
            // under compile() (4); pyrite follows compile() everywhere, the
            // golden file in tests/syntax/ checks that.
            let byte_quirk = path.ends_with("err_bytes_nonascii.py");
            if expected.starts_with("  File") && !byte_quirk {
                same_as_cpython(&["-X", "utf8", path.to_str().unwrap()]);
                checked += 1;
            }
        }
    }
    assert!(checked >= 40, "only {checked} error programs found");
}

#[test]
fn missing_script_is_reported_as_cpython_reports_it() {
    let missing = data("no such script.py");
    same_as_cpython(&[missing.to_str().unwrap()]);
}

#[test]
fn non_utf8_script_is_reported_as_cpython_reports_it() {
    let dir = std::env::temp_dir().join(format!("pyrite-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let script = dir.join("latin1.py");
    std::fs::write(&script, b"x = 1\ny = '\xe9'\n").unwrap();
    same_as_cpython(&[script.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_script_runs_with_its_arguments_and_exit_status() {
    let dir = std::env::temp_dir().join(format!("pyrite-cli-run-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let script = dir.join("args.py");
    std::fs::write(
        &script,
        "import sys\nprint(sys.argv[1], sys.argv[2])\nsys.exit(len(sys.argv))\n",
    )
    .unwrap();
    let args = [script.to_str().unwrap(), "a", "b c"];
    same_as_cpython(&args);
    let out = pyrite().args(args).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "a b c\n");
    assert_eq!(out.status.code(), Some(3));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Run `cmd` with `input` on stdin; its output.
fn with_stdin(mut cmd: Command, input: &str) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// Run the same arguments and stdin with both; compare stdout and status.
fn same_stdout_as_cpython(args: &[&str], input: &str) -> (Output, Output) {
    let mut ours = pyrite();
    ours.args(args);
    let mut theirs = python3();
    theirs.args(args);
    let (ours, theirs) = (with_stdin(ours, input), with_stdin(theirs, input));
    assert_eq!(
        String::from_utf8_lossy(&ours.stdout),
        String::from_utf8_lossy(&theirs.stdout),
        "stdout for {args:?} with input {input:?}\nour stderr: {}",
        String::from_utf8_lossy(&ours.stderr)
    );
    assert_eq!(
        ours.status.code(),
        theirs.status.code(),
        "status for {args:?}"
    );
    (ours, theirs)
}

/// stderr of an interactive session without the two banner lines (which
/// name the implementation).
fn session_stderr(out: &Output) -> String {
    let text = String::from_utf8_lossy(&out.stderr).into_owned();
    let mut lines = text.split_inclusive('\n');
    let banner = lines.next().unwrap_or("");
    assert!(banner.contains("on linux"), "banner: {banner:?}");
    lines.skip(1).collect()
}

#[test]
fn a_valid_script_runs() {
    let dir = std::env::temp_dir().join(format!("pyrite-cli-hello-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let script = dir.join("hello.py");
    std::fs::write(&script, "import sys\nprint('hello', len(sys.argv))\n").unwrap();
    same_stdout_as_cpython(&[script.to_str().unwrap(), "a"], "");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn dash_c_runs_a_command_with_its_arguments() {
    let argv = "import sys; print(len(sys.argv), sys.argv[0], sys.argv[1], sys.argv[2])";
    same_stdout_as_cpython(&["-c", argv, "a", "-x"], "");
    same_stdout_as_cpython(&["-cprint('attached')"], "");
    same_stdout_as_cpython(&["-q", "-c", "print(__name__)"], "");
    same_stdout_as_cpython(&["-c", "raise SystemExit(3)"], "");
    same_stdout_as_cpython(&["-c", "import sys; sys.exit('bye')"], "");
    let (ours, theirs) = same_stdout_as_cpython(&["-c", "print('x')\nundefined_name"], "");
    assert_eq!(stderr_of(&ours), stderr_of(&theirs));
}

#[test]
fn a_program_is_read_from_stdin() {
    let program =
        "import sys\nprint(len(sys.argv), sys.argv[0], sys.argv[1], __name__, __file__)\nprint(input())\n";
    same_stdout_as_cpython(&["-", "arg"], program);
    same_stdout_as_cpython(&[], "print('piped')\n");
}

#[test]
fn input_reads_lines_from_stdin() {
    let program = "x = input('name? ')\nprint('hi', x)\ntry:\n    input()\nexcept EOFError as e:\n    print('EOFError', e)\n";
    let dir = std::env::temp_dir().join(format!("pyrite-cli-input-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let script = dir.join("ask.py");
    std::fs::write(&script, program).unwrap();
    same_stdout_as_cpython(&[script.to_str().unwrap()], "pyrite\n");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn interactive_session_prints_values_and_prompts_like_cpython() {
    let session = "x = 5\nx\n'text'\ndef f(n):\n    return n * 2\n\nf(x)\nif x:\n    print('yes')\n\nundefined_name\nprint('after the error'); 7\n1 +\nNone\nx = (1,\n 2)\n_\n";
    let (ours, theirs) = same_stdout_as_cpython(&["-i"], session);
    assert_eq!(session_stderr(&ours), session_stderr(&theirs));
    let (ours, theirs) = same_stdout_as_cpython(
        &["-q", "-i"],
        "import sys\nsys.exit(4)\nprint('not reached')\n",
    );
    assert_eq!(stderr_of(&ours), stderr_of(&theirs));
}

#[test]
fn interactive_session_with_blocks_reprs_prompts_and_tracebacks() {
    let session = concat!(
        "for i in range(3):\n    i\n\n",
        "d = {'a': [1, 2]}\nd\n",
        "\"\"\"doc\nstring\"\"\"\n",
        "class P:\n    def __repr__(self):\n        return 'P!'\n\n",
        "P()\n[P(), P()]\n",
        "import sys\nsys.ps1 = '$ '\n1\nsys.ps2 = '| '\nif 1:\n    2\n\n",
        "_\n_ * 3\n",
        "raise ValueError('x')\n",
        "def g():\n    raise KeyError(1)\n\ng()\n",
        "def f():\n    y = 2\n\n    return y\n",
        "x = [1,\n2]\nx\nprint(x); x = 3\nx\n",
    );
    let (ours, theirs) = same_stdout_as_cpython(&["-i"], session);
    assert_eq!(session_stderr(&ours), session_stderr(&theirs));
}

#[test]
fn dash_i_prompts_after_the_command() {
    let (ours, theirs) = same_stdout_as_cpython(&["-q", "-i", "-c", "y = 21"], "y * 2\n");
    assert_eq!(stderr_of(&ours), stderr_of(&theirs));
    // With -i, SystemExit from the program is reported and the prompt follows.
    let args = ["-q", "-i", "-c", "import sys; sys.exit(5)"];
    let (ours, theirs) = same_stdout_as_cpython(&args, "import sys\nsys.exit(4)\n");
    assert_eq!(stderr_of(&ours), stderr_of(&theirs));
    let (ours, theirs) = same_stdout_as_cpython(&["-q", "-i", "-c", "1/0"], "");
    assert_eq!(stderr_of(&ours), stderr_of(&theirs));
}

#[test]
fn usage_errors_are_reported_as_cpython_reports_them() {
    for args in [&["-X"][..], &["--frobnicate"][..], &["-c"][..], &["-Q"][..]] {
        let ours = pyrite().args(args).output().unwrap();
        let theirs = python3().args(args).output().unwrap();
        assert_eq!(ours.status.code(), Some(2), "{args:?}");
        let first = |o: &Output| {
            String::from_utf8_lossy(&o.stderr)
                .lines()
                .next()
                .map(str::to_string)
        };
        assert_eq!(first(&ours), first(&theirs), "{args:?}");
    }
}

#[cfg(unix)]
#[test]
fn an_uncaught_keyboard_interrupt_ends_the_process_by_sigint_as_cpython() {
    use std::os::unix::process::ExitStatusExt;
    let code = "print('before')\nraise KeyboardInterrupt\n";
    let ours = pyrite().args(["-c", code]).output().unwrap();
    let theirs = python3().args(["-c", code]).output().unwrap();
    assert_eq!(ours.stdout, theirs.stdout);
    assert_eq!(stderr_of(&ours), stderr_of(&theirs));
    assert_eq!(theirs.status.signal(), Some(2), "CPython dies of SIGINT");
    assert_eq!(ours.status.signal(), theirs.status.signal());
}
