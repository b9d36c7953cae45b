//! `-X memstats` (text and JSON), `-X memtimeline=FILE.svg` and the
//! allocator's debug mode (`PYRITEMALLOC=debug`, `-X dev`): the shape of
//! what pyrite prints, since CPython has no such output to compare with.
//!
//! The JSON and SVG checks use the two tiny readers below (a JSON value
//! parser and an XML well-formedness walker) rather than dev-dependencies.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::{Command, Output};

fn pyrite() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_pyrite"));
    c.env_remove("PYRITEMALLOCSTATS").env_remove("PYRITEMALLOC");
    c
}

/// A program with cycles (so every generation collects) and a list that
/// grows then shrinks (so bytes and arenas move).
const PROGRAM: &str = "\
class Node:
    def __init__(self, n):
        self.n = n
        self.other = None
keep = []
for r in range(12):
    nodes = [Node(i) for i in range(800)]
    for a, b in zip(nodes, nodes[1:]):
        a.other = b
    nodes[-1].other = nodes[0]
    keep.append([str(i) * 4 for i in range(3000)])
    del nodes
keep.clear()
print('done')
";

fn script(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pyrite-memstats-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, PROGRAM).unwrap();
    path
}

fn text(out: &[u8]) -> String {
    String::from_utf8_lossy(out).into_owned()
}

fn run(args: &[&str], path: &PathBuf) -> Output {
    pyrite().args(args).arg(path).output().unwrap()
}

#[test]
fn memstats_text_has_the_tables_and_the_peaks() {
    let path = script("text.py");
    let plain = run(&[], &path);
    let out = run(&["-X", "memstats"], &path);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), text(&plain.stdout));
    let err = text(&out.stderr);
    for header in [
        "Small block threshold = 512, in 64 size classes.",
        "class   size   num pools   blocks in use  avail blocks",
        "# arenas highwater mark",
        "# bytes in allocated blocks",
        "# raw-domain bytes in use",
        "# peak bytes in use",
        "# peak arenas",
        "# gc generation stats",
        "generation  collections   collected  uncollectable   total pause   longest pause",
        "objects tracked now: ",
    ] {
        assert!(err.contains(header), "no {header:?} in:\n{err}");
    }
    // One row per generation and a total, pauses in ms.
    let rows: Vec<&str> = err
        .lines()
        .skip_while(|l| !l.starts_with("generation  collections"))
        .skip(1)
        .take(4)
        .collect();
    let firsts: Vec<&str> = rows
        .iter()
        .map(|r| r.split_whitespace().next().unwrap_or(""))
        .collect();
    assert_eq!(firsts, ["0", "1", "2", "total"], "{rows:?}");
    for r in &rows {
        assert_eq!(r.matches(" ms").count(), 2, "{r}");
    }
    // The environment variable asks for the same.
    let env = pyrite()
        .env("PYRITEMALLOCSTATS", "1")
        .arg(&path)
        .output()
        .unwrap();
    assert!(text(&env.stderr).contains("# gc generation stats"));
    // And nothing without either.
    assert!(!text(&plain.stderr).contains("# gc generation stats"));
}

#[test]
fn memstats_json_is_one_object_with_consistent_totals() {
    let path = script("json.py");
    let out = run(&["-X", "memstats=json"], &path);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "done\n");
    let err = text(&out.stderr);
    let v = Json::parse(err.trim()).unwrap_or_else(|e| panic!("{e}: {err}"));
    let a = v.get("allocator");
    let n = |j: &Json, k: &str| j.get(k).num();
    // STATS-1: the byte breakdown adds up to the arenas.
    let breakdown: f64 = [
        "bytes_in_allocated_blocks",
        "bytes_in_available_blocks",
        "bytes_in_unused_pools",
        "bytes_lost_to_pool_headers",
        "bytes_lost_to_quantization",
        "bytes_lost_to_arena_alignment",
    ]
    .iter()
    .map(|k| n(a, k))
    .sum();
    assert_eq!(breakdown, n(a, "total"));
    assert_eq!(n(a, "total"), n(a, "arenas_current") * n(a, "arena_size"));
    // The class rows add up to the block bytes.
    let classes = a.get("classes").arr();
    assert!(!classes.is_empty());
    let in_blocks: f64 = classes
        .iter()
        .map(|c| n(c, "blocks_in_use") * n(c, "size"))
        .sum();
    assert_eq!(in_blocks, n(a, "bytes_in_allocated_blocks"));
    // STATS-2 and the peaks.
    assert_eq!(
        n(&v, "bytes_in_use"),
        n(a, "bytes_in_allocated_blocks") + n(a, "raw_bytes")
    );
    assert!(n(&v, "peak_bytes") >= n(&v, "bytes_in_use"));
    assert!(n(&v, "peak_bytes") > 1_000_000.0, "the lists held > 1 MB");
    assert_eq!(n(&v, "peak_arenas"), n(a, "arenas_highwater"));
    assert!(n(&v, "peak_arenas") >= n(&v, "arenas"));
    // The collector: three generations whose figures sum to the totals.
    let gc = v.get("gc");
    let gens = gc.get("generations").arr();
    assert_eq!(gens.len(), 3);
    for key in ["collections", "collected", "uncollectable"] {
        let sum: f64 = gens.iter().map(|g| n(g, key)).sum();
        assert_eq!(sum, n(gc, key), "{key}");
    }
    let pauses: f64 = gens.iter().map(|g| n(g, "total_pause_ms")).sum();
    assert!((pauses - n(gc, "total_pause_ms")).abs() < 1e-3);
    for (i, g) in gens.iter().enumerate() {
        assert_eq!(n(g, "generation"), i as f64);
        assert!(n(g, "longest_pause_ms") <= n(g, "total_pause_ms") + 1e-9);
    }
    assert!(n(&gens[0], "collections") > 0.0);
    assert!(n(&gens[2], "collections") >= 1.0, "the shutdown collection");
    assert!(n(gc, "collected") >= 12.0 * 800.0, "every ring is garbage");
    assert!(n(gc, "objects_tracked") >= 0.0);
    // PYRITEMALLOCSTATS=json asks for the same.
    let env = pyrite()
        .env("PYRITEMALLOCSTATS", "json")
        .arg(&path)
        .output()
        .unwrap();
    let v = Json::parse(text(&env.stderr).trim()).unwrap();
    assert_eq!(v.get("gc").get("generations").arr().len(), 3);
}

#[test]
fn memtimeline_writes_a_readable_svg() {
    let path = script("timeline.py");
    let svg_path = path.with_extension("svg");
    let _ = std::fs::remove_file(&svg_path);
    let opt = format!("memtimeline={}", svg_path.display());
    let out = run(&["-X", &opt], &path);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "done\n");
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    let root = check_xml(&svg).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(root, "svg");
    for needle in [
        "pyrite memory timeline: timeline.py",
        "wall time (ms)",
        "arenas (256 KiB each)",
        "bytes in use (peak",
        "arenas with live blocks",
        "generation 0 collection",
        "generation 1 collection",
        "generation 2 collection",
        "allocation events",
    ] {
        assert!(svg.contains(needle), "no {needle:?} in the SVG");
    }
    assert!(
        svg.contains("bytes in use (KiB)") || svg.contains("bytes in use (MiB)"),
        "the bytes axis names its unit"
    );
    // The two series are polylines in their colours; collections are
    // circles in theirs (generation 0 green, 2 red).
    assert!(svg.matches("<polyline").count() >= 2);
    assert!(svg.contains("stroke=\"#1F77B4\""), "bytes line");
    assert!(svg.contains("stroke=\"#8C564B\""), "arenas line");
    assert!(svg.matches("<circle").count() >= 3);
    assert!(svg.contains("fill=\"#2CA02C\""), "generation 0 markers");
    assert!(svg.contains("fill=\"#D62728\""), "generation 2 markers");
    // A path nobody can write to: reported, and the status is kept.
    let out = run(&["-X", "memtimeline=/nonexistent-dir/x.svg"], &path);
    assert!(out.status.success());
    assert!(text(&out.stderr).contains("can't write memory timeline"));
}

#[test]
fn debug_allocator_runs_programs_unchanged() {
    let path = script("debug.py");
    let plain = run(&[], &path);
    let debug = pyrite()
        .env("PYRITEMALLOC", "debug")
        .arg(&path)
        .output()
        .unwrap();
    assert!(debug.status.success(), "{}", text(&debug.stderr));
    assert_eq!(text(&debug.stdout), text(&plain.stdout));
    let dev = run(&["-X", "dev"], &path);
    assert!(dev.status.success(), "{}", text(&dev.stderr));
    assert_eq!(text(&dev.stdout), text(&plain.stdout));
}

/// In the child (see below): corrupt a debug block's tail guard and free it.
fn corrupt_a_block() {
    let _lock = pyrite::objects::global::lock_interpreter();
    if std::env::var_os("PYRITE_TEST_TRACE").is_some() {
        pyrite::modules::tracemalloc::start_tracing(5);
    }
    let p = pyrite::objects::heap::alloc_bytes(24);
    // SAFETY: deliberately not: byte 24 is the block's first tail guard
    // byte, still inside the debug block's memory.
    unsafe { p.as_ptr().add(24).write(0x41) };
    // SAFETY: `p` came from `alloc_bytes(24)`; the check will fail.
    unsafe { pyrite::objects::heap::free_bytes(p, 24) };
    unreachable!("the debug allocator aborts on corruption");
}

/// In the child (see below): Python code allocates a bytes object under
/// tracemalloc; Rust damages the byte after its data; Python's `del`
/// frees it.
fn corrupt_a_python_object() {
    use pyrite::objects::dict::{get_item_str, set_item_str};
    let _lock = pyrite::objects::global::lock_interpreter();
    pyrite::vm::initialize();
    let main = pyrite::objects::module::new_module("__main__");
    let d = pyrite::objects::module::module_dict(&main).unwrap();
    set_item_str(&d, "__builtins__", pyrite::vm::builtins_module());
    let run = |src: &str| {
        let unit = pyrite::compile::codegen::compile(
            src,
            "victim.py",
            pyrite::compile::codegen::Mode::Exec,
        )
        .unwrap();
        let _ = pyrite::vm::run_code(std::rc::Rc::new(unit), &d, None);
    };
    run("import tracemalloc\ntracemalloc.start(5)\ndef make():\n    return bytes(100)\nb = make()\naddr = id(b)\n");
    let addr = get_item_str(&d, "addr").unwrap();
    let addr = pyrite::objects::int::small_value(&addr).unwrap() as usize;
    // A bytes object has no pre-header: its block's data is the object.
    // The debug header's first word is the requested size.
    // SAFETY: deliberately damaging: reads the debug header of a live
    // block and writes its first tail guard byte.
    unsafe {
        let size = (addr as *const u8).sub(16).cast::<u64>().read_unaligned() as usize;
        (addr as *mut u8).add(size).write(0x42);
    }
    run("x = 1\ndel b\n");
    unreachable!("the debug allocator aborts on corruption");
}

#[test]
fn debug_allocator_reports_python_tracebacks() {
    if std::env::var_os("PYRITE_TEST_CORRUPT").is_some() {
        corrupt_a_python_object();
    }
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "debug_allocator_reports_python_tracebacks",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("PYRITE_TEST_CORRUPT", "1")
        .env("PYRITEMALLOC", "debug")
        .output()
        .unwrap();
    let err = text(&out.stderr);
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(out.status.signal(), Some(6), "SIGABRT: {err}");
    for needle in [
        "pyrite allocator: free: bad trailing pad byte (buffer overwrite)",
        "0x42, expected 0xfd *** OUCH",
        "Memory block allocated at (most recent call first):\n  File \"victim.py\", line 4\n  File \"victim.py\", line 5\n",
        "Current thread (most recent call first):\n  File \"victim.py\", line 2 in <module>\n",
    ] {
        assert!(err.contains(needle), "no {needle:?} in:\n{err}");
    }
}

#[test]
fn debug_allocator_reports_corruption_and_aborts() {
    if std::env::var_os("PYRITE_TEST_CORRUPT").is_some() {
        corrupt_a_block();
    }
    for trace in [false, true] {
        let mut child = Command::new(std::env::current_exe().unwrap());
        child
            .args([
                "--exact",
                "debug_allocator_reports_corruption_and_aborts",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("PYRITE_TEST_CORRUPT", "1")
            .env("PYRITEMALLOC", "debug");
        if trace {
            child.env("PYRITE_TEST_TRACE", "1");
        }
        let out = child.output().unwrap();
        let err = text(&out.stderr);
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(out.status.signal(), Some(6), "SIGABRT: {err}");
        for needle in [
            "pyrite allocator: free: bad trailing pad byte (buffer overwrite)",
            "Debug memory block at address p=0x",
            "24 bytes originally requested",
            "1 damaged byte(s):",
            "at p+24: 0x41, expected 0xfd *** OUCH",
            "Fatal Python error: pyrite allocator free: bad trailing pad byte",
            "No Python frame is running.",
        ] {
            assert!(err.contains(needle), "no {needle:?} in:\n{err}");
        }
        let traced =
            "Memory block allocated at (most recent call first):\n  File \"<unknown>\", line 0";
        if trace {
            assert!(err.contains(traced), "{err}");
        } else {
            assert!(err.contains("Enable tracemalloc to get the memory block allocation traceback"));
        }
    }
}

// ---------------------------------------------------------------------------
// A JSON value parser: enough for the memstats object.

#[derive(Debug, Clone, PartialEq)]
enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(BTreeMap<String, Json>),
}

impl Json {
    fn parse(s: &str) -> Result<Json, String> {
        let mut p = Parser {
            b: s.as_bytes(),
            i: 0,
        };
        let v = p.value()?;
        p.ws();
        if p.i != p.b.len() {
            return Err(format!("trailing text at {}", p.i));
        }
        Ok(v)
    }

    fn get(&self, key: &str) -> &Json {
        match self {
            Json::Obj(m) => m.get(key).unwrap_or_else(|| panic!("no key {key:?}")),
            _ => panic!("not an object looking up {key:?}"),
        }
    }

    fn num(&self) -> f64 {
        match self {
            Json::Num(n) => *n,
            other => panic!("not a number: {other:?}"),
        }
    }

    fn arr(&self) -> &[Json] {
        match self {
            Json::Arr(a) => a,
            other => panic!("not an array: {other:?}"),
        }
    }
}

struct Parser<'a> {
    b: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.i < self.b.len() && self.b[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> Result<(), String> {
        self.ws();
        if self.b.get(self.i) == Some(&c) {
            self.i += 1;
            Ok(())
        } else {
            Err(format!("expected {:?} at {}", c as char, self.i))
        }
    }

    fn value(&mut self) -> Result<Json, String> {
        self.ws();
        match self.b.get(self.i) {
            Some(b'{') => {
                self.i += 1;
                let mut m = BTreeMap::new();
                self.ws();
                if self.b.get(self.i) == Some(&b'}') {
                    self.i += 1;
                    return Ok(Json::Obj(m));
                }
                loop {
                    self.ws();
                    let Json::Str(k) = self.value()? else {
                        return Err(format!("key expected at {}", self.i));
                    };
                    self.eat(b':')?;
                    if m.insert(k.clone(), self.value()?).is_some() {
                        return Err(format!("duplicate key {k:?}"));
                    }
                    self.ws();
                    match self.b.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b'}') => {
                            self.i += 1;
                            return Ok(Json::Obj(m));
                        }
                        _ => return Err(format!("',' or '}}' expected at {}", self.i)),
                    }
                }
            }
            Some(b'[') => {
                self.i += 1;
                let mut a = Vec::new();
                self.ws();
                if self.b.get(self.i) == Some(&b']') {
                    self.i += 1;
                    return Ok(Json::Arr(a));
                }
                loop {
                    a.push(self.value()?);
                    self.ws();
                    match self.b.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b']') => {
                            self.i += 1;
                            return Ok(Json::Arr(a));
                        }
                        _ => return Err(format!("',' or ']' expected at {}", self.i)),
                    }
                }
            }
            Some(b'"') => {
                self.i += 1;
                let start = self.i;
                while self.i < self.b.len() && self.b[self.i] != b'"' {
                    if self.b[self.i] == b'\\' {
                        self.i += 1;
                    }
                    self.i += 1;
                }
                let s = String::from_utf8_lossy(&self.b[start..self.i]).into_owned();
                self.eat(b'"')?;
                Ok(Json::Str(s))
            }
            Some(b't') if self.b[self.i..].starts_with(b"true") => {
                self.i += 4;
                Ok(Json::Bool(true))
            }
            Some(b'f') if self.b[self.i..].starts_with(b"false") => {
                self.i += 5;
                Ok(Json::Bool(false))
            }
            Some(b'n') if self.b[self.i..].starts_with(b"null") => {
                self.i += 4;
                Ok(Json::Null)
            }
            Some(c) if *c == b'-' || c.is_ascii_digit() => {
                let start = self.i;
                while self.i < self.b.len()
                    && matches!(
                        self.b[self.i],
                        b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'
                    )
                {
                    self.i += 1;
                }
                let t = std::str::from_utf8(&self.b[start..self.i]).unwrap_or("");
                t.parse()
                    .map(Json::Num)
                    .map_err(|_| format!("bad number {t:?}"))
            }
            _ => Err(format!("value expected at {}", self.i)),
        }
    }
}

// ---------------------------------------------------------------------------
// An XML well-formedness walker: one root, tags nested and closed in order,
// attribute values quoted, entities known. Returns the root element's name.

fn check_xml(s: &str) -> Result<String, String> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut stack: Vec<String> = Vec::new();
    let mut root: Option<String> = None;
    let name_end = |j: usize| {
        let mut k = j;
        while k < b.len() && !b[k].is_ascii_whitespace() && !b"/>".contains(&b[k]) {
            k += 1;
        }
        k
    };
    while i < b.len() {
        if b[i] == b'&' {
            let end = s[i..].find(';').ok_or("unterminated entity")? + i;
            let ent = &s[i + 1..end];
            if !["lt", "gt", "amp", "quot", "apos"].contains(&ent) && !ent.starts_with('#') {
                return Err(format!("unknown entity &{ent};"));
            }
            i = end + 1;
            continue;
        }
        if b[i] != b'<' {
            if stack.is_empty() && !b[i].is_ascii_whitespace() {
                return Err(format!("text outside the root at {i}"));
            }
            i += 1;
            continue;
        }
        if s[i..].starts_with("<?") {
            i = s[i..].find("?>").ok_or("unterminated <?")? + i + 2;
        } else if s[i..].starts_with("<!--") {
            i = s[i..].find("-->").ok_or("unterminated comment")? + i + 3;
        } else if s[i..].starts_with("<!") {
            i = s[i..].find('>').ok_or("unterminated <!")? + i + 1;
        } else if s[i..].starts_with("</") {
            let end = name_end(i + 2);
            let name = &s[i + 2..end];
            match stack.pop() {
                Some(open) if open == name => {}
                other => return Err(format!("</{name}> closes {other:?}")),
            }
            i = s[i..].find('>').ok_or("unterminated end tag")? + i + 1;
        } else {
            let end = name_end(i + 1);
            let name = s[i + 1..end].to_string();
            if name.is_empty() {
                return Err(format!("empty tag name at {i}"));
            }
            if stack.is_empty() {
                if root.is_some() {
                    return Err(format!("second root <{name}>"));
                }
                root = Some(name.clone());
            }
            // Attributes: name="value" or name='value'.
            let mut k = end;
            loop {
                while k < b.len() && b[k].is_ascii_whitespace() {
                    k += 1;
                }
                match b.get(k) {
                    Some(b'>') => {
                        stack.push(name);
                        k += 1;
                        break;
                    }
                    Some(b'/') if b.get(k + 1) == Some(&b'>') => {
                        k += 2;
                        break;
                    }
                    Some(_) => {
                        let eq = s[k..].find('=').ok_or("attribute without '='")? + k;
                        let q = *b.get(eq + 1).ok_or("attribute value missing")?;
                        if q != b'"' && q != b'\'' {
                            return Err(format!("unquoted attribute in <{name}>"));
                        }
                        let close = s[eq + 2..]
                            .find(q as char)
                            .ok_or("unterminated attribute")?
                            + eq
                            + 2;
                        if s[eq + 2..close].contains('<') {
                            return Err(format!("'<' in an attribute of <{name}>"));
                        }
                        k = close + 1;
                    }
                    None => return Err(format!("unterminated <{name}>")),
                }
            }
            i = k;
        }
    }
    if let Some(open) = stack.pop() {
        return Err(format!("<{open}> never closed"));
    }
    root.ok_or_else(|| "no root element".to_string())
}

#[test]
fn the_checkers_reject_what_they_should() {
    assert!(Json::parse("{\"a\":[1,2.5e3,{\"b\":null}]}").is_ok());
    assert!(Json::parse("{\"a\":1,}").is_err());
    assert!(Json::parse("{\"a\":1} x").is_err());
    assert_eq!(
        check_xml(
            "<?xml version=\"1.0\"?><svg a=\"1\"><g><text>x &amp; y</text></g><circle/></svg>"
        ),
        Ok("svg".to_string())
    );
    assert!(check_xml("<svg><g></svg>").is_err());
    assert!(check_xml("<svg a=1></svg>").is_err());
    assert!(check_xml("<svg></svg><svg></svg>").is_err());
    assert!(check_xml("<svg>a & b</svg>").is_err());
}
