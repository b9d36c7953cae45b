//! `-X allocprofile=FILE.json`: a whole-run profile of the Python-level
//! allocation sites, written at exit in DHAT's JSON format (version 2, as
//! valgrind's DHAT and the `dhat` crate write it), so DHAT's viewer
//! (`dh_view.html`) opens it.
//!
//! A program point is one Python call stack (innermost first, up to
//! [`DEPTH`] frames) at which pyrite's heap handed out blocks; its frame
//! strings read `function (file:line)`. For each one the profile has the
//! bytes and blocks allocated in total (`tb`, `tbk`), the sum of their
//! lifetimes in µs (`tl`), its own peak (`mb`, `mbk`), what it held at the
//! heap's peak (`gb`, `gbk`) and at exit (`eb`, `ebk`). Blocks allocated
//! with no Python frame running (start-up, the runtime's own work) are one
//! site, `??? (<unknown>:0)`.
//!
//! Recording is an allocation-event consumer (`objects/alloc_events.rs`):
//! Rust-heap tables only (EVENTS-1).

use std::cell::RefCell;
use std::fmt::Write as _;
use std::time::Instant;

use crate::objects::alloc_events::{self, AllocConsumer, AllocEvent, Consumer, EventKind};
use crate::objects::global::Global;

use super::alloc_sites::{FxHashMap, Sites};

/// Frames kept per program point.
pub const DEPTH: usize = 64;

/// One program point's totals.
#[derive(Default, Clone, Copy)]
struct Point {
    total_bytes: u64,
    total_blocks: u64,
    /// Sum of the lifetimes of its freed blocks, µs (live ones are added
    /// at exit).
    lifetimes: u128,
    bytes: usize,
    blocks: usize,
    max_bytes: usize,
    max_blocks: usize,
    at_gmax_bytes: usize,
    at_gmax_blocks: usize,
}

/// A live block: its program point, size and birth.
struct Live {
    point: u32,
    size: usize,
    born: Instant,
}

struct Profile {
    path: String,
    sites: Sites,
    /// Indexed by traceback id.
    points: Vec<Point>,
    live: FxHashMap<usize, Live>,
    start: Instant,
    bytes: usize,
    blocks: usize,
    max_bytes: usize,
    max_blocks: usize,
    at_gmax: Instant,
    /// The heap reached a new peak not yet copied into the points.
    peak_pending: bool,
}

/// GLOBAL-1, as the heap.
static PROFILE: Global<RefCell<Option<Profile>>> = Global::new(RefCell::new(None));

impl Profile {
    /// Record every point's holdings as the ones at the heap's peak.
    fn copy_peak(&mut self) {
        for p in &mut self.points {
            p.at_gmax_bytes = p.bytes;
            p.at_gmax_blocks = p.blocks;
        }
        self.peak_pending = false;
    }

    fn alloc(&mut self, ptr: usize, size: usize) {
        let id = self.sites.capture(DEPTH);
        if self.points.len() <= id as usize {
            self.points.resize(id as usize + 1, Point::default());
        }
        let now = Instant::now();
        if let Some(old) = self.live.insert(
            ptr,
            Live {
                point: id,
                size,
                born: now,
            },
        ) {
            // A free the profile missed (it cannot happen while
            // subscribed); forget the old block.
            self.forget(&old, now);
        }
        let p = &mut self.points[id as usize];
        p.total_bytes += size as u64;
        p.total_blocks += 1;
        p.bytes += size;
        p.blocks += 1;
        if p.bytes >= p.max_bytes {
            p.max_bytes = p.bytes;
            p.max_blocks = p.blocks;
        }
        self.bytes += size;
        self.blocks += 1;
        if self.bytes > self.max_bytes {
            self.max_bytes = self.bytes;
            self.max_blocks = self.blocks;
            self.at_gmax = now;
            self.peak_pending = true;
        }
    }

    fn forget(&mut self, b: &Live, now: Instant) {
        let p = &mut self.points[b.point as usize];
        p.bytes -= b.size;
        p.blocks -= 1;
        p.lifetimes += now.duration_since(b.born).as_micros();
        self.bytes -= b.size;
        self.blocks -= 1;
    }

    fn free(&mut self, ptr: usize) {
        let Some(b) = self.live.remove(&ptr) else {
            return; // allocated before profiling started
        };
        if self.peak_pending && self.bytes == self.max_bytes {
            // Coming down from the peak: keep what each point held there.
            self.copy_peak();
        }
        self.forget(&b, Instant::now());
    }
}

struct ProfileConsumer;

impl AllocConsumer for ProfileConsumer {
    fn event(&mut self, ev: &AllocEvent) {
        // EVENTS-1: nothing outside an event allocates while borrowing.
        let Ok(mut p) = PROFILE.get().try_borrow_mut() else {
            return;
        };
        let Some(p) = p.as_mut() else { return };
        match ev.kind {
            EventKind::Alloc => p.alloc(ev.ptr, ev.size),
            EventKind::Free => p.free(ev.ptr),
        }
    }
}

/// Start profiling; the profile goes to `path` at [`finish`].
pub fn start(path: &str) {
    let now = Instant::now();
    *PROFILE.get().borrow_mut() = Some(Profile {
        path: path.to_string(),
        sites: Sites::new(false),
        points: Vec::new(),
        live: FxHashMap::default(),
        start: now,
        bytes: 0,
        blocks: 0,
        max_bytes: 0,
        max_blocks: 0,
        at_gmax: now,
        peak_pending: false,
    });
    alloc_events::subscribe(Consumer::Profile, Some(Box::new(ProfileConsumer)));
}

/// Whether a profile is being recorded.
pub fn is_running() -> bool {
    PROFILE.get().borrow().is_some()
}

/// Stop profiling and write the profile; a message on stderr says where
/// (or why it could not be written).
pub fn finish() {
    alloc_events::subscribe(Consumer::Profile, None);
    let Some(mut p) = PROFILE.get().borrow_mut().take() else {
        return;
    };
    let json = to_json(&mut p);
    let sites = p.points.iter().filter(|x| x.total_blocks > 0).count();
    match std::fs::write(&p.path, json) {
        Ok(()) => eprintln!(
            "pyrite: allocation profile ({sites} site{}) written to {}; open it with DHAT's dh_view.html",
            if sites == 1 { "" } else { "s" },
            p.path
        ),
        Err(e) => eprintln!("pyrite: cannot write the allocation profile to {}: {e}", p.path),
    }
}

/// A JSON string literal.
fn json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The profile as DHAT JSON (blocks still live count as ending now).
fn to_json(p: &mut Profile) -> String {
    let now = Instant::now();
    if p.peak_pending && p.bytes == p.max_bytes {
        p.copy_peak();
    }
    let mut lifetimes = p.points.iter().map(|x| x.lifetimes).collect::<Vec<_>>();
    for b in p.live.values() {
        lifetimes[b.point as usize] += now.duration_since(b.born).as_micros();
    }
    let cmd: Vec<String> = std::env::args().collect();
    let mut out = String::new();
    out.push_str("{\"dhatFileVersion\":2,\"mode\":\"pyrite-heap\",\"verb\":\"Allocated\",");
    out.push_str(
        "\"bklt\":true,\"bkacc\":false,\"tu\":\"µs\",\"Mtu\":\"s\",\"tuth\":10,\n\"cmd\":",
    );
    json_str(&mut out, &cmd.join(" "));
    let _ = write!(
        out,
        ",\"pid\":{},\"tg\":{},\"te\":{},\n\"pps\":[",
        std::process::id(),
        p.at_gmax.duration_since(p.start).as_micros(),
        now.duration_since(p.start).as_micros()
    );
    // Frame strings, "[root]" first as DHAT has it. Two tracebacks whose
    // frames print the same (two lambdas on one line) are one program
    // point: DHAT's viewer rejects a repeated location.
    let mut ftbl: Vec<String> = vec!["[root]".to_string()];
    let mut ftbl_ids: FxHashMap<(u32, u32), usize> = FxHashMap::default();
    let mut merged: Vec<(Vec<usize>, Point, u128)> = Vec::new();
    let mut merged_ids: FxHashMap<Vec<usize>, usize> = FxHashMap::default();
    for (id, pt) in p.points.iter().enumerate() {
        if pt.total_blocks == 0 {
            continue;
        }
        let mut fs = Vec::new();
        for f in p.sites.frames(id as u32) {
            let i = *ftbl_ids.entry((f.code, f.line)).or_insert_with(|| {
                ftbl.push(format!(
                    "{} ({}:{})",
                    p.sites.function(f.code),
                    p.sites.filename(f.code),
                    f.line
                ));
                ftbl.len() - 1
            });
            fs.push(i);
        }
        match merged_ids.get(&fs) {
            Some(&m) => {
                let (_, q, l) = &mut merged[m];
                q.total_bytes += pt.total_bytes;
                q.total_blocks += pt.total_blocks;
                q.max_bytes += pt.max_bytes;
                q.max_blocks += pt.max_blocks;
                q.at_gmax_bytes += pt.at_gmax_bytes;
                q.at_gmax_blocks += pt.at_gmax_blocks;
                q.bytes += pt.bytes;
                q.blocks += pt.blocks;
                *l += lifetimes[id];
            }
            None => {
                merged_ids.insert(fs.clone(), merged.len());
                merged.push((fs, *pt, lifetimes[id]));
            }
        }
    }
    for (i, (fs, pt, tl)) in merged.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let fs: Vec<String> = fs.iter().map(usize::to_string).collect();
        let _ = write!(
            out,
            "\n{{\"tb\":{},\"tbk\":{},\"tl\":{},\"mb\":{},\"mbk\":{},\"gb\":{},\"gbk\":{},\"eb\":{},\"ebk\":{},\"fs\":[{}]}}",
            pt.total_bytes,
            pt.total_blocks,
            tl,
            pt.max_bytes,
            pt.max_blocks,
            pt.at_gmax_bytes,
            pt.at_gmax_blocks,
            pt.bytes,
            pt.blocks,
            fs.join(",")
        );
    }
    out.push_str("\n],\n\"ftbl\":[");
    for (i, f) in ftbl.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('\n');
        json_str(&mut out, f);
    }
    out.push_str("\n]\n}\n");
    out
}
