//! "Did you mean: 'x'?" for NameError and AttributeError tracebacks:
//! CPython 3.11's `Python/suggestions.c` (Levenshtein distance with case
//! and move costs, a third of the characters at most, first best match).

use crate::objects::object::{PyObject, Ref};
use crate::objects::str::{as_str, intern};

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

fn levenshtein(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let (mut a, mut b) = (a, b);
    while !a.is_empty() && !b.is_empty() && a[0] == b[0] {
        a = &a[1..];
        b = &b[1..];
    }
    while !a.is_empty() && !b.is_empty() && a[a.len() - 1] == b[b.len() - 1] {
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer: Vec<usize> = (0..a.len()).map(|i| (i + 1) * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (i, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = buffer[i];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[i] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The best candidate for `name` among `candidates` (`calculate_suggestions`).
pub fn best_match(name: &str, candidates: &[Ref]) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<&str> = None;
    let mut best_distance = usize::MAX;
    for c in candidates {
        let Some(item) = as_str(c) else { continue };
        if item == name {
            continue;
        }
        let max_distance =
            ((name.len() + item.len() + 3) * MOVE_COST / 6).min(best_distance.saturating_sub(1));
        let d = levenshtein(name.as_bytes(), item.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none() || d < best_distance {
            best = Some(item);
            best_distance = d;
        }
    }
    best.map(str::to_string)
}

fn dict_keys(d: &PyObject) -> Vec<Ref> {
    crate::objects::dict::as_dict(d)
        .map(|d| d.keys())
        .unwrap_or_default()
}

/// The suggestion for an exception, if it is a NameError or AttributeError
/// with the context recorded when it was raised.
pub fn suggestion_for(e: &PyObject) -> Option<String> {
    use crate::objects::exceptions as exc;
    let x = exc::exception(e)?;
    let ctx = x.suggestion_context.get()?;
    let name = crate::objects::protocol::getattr_opt(e, &intern("name")).ok()??;
    let name = as_str(&name)?.to_string();
    if e.is_instance_of(&exc::NAME_ERROR) {
        let parts = crate::objects::tuple::items(&ctx);
        let [varnames, globals, builtins] = parts else {
            return None;
        };
        let locals = crate::objects::tuple::items(varnames).to_vec();
        if let Some(s) = best_match(&name, &locals) {
            return Some(s);
        }
        if let Some(s) = best_match(&name, &dict_keys(globals)) {
            return Some(s);
        }
        return best_match(&name, &dict_keys(builtins));
    }
    if e.is_instance_of(&exc::ATTRIBUTE_ERROR) {
        let dir = crate::objects::protocol::call_method(&ctx, "__dir__", &[]).ok()?;
        let mut names = crate::objects::protocol::to_vec(&dir).ok()?;
        names.sort_by(|a, b| as_str(a).cmp(&as_str(b)));
        return best_match(&name, &names);
    }
    None
}
