//! The named methods of `str` (`join`, `split`, `find`, `replace`, the case
//! and class predicates, padding, `format`, `encode`, `translate` …) with
//! CPython 3.11's argument rules and messages. ASCII text takes byte-level
//! fast paths; indices in arguments and results are code points.

use super::err::{type_error, value_error, PyResult};
use super::int::new_int;
use super::list::new_list;
use super::method_args::{self, with_keywords};
use super::object::{PyObject, Ref};
use super::str::{
    as_str, as_str_object, build_str, count_chars, is_exact_str, new_str, StrObject, STR_TYPE,
};
use super::str_ops::{adjust_range, slice_arg};
use super::str_unicode as uni;
use super::tuple::{items, new_tuple};
use super::typeobj::{KwNames, MethodDef, MethodKind};

// ---------------------------------------------------------------------------
// Argument helpers (self is `args[0]`).

fn this(args: &[Ref]) -> PyResult<&StrObject> {
    args.first()
        .and_then(|a| as_str_object(a))
        .ok_or_else(|| type_error("descriptor requires a 'str' object"))
}

/// `str.upper()`-style: no arguments at all.
fn no_args<'a>(name: &str, args: &'a [Ref], kw: KwNames<'_>) -> PyResult<&'a StrObject> {
    let s = this(args)?;
    method_args::no_args_of("str", name, args, kw)?;
    Ok(s)
}

/// `str.join(x)`-style: exactly one positional argument.
fn one_arg<'a>(name: &str, args: &'a [Ref], kw: KwNames<'_>) -> PyResult<(&'a StrObject, &'a Ref)> {
    let s = this(args)?;
    Ok((s, method_args::one_arg_of("str", name, args, kw)?))
}

/// Argument Clinic's positional check: "strip expected at most 1 argument,
/// got 2".
fn clinic<'a>(
    name: &str,
    args: &'a [Ref],
    kw: KwNames<'_>,
    min: usize,
    max: usize,
) -> PyResult<(&'a StrObject, &'a [Ref])> {
    let s = this(args)?;
    method_args::no_kw_of("str", name, kw)?;
    method_args::clinic_count(name, args.len() - 1, min, max)?;
    Ok((s, &args[1..]))
}

/// `PyArg_ParseTuple`'s check: "find() takes at least 1 argument (0 given)".
fn tuple_style<'a>(
    name: &str,
    args: &'a [Ref],
    kw: KwNames<'_>,
    min: usize,
    max: usize,
) -> PyResult<(&'a StrObject, &'a [Ref])> {
    let s = this(args)?;
    method_args::no_kw_of("str", name, kw)?;
    method_args::tuple_count(name, args.len() - 1, min, max)?;
    Ok((s, &args[1..]))
}

/// A `must be str, not int` argument.
fn str_arg(v: &PyObject) -> PyResult<&StrObject> {
    as_str_object(v).ok_or_else(|| type_error(format!("must be str, not {}", v.ty().name())))
}

/// An integer argument (`__index__`), as for `center(width)`.
fn int_arg(v: &PyObject) -> PyResult<i64> {
    super::protocol::index_i64(v)
}

/// The result of a method that may hand back `self` unchanged: the same
/// object for an exact str, a copy for a subclass instance.
fn same(so: &StrObject, obj: &Ref) -> Ref {
    if is_exact_str(obj) {
        obj.clone()
    } else {
        new_str(so.as_str())
    }
}

/// Byte range of the code points `start..end` (end clamped; `start` may
/// exceed the length, giving an empty range at the end).
fn byte_range(so: &StrObject, start: usize, end: usize) -> (usize, usize) {
    let len = so.char_len();
    let (s, e) = (start.min(len), end.min(len).max(start.min(len)));
    (so.byte_offset(s), so.byte_offset(e))
}

/// Code-point index of byte offset `b` in `s`.
fn char_index(so: &StrObject, b: usize) -> usize {
    if so.is_ascii() {
        b
    } else {
        count_chars(&so.as_str()[..b])
    }
}

// ---------------------------------------------------------------------------
// join, split, rsplit, splitlines, partition.

fn join_parts(sep: &StrObject, parts: &[Ref]) -> PyResult {
    let mut byte_len = 0usize;
    let mut char_len = 0usize;
    for (i, p) in parts.iter().enumerate() {
        match as_str_object(p) {
            Some(s) => {
                byte_len += s.as_str().len();
                char_len += s.char_len();
            }
            None => {
                return Err(type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    p.ty().name()
                )))
            }
        }
    }
    if parts.len() == 1 && is_exact_str(&parts[0]) {
        return Ok(parts[0].clone());
    }
    let n = parts.len();
    if n > 1 {
        byte_len += sep.as_str().len() * (n - 1);
        char_len += sep.char_len() * (n - 1);
    }
    let sep = sep.as_str();
    let pieces = parts.iter().enumerate().flat_map(|(i, p)| {
        let head = if i > 0 && !sep.is_empty() {
            Some(sep)
        } else {
            None
        };
        head.into_iter()
            .chain(std::iter::once(as_str(p).unwrap_or("")))
    });
    Ok(build_str(&STR_TYPE, pieces, byte_len, char_len))
}

/// `sep.join(iterable)`: one pass to measure, one to copy into the new
/// object.
pub fn join(sep: &StrObject, iterable: &PyObject) -> PyResult {
    if let Some(t) = iterable.downcast_exact::<super::tuple::TupleObject>() {
        return join_parts(sep, t.items());
    }
    if let Some(l) = super::list::as_list(iterable) {
        if std::ptr::eq(iterable.ty(), &super::list::LIST_TYPE) {
            // LIST-1: measuring and copying the items runs no Python code.
            return l.with_items(|items| join_parts(sep, items));
        }
    }
    let items = match super::protocol::iter(iterable) {
        Ok(it) => {
            let mut v = Vec::new();
            while let Some(x) = super::protocol::next(&it)? {
                v.push(x);
            }
            v
        }
        Err(e) if e.matches(&super::exceptions::TYPE_ERROR) => {
            return Err(type_error("can only join an iterable"))
        }
        Err(e) => return Err(e),
    };
    join_parts(sep, &items)
}

fn m_join(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let (so, it) = one_arg("join", args, kw)?;
    join(so, it)
}

/// The `sep` / `maxsplit` arguments of split and rsplit.
fn split_args(name: &str, args: &[Ref], kw: KwNames<'_>) -> PyResult<(Option<Ref>, i64)> {
    let v = with_keywords(name, args, kw, &["sep", "maxsplit"])?;
    let sep = match &v[0] {
        Some(s) if s.is(super::none::none_ref()) => None,
        Some(s) if as_str(s).is_some() => Some(s.clone()),
        Some(s) => {
            return Err(type_error(format!(
                "must be str or None, not {}",
                s.ty().name()
            )))
        }
        None => None,
    };
    if let Some(s) = &sep {
        if as_str(s) == Some("") {
            return Err(value_error("empty separator"));
        }
    }
    let maxsplit = match &v[1] {
        Some(m) => int_arg(m)?,
        None => -1,
    };
    Ok((sep, if maxsplit < 0 { i64::MAX } else { maxsplit }))
}

/// Split on runs of white space (`str.split()`), at most `maxsplit` times.
fn split_whitespace(s: &str, maxsplit: i64) -> Vec<Ref> {
    let mut out = Vec::new();
    if s.is_ascii() {
        let b = s.as_bytes();
        let ws = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | 0x1c..=0x1f);
        let mut i = 0;
        let n = b.len();
        let mut splits = 0;
        while i < n {
            while i < n && ws(b[i]) {
                i += 1;
            }
            if i >= n {
                break;
            }
            if splits >= maxsplit {
                // CPython keeps the remainder's trailing white space.
                out.push(new_str(&s[i..n]));
                return out;
            }
            let st = i;
            while i < n && !ws(b[i]) {
                i += 1;
            }
            out.push(new_str(&s[st..i]));
            splits += 1;
        }
        return out;
    }
    let idx: Vec<(usize, char)> = s.char_indices().collect();
    let n = idx.len();
    let at = |k: usize| if k < n { idx[k].0 } else { s.len() };
    let mut i = 0;
    let mut splits = 0;
    while i < n {
        while i < n && uni::is_space(idx[i].1) {
            i += 1;
        }
        if i >= n {
            break;
        }
        if splits >= maxsplit {
            out.push(new_str(&s[at(i)..]));
            return out;
        }
        let st = i;
        while i < n && !uni::is_space(idx[i].1) {
            i += 1;
        }
        out.push(new_str(&s[at(st)..at(i)]));
        splits += 1;
    }
    out
}

fn rsplit_whitespace(s: &str, maxsplit: i64) -> Vec<Ref> {
    let idx: Vec<(usize, char)> = s.char_indices().collect();
    let at = |k: usize| if k < idx.len() { idx[k].0 } else { s.len() };
    let mut out = Vec::new();
    let mut i = idx.len();
    let mut splits = 0;
    while i > 0 {
        while i > 0 && uni::is_space(idx[i - 1].1) {
            i -= 1;
        }
        if i == 0 {
            break;
        }
        if splits >= maxsplit {
            out.push(new_str(&s[..at(i)]));
            break;
        }
        let e = i;
        while i > 0 && !uni::is_space(idx[i - 1].1) {
            i -= 1;
        }
        out.push(new_str(&s[at(i)..at(e)]));
        splits += 1;
    }
    out.reverse();
    out
}

fn m_split(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let (sep, maxsplit) = split_args("split", args, kw)?;
    let so = this(args)?;
    let s = so.as_str();
    let parts = match sep {
        None => split_whitespace(s, maxsplit),
        Some(sep) => {
            let sep = as_str(&sep).unwrap_or(" ");
            if maxsplit == i64::MAX {
                s.split(sep).map(new_str).collect()
            } else {
                s.splitn((maxsplit as usize).saturating_add(1), sep)
                    .map(new_str)
                    .collect()
            }
        }
    };
    Ok(new_list(parts))
}

fn m_rsplit(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let (sep, maxsplit) = split_args("rsplit", args, kw)?;
    let so = this(args)?;
    let s = so.as_str();
    let parts = match sep {
        None => rsplit_whitespace(s, maxsplit),
        Some(sep) => {
            let sep = as_str(&sep).unwrap_or(" ");
            let mut v: Vec<Ref> = if maxsplit == i64::MAX {
                s.rsplit(sep).map(new_str).collect()
            } else {
                s.rsplitn((maxsplit as usize).saturating_add(1), sep)
                    .map(new_str)
                    .collect()
            };
            v.reverse();
            v
        }
    };
    Ok(new_list(parts))
}

fn m_splitlines(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let v = with_keywords("splitlines", args, kw, &["keepends"])?;
    let keep = match &v[0] {
        Some(k) => int_arg(k)? != 0,
        None => false,
    };
    let s = this(args)?.as_str();
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !uni::is_linebreak(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(_, '\n')) = it.peek() {
                it.next();
                end += 1;
            }
        }
        out.push(new_str(&s[start..if keep { end } else { i }]));
        start = end;
    }
    if start < s.len() {
        out.push(new_str(&s[start..]));
    }
    Ok(new_list(out))
}

fn partition_impl(args: &[Ref], kw: KwNames<'_>, name: &str, right: bool) -> PyResult {
    let (so, sep) = one_arg(name, args, kw)?;
    let sep = str_arg(sep)?.as_str();
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    let s = so.as_str();
    let found = if right { s.rfind(sep) } else { s.find(sep) };
    let empty = new_str("");
    Ok(match found {
        Some(i) => new_tuple(vec![
            new_str(&s[..i]),
            new_str(sep),
            new_str(&s[i + sep.len()..]),
        ]),
        None if right => new_tuple(vec![empty.clone(), empty, same(so, &args[0])]),
        None => new_tuple(vec![same(so, &args[0]), empty.clone(), empty]),
    })
}

fn m_partition(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    partition_impl(args, kw, "partition", false)
}

fn m_rpartition(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    partition_impl(args, kw, "rpartition", true)
}

// ---------------------------------------------------------------------------
// strip, padding.

fn strip_impl(args: &[Ref], kw: KwNames<'_>, name: &str, left: bool, right: bool) -> PyResult {
    let (so, rest) = clinic(name, args, kw, 0, 1)?;
    let s = so.as_str();
    let chars = match rest.first() {
        None => None,
        Some(c) if c.is(super::none::none_ref()) => None,
        Some(c) => {
            Some(as_str(c).ok_or_else(|| type_error(format!("{name} arg must be None or str")))?)
        }
    };
    let out = match chars {
        None => {
            let mut t = s;
            if left {
                t = t.trim_start_matches(uni::is_space);
            }
            if right {
                t = t.trim_end_matches(uni::is_space);
            }
            t
        }
        Some(cs) if cs.is_ascii() && s.is_ascii() => {
            let set = cs.as_bytes();
            let b = s.as_bytes();
            let (mut i, mut j) = (0, b.len());
            if left {
                while i < j && set.contains(&b[i]) {
                    i += 1;
                }
            }
            if right {
                while j > i && set.contains(&b[j - 1]) {
                    j -= 1;
                }
            }
            &s[i..j]
        }
        Some(cs) => {
            let in_set = |c: char| cs.contains(c);
            let mut t = s;
            if left {
                t = t.trim_start_matches(in_set);
            }
            if right {
                t = t.trim_end_matches(in_set);
            }
            t
        }
    };
    if out.len() == s.len() {
        return Ok(same(so, &args[0]));
    }
    Ok(new_str(out))
}

fn m_strip(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    strip_impl(args, kw, "strip", true, true)
}

fn m_lstrip(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    strip_impl(args, kw, "lstrip", true, false)
}

fn m_rstrip(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    strip_impl(args, kw, "rstrip", false, true)
}

/// The `fillchar` argument of center / ljust / rjust.
fn fill_arg(v: Option<&Ref>) -> PyResult<char> {
    let Some(v) = v else { return Ok(' ') };
    let Some(s) = as_str(v) else {
        return Err(type_error(format!(
            "The fill character must be a unicode character, not {}",
            v.ty().name()
        )));
    };
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(type_error(
            "The fill character must be exactly one character long",
        )),
    }
}

fn pad_impl(args: &[Ref], kw: KwNames<'_>, name: &str) -> PyResult {
    let (so, rest) = clinic(name, args, kw, 1, 2)?;
    let width = int_arg(&rest[0])?;
    let fill = fill_arg(rest.get(1))?;
    let len = so.char_len() as i64;
    if width <= len {
        return Ok(same(so, &args[0]));
    }
    let marg = (width - len) as usize;
    let (left, right) = match name {
        "ljust" => (0, marg),
        "rjust" => (marg, 0),
        _ => {
            let left = marg / 2 + (marg & width as usize & 1);
            (left, marg - left)
        }
    };
    let mut out = String::with_capacity(so.as_str().len() + marg * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(so.as_str());
    out.extend(std::iter::repeat_n(fill, right));
    Ok(new_str(&out))
}

fn m_center(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    pad_impl(args, kw, "center")
}

fn m_ljust(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    pad_impl(args, kw, "ljust")
}

fn m_rjust(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    pad_impl(args, kw, "rjust")
}

fn m_zfill(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let (so, w) = one_arg("zfill", args, kw)?;
    let width = int_arg(w)?;
    let len = so.char_len() as i64;
    if width <= len {
        return Ok(same(so, &args[0]));
    }
    let s = so.as_str();
    let fill = "0".repeat((width - len) as usize);
    let out = match s.as_bytes().first() {
        Some(b'+' | b'-') => format!("{}{}{}", &s[..1], fill, &s[1..]),
        _ => format!("{fill}{s}"),
    };
    Ok(new_str(&out))
}

fn m_expandtabs(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let v = with_keywords("expandtabs", args, kw, &["tabsize"])?;
    let tab = match &v[0] {
        Some(t) => int_arg(t)?,
        None => 8,
    };
    let s = this(args)?.as_str();
    if !s.contains('\t') {
        return Ok(same(this(args)?, &args[0]));
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut col: i64 = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(new_str(&out))
}

// ---------------------------------------------------------------------------
// Searching.

/// The `sub[, start[, end]]` arguments: the needle and the byte range of
/// the haystack, plus its first code-point index. `None` range when
/// `start` is past `end` (nothing can match, not even "").
struct Search<'a> {
    hay: &'a StrObject,
    needle: &'a str,
    start: usize,
    end: usize,
    empty_range: bool,
}

fn search_args<'a>(name: &str, args: &'a [Ref], kw: KwNames<'_>) -> PyResult<Search<'a>> {
    let (so, rest) = tuple_style(name, args, kw, 1, 3)?;
    let needle = str_arg(&rest[0])?.as_str();
    let start = slice_arg(rest.get(1))?;
    let end = slice_arg(rest.get(2))?;
    let (s, e) = adjust_range(start, end, so.char_len());
    Ok(Search {
        hay: so,
        needle,
        start: s,
        end: e,
        empty_range: s > e,
    })
}

impl Search<'_> {
    /// The haystack's text in range and its byte offset.
    fn window(&self) -> (&str, usize) {
        let (b0, b1) = byte_range(self.hay, self.start, self.end);
        (&self.hay.as_str()[b0..b1], b0)
    }

    /// Code-point index of the first (or last) match.
    fn find(&self, right: bool) -> Option<usize> {
        if self.empty_range || self.needle.len() > self.hay.as_str().len() {
            return None;
        }
        let (w, off) = self.window();
        let hit = match (self.needle.as_bytes(), right) {
            // One byte (an ASCII needle): a plain scan beats the
            // substring searcher's set-up on short text.
            (&[b], false) => w.as_bytes().iter().position(|&x| x == b),
            (&[b], true) => w.as_bytes().iter().rposition(|&x| x == b),
            (_, false) => w.find(self.needle),
            (_, true) => w.rfind(self.needle),
        }?;
        Some(char_index(self.hay, off + hit))
    }
}

fn find_impl(args: &[Ref], kw: KwNames<'_>, name: &str, right: bool, raise: bool) -> PyResult {
    let s = search_args(name, args, kw)?;
    match s.find(right) {
        Some(i) => Ok(new_int(i as i64)),
        None if raise => Err(value_error("substring not found")),
        None => Ok(new_int(-1)),
    }
}

fn m_find(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    find_impl(args, kw, "find", false, false)
}

fn m_rfind(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    find_impl(args, kw, "rfind", true, false)
}

fn m_index(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    find_impl(args, kw, "index", false, true)
}

fn m_rindex(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    find_impl(args, kw, "rindex", true, true)
}

fn m_count(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let s = search_args("count", args, kw)?;
    if s.empty_range {
        return Ok(new_int(0));
    }
    if s.needle.is_empty() {
        let n = s.end.min(s.hay.char_len()) as i64 - s.start as i64 + 1;
        return Ok(new_int(n.max(0)));
    }
    let (w, _) = s.window();
    Ok(new_int(w.matches(s.needle).count() as i64))
}

fn affix_impl(args: &[Ref], kw: KwNames<'_>, name: &str, suffix: bool) -> PyResult {
    let (so, rest) = tuple_style(name, args, kw, 1, 3)?;
    let start = slice_arg(rest.get(1))?;
    let end = slice_arg(rest.get(2))?;
    let (s, e) = adjust_range(start, end, so.char_len());
    let test = |needle: &StrObject| -> bool {
        let nl = needle.char_len();
        if s > e || e - s < nl {
            return false;
        }
        let (b0, b1) = byte_range(so, s, e);
        let w = &so.as_str()[b0..b1];
        if suffix {
            w.ends_with(needle.as_str())
        } else {
            w.starts_with(needle.as_str())
        }
    };
    let arg = &rest[0];
    if let Some(n) = as_str_object(arg) {
        return Ok(super::bool::new_bool(test(n)));
    }
    if super::tuple::is_tuple(arg) {
        for it in items(arg) {
            let Some(n) = as_str_object(it) else {
                return Err(type_error(format!(
                    "tuple for {name} must only contain str, not {}",
                    it.ty().name()
                )));
            };
            if test(n) {
                return Ok(super::bool::new_bool(true));
            }
        }
        return Ok(super::bool::new_bool(false));
    }
    Err(type_error(format!(
        "{name} first arg must be str or a tuple of str, not {}",
        arg.ty().name()
    )))
}

fn m_startswith(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    affix_impl(args, kw, "startswith", false)
}

fn m_endswith(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    affix_impl(args, kw, "endswith", true)
}

fn m_replace(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let (so, rest) = clinic("replace", args, kw, 2, 3)?;
    let arg_str = |i: usize| {
        as_str(&rest[i]).ok_or_else(|| {
            type_error(format!(
                "replace() argument {} must be str, not {}",
                i + 1,
                rest[i].ty().name()
            ))
        })
    };
    let (old, new) = (arg_str(0)?, arg_str(1)?);
    let count = match rest.get(2) {
        Some(c) => int_arg(c)?,
        None => -1,
    };
    let s = so.as_str();
    if count == 0 || (!old.is_empty() && !s.contains(old)) || (old.is_empty() && old == new) {
        return Ok(same(so, &args[0]));
    }
    let max = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    if old.is_empty() {
        return Ok(new_str(&s.replacen(old, new, max)));
    }
    // Find the matches, then write the result once into the new object.
    let hits: Vec<usize> = s.match_indices(old).map(|(i, _)| i).take(max).collect();
    let k = hits.len();
    let byte_len = s.len() - k * old.len() + k * new.len();
    let char_len = so.char_len() - k * count_chars(old) + k * count_chars(new);
    let mut pieces: Vec<&str> = Vec::with_capacity(2 * k + 1);
    let mut prev = 0;
    for h in hits {
        pieces.push(&s[prev..h]);
        pieces.push(new);
        prev = h + old.len();
    }
    pieces.push(&s[prev..]);
    Ok(build_str(&STR_TYPE, pieces, byte_len, char_len))
}

fn affix_remove(args: &[Ref], kw: KwNames<'_>, name: &str, suffix: bool) -> PyResult {
    let (so, a) = one_arg(name, args, kw)?;
    let Some(x) = as_str(a) else {
        return Err(type_error(format!(
            "{name}() argument must be str, not {}",
            a.ty().name()
        )));
    };
    let s = so.as_str();
    let out = if suffix {
        s.strip_suffix(x)
    } else {
        s.strip_prefix(x)
    };
    match out {
        Some(t) if !x.is_empty() => Ok(new_str(t)),
        _ => Ok(same(so, &args[0])),
    }
}

fn m_removeprefix(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    affix_remove(args, kw, "removeprefix", false)
}

fn m_removesuffix(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    affix_remove(args, kw, "removesuffix", true)
}

// ---------------------------------------------------------------------------
// Case mappings.

fn map_case(args: &[Ref], kw: KwNames<'_>, name: &str) -> PyResult {
    let so = no_args(name, args, kw)?;
    let s = so.as_str();
    if so.is_ascii() {
        let b = s.as_bytes();
        return Ok(super::str::new_ascii_with(b.len(), |out| {
            out.copy_from_slice(b);
            match name {
                "upper" => out.make_ascii_uppercase(),
                "lower" | "casefold" => out.make_ascii_lowercase(),
                "swapcase" => out.iter_mut().for_each(|c| {
                    if c.is_ascii_uppercase() {
                        c.make_ascii_lowercase()
                    } else {
                        c.make_ascii_uppercase()
                    }
                }),
                "capitalize" => {
                    out.make_ascii_lowercase();
                    if let Some(f) = out.first_mut() {
                        f.make_ascii_uppercase();
                    }
                }
                _ => {
                    // title
                    let mut prev_cased = false;
                    for c in out.iter_mut() {
                        let cased = c.is_ascii_alphabetic();
                        if prev_cased {
                            c.make_ascii_lowercase();
                        } else {
                            c.make_ascii_uppercase();
                        }
                        prev_cased = cased;
                    }
                }
            }
        }));
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    match name {
        "upper" => out = s.to_uppercase(),
        "lower" => out = s.to_lowercase(),
        "casefold" => chars.iter().for_each(|&c| uni::push_casefold(c, &mut out)),
        "swapcase" => {
            for (i, &c) in chars.iter().enumerate() {
                if c.is_uppercase() {
                    uni::push_lower(&chars, i, &mut out);
                } else if c.is_lowercase() {
                    out.extend(c.to_uppercase());
                } else {
                    out.push(c);
                }
            }
        }
        "capitalize" => {
            for (i, &c) in chars.iter().enumerate() {
                if i == 0 {
                    uni::push_title(c, &mut out);
                } else {
                    uni::push_lower(&chars, i, &mut out);
                }
            }
        }
        _ => {
            let mut prev_cased = false;
            for (i, &c) in chars.iter().enumerate() {
                if prev_cased {
                    uni::push_lower(&chars, i, &mut out);
                } else {
                    uni::push_title(c, &mut out);
                }
                prev_cased = uni::is_cased(c);
            }
        }
    }
    Ok(new_str(&out))
}

fn m_upper(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    map_case(args, kw, "upper")
}
fn m_lower(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    map_case(args, kw, "lower")
}
fn m_capitalize(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    map_case(args, kw, "capitalize")
}
fn m_title(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    map_case(args, kw, "title")
}
fn m_swapcase(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    map_case(args, kw, "swapcase")
}
fn m_casefold(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    map_case(args, kw, "casefold")
}

// ---------------------------------------------------------------------------
// Predicates.

fn all_chars(args: &[Ref], kw: KwNames<'_>, name: &str, f: fn(char) -> bool) -> PyResult {
    let so = no_args(name, args, kw)?;
    let s = so.as_str();
    Ok(super::bool::new_bool(!s.is_empty() && s.chars().all(f)))
}

fn m_isdigit(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    all_chars(args, kw, "isdigit", uni::is_digit)
}
fn m_isdecimal(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    all_chars(args, kw, "isdecimal", uni::is_decimal)
}
fn m_isnumeric(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    all_chars(args, kw, "isnumeric", uni::is_numeric)
}
fn m_isalpha(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    all_chars(args, kw, "isalpha", uni::is_alpha)
}
fn m_isalnum(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    all_chars(args, kw, "isalnum", uni::is_alnum)
}
fn m_isspace(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    all_chars(args, kw, "isspace", uni::is_space)
}

fn m_isprintable(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let so = no_args("isprintable", args, kw)?;
    Ok(super::bool::new_bool(
        so.as_str().chars().all(super::str::is_printable),
    ))
}

fn m_isascii(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let so = no_args("isascii", args, kw)?;
    Ok(super::bool::new_bool(so.is_ascii()))
}

fn m_isidentifier(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let so = no_args("isidentifier", args, kw)?;
    Ok(super::bool::new_bool(uni::is_identifier(so.as_str())))
}

/// `isupper` / `islower`: at least one character of case `wanted`, and
/// none of case `other` or titlecase.
fn only_cased(s: &str, wanted: fn(&char) -> bool, other: fn(&char) -> bool) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if other(&c) || uni::is_titlecase(c) {
            return false;
        }
        cased |= wanted(&c);
    }
    cased
}

fn m_isupper(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let so = no_args("isupper", args, kw)?;
    Ok(super::bool::new_bool(only_cased(
        so.as_str(),
        |c| c.is_uppercase(),
        |c| c.is_lowercase(),
    )))
}

fn m_islower(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let so = no_args("islower", args, kw)?;
    Ok(super::bool::new_bool(only_cased(
        so.as_str(),
        |c| c.is_lowercase(),
        |c| c.is_uppercase(),
    )))
}

fn m_istitle(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let so = no_args("istitle", args, kw)?;
    let (mut cased, mut prev_cased) = (false, false);
    for c in so.as_str().chars() {
        if c.is_uppercase() || uni::is_titlecase(c) {
            if prev_cased {
                return Ok(super::bool::new_bool(false));
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return Ok(super::bool::new_bool(false));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(super::bool::new_bool(cased))
}

// ---------------------------------------------------------------------------
// format, format_map, __format__, encode, translate, maketrans.

fn m_format(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let so = this(args)?;
    let kwn: &[Ref] = kw.map(items).unwrap_or(&[]);
    let npos = args.len() - kwn.len();
    super::str_format::str_dot_format(
        so.as_str(),
        super::str_format::FieldSource::Call {
            args: &args[1..npos],
            names: kwn,
            values: &args[npos..],
        },
    )
}

fn m_format_map(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let (so, m) = one_arg("format_map", args, kw)?;
    super::str_format::str_dot_format(so.as_str(), super::str_format::FieldSource::Map(m))
}

fn m_dunder_format(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let (so, spec) = one_arg("__format__", args, kw)?;
    let Some(spec) = as_str(spec) else {
        return Err(type_error(format!(
            "__format__() argument must be str, not {}",
            spec.ty().name()
        )));
    };
    if spec.is_empty() {
        return Ok(same(so, &args[0]));
    }
    let name = args[0].ty().name().to_string();
    Ok(new_str(&super::str_format::format_str_spec(
        so.as_str(),
        spec,
        &name,
    )?))
}

fn m_encode(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let v = with_keywords("encode", args, kw, &["encoding", "errors"])?;
    let enc = super::str_ops::text_arg("encode", "encoding", &v[0], "utf-8")?;
    let err = super::str_ops::text_arg("encode", "errors", &v[1], "strict")?;
    let codec = super::str_codecs::lookup(enc)?;
    super::str_codecs::encode(this(args)?.as_str(), codec, err)
}

fn m_translate(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let (so, table) = one_arg("translate", args, kw)?;
    let mut out = String::with_capacity(so.as_str().len());
    let mut cache: std::collections::HashMap<char, Option<Ref>> = Default::default();
    for c in so.as_str().chars() {
        let mapped = match cache.get(&c) {
            Some(m) => m.clone(),
            None => {
                let m = match super::protocol::getitem(table, &new_int(c as i64)) {
                    Ok(v) => Some(v),
                    Err(e) if e.matches(&super::exceptions::LOOKUP_ERROR) => None,
                    Err(e) => return Err(e),
                };
                cache.insert(c, m.clone());
                m
            }
        };
        match mapped {
            None => out.push(c),
            Some(v) if v.is(super::none::none_ref()) => {}
            Some(v) => {
                if let Some(s) = as_str(&v) {
                    out.push_str(s);
                } else if super::int::as_int(&v).is_some() {
                    match super::int::small_value(&v)
                        .filter(|x| (0..0x11_0000).contains(x))
                        .and_then(|x| char::from_u32(x as u32))
                    {
                        Some(ch) => out.push(ch),
                        None => {
                            return Err(value_error("character mapping must be in range(0x110000)"))
                        }
                    }
                } else {
                    return Err(type_error(
                        "character mapping must return integer, None or str",
                    ));
                }
            }
        }
    }
    Ok(new_str(&out))
}

fn m_maketrans(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    crate::modules::args::no_kwargs("maketrans", kw)?;
    if args.is_empty() || args.len() > 3 {
        return Err(type_error(format!(
            "maketrans expected at {} 1 argument{}, got {}",
            if args.is_empty() { "least" } else { "most" },
            if args.is_empty() { "" } else { "s" },
            args.len()
        )));
    }
    let d = super::dict::new_dict();
    let dict = super::dict::as_dict(&d).expect("dict");
    if args.len() == 1 {
        let Some(src) = super::dict::as_dict(&args[0]) else {
            return Err(type_error(
                "if you give only one argument to maketrans it must be a dict",
            ));
        };
        for (k, v) in src.items() {
            if let Some(s) = as_str(&k) {
                let mut it = s.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => dict.set(new_int(c as i64), v)?,
                    _ => {
                        return Err(value_error(
                            "string keys in translate table must be of length 1",
                        ))
                    }
                }
            } else if super::int::as_int(&k).is_some() {
                dict.set(k, v)?;
            } else {
                return Err(type_error(
                    "keys in translate table must be strings or integers",
                ));
            }
        }
        return Ok(d);
    }
    let arg = |i: usize| {
        as_str(&args[i]).ok_or_else(|| {
            type_error(format!(
                "maketrans() argument {} must be str, not {}",
                i + 1,
                args[i].ty().name()
            ))
        })
    };
    let (x, y) = (arg(0)?, arg(1)?);
    if count_chars(x) != count_chars(y) {
        return Err(value_error(
            "the first two maketrans arguments must have equal length",
        ));
    }
    for (a, b) in x.chars().zip(y.chars()) {
        dict.set(new_int(a as i64), new_int(b as i64))?;
    }
    if args.len() == 3 {
        for c in arg(2)?.chars() {
            dict.set(new_int(c as i64), super::none::none())?;
        }
    }
    Ok(d)
}

fn m_getnewargs(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let so = no_args("__getnewargs__", args, kw)?;
    Ok(new_tuple(vec![new_str(so.as_str())]))
}

macro_rules! methods {
    ($($name:literal => $f:ident $(, $kind:ident)?;)*) => {
        [$(MethodDef {
            name: $name,
            func: $f,
            kind: methods!(@kind $($kind)?),
        },)*]
    };
    (@kind) => { MethodKind::Instance };
    (@kind $k:ident) => { MethodKind::$k };
}

/// The methods of `str`.
pub static STR_METHODS: [MethodDef; 49] = methods! {
    "join" => m_join;
    "split" => m_split;
    "rsplit" => m_rsplit;
    "splitlines" => m_splitlines;
    "partition" => m_partition;
    "rpartition" => m_rpartition;
    "strip" => m_strip;
    "lstrip" => m_lstrip;
    "rstrip" => m_rstrip;
    "center" => m_center;
    "ljust" => m_ljust;
    "rjust" => m_rjust;
    "zfill" => m_zfill;
    "expandtabs" => m_expandtabs;
    "find" => m_find;
    "rfind" => m_rfind;
    "index" => m_index;
    "rindex" => m_rindex;
    "count" => m_count;
    "startswith" => m_startswith;
    "endswith" => m_endswith;
    "replace" => m_replace;
    "removeprefix" => m_removeprefix;
    "removesuffix" => m_removesuffix;
    "upper" => m_upper;
    "lower" => m_lower;
    "capitalize" => m_capitalize;
    "title" => m_title;
    "swapcase" => m_swapcase;
    "casefold" => m_casefold;
    "isdigit" => m_isdigit;
    "isdecimal" => m_isdecimal;
    "isnumeric" => m_isnumeric;
    "isalpha" => m_isalpha;
    "isalnum" => m_isalnum;
    "isspace" => m_isspace;
    "isupper" => m_isupper;
    "islower" => m_islower;
    "istitle" => m_istitle;
    "isidentifier" => m_isidentifier;
    "isprintable" => m_isprintable;
    "isascii" => m_isascii;
    "format" => m_format;
    "format_map" => m_format_map;
    "__format__" => m_dunder_format;
    "encode" => m_encode;
    "translate" => m_translate;
    "maketrans" => m_maketrans, Static;
    "__getnewargs__" => m_getnewargs;
};
