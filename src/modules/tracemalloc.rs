//! The native `_tracemalloc` module under `lib/tracemalloc.py`, as
//! CPython's: a consumer of the heap's allocation events
//! (`objects/alloc_events.rs`) that keeps one trace per live block — its
//! size and the Python frames running when it was allocated — plus the
//! traced memory and its peak. `-X tracemalloc[=N]` and
//! `PYTHONTRACEMALLOC=N` start it before the program runs.
//!
//! The traces live in Rust-heap tables (EVENTS-1); functions that turn
//! them into Python objects copy what they need out first and build the
//! objects after the state's borrow ends, so the objects they make are
//! traced like any other.

use std::cell::RefCell;
use std::rc::Rc;

use crate::objects::alloc_events::{self, AllocConsumer, AllocEvent, Consumer, EventKind};
use crate::objects::bool::new_bool;
use crate::objects::err::{overflow_error, value_error, PyResult};
use crate::objects::global::Global;
use crate::objects::int::{as_int, new_int, to_i64};
use crate::objects::list::new_list;
use crate::objects::none::none;
use crate::objects::object::{PyObject, Ref};
use crate::objects::protocol;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::typeobj::KwNames;

use super::alloc_sites::{FxHashMap, Sites};

/// CPython's limit on the frames kept per trace.
const MAX_NFRAME: i64 = 65535;

/// CPython's default domain: every pyrite block is in it.
const DEFAULT_DOMAIN: i64 = 0;

/// The live state while tracing.
struct Tracer {
    sites: Sites,
    /// Block address -> (size, traceback id).
    traces: FxHashMap<usize, (usize, u32)>,
    current: usize,
    peak: usize,
}

struct State {
    /// Frames kept per trace (kept after `stop`, as CPython's).
    limit: usize,
    tracer: Option<Tracer>,
}

/// GLOBAL-1: process-wide, like the heap whose events it records.
static STATE: Global<RefCell<State>> = Global::new(RefCell::new(State {
    limit: 1,
    tracer: None,
}));

/// The fan-out consumer: records into [`STATE`].
struct TraceConsumer;

impl AllocConsumer for TraceConsumer {
    fn event(&mut self, ev: &AllocEvent) {
        // EVENTS-1: nothing outside an event allocates while borrowing.
        let Ok(mut st) = STATE.get().try_borrow_mut() else {
            return;
        };
        let limit = st.limit;
        let Some(t) = st.tracer.as_mut() else {
            return;
        };
        match ev.kind {
            EventKind::Alloc => {
                let tb = t.sites.capture(limit);
                if let Some((old, _)) = t.traces.insert(ev.ptr, (ev.size, tb)) {
                    t.current -= old;
                }
                t.current += ev.size;
                t.peak = t.peak.max(t.current);
            }
            EventKind::Free => {
                if let Some((old, _)) = t.traces.remove(&ev.ptr) {
                    t.current -= old;
                }
            }
        }
    }
}

/// The block at `addr`, taken from a free list, starts a new object: if it
/// is traced, its trace takes the current traceback (CPython's
/// `_PyTraceMalloc_NewReference`); its size stays.
pub fn new_reference(addr: usize) {
    // EVENTS-1: nothing outside an event allocates while borrowing.
    let Ok(mut st) = STATE.get().try_borrow_mut() else {
        return;
    };
    let limit = st.limit;
    let Some(t) = st.tracer.as_mut() else {
        return;
    };
    if t.traces.contains_key(&addr) {
        let tb = t.sites.capture(limit);
        if let Some(trace) = t.traces.get_mut(&addr) {
            trace.1 = tb;
        }
    }
}

/// Start tracing with `nframe` frames per trace (no-op when tracing).
pub fn start_tracing(nframe: usize) {
    {
        let mut st = STATE.get().borrow_mut();
        if st.tracer.is_some() {
            return;
        }
        st.limit = nframe;
        st.tracer = Some(Tracer {
            sites: Sites::new(true),
            traces: FxHashMap::default(),
            current: 0,
            peak: 0,
        });
    }
    alloc_events::subscribe(Consumer::Tracemalloc, Some(Box::new(TraceConsumer)));
}

/// Stop tracing and forget the traces.
pub fn stop_tracing() {
    alloc_events::subscribe(Consumer::Tracemalloc, None);
    let old = STATE.get().borrow_mut().tracer.take();
    drop(old);
}

/// Whether tracing is on.
pub fn is_tracing() -> bool {
    STATE.get().borrow().tracer.is_some()
}

/// The innermost-first frames of the block at `addr`, if traced (for
/// reports such as the debug allocator's, which may come from inside an
/// allocator call: `None` rather than a panic if the state is busy).
pub fn block_traceback(addr: usize) -> Option<Vec<(Rc<str>, u32)>> {
    let st = STATE.get().try_borrow().ok()?;
    let t = st.tracer.as_ref()?;
    let &(_, tb) = t.traces.get(&addr)?;
    Some(
        t.sites
            .frames(tb)
            .map(|f| (Rc::from(t.sites.filename(f.code)), f.line))
            .collect(),
    )
}

/// `-X tracemalloc[=N]` / `PYTHONTRACEMALLOC=N`: the frame count asked
/// for (0 for "off"; checked against the limit when tracing starts),
/// `None` for a value that is not a count.
pub fn parse_nframe(value: &str) -> Option<u64> {
    value.parse::<u64>().ok()
}

/// Start tracing as the command line and environment ask, before the
/// program runs; `Err` with CPython's fatal message on a bad value (its
/// lines after the first; "Python runtime state: preinitialized" follows
/// unless given).
pub fn start_from_config(x_option: Option<&str>) -> Result<(), String> {
    let mut nframe = 0;
    if let Ok(v) = std::env::var("PYTHONTRACEMALLOC") {
        if !v.is_empty() {
            nframe = parse_nframe(&v).ok_or_else(|| {
                "config_init_tracemalloc: PYTHONTRACEMALLOC: invalid number of frames".to_string()
            })?;
        }
    }
    if let Some(v) = x_option {
        nframe = if v.is_empty() {
            1
        } else {
            parse_nframe(v).ok_or_else(|| {
                "config_init_tracemalloc: -X tracemalloc=NFRAME: invalid number of frames"
                    .to_string()
            })?
        };
    }
    if nframe > MAX_NFRAME as u64 {
        return Err(format!(
            "init_interp_main: can't initialize tracemalloc\n\
             Python runtime state: core initialized\n\
             ValueError: the number of frames must be in range [1; {MAX_NFRAME}]"
        ));
    }
    if nframe > 0 {
        start_tracing(nframe as usize);
    }
    Ok(())
}

fn start(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    super::args::no_kwargs("_tracemalloc.start", kw)?;
    if args.len() > 1 {
        return Err(crate::objects::err::type_error(format!(
            "start expected at most 1 argument, got {}",
            args.len()
        )));
    }
    let n = match args.first() {
        Some(a) => {
            let i = protocol::index(a)?;
            let v = as_int(&i)
                .and_then(to_i64)
                .filter(|v| i32::try_from(*v).is_ok())
                .ok_or_else(|| overflow_error("Python int too large to convert to C int"))?;
            if !(1..=MAX_NFRAME).contains(&v) {
                return Err(value_error(format!(
                    "the number of frames must be in range [1; {MAX_NFRAME}]"
                )));
            }
            v as usize
        }
        None => 1,
    };
    start_tracing(n);
    Ok(none())
}

fn no_args(name: &str, args: &[Ref], kw: KwNames<'_>) -> PyResult<()> {
    super::args::no_kwargs(&format!("_tracemalloc.{name}"), kw)?;
    if !args.is_empty() {
        return Err(crate::objects::err::type_error(format!(
            "_tracemalloc.{name}() takes no arguments ({} given)",
            args.len()
        )));
    }
    Ok(())
}

fn stop(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("stop", args, kw)?;
    stop_tracing();
    Ok(none())
}

fn is_tracing_fn(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("is_tracing", args, kw)?;
    Ok(new_bool(is_tracing()))
}

fn clear_traces(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("clear_traces", args, kw)?;
    let old = {
        let mut st = STATE.get().borrow_mut();
        st.tracer.as_mut().map(|t| {
            t.current = 0;
            t.peak = 0;
            (std::mem::take(&mut t.traces), std::mem::take(&mut t.sites))
        })
    };
    drop(old);
    Ok(none())
}

fn get_traceback_limit(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("get_traceback_limit", args, kw)?;
    Ok(new_int(STATE.get().borrow().limit as i64))
}

fn get_traced_memory(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("get_traced_memory", args, kw)?;
    let (cur, peak) = STATE
        .get()
        .borrow()
        .tracer
        .as_ref()
        .map_or((0, 0), |t| (t.current, t.peak));
    Ok(new_tuple(vec![new_int(cur as i64), new_int(peak as i64)]))
}

fn reset_peak(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("reset_peak", args, kw)?;
    if let Some(t) = STATE.get().borrow_mut().tracer.as_mut() {
        t.peak = t.current;
    }
    Ok(none())
}

fn get_tracemalloc_memory(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("get_tracemalloc_memory", args, kw)?;
    let n = STATE.get().borrow().tracer.as_ref().map_or(0, |t| {
        std::mem::size_of::<Tracer>()
            + t.sites.memory()
            + t.traces.capacity() * (std::mem::size_of::<(usize, (usize, u32))>() + 1)
    });
    Ok(new_int(n as i64))
}

/// Traceback tuples built from copied-out frames, one per traceback id,
/// sharing their filename strs.
struct TupleBuilder {
    files: Vec<Rc<str>>,
    file_objs: Vec<Option<Ref>>,
    /// Traceback id -> (total, frames innermost first).
    tbs: Vec<(u32, Vec<(u32, u32)>)>,
    tb_objs: Vec<Option<Ref>>,
}

impl TupleBuilder {
    /// Copy the tables out of `sites` (no pyrite allocation).
    fn copy(sites: &Sites) -> TupleBuilder {
        let tbs: Vec<(u32, Vec<(u32, u32)>)> = (0..sites.traceback_count() as u32)
            .map(|id| {
                (
                    sites.total_frames(id),
                    sites.frames(id).map(|f| (f.code, f.line)).collect(),
                )
            })
            .collect();
        let files: Vec<Rc<str>> = (0..sites.code_count() as u32)
            .map(|i| Rc::from(sites.filename(i)))
            .collect();
        TupleBuilder {
            file_objs: vec![None; files.len()],
            tb_objs: vec![None; tbs.len()],
            files,
            tbs,
        }
    }

    fn file(&mut self, i: u32) -> Ref {
        let i = i as usize;
        if let Some(s) = &self.file_objs[i] {
            return s.clone();
        }
        let s = new_str(&self.files[i]);
        self.file_objs[i] = Some(s.clone());
        s
    }

    /// The `((filename, lineno), ...)` tuple of traceback `id`.
    fn traceback(&mut self, id: u32) -> Ref {
        if let Some(t) = &self.tb_objs[id as usize] {
            return t.clone();
        }
        let frames = self.tbs[id as usize].1.clone();
        let items = frames
            .iter()
            .map(|&(f, l)| new_tuple(vec![self.file(f), new_int(i64::from(l))]))
            .collect();
        let t = new_tuple(items);
        self.tb_objs[id as usize] = Some(t.clone());
        t
    }

    fn total(&self, id: u32) -> u32 {
        self.tbs[id as usize].0
    }
}

fn get_traces(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    no_args("_get_traces", args, kw)?;
    let copied = {
        let st = STATE.get().borrow();
        st.tracer.as_ref().map(|t| {
            let traces: Vec<(usize, u32)> = t.traces.values().copied().collect();
            (traces, TupleBuilder::copy(&t.sites))
        })
    };
    let Some((traces, mut b)) = copied else {
        return Ok(new_list(Vec::new()));
    };
    let mut out = Vec::with_capacity(traces.len());
    for (size, tb) in traces {
        out.push(new_tuple(vec![
            new_int(DEFAULT_DOMAIN),
            new_int(size as i64),
            b.traceback(tb),
            new_int(i64::from(b.total(tb))),
        ]));
    }
    Ok(new_list(out))
}

/// The address of the block holding `obj` (its pre-header first).
fn block_of(obj: &PyObject) -> usize {
    obj as *const PyObject as usize - crate::objects::heap::pre_header_size(obj.ty())
}

fn get_object_traceback(args: &[Ref], kw: KwNames<'_>) -> PyResult {
    super::args::no_kwargs("_tracemalloc._get_object_traceback", kw)?;
    if args.len() != 1 {
        return Err(crate::objects::err::type_error(format!(
            "_tracemalloc._get_object_traceback() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    let Some(frames) = block_traceback(block_of(&args[0])) else {
        return Ok(none());
    };
    let items = frames
        .iter()
        .map(|(f, l)| new_tuple(vec![new_str(f), new_int(i64::from(*l))]))
        .collect();
    Ok(new_tuple(items))
}

/// Make the `_tracemalloc` module.
pub fn make_module() -> Ref {
    super::new_native_module(
        "_tracemalloc",
        &[
            ("start", start),
            ("stop", stop),
            ("is_tracing", is_tracing_fn),
            ("clear_traces", clear_traces),
            ("get_traceback_limit", get_traceback_limit),
            ("get_traced_memory", get_traced_memory),
            ("reset_peak", reset_peak),
            ("get_tracemalloc_memory", get_tracemalloc_memory),
            ("_get_traces", get_traces),
            ("_get_object_traceback", get_object_traceback),
        ],
    )
}
