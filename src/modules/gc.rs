//! The `gc` module: CPython 3.11's whole API wired to the heap's `pyrite-gc`
//! collector — collect, enable / disable, thresholds and counts, statistics,
//! heap queries, freezing, debug flags, `gc.garbage` and `gc.callbacks` —
//! plus pyrite's extras: `get_stats()` entries also carry `duration` and
//! `visited`, and `set_threshold_bytes(n)` turns on the byte-growth trigger.
//!
//! **GCMOD-1.** `gc.garbage` and `gc.callbacks` are the two list objects made
//! once per process by [`state`]; rebinding the module attributes does not
//! change which lists the collector uses (as in CPython). One collector
//! callback, registered with the lists, moves the collector's garbage into
//! `gc.garbage` when a collection stops and then calls every Python
//! callback, for every collection (explicit or automatic).

use std::io::Write;
use std::sync::OnceLock;

use pyrite_gc::{CollectionInfo, DebugFlags, Generation, Phase};

use crate::objects::bool::new_bool;
use crate::objects::dict::{new_dict, set_item_str};
use crate::objects::err::{overflow_error, type_error, value_error, PyResult};
use crate::objects::float::new_float;
use crate::objects::global::Global;
use crate::objects::heap::heap;
use crate::objects::int::{as_int, new_int, to_i64};
use crate::objects::list::{as_list, new_list};
use crate::objects::module::module_dict;
use crate::objects::none::none;
use crate::objects::object::{PyObject, Ref};
use crate::objects::protocol;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::typeobj::KwNames;

const DOC: &str = "This module provides access to the garbage collector for reference cycles.

enable() -- Enable automatic garbage collection.
disable() -- Disable automatic garbage collection.
isenabled() -- Returns true if automatic collection is enabled.
collect() -- Do a full collection right now.
get_count() -- Return the current collection counts.
get_stats() -- Return list of dictionaries containing per-generation stats.
set_debug() -- Set debugging flags.
get_debug() -- Get debugging flags.
set_threshold() -- Set the collection thresholds.
get_threshold() -- Return the current the collection thresholds.
get_objects() -- Return a list of all objects tracked by the collector.
is_tracked() -- Returns true if a given object is tracked.
is_finalized() -- Returns true if a given object has been already finalized.
get_referrers() -- Return the list of objects that refer to an object.
get_referents() -- Return the list of objects that an object refers to.
freeze() -- Freeze all tracked objects and ignore them for future collections.
unfreeze() -- Unfreeze all objects in the permanent generation.
get_freeze_count() -- Return the number of objects in the permanent generation.

pyrite extensions:
get_stats() entries also carry 'duration' (seconds spent collecting the
generation, cumulative) and 'visited' (objects examined).
set_threshold_bytes(n) -- Also collect once the tracked heap has grown by n
bytes since the last collection (0 turns the byte trigger off).
get_threshold_bytes() -- Return the byte threshold (0 when off).
The environment variable PYRITEGCTHRESHOLD=T0[,T1[,T2]] sets the thresholds
at start-up (PYRITEGCTHRESHOLD=1 is the collector's stress mode).
";

/// The two lists of GCMOD-1.
struct GcState {
    garbage: Ref,
    callbacks: Ref,
}

static STATE: OnceLock<Global<GcState>> = OnceLock::new();

/// The module's lists, made (and the collector callback registered) on
/// first use (GCMOD-1).
fn state() -> &'static GcState {
    let mut fresh = false;
    let s = STATE
        .get_or_init(|| {
            fresh = true;
            Global::new(GcState {
                garbage: new_list(Vec::new()),
                callbacks: new_list(Vec::new()),
            })
        })
        .get();
    if fresh {
        heap().gc.add_callback(on_collection_event);
        drain_garbage(s);
    }
    s
}

/// Move the collector's garbage references into `gc.garbage` (each entry's
/// reference is owned by the collector and handed over here).
fn drain_garbage(s: &GcState) {
    let taken = heap().gc.take_garbage();
    if taken.is_empty() {
        return;
    }
    let list = as_list(&s.garbage).expect("gc.garbage is a list (GCMOD-1)");
    for p in taken {
        // SAFETY: `take_garbage` hands over one strong reference per entry.
        list.push(unsafe { Ref::from_raw(p) });
    }
}

/// Set for the final collection at exit, which calls no Python callback
/// (CPython's `_PyGC_CollectNoFail`).
static AT_SHUTDOWN: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The collector callback of GCMOD-1: CPython's `invoke_gc_callback`.
fn on_collection_event(phase: Phase, info: CollectionInfo) {
    let Some(s) = STATE.get().map(Global::get) else {
        return;
    };
    if phase == Phase::Stop {
        drain_garbage(s);
    }
    if AT_SHUTDOWN.load(std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    let callbacks = as_list(&s.callbacks).expect("gc.callbacks is a list (GCMOD-1)");
    if callbacks.is_empty() {
        return;
    }
    let d = new_dict();
    set_item_str(&d, "generation", new_int(info.generation.index() as i64));
    set_item_str(&d, "collected", new_int(info.collected as i64));
    set_item_str(&d, "uncollectable", new_int(info.uncollectable as i64));
    let phase = new_str(phase.as_str());
    let mut i = 0;
    while let Some(cb) = callbacks.get(i) {
        if let Err(e) = protocol::call(&cb, &[phase.clone(), d.clone()], None) {
            protocol::write_unraisable(&e, Some(&cb));
        }
        i += 1;
    }
}

/// Debug output goes to standard error after pyrite's buffered stdout, as
/// CPython's `PySys_WriteStderr` lines follow what was printed before.
struct StderrOut;

impl Write for StderrOut {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        super::sys::flush_stdout();
        std::io::stderr().write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        std::io::stderr().flush()
    }
}

/// Run a collection of `g`; `None` when one is already running (CPython
/// then returns 0 from `gc.collect()`).
fn run_collection(g: Generation) -> Option<pyrite_gc::CollectionRecord> {
    let _ = STATE.get(); // the callback, if registered, drains the garbage
    heap().gc.collect_with_output(g, &mut StderrOut).ok()
}

/// The first collection at exit, after the atexit functions and while
/// `__main__` is still alive (CPython's `_PyGC_CollectIfEnabled` in
/// `Py_FinalizeEx`): a full collection with `gc.callbacks`, only when
/// automatic collection is enabled. Cyclic garbage the program left behind
/// is finalized here, while the weak references to it still live.
pub fn collect_if_enabled_at_exit() {
    if heap().gc.is_enabled() {
        let _ = run_collection(Generation::Old);
    }
}

/// The full collection at exit: debug output as usual, no Python
/// callbacks (CPython's `_PyGC_CollectNoFail`).
pub fn collect_at_shutdown() {
    use std::sync::atomic::Ordering::Relaxed;
    AT_SHUTDOWN.store(true, Relaxed);
    let _ = run_collection(Generation::Old);
    AT_SHUTDOWN.store(false, Relaxed);
}

/// The exit collection that finds a finished program's globals garbage
/// (`__main__` and its dict, `roots`, once no heap object keeps them):
/// everything only they reach is finalized in collection order and
/// cleared, as when CPython's `__main__` module dies at exit. The callers'
/// own references to `roots` are treated as dropped.
pub fn collect_releasing_at_shutdown(roots: &[&Ref]) {
    use std::sync::atomic::Ordering::Relaxed;
    let _ = STATE.get();
    AT_SHUTDOWN.store(true, Relaxed);
    let roots: Vec<_> = roots.iter().map(|r| r.as_ptr()).collect();
    // SAFETY: the roots are alive (the callers hold them) and the callers'
    // references are held, unchanged, across the call.
    let _ = unsafe { heap().gc.collect_releasing(&roots, &mut StderrOut) };
    AT_SHUTDOWN.store(false, Relaxed);
}

/// Run the automatic collection the trigger says is due.
pub fn collect_if_due() {
    if let Some(g) = heap().gc.collection_due() {
        let _ = run_collection(g);
    }
}

/// Apply `PYRITEGCTHRESHOLD=T0[,T1[,T2]]` (the thresholds at start-up, as
/// `gc.set_threshold` would set them; the stress mode is `1`, or `1,1,1`
/// to make older collections frequent too). Called once when the heap is
/// made.
pub fn startup_threshold(gc: &pyrite_gc::Collector<PyObject>) {
    let Ok(v) = std::env::var("PYRITEGCTHRESHOLD") else {
        return;
    };
    let mut t = gc.thresholds();
    for (slot, part) in t.iter_mut().zip(v.split(',')) {
        if let Ok(n) = part.trim().parse::<isize>() {
            *slot = n;
        }
    }
    gc.set_thresholds(t);
}

/// An argument converted as `PyArg_ParseTuple`'s `i` format: a C long
/// first, then range-checked for an int, each with its own message.
fn parse_tuple_int(v: &PyObject) -> PyResult<i64> {
    let i = protocol::index(v)?;
    let n = as_int(&i)
        .and_then(to_i64)
        .ok_or_else(|| overflow_error("Python int too large to convert to C long"))?;
    if n > i64::from(i32::MAX) {
        return Err(overflow_error("signed integer is greater than maximum"));
    }
    if n < i64::from(i32::MIN) {
        return Err(overflow_error("signed integer is less than minimum"));
    }
    Ok(n)
}

/// An argument converted as CPython's `_PyLong_AsInt`.
fn c_int(v: &PyObject) -> PyResult<i64> {
    let i = protocol::index(v)?;
    let n = as_int(&i).and_then(to_i64);
    match n {
        Some(n) if i32::try_from(n).is_ok() => Ok(n),
        _ => Err(overflow_error("Python int too large to convert to C int")),
    }
}

/// Exactly one positional argument (METH_O), with CPython's message.
fn one_arg<'a>(fname: &str, args: &'a [Ref], kw: KwNames<'_>) -> PyResult<&'a Ref> {
    super::args::no_kwargs(fname, kw)?;
    match args {
        [a] => Ok(a),
        _ => Err(type_error(format!(
            "gc.{fname}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

/// No arguments (METH_NOARGS), with CPython's message.
fn no_args(fname: &str, args: &[Ref], kw: KwNames<'_>) -> PyResult<()> {
    super::args::no_kwargs(fname, kw)?;
    if args.is_empty() {
        Ok(())
    } else {
        Err(type_error(format!(
            "gc.{fname}() takes no arguments ({} given)",
            args.len()
        )))
    }
}

fn generation(n: i64) -> PyResult<Generation> {
    usize::try_from(n)
        .ok()
        .and_then(Generation::from_index)
        .ok_or_else(|| value_error("invalid generation"))
}

fn collect(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = super::args::parse("collect", args, kw, &["generation"], 0, 0)?;
    let g = match &a[0] {
        Some(v) => c_int(v)?,
        None => 2,
    };
    let g = generation(g)?;
    state();
    Ok(new_int(
        run_collection(g).map_or(0, |r| (r.collected + r.uncollectable) as i64),
    ))
}

fn enable(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("enable", args, kw)?;
    heap().gc.enable();
    Ok(none())
}

fn disable(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("disable", args, kw)?;
    heap().gc.disable();
    Ok(none())
}

fn isenabled(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("isenabled", args, kw)?;
    Ok(new_bool(heap().gc.is_enabled()))
}

fn get_threshold(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("get_threshold", args, kw)?;
    let t = heap().gc.thresholds();
    Ok(new_tuple(t.iter().map(|&x| new_int(x as i64)).collect()))
}

fn set_threshold(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    super::args::no_kwargs("set_threshold", kw)?;
    match args.len() {
        0 => {
            return Err(type_error(
                "set_threshold() takes at least 1 argument (0 given)",
            ))
        }
        1..=3 => {}
        n => {
            return Err(type_error(format!(
                "set_threshold() takes at most 3 arguments ({n} given)"
            )))
        }
    }
    let mut t = heap().gc.thresholds();
    for (i, v) in args.iter().enumerate() {
        // As CPython's: a negative threshold is kept (always exceeded), 0
        // turns generation 0's trigger off.
        t[i] = parse_tuple_int(v)? as isize;
    }
    heap().gc.set_thresholds(t);
    Ok(none())
}

fn set_threshold_bytes(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let n = c_int_ssize(one_arg("set_threshold_bytes", args, kw)?)?;
    if n < 0 {
        return Err(value_error("byte threshold cannot be negative"));
    }
    heap().gc.set_byte_threshold(n as usize);
    Ok(none())
}

fn get_threshold_bytes(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("get_threshold_bytes", args, kw)?;
    Ok(new_int(heap().gc.byte_threshold() as i64))
}

/// An argument converted as CPython's `PyLong_AsSsize_t`.
fn c_int_ssize(v: &PyObject) -> PyResult<i64> {
    let i = protocol::index(v)?;
    as_int(&i)
        .and_then(to_i64)
        .ok_or_else(|| overflow_error("Python int too large to convert to C ssize_t"))
}

fn get_count(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("get_count", args, kw)?;
    let c = heap().gc.counts();
    Ok(new_tuple(c.iter().map(|&x| new_int(x as i64)).collect()))
}

fn get_stats(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("get_stats", args, kw)?;
    let stats = heap().gc.stats();
    let out = stats
        .iter()
        .map(|s| {
            let d = new_dict();
            set_item_str(&d, "collections", new_int(s.collections as i64));
            set_item_str(&d, "collected", new_int(s.collected as i64));
            set_item_str(&d, "uncollectable", new_int(s.uncollectable as i64));
            set_item_str(&d, "duration", new_float(s.duration.as_secs_f64()));
            set_item_str(&d, "visited", new_int(s.visited as i64));
            d
        })
        .collect();
    Ok(new_list(out))
}

fn get_debug(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("get_debug", args, kw)?;
    Ok(new_int(heap().gc.debug().bits() as i32 as i64))
}

fn set_debug(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let flags = c_int(one_arg("set_debug", args, kw)?)?;
    heap()
        .gc
        .set_debug(DebugFlags::from_bits(flags as i32 as u32));
    Ok(none())
}

fn get_objects(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = super::args::parse("get_objects", args, kw, &["generation"], 0, 0)?;
    let g = match &a[0] {
        Some(v) if !v.is(crate::objects::none::none_ref()) => {
            if as_int(v).is_none() {
                return Err(type_error(format!(
                    "argument should be integer or None, not '{}'",
                    v.ty().name()
                )));
            }
            c_int_ssize(v)?
        }
        _ => -1,
    };
    let g =
        match g {
            -1 => None,
            n if n >= 3 => return Err(value_error(
                "generation parameter must be less than the number of available generations (3)",
            )),
            n if n < 0 => return Err(value_error("generation parameter cannot be negative")),
            n => Generation::from_index(n as usize),
        };
    // The pointers are borrowed until object code runs: take references
    // before making the result list.
    let objs: Vec<Ref> = heap()
        .gc
        .objects(g)
        .into_iter()
        // SAFETY: the collector's lists hold live objects (GC-2).
        .map(|p| unsafe { p.as_ref() }.to_ref())
        .collect();
    Ok(new_list(objs))
}

fn get_referrers(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    super::args::no_kwargs("get_referrers", kw)?;
    let targets: Vec<_> = args.iter().map(Ref::as_ptr).collect();
    let objs: Vec<Ref> = heap()
        .gc
        .referrers(&targets)
        .into_iter()
        // SAFETY: tracked objects are alive (GC-2).
        .map(|p| unsafe { p.as_ref() }.to_ref())
        .collect();
    Ok(new_list(objs))
}

fn get_referents(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    super::args::no_kwargs("get_referents", kw)?;
    let mut out = Vec::new();
    for a in args {
        if !pyrite_gc::GcObject::is_gc(&**a) {
            continue;
        }
        for p in heap().gc.referents(a) {
            // SAFETY: OBJ-3 — traverse reports live objects.
            out.push(unsafe { p.as_ref() }.to_ref());
        }
    }
    Ok(new_list(out))
}

fn is_tracked(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let o = one_arg("is_tracked", args, kw)?;
    Ok(new_bool(crate::objects::heap::is_tracked(o)))
}

fn is_finalized(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    let o = one_arg("is_finalized", args, kw)?;
    // SAFETY: `o` is alive and laid out as OBJ-1 requires.
    Ok(new_bool(unsafe { heap().gc.is_finalized(o.as_ptr()) }))
}

fn freeze(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("freeze", args, kw)?;
    heap().gc.freeze();
    Ok(none())
}

fn unfreeze(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("unfreeze", args, kw)?;
    heap().gc.unfreeze();
    Ok(none())
}

fn get_freeze_count(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("get_freeze_count", args, kw)?;
    Ok(new_int(heap().gc.freeze_count() as i64))
}

/// Make the `gc` module.
pub fn make_module() -> Ref {
    let m = super::new_native_module(
        "gc",
        &[
            ("collect", collect),
            ("enable", enable),
            ("disable", disable),
            ("isenabled", isenabled),
            ("get_threshold", get_threshold),
            ("set_threshold", set_threshold),
            ("get_count", get_count),
            ("get_stats", get_stats),
            ("get_debug", get_debug),
            ("set_debug", set_debug),
            ("get_objects", get_objects),
            ("get_referrers", get_referrers),
            ("get_referents", get_referents),
            ("is_tracked", is_tracked),
            ("is_finalized", is_finalized),
            ("freeze", freeze),
            ("unfreeze", unfreeze),
            ("get_freeze_count", get_freeze_count),
            ("set_threshold_bytes", set_threshold_bytes),
            ("get_threshold_bytes", get_threshold_bytes),
        ],
    );
    let d = module_dict(&m).expect("gc module dict");
    let s = state();
    set_item_str(&d, "__doc__", new_str(DOC));
    set_item_str(&d, "garbage", s.garbage.clone());
    set_item_str(&d, "callbacks", s.callbacks.clone());
    for (name, flag) in [
        ("DEBUG_STATS", DebugFlags::STATS),
        ("DEBUG_COLLECTABLE", DebugFlags::COLLECTABLE),
        ("DEBUG_UNCOLLECTABLE", DebugFlags::UNCOLLECTABLE),
        ("DEBUG_SAVEALL", DebugFlags::SAVEALL),
        ("DEBUG_LEAK", DebugFlags::LEAK),
    ] {
        set_item_str(&d, name, new_int(flag.bits() as i64));
    }
    m
}
