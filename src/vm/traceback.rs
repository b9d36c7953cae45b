//! Printing exceptions as CPython 3.11 does: the chain (`__cause__`,
//! `__context__`), `Traceback (most recent call last):`, one entry per
//! frame with its source line and the `~~~^^^` position line, repeated
//! entries folded, then `Type: message`.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::objects::codeobj::as_code;
use crate::objects::err::PyErr;
use crate::objects::exceptions::exception;
use crate::objects::object::{PyObject, Ref};
use crate::objects::protocol;
use crate::objects::str::as_str;
use crate::objects::traceback::as_traceback;
use crate::syntax::ast::{ExprKind, StmtKind};

thread_local! {
    static SOURCES: RefCell<HashMap<String, Option<std::rc::Rc<Vec<String>>>>> = RefCell::new(HashMap::new());
}

/// Remember the source of `filename` (compiled from a string, not a file).
pub fn register_source(filename: &str, source: &str) {
    let lines = std::rc::Rc::new(source.lines().map(str::to_string).collect());
    SOURCES.with(|s| s.borrow_mut().insert(filename.to_string(), Some(lines)));
}

/// Line `n` (1-based) of `filename`, as linecache would give it.
pub fn source_line(filename: &str, n: u32) -> Option<String> {
    let lines = SOURCES.with(|s| {
        s.borrow_mut()
            .entry(filename.to_string())
            .or_insert_with(|| {
                std::fs::read_to_string(filename)
                    .ok()
                    .map(|t| std::rc::Rc::new(t.lines().map(str::to_string).collect()))
            })
            .clone()
    })?;
    lines.get((n as usize).checked_sub(1)?).cloned()
}

/// Print `err` with its traceback and chain to stderr.
pub fn print_exception(err: &PyErr) {
    let mut out = String::new();
    let mut seen = Vec::new();
    format_chain(err.value(), &mut out, &mut seen);
    let _ = crate::modules::sys::write_stderr(&out);
}

/// The full text CPython prints for an uncaught exception.
pub fn format_exception(e: &PyObject) -> String {
    let mut out = String::new();
    let mut seen = Vec::new();
    format_chain(e, &mut out, &mut seen);
    out
}

fn format_chain(e: &PyObject, out: &mut String, seen: &mut Vec<usize>) {
    seen.push(e.addr());
    if let Some(x) = exception(e) {
        if let Some(cause) = x.cause.get() {
            if !seen.contains(&cause.addr()) {
                format_chain(&cause, out, seen);
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            }
        } else if let Some(ctx) = x.context.get() {
            if !x.suppress_context.get() && !seen.contains(&ctx.addr()) {
                format_chain(&ctx, out, seen);
                out.push_str(
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                );
            }
        }
        if let Some(tb) = x.traceback.get() {
            out.push_str("Traceback (most recent call last):\n");
            format_tb(&tb, out);
        }
    }
    out.push_str(&exception_only(e));
}

/// The last line(s): `module.Type: message` (SyntaxError adds its
/// position block).
pub fn exception_only(e: &PyObject) -> String {
    let ty = e.ty();
    let mut name = ty.qualname();
    if let Some(m) = ty.module_name() {
        if m != "__main__" && m != "builtins" {
            name = format!("{m}.{name}");
        }
    }
    let msg = match protocol::str_of(e) {
        Ok(s) => as_str(&s).unwrap_or("").to_string(),
        Err(_) => "<exception str() failed>".to_string(),
    };
    if e.is_instance_of(&crate::objects::exceptions::SYNTAX_ERROR) {
        if let Some(text) = crate::modules::builtins::syntax_error_block(e) {
            return text;
        }
    }
    let hint = match super::suggestions::suggestion_for(e) {
        Some(s) => format!(". Did you mean: '{s}'?"),
        None => String::new(),
    };
    if msg.is_empty() {
        format!("{name}{hint}\n")
    } else {
        format!("{name}: {msg}{hint}\n")
    }
}

struct Entry {
    filename: String,
    line: u32,
    name: String,
    code: Ref,
    lasti: usize,
}

fn format_tb(tb: &Ref, out: &mut String) {
    let mut entries = Vec::new();
    let mut cur = Some(tb.clone());
    while let Some(t) = cur {
        let Some(tbo) = as_traceback(&t) else { break };
        let code = as_code(&tbo.code).expect("traceback code");
        entries.push(Entry {
            filename: code.unit.filename.to_string(),
            line: tbo.lineno,
            name: code.unit.name.to_string(),
            code: tbo.code.clone(),
            lasti: tbo.lasti,
        });
        cur = tbo.next.get();
    }
    let mut last: Option<(String, u32, String)> = None;
    let mut count = 0usize;
    for e in &entries {
        let key = (e.filename.clone(), e.line, e.name.clone());
        if last.as_ref() == Some(&key) {
            count += 1;
        } else {
            flush_repeats(out, count);
            last = Some(key);
            count = 1;
        }
        if count <= 3 {
            format_entry(e, out);
        }
    }
    flush_repeats(out, count);
}

fn flush_repeats(out: &mut String, count: usize) {
    if count > 3 {
        let n = count - 3;
        out.push_str(&format!(
            "  [Previous line repeated {} more time{}]\n",
            n,
            if n == 1 { "" } else { "s" }
        ));
    }
}

fn format_entry(e: &Entry, out: &mut String) {
    out.push_str(&format!(
        "  File \"{}\", line {}, in {}\n",
        e.filename, e.line, e.name
    ));
    let Some(line) = source_line(&e.filename, e.line) else {
        return;
    };
    let stripped = line.trim_start_matches([' ', '\t', '\x0c']);
    let stripped_chars = line.chars().count() - stripped.chars().count();
    let stripped = stripped.trim_end();
    if stripped.is_empty() {
        return;
    }
    out.push_str(&format!("    {stripped}\n"));
    let code = as_code(&e.code).expect("code");
    let Some(pos) = code.unit.positions.get(e.lasti) else {
        return;
    };
    if pos.line == 0 || pos.line != e.line || pos.end_line < pos.line {
        return;
    }
    if let Some(carets) = caret_line(&line, stripped, stripped_chars, pos) {
        out.push_str(&carets);
    }
}

fn char_offset(line: &str, byte: usize) -> usize {
    let b = byte.min(line.len());
    let mut b = b;
    while !line.is_char_boundary(b) {
        b -= 1;
    }
    line[..b].chars().count()
}

/// CPython 3.11's `format_frame_summary` position line.
fn caret_line(
    line: &str,
    stripped: &str,
    stripped_chars: usize,
    pos: &crate::compile::code::Position,
) -> Option<String> {
    let start = char_offset(line, pos.col as usize);
    let mut end = char_offset(line, pos.end_col as usize);
    let mut anchors = None;
    if pos.line == pos.end_line {
        let seg_start = pos.col as usize;
        let seg_end = (pos.end_col as usize).min(line.len());
        if seg_start <= seg_end
            && line.is_char_boundary(seg_start)
            && line.is_char_boundary(seg_end)
        {
            anchors = caret_anchors(&line[seg_start..seg_end]);
        }
    } else {
        end = stripped_chars + stripped.chars().count();
    }
    if end <= start {
        return None;
    }
    let spans_line = end - start >= stripped.chars().count();
    let anchor_gap = anchors.is_some_and(|(l, r, _, _)| r > l);
    if spans_line && !anchor_gap {
        return None;
    }
    let mut s = String::from("    ");
    s.push_str(&" ".repeat(start - stripped_chars));
    match anchors {
        Some((l, r, primary, secondary)) => {
            s.push_str(&primary.to_string().repeat(l));
            s.push_str(&secondary.to_string().repeat(r - l));
            s.push_str(&primary.to_string().repeat((end - start).saturating_sub(r)));
        }
        None => s.push_str(&"^".repeat(end - start)),
    }
    s.push('\n');
    Some(s)
}

/// `_extract_caret_anchors_from_line_segment`: for a binary operation the
/// operator gets `^` and the operands `~`; for a subscript the brackets.
fn caret_anchors(segment: &str) -> Option<(usize, usize, char, char)> {
    let arena = bumpalo::Bump::new();
    let src = format!("{segment}\n");
    let module = crate::syntax::parse_module(&src, "<caret>", &arena).ok()?;
    if module.body.len() != 1 {
        return None;
    }
    let StmtKind::Expr { value } = &module.body[0].kind else {
        return None;
    };
    let norm = |b: u32| char_offset(segment, b as usize);
    match &value.kind {
        ExprKind::BinOp { left, right, .. } => {
            if left.span.end.line != 1 || right.span.start.line != 1 {
                return None;
            }
            let op_start = norm(left.span.end.col);
            let op_end = norm(right.span.start.col);
            let chars: Vec<char> = segment.chars().collect();
            let op_str: String = chars.get(op_start..op_end)?.iter().collect();
            let offset = op_str.chars().count() - op_str.trim_start().chars().count();
            let left_anchor = op_start + offset;
            let mut right_anchor = left_anchor + 1;
            let op_chars: Vec<char> = op_str.chars().collect();
            if offset + 1 < op_chars.len() && !op_chars[offset + 1].is_whitespace() {
                right_anchor += 1;
            }
            Some((left_anchor, right_anchor, '~', '^'))
        }
        ExprKind::Subscript {
            value: v, slice, ..
        } => {
            if v.span.end.line != 1 || slice.span.end.line != 1 {
                return None;
            }
            Some((norm(v.span.end.col), norm(slice.span.end.col) + 1, '~', '^'))
        }
        _ => None,
    }
}
