//! The `gc` module, wired to the heap's `pyrite-gc` collector: collect,
//! enable / disable / isenabled, thresholds and counts.

use pyrite_gc::Generation;

use crate::objects::bool::new_bool;
use crate::objects::err::{type_error, value_error, PyResult};
use crate::objects::heap::heap;
use crate::objects::int::{new_int, small_value};
use crate::objects::none::none;
use crate::objects::object::Ref;
use crate::objects::tuple::new_tuple;
use crate::objects::typeobj::KwNames;

/// Run the automatic collection the trigger says is due.
pub fn collect_if_due() {
    let _ = heap().gc.collect_if_due();
}

fn generation(n: i64) -> PyResult<Generation> {
    match n {
        0 => Ok(Generation::Young),
        1 => Ok(Generation::Middle),
        2 => Ok(Generation::Old),
        _ => Err(value_error("invalid generation")),
    }
}

fn collect(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = super::args::parse("collect", args, kw, &["generation"], 0, 0)?;
    let g = match &a[0] {
        Some(v) => small_value(v).ok_or_else(|| type_error("an integer is required"))?,
        None => 2,
    };
    let g = generation(g)?;
    match heap().gc.collect(g) {
        Ok(rec) => Ok(new_int((rec.collected + rec.uncollectable) as i64)),
        Err(_) => Ok(new_int(0)),
    }
}

fn enable(_a: &[Ref], _k: KwNames<'_>) -> PyResult {
    heap().gc.enable();
    Ok(none())
}

fn disable(_a: &[Ref], _k: KwNames<'_>) -> PyResult {
    heap().gc.disable();
    Ok(none())
}

fn isenabled(_a: &[Ref], _k: KwNames<'_>) -> PyResult {
    Ok(new_bool(heap().gc.is_enabled()))
}

fn get_threshold(_a: &[Ref], _k: KwNames<'_>) -> PyResult {
    let t = heap().gc.thresholds();
    Ok(new_tuple(t.iter().map(|&x| new_int(x as i64)).collect()))
}

fn set_threshold(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = super::args::positional("set_threshold", args, kw, 1, 3)?;
    let mut t = heap().gc.thresholds();
    for (i, v) in a.iter().enumerate() {
        let n = small_value(v).ok_or_else(|| type_error("an integer is required"))?;
        t[i] = n.max(0) as usize;
    }
    heap().gc.set_thresholds(t);
    Ok(none())
}

fn get_count(_a: &[Ref], _k: KwNames<'_>) -> PyResult {
    let c = heap().gc.counts();
    Ok(new_tuple(c.iter().map(|&x| new_int(x as i64)).collect()))
}

/// Make the `gc` module.
pub fn make_module() -> Ref {
    super::new_native_module(
        "gc",
        &[
            ("collect", collect),
            ("enable", enable),
            ("disable", disable),
            ("isenabled", isenabled),
            ("get_threshold", get_threshold),
            ("set_threshold", set_threshold),
            ("get_count", get_count),
        ],
    )
}
