//! The `time` module: wall-clock, monotonic and CPU clocks, `sleep`, and
//! calendar conversion in UTC (`gmtime`, `strftime`, `ctime`, `asctime`).
//!
//! pyrite has no time-zone database: `localtime` and `mktime` treat local
//! time as UTC (the test machines run with `TZ` unset, i.e. UTC).

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::objects::err::{overflow_error, type_error, value_error, PyResult};
use crate::objects::float::{as_float, new_float};
use crate::objects::int::{as_int, new_int};
use crate::objects::none::{none, none_ref};
use crate::objects::object::{PyObject, Ref};
use crate::objects::protocol;
use crate::objects::str::{as_str, new_str};
use crate::objects::tuple::new_tuple;
use crate::objects::typeobj::KwNames;

use super::args;

thread_local! {
    /// The origin of the monotonic clocks.
    static START: Instant = Instant::now();
}

fn since_epoch() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
}

/// Seconds of the monotonic clock: time since the interpreter's first
/// look at it (CPython's origin is undefined too).
fn monotonic_duration() -> Duration {
    START.with(|s| s.elapsed())
}

/// CPU time of every thread of the process, from `/proc/self/task/*/schedstat`
/// (nanoseconds on CPU); falls back to the monotonic clock.
fn process_cpu() -> Duration {
    let mut total: u64 = 0;
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return monotonic_duration();
    };
    for t in tasks.flatten() {
        let p = t.path().join("schedstat");
        if let Ok(s) = std::fs::read_to_string(p) {
            total += s
                .split_whitespace()
                .next()
                .and_then(|x| x.parse::<u64>().ok())
                .unwrap_or(0);
        }
    }
    Duration::from_nanos(total)
}

/// CPU time of the interpreter thread.
fn thread_cpu() -> Duration {
    match std::fs::read_to_string("/proc/thread-self/schedstat") {
        Ok(s) => Duration::from_nanos(
            s.split_whitespace()
                .next()
                .and_then(|x| x.parse::<u64>().ok())
                .unwrap_or(0),
        ),
        Err(_) => process_cpu(),
    }
}

fn secs(d: Duration) -> Ref {
    new_float(d.as_secs_f64())
}

fn nanos(d: Duration) -> Ref {
    let n = d.as_nanos();
    match i64::try_from(n) {
        Ok(v) => new_int(v),
        Err(_) => crate::objects::int::new_bigint(n.into()),
    }
}

macro_rules! clock {
    ($f:ident, $fns:ident, $name:literal, $src:expr) => {
        fn $f(a: &[Ref], kw: KwNames<'_>) -> PyResult {
            args::positional($name, a, kw, 0, 0)?;
            Ok(secs($src))
        }
        fn $fns(a: &[Ref], kw: KwNames<'_>) -> PyResult {
            args::positional(concat!($name, "_ns"), a, kw, 0, 0)?;
            Ok(nanos($src))
        }
    };
}

clock!(time, time_ns, "time", since_epoch());
clock!(monotonic, monotonic_ns, "monotonic", monotonic_duration());
clock!(
    perf_counter,
    perf_counter_ns,
    "perf_counter",
    monotonic_duration()
);
clock!(process_time, process_time_ns, "process_time", process_cpu());
clock!(thread_time, thread_time_ns, "thread_time", thread_cpu());

/// A number of seconds as f64 (int or float, or `__float__`/`__index__`).
fn seconds_arg(v: &PyObject) -> PyResult<f64> {
    if let Some(f) = as_float(v) {
        return Ok(f);
    }
    if let Some(i) = as_int(v) {
        return Ok(crate::objects::int::to_i64(i).map_or(f64::INFINITY, |x| x as f64));
    }
    if let Some(f) = v.ty().slots.float.get() {
        let r = f(v)?;
        return Ok(as_float(&r).unwrap_or(0.0));
    }
    Ok(protocol::index_i64(v)? as f64)
}

/// `sleep(secs)`.
fn sleep(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("sleep", a, kw, 1, 1)?;
    let s = seconds_arg(&a[0])?;
    if s.is_nan() {
        return Err(value_error("Invalid value NaN (not a number)"));
    }
    if s < 0.0 {
        return Err(value_error("sleep length must be non-negative"));
    }
    if !s.is_finite() || s > 1e15 {
        return Err(overflow_error("sleep length is too large"));
    }
    crate::modules::sys::flush_stdout();
    std::thread::sleep(Duration::from_secs_f64(s));
    Ok(none())
}

// ---- calendar ------------------------------------------------------------

/// A broken-down UTC time: CPython's `struct tm` fields.
#[derive(Clone, Copy)]
struct Tm {
    year: i64,
    mon: i64,  // 1..=12
    mday: i64, // 1..=31
    hour: i64,
    min: i64,
    sec: i64,
    wday: i64, // Monday = 0
    yday: i64, // 1..=366
}

/// Days since 1970-01-01 to (y, m, d) (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// (y, m, d) to days since 1970-01-01.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn gm(t: i64) -> Tm {
    let days = t.div_euclid(86_400);
    let rem = t.rem_euclid(86_400);
    let (year, mon, mday) = civil_from_days(days);
    let yday = days - days_from_civil(year, 1, 1) + 1;
    Tm {
        year,
        mon,
        mday,
        hour: rem / 3600,
        min: rem % 3600 / 60,
        sec: rem % 60,
        wday: (days + 3).rem_euclid(7),
        yday,
    }
}

fn tm_to_tuple(tm: &Tm) -> Ref {
    new_tuple(
        [
            tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec, tm.wday, tm.yday, 0,
        ]
        .iter()
        .map(|&v| new_int(v))
        .collect(),
    )
}

/// `time.struct_time` from a 9-tuple (a plain tuple when the class is not
/// available).
fn make_struct_time(tm: &Tm) -> PyResult {
    let t = tm_to_tuple(tm);
    match struct_time_class() {
        Some(cls) => protocol::call(&cls, &[t], None),
        None => Ok(t),
    }
}

fn struct_time_class() -> Option<Ref> {
    let modules = crate::vm::modules();
    let m = crate::objects::dict::get_item_str(&modules, "time")?;
    protocol::getattr_str(&m, "struct_time").ok()
}

/// The `secs` argument of gmtime/localtime/ctime: None means now.
fn opt_seconds(v: Option<&Ref>) -> PyResult<i64> {
    match v {
        None => Ok(since_epoch().as_secs() as i64),
        Some(v) if v.is(none_ref()) => Ok(since_epoch().as_secs() as i64),
        Some(v) => {
            let s = seconds_arg(v)?;
            if !s.is_finite() {
                return Err(if s.is_nan() {
                    value_error("Invalid value NaN (not a number)")
                } else {
                    overflow_error("timestamp out of range for platform time_t")
                });
            }
            if s.abs() > 1e17 {
                return Err(overflow_error("timestamp out of range for platform time_t"));
            }
            Ok(s.floor() as i64)
        }
    }
}

fn gmtime(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("gmtime", a, kw, 0, 1)?;
    make_struct_time(&gm(opt_seconds(a.first())?))
}

fn localtime(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("localtime", a, kw, 0, 1)?;
    make_struct_time(&gm(opt_seconds(a.first())?))
}

/// A struct_time or 9-sequence as a [`Tm`].
fn tm_from(fname: &str, v: &PyObject) -> PyResult<Tm> {
    let items =
        protocol::to_vec(v).map_err(|_| type_error("Tuple or struct_time argument required"))?;
    if items.len() != 9 {
        return Err(type_error(format!(
            "{fname}(): illegal time tuple argument"
        )));
    }
    let mut f = [0i64; 9];
    for (slot, item) in f.iter_mut().zip(&items) {
        *slot = protocol::index_i64(item)?;
    }
    let tm = Tm {
        year: f[0],
        mon: f[1],
        mday: f[2],
        hour: f[3],
        min: f[4],
        sec: f[5],
        wday: f[6],
        yday: f[7],
    };
    if !(1..=12).contains(&tm.mon) && tm.mon != 0 {
        return Err(value_error("month out of range"));
    }
    if !(0..=31).contains(&tm.mday) {
        return Err(value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.hour) {
        return Err(value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.min) {
        return Err(value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.sec) {
        return Err(value_error("seconds out of range"));
    }
    if !(0..=366).contains(&tm.yday) {
        return Err(value_error("day of year out of range"));
    }
    Ok(Tm {
        mon: tm.mon.max(1),
        mday: tm.mday.max(1),
        yday: tm.yday.max(1),
        wday: tm.wday.rem_euclid(7),
        ..tm
    })
}

fn mktime(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("mktime", a, kw, 1, 1)?;
    let tm = tm_from("mktime", &a[0])?;
    let days = days_from_civil(tm.year, tm.mon, tm.mday);
    let t = days * 86_400 + tm.hour * 3600 + tm.min * 60 + tm.sec;
    Ok(new_float(t as f64))
}

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn asctime_of(tm: &Tm) -> String {
    format!(
        "{} {} {:2} {:02}:{:02}:{:02} {}",
        &DAYS[tm.wday as usize % 7][..3],
        &MONTHS[(tm.mon as usize + 11) % 12][..3],
        tm.mday,
        tm.hour,
        tm.min,
        tm.sec,
        tm.year
    )
}

fn asctime(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("asctime", a, kw, 0, 1)?;
    let tm = match a.first() {
        Some(t) => tm_from("asctime", t)?,
        None => gm(since_epoch().as_secs() as i64),
    };
    Ok(new_str(&asctime_of(&tm)))
}

fn ctime(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("ctime", a, kw, 0, 1)?;
    Ok(new_str(&asctime_of(&gm(opt_seconds(a.first())?))))
}

/// C `strftime` for the directives CPython documents.
fn format_tm(fmt: &str, tm: &Tm) -> String {
    let mut out = String::new();
    let mut chars = fmt.chars();
    let hour12 = if tm.hour % 12 == 0 { 12 } else { tm.hour % 12 };
    let day = DAYS[tm.wday as usize % 7];
    let month = MONTHS[(tm.mon as usize + 11) % 12];
    // Week numbers: %U (Sunday first) and %W (Monday first).
    let sunday_wday = (tm.wday + 1) % 7;
    let week_u = (tm.yday - 1 + 7 - sunday_wday) / 7;
    let week_w = (tm.yday - 1 + 7 - tm.wday) / 7;
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(d) = chars.next() else {
            out.push('%');
            break;
        };
        let s = match d {
            'Y' => tm.year.to_string(),
            'y' => format!("{:02}", tm.year.rem_euclid(100)),
            'C' => format!("{:02}", tm.year.div_euclid(100)),
            'm' => format!("{:02}", tm.mon),
            'd' => format!("{:02}", tm.mday),
            'e' => format!("{:2}", tm.mday),
            'H' => format!("{:02}", tm.hour),
            'I' => format!("{hour12:02}"),
            'M' => format!("{:02}", tm.min),
            'S' => format!("{:02}", tm.sec),
            'p' => (if tm.hour < 12 { "AM" } else { "PM" }).to_string(),
            'a' => day[..3].to_string(),
            'A' => day.to_string(),
            'b' | 'h' => month[..3].to_string(),
            'B' => month.to_string(),
            'j' => format!("{:03}", tm.yday),
            'w' => sunday_wday.to_string(),
            'u' => (tm.wday + 1).to_string(),
            'U' => format!("{week_u:02}"),
            'W' => format!("{week_w:02}"),
            'c' => asctime_of(tm),
            'x' => format!(
                "{:02}/{:02}/{:02}",
                tm.mon,
                tm.mday,
                tm.year.rem_euclid(100)
            ),
            'X' | 'T' => format!("{:02}:{:02}:{:02}", tm.hour, tm.min, tm.sec),
            'D' => format!(
                "{:02}/{:02}/{:02}",
                tm.mon,
                tm.mday,
                tm.year.rem_euclid(100)
            ),
            'F' => format!("{}-{:02}-{:02}", tm.year, tm.mon, tm.mday),
            'R' => format!("{:02}:{:02}", tm.hour, tm.min),
            'n' => "\n".to_string(),
            't' => "\t".to_string(),
            'Z' => "UTC".to_string(),
            'z' => "+0000".to_string(),
            's' => (days_from_civil(tm.year, tm.mon, tm.mday) * 86_400
                + tm.hour * 3600
                + tm.min * 60
                + tm.sec)
                .to_string(),
            '%' => "%".to_string(),
            other => format!("%{other}"),
        };
        out.push_str(&s);
    }
    out
}

fn strftime(a: &[Ref], kw: KwNames<'_>) -> PyResult {
    let a = args::positional("strftime", a, kw, 1, 2)?;
    let fmt = as_str(&a[0]).ok_or_else(|| {
        type_error(format!(
            "strftime() argument 1 must be str, not {}",
            a[0].ty().name()
        ))
    })?;
    let tm = match a.get(1) {
        Some(t) => tm_from("strftime", t)?,
        None => gm(since_epoch().as_secs() as i64),
    };
    if is_leap(tm.year) && tm.yday > 366 {
        return Err(value_error("day of year out of range"));
    }
    Ok(new_str(&format_tm(fmt, &tm)))
}

/// `struct_time`, written in Python: a tuple subclass with named fields.
const STRUCT_TIME_SOURCE: &str = "\
class struct_time(tuple):
    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0
    _names = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min',
              'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst')
    def __new__(cls, seq):
        seq = tuple(seq)
        if len(seq) != 9:
            raise TypeError('time.struct_time() takes a 9-sequence (%d-sequence given)' % len(seq))
        return tuple.__new__(cls, seq)
    def __repr__(self):
        parts = ', '.join('%s=%r' % (n, v) for n, v in zip(self._names, self))
        return 'time.struct_time(' + parts + ')'
    def __reduce__(self):
        return (struct_time, (tuple(self),))
    tm_year = property(lambda self: self[0])
    tm_mon = property(lambda self: self[1])
    tm_mday = property(lambda self: self[2])
    tm_hour = property(lambda self: self[3])
    tm_min = property(lambda self: self[4])
    tm_sec = property(lambda self: self[5])
    tm_wday = property(lambda self: self[6])
    tm_yday = property(lambda self: self[7])
    tm_isdst = property(lambda self: self[8])
    tm_zone = property(lambda self: 'UTC')
    tm_gmtoff = property(lambda self: 0)
";

/// Make the `time` module.
pub fn make_module() -> Ref {
    let m = super::new_native_module(
        "time",
        &[
            ("time", time),
            ("time_ns", time_ns),
            ("monotonic", monotonic),
            ("monotonic_ns", monotonic_ns),
            ("perf_counter", perf_counter),
            ("perf_counter_ns", perf_counter_ns),
            ("process_time", process_time),
            ("process_time_ns", process_time_ns),
            ("thread_time", thread_time),
            ("thread_time_ns", thread_time_ns),
            ("sleep", sleep),
            ("gmtime", gmtime),
            ("localtime", localtime),
            ("mktime", mktime),
            ("asctime", asctime),
            ("ctime", ctime),
            ("strftime", strftime),
        ],
    );
    let d = crate::objects::module::module_dict(&m).expect("time dict");
    crate::objects::dict::set_item_str(&d, "timezone", new_int(0));
    crate::objects::dict::set_item_str(&d, "altzone", new_int(0));
    crate::objects::dict::set_item_str(&d, "daylight", new_int(0));
    crate::objects::dict::set_item_str(
        &d,
        "tzname",
        new_tuple(vec![new_str("UTC"), new_str("UTC")]),
    );
    // struct_time is defined by Python code run in the module's namespace;
    // if that fails the calendar functions return plain tuples.
    if let Ok(unit) = crate::compile::codegen::compile(
        STRUCT_TIME_SOURCE,
        "<time>",
        crate::compile::codegen::Mode::Exec,
    ) {
        if let Ok(code) = crate::objects::codeobj::new_code(std::rc::Rc::new(unit)) {
            let _ = super::builtins_exec::run_code_object(&code, &d, d.clone());
        }
        if let Some(dd) = crate::objects::dict::as_dict(&d) {
            let _ = dd.remove(&crate::objects::str::intern("__builtins__"));
        }
    }
    m
}
