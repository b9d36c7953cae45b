//! The debug allocator's fatal error (`PYRITEMALLOC=debug`, `-X dev`): a
//! corrupted block is reported as CPython's debug hooks report one — the
//! block, its size, the damaged bytes; where it was allocated when
//! `tracemalloc` traces it; the running Python frames — and the process
//! aborts (status 134 from a shell, as CPython's `Fatal Python error`).
//!
//! The handler runs inside an allocator call (HEAP-1): it reads the
//! tracemalloc tables and the running frames, writes to stderr through
//! Rust only, and makes and drops no Python object.

use pyrite_allocator::{CorruptionKind, CorruptionReport};
use std::fmt::Write as _;
use std::io::Write as _;

/// CPython's words for the failure, after `_PyMem_DebugRawFree` & co.
fn reason(report: &CorruptionReport) -> &'static str {
    match report.kind {
        CorruptionKind::Underwrite => "bad leading pad byte",
        CorruptionKind::Overwrite => "bad trailing pad byte",
        CorruptionKind::DoubleFree => "block already freed",
        CorruptionKind::WrongSize { .. } => "wrong size",
        CorruptionKind::WrongApi { .. } => "bad ID",
    }
}

/// The whole report, as text.
pub fn render(report: &CorruptionReport) -> String {
    let mut out = report.to_string();
    out.push('\n');
    match crate::modules::tracemalloc::block_traceback(report.address) {
        Some(frames) => {
            out.push_str("Memory block allocated at (most recent call first):\n");
            for (file, line) in frames {
                let _ = writeln!(out, "  File \"{file}\", line {line}");
            }
        }
        None if crate::modules::tracemalloc::is_tracing() => {
            out.push_str("The memory block was not traced by tracemalloc.\n");
        }
        None => out.push_str("Enable tracemalloc to get the memory block allocation traceback\n"),
    }
    let _ = write!(
        out,
        "\nFatal Python error: pyrite allocator {}: {}\nPython runtime state: initialized\n\n",
        report.operation,
        reason(report)
    );
    let mut frames = Vec::new();
    crate::vm::frame::for_each_running(|f| {
        let unit = &f.code().unit;
        frames.push(format!(
            "  File \"{}\", line {} in {}\n",
            unit.filename,
            f.lineno(),
            unit.name
        ));
        true
    });
    if frames.is_empty() {
        out.push_str("No Python frame is running.\n");
    } else {
        out.push_str("Current thread (most recent call first):\n");
        frames.iter().for_each(|f| out.push_str(f));
    }
    out
}

/// The allocator's corruption handler in debug mode: report, then abort.
pub fn report_and_abort(report: &CorruptionReport) {
    let text = render(report);
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes());
    let _ = err.flush();
    std::process::abort();
}
