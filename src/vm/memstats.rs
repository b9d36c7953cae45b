//! Memory statistics at exit: `-X memstats` (or `PYRITEMALLOCSTATS=1`)
//! prints the allocator's table, its peaks and the collector's
//! per-generation table on stderr; `-X memstats=json` writes the same
//! figures as one JSON object instead. Also the other memory `-X` options
//! (`memtimeline=FILE.svg`, `dev`) and the start/finish hooks `run_main`
//! calls around a program.
//!
//! Pause times come from a Rust-level collection hook (the collector's
//! [`add_callback`](pyrite_gc::Collector::add_callback), not Python's
//! `gc.callbacks`): at each collection's stop it adds the collection's
//! duration to its generation's total and keeps the longest. The hook is
//! registered only when statistics or the timeline were asked for.
//!
//! Invariant **MEMSTATS-1**: each generation's pause totals cover exactly
//! the collections the collector counted for it after [`start`] ran, so
//! `collections` in the table and the number of pauses summed agree.

use std::cell::RefCell;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::time::Duration;

use pyrite_gc::{Phase, NUM_GENERATIONS};

use crate::objects::global::Global;

/// What `-X memstats` asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// No statistics.
    Off,
    /// The tables, as text.
    Text,
    /// One JSON object.
    Json,
}

/// 0 = not set by `-X`, 1 = text, 2 = JSON.
static MEMSTATS: AtomicU8 = AtomicU8::new(0);
/// `-X dev`: CPython's development mode (here: the allocator's debug mode).
static DEV_MODE: AtomicBool = AtomicBool::new(false);

/// Record one memory-related `-X` option; false when `opt` is not one.
pub fn set_x_option(opt: &str) -> bool {
    match opt {
        "memstats" | "memstats=text" => MEMSTATS.store(1, Ordering::Relaxed),
        "memstats=json" => MEMSTATS.store(2, Ordering::Relaxed),
        "dev" => DEV_MODE.store(true, Ordering::Relaxed),
        _ => match opt.strip_prefix("memtimeline=") {
            Some(path) => super::memtimeline::set_path(path),
            None => return false,
        },
    }
    true
}

/// The statistics format asked for by `-X memstats[=json]` or
/// `PYRITEMALLOCSTATS` (any value but empty and "0"; "json" for JSON).
pub fn format() -> Format {
    match MEMSTATS.load(Ordering::Relaxed) {
        1 => Format::Text,
        2 => Format::Json,
        _ => match std::env::var("PYRITEMALLOCSTATS") {
            Ok(v) if v == "json" => Format::Json,
            Ok(v) if !v.is_empty() && v != "0" => Format::Text,
            _ => Format::Off,
        },
    }
}

/// `-X dev` was given.
pub fn dev_mode() -> bool {
    DEV_MODE.load(Ordering::Relaxed)
}

/// Pause totals of one generation (MEMSTATS-1).
#[derive(Debug, Clone, Copy, Default)]
struct Pauses {
    count: u64,
    total: Duration,
    longest: Duration,
}

static PAUSES: Global<RefCell<[Pauses; NUM_GENERATIONS]>> = Global::new(RefCell::new(
    [Pauses {
        count: 0,
        total: Duration::ZERO,
        longest: Duration::ZERO,
    }; NUM_GENERATIONS],
));

/// Before the program runs: register the collection hook if statistics or
/// a timeline are wanted, and start the timeline's sampler.
pub fn start() {
    let timeline = super::memtimeline::wanted();
    if format() == Format::Off && !timeline {
        return;
    }
    let heap = crate::objects::heap::heap();
    heap.gc.add_callback(|phase, info| {
        if phase != Phase::Stop {
            return;
        }
        let Some(record) = crate::objects::heap::heap().gc.last_record() else {
            return;
        };
        if let Ok(mut pauses) = PAUSES.get().try_borrow_mut() {
            let p = &mut pauses[info.generation.index()];
            p.count += 1;
            p.total += record.duration;
            p.longest = p.longest.max(record.duration);
        }
    });
    if timeline {
        super::memtimeline::start();
    }
}

/// After the program and the shutdown collection: print the statistics
/// and write the timeline, as asked.
pub fn finish() {
    super::memtimeline::finish();
    let text = match format() {
        Format::Off => return,
        Format::Text => to_text(),
        Format::Json => to_json(),
    };
    crate::modules::sys::flush_stdout();
    eprint!("{text}");
    if format() == Format::Json {
        eprintln!();
    }
}

/// One generation's row.
struct GenRow {
    collections: u64,
    collected: u64,
    uncollectable: u64,
    pauses: Pauses,
}

fn gen_rows() -> Vec<GenRow> {
    let heap = crate::objects::heap::heap();
    let pauses = *PAUSES.get().borrow();
    heap.gc
        .stats()
        .iter()
        .zip(pauses)
        .map(|(s, p)| GenRow {
            collections: s.collections,
            collected: s.collected,
            uncollectable: s.uncollectable,
            pauses: p,
        })
        .collect()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// The text form: the allocator's table (CPython's `_debugmallocstats`
/// layout), its peaks, then the collector's table.
pub fn to_text() -> String {
    let heap = crate::objects::heap::heap();
    let stats = heap.stats();
    let mut out = stats.to_text();
    out.push('\n');
    out.push_str(&stats.peaks_to_text());
    out.push_str("\n# gc generation stats\n");
    out.push_str(
        "generation  collections   collected  uncollectable   total pause   longest pause\n",
    );
    let rows = gen_rows();
    for (g, r) in rows.iter().enumerate() {
        let _ = writeln!(
            out,
            "{:>10}  {:>11}  {:>10}  {:>13}  {:>9.3} ms  {:>11.3} ms",
            g,
            r.collections,
            r.collected,
            r.uncollectable,
            ms(r.pauses.total),
            ms(r.pauses.longest)
        );
    }
    let _ = writeln!(
        out,
        "{:>10}  {:>11}  {:>10}  {:>13}  {:>9.3} ms  {:>11.3} ms",
        "total",
        rows.iter().map(|r| r.collections).sum::<u64>(),
        rows.iter().map(|r| r.collected).sum::<u64>(),
        rows.iter().map(|r| r.uncollectable).sum::<u64>(),
        ms(rows.iter().map(|r| r.pauses.total).sum()),
        ms(rows
            .iter()
            .map(|r| r.pauses.longest)
            .max()
            .unwrap_or_default())
    );
    let _ = writeln!(out, "objects tracked now: {}", heap.gc.objects(None).len());
    out
}

/// The JSON form: `{"allocator": {...}, "peak_bytes": n, "peak_arenas": n,
/// "gc": {"generations": [...], totals..., "objects_tracked": n}}`; pause
/// times in milliseconds.
pub fn to_json() -> String {
    let heap = crate::objects::heap::heap();
    let stats = heap.stats();
    let rows = gen_rows();
    let mut out = String::from("{\"allocator\":");
    out.push_str(&stats.to_json());
    let _ = write!(
        out,
        ",\"bytes_in_use\":{},\"peak_bytes\":{},\"arenas\":{},\"peak_arenas\":{},\"gc\":{{\"generations\":[",
        stats.bytes_in_use, stats.peak_bytes_in_use, stats.arenas_current, stats.arenas_highwater
    );
    for (g, r) in rows.iter().enumerate() {
        if g > 0 {
            out.push(',');
        }
        let _ = write!(
            out,
            "{{\"generation\":{g},\"collections\":{},\"collected\":{},\"uncollectable\":{},\"total_pause_ms\":{:.6},\"longest_pause_ms\":{:.6}}}",
            r.collections,
            r.collected,
            r.uncollectable,
            ms(r.pauses.total),
            ms(r.pauses.longest)
        );
    }
    let _ = write!(
        out,
        "],\"collections\":{},\"collected\":{},\"uncollectable\":{},\"total_pause_ms\":{:.6},\"longest_pause_ms\":{:.6},\"objects_tracked\":{}}}}}",
        rows.iter().map(|r| r.collections).sum::<u64>(),
        rows.iter().map(|r| r.collected).sum::<u64>(),
        rows.iter().map(|r| r.uncollectable).sum::<u64>(),
        ms(rows.iter().map(|r| r.pauses.total).sum()),
        ms(rows.iter().map(|r| r.pauses.longest).max().unwrap_or_default()),
        heap.gc.objects(None).len()
    );
    out
}
