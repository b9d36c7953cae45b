//! Debug flags with CPython's values, and the lines CPython 3.11's
//! `Modules/gcmodule.c` writes for them, produced on a caller-given writer.

use std::io::Write;
use std::ptr::NonNull;

use crate::generation::NUM_GENERATIONS;

/// Debug flags (`gc.set_debug()`), with CPython's values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct DebugFlags(u32);

impl DebugFlags {
    /// No debugging output (the default).
    pub const NONE: DebugFlags = DebugFlags(0);
    /// Print statistics at the start and end of each collection.
    pub const STATS: DebugFlags = DebugFlags(1);
    /// Print each collectable object found.
    pub const COLLECTABLE: DebugFlags = DebugFlags(2);
    /// Print each uncollectable object found.
    pub const UNCOLLECTABLE: DebugFlags = DebugFlags(4);
    /// Put every unreachable object in the garbage list instead of clearing it.
    pub const SAVEALL: DebugFlags = DebugFlags(32);
    /// What a leaking program wants: `COLLECTABLE | UNCOLLECTABLE | SAVEALL`.
    pub const LEAK: DebugFlags = DebugFlags(2 | 4 | 32);

    /// Flags from CPython's integer form; unknown bits are kept, as CPython
    /// keeps them.
    pub const fn from_bits(bits: u32) -> DebugFlags {
        DebugFlags(bits)
    }

    /// The integer form (`gc.get_debug()`).
    pub const fn bits(self) -> u32 {
        self.0
    }

    /// Whether every flag of `other` is set.
    pub const fn contains(self, other: DebugFlags) -> bool {
        self.0 & other.0 == other.0
    }
}

impl core::ops::BitOr for DebugFlags {
    type Output = DebugFlags;
    fn bitor(self, rhs: DebugFlags) -> DebugFlags {
        DebugFlags(self.0 | rhs.0)
    }
}

/// `gc: collecting generation %d...` and the two size lines
/// (`show_stats_each_generations`). Write errors are ignored, as
/// `PySys_WriteStderr` ignores them.
pub(crate) fn write_collecting(
    out: &mut dyn Write,
    generation: usize,
    sizes: [usize; NUM_GENERATIONS],
    permanent: usize,
) {
    let _ = writeln!(out, "gc: collecting generation {generation}...");
    let _ = writeln!(
        out,
        "gc: objects in each generation: {} {} {}",
        sizes[0], sizes[1], sizes[2]
    );
    let _ = writeln!(out, "gc: objects in permanent generation: {permanent}");
}

/// `gc: collectable <%s %p>` / `gc: uncollectable <%s %p>` (`debug_cycle`).
pub(crate) fn write_cycle<T>(out: &mut dyn Write, msg: &str, type_name: &str, object: NonNull<T>) {
    let _ = writeln!(out, "gc: {msg} <{type_name} {:p}>", object.as_ptr());
}

/// `gc: done, %zd unreachable, %zd uncollectable, %.4fs elapsed`.
pub(crate) fn write_done(out: &mut dyn Write, unreachable: usize, uncollectable: usize, secs: f64) {
    let _ = writeln!(
        out,
        "gc: done, {unreachable} unreachable, {uncollectable} uncollectable, {secs:.4}s elapsed"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpython_values() {
        assert_eq!(DebugFlags::STATS.bits(), 1);
        assert_eq!(DebugFlags::COLLECTABLE.bits(), 2);
        assert_eq!(DebugFlags::UNCOLLECTABLE.bits(), 4);
        assert_eq!(DebugFlags::SAVEALL.bits(), 32);
        assert_eq!(
            DebugFlags::LEAK,
            DebugFlags::COLLECTABLE | DebugFlags::UNCOLLECTABLE | DebugFlags::SAVEALL
        );
        assert!(DebugFlags::LEAK.contains(DebugFlags::SAVEALL));
        assert!(!DebugFlags::LEAK.contains(DebugFlags::STATS));
    }

    #[test]
    fn lines() {
        let mut out = Vec::new();
        write_collecting(&mut out, 2, [1, 2, 3], 4);
        write_done(&mut out, 5, 1, 0.00012);
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "gc: collecting generation 2...\n\
             gc: objects in each generation: 1 2 3\n\
             gc: objects in permanent generation: 4\n\
             gc: done, 5 unreachable, 1 uncollectable, 0.0001s elapsed\n"
        );
        let mut out = Vec::new();
        let x = 5u64;
        write_cycle(&mut out, "collectable", "A", NonNull::from(&x));
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            format!("gc: collectable <A {:p}>\n", &x as *const u64)
        );
        assert!(text.contains(" 0x"));
    }
}
