"""Trace the memory blocks allocated by Python (pyrite's tracemalloc).

The tracing itself is done by the native _tracemalloc module, which hears
every allocation of pyrite's heap; this module turns its traces into
snapshots, statistics and differences, as CPython's tracemalloc does.
Only builtins are used here: the module is embedded in the runtime.
"""

from _tracemalloc import (
    start, stop, is_tracing, clear_traces, get_traceback_limit,
    get_traced_memory, reset_peak, get_tracemalloc_memory,
    _get_object_traceback, _get_traces,
)

_UNITS = ('B', 'KiB', 'MiB', 'GiB', 'TiB')


def _format_size(size, sign):
    # Three significant digits past bytes ("12.5 KiB"), whole numbers up
    # to 10 KiB-ish ("8192 B", "1234 KiB").
    last = len(_UNITS) - 1
    for i, unit in enumerate(_UNITS):
        if i > 0 and abs(size) < 100:
            return ("%+.1f %s" if sign else "%.1f %s") % (size, unit)
        if i == last or abs(size) < 10 * 1024:
            return ("%+.0f %s" if sign else "%.0f %s") % (size, unit)
        size /= 1024


class Statistic:
    """Memory allocated at one traceback: total size and block count."""

    __slots__ = ('traceback', 'size', 'count')

    def __init__(self, traceback, size, count):
        self.traceback = traceback
        self.size = size
        self.count = count

    def _key(self):
        return (self.traceback, self.size, self.count)

    def __hash__(self):
        return hash(self._key())

    def __eq__(self, other):
        if not isinstance(other, Statistic):
            return NotImplemented
        return self._key() == other._key()

    def __str__(self):
        text = "%s: size=%s, count=%i" % (
            self.traceback, _format_size(self.size, False), self.count)
        if self.count:
            text += ", average=%s" % _format_size(self.size / self.count, False)
        return text

    def __repr__(self):
        return '<Statistic traceback=%r size=%i count=%i>' % (
            self.traceback, self.size, self.count)

    def _sort_key(self):
        return (self.size, self.count, self.traceback)


class StatisticDiff:
    """The change at one traceback between an old and a new snapshot."""

    __slots__ = ('traceback', 'size', 'size_diff', 'count', 'count_diff')

    def __init__(self, traceback, size, size_diff, count, count_diff):
        self.traceback = traceback
        self.size = size
        self.size_diff = size_diff
        self.count = count
        self.count_diff = count_diff

    def _key(self):
        return (self.traceback, self.size, self.size_diff,
                self.count, self.count_diff)

    def __hash__(self):
        return hash(self._key())

    def __eq__(self, other):
        if not isinstance(other, StatisticDiff):
            return NotImplemented
        return self._key() == other._key()

    def __str__(self):
        text = "%s: size=%s (%s), count=%i (%+i)" % (
            self.traceback,
            _format_size(self.size, False), _format_size(self.size_diff, True),
            self.count, self.count_diff)
        if self.count:
            text += ", average=%s" % _format_size(self.size / self.count, False)
        return text

    def __repr__(self):
        return '<StatisticDiff traceback=%r size=%i (%+i) count=%i (%+i)>' % (
            self.traceback, self.size, self.size_diff,
            self.count, self.count_diff)

    def _sort_key(self):
        return (abs(self.size_diff), self.size, abs(self.count_diff),
                self.count, self.traceback)


def _diff_groups(old_group, new_group):
    # Every traceback of the new group against the old one, then what only
    # the old one had (now freed).
    out = []
    for tb, stat in new_group.items():
        prev = old_group.pop(tb, None)
        if prev is None:
            out.append(StatisticDiff(tb, stat.size, stat.size,
                                     stat.count, stat.count))
        else:
            out.append(StatisticDiff(tb, stat.size, stat.size - prev.size,
                                     stat.count, stat.count - prev.count))
    for tb, stat in old_group.items():
        out.append(StatisticDiff(tb, 0, -stat.size, 0, -stat.count))
    return out


class _Ordered:
    # Comparisons from a `_cmp_key` of the same class.
    __slots__ = ()

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._cmp_key() == other._cmp_key()

    def __ne__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._cmp_key() != other._cmp_key()

    def __lt__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._cmp_key() < other._cmp_key()

    def __le__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._cmp_key() <= other._cmp_key()

    def __gt__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._cmp_key() > other._cmp_key()

    def __ge__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._cmp_key() >= other._cmp_key()

    def __hash__(self):
        return hash(self._cmp_key())


class Frame(_Ordered):
    """One frame of a traceback: a filename and a line number."""

    __slots__ = ("_frame",)

    def __init__(self, frame):
        self._frame = frame

    def _cmp_key(self):
        return self._frame

    @property
    def filename(self):
        return self._frame[0]

    @property
    def lineno(self):
        return self._frame[1]

    def __str__(self):
        return "%s:%s" % (self._frame[0], self._frame[1])

    def __repr__(self):
        return "<Frame filename=%r lineno=%r>" % (self._frame[0], self._frame[1])


class Traceback(_Ordered):
    """The frames of an allocation, from the oldest to the most recent."""

    __slots__ = ("_frames", "_total_nframe")

    def __init__(self, frames, total_nframe=None):
        # _tracemalloc gives the most recent frame first.
        self._frames = tuple(frames[::-1])
        self._total_nframe = total_nframe

    def _cmp_key(self):
        return self._frames

    @property
    def total_nframe(self):
        return self._total_nframe

    def __len__(self):
        return len(self._frames)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple([Frame(f) for f in self._frames[index]])
        return Frame(self._frames[index])

    def __iter__(self):
        for f in self._frames:
            yield Frame(f)

    def __reversed__(self):
        for f in self._frames[::-1]:
            yield Frame(f)

    def __contains__(self, frame):
        return frame._frame in self._frames

    def index(self, frame, start=0, stop=None):
        frames = self._frames if stop is None else self._frames[:stop]
        return frames.index(frame._frame, start)

    def count(self, frame):
        return self._frames.count(frame._frame)

    def __str__(self):
        return str(self[0])

    def __repr__(self):
        text = "<Traceback %r" % (tuple(self),)
        if self._total_nframe is None:
            return text + ">"
        return text + " total_nframe=%s>" % (self._total_nframe,)

    def format(self, limit=None, most_recent_first=False):
        if limit is None:
            frames = list(self)
        elif limit > 0:
            frames = list(self[-limit:])
        else:
            frames = list(self[:limit])
        if most_recent_first:
            frames.reverse()
        lines = []
        for frame in frames:
            lines.append('  File "%s", line %s' % (frame.filename, frame.lineno))
            source = _source_line(frame.filename, frame.lineno).strip()
            if source:
                lines.append('    %s' % source)
        return lines


_source_cache = {}


def _source_line(filename, lineno):
    # The text of a line of a source file, '' when it cannot be read.
    lines = _source_cache.get(filename)
    if lines is None:
        try:
            with open(filename, encoding='utf-8') as f:
                lines = f.read().splitlines()
        except (OSError, UnicodeDecodeError, ValueError):
            lines = []
        _source_cache[filename] = lines
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def get_object_traceback(obj):
    """The Traceback where obj was allocated, or None if it was not traced."""
    frames = _get_object_traceback(obj)
    if frames is None:
        return None
    return Traceback(frames)


class Trace:
    """The trace of one memory block: domain, size and traceback."""

    __slots__ = ("_trace",)

    def __init__(self, trace):
        self._trace = trace

    @property
    def domain(self):
        return self._trace[0]

    @property
    def size(self):
        return self._trace[1]

    @property
    def traceback(self):
        return Traceback(*self._trace[2:])

    def __eq__(self, other):
        if not isinstance(other, Trace):
            return NotImplemented
        return self._trace == other._trace

    def __hash__(self):
        return hash(self._trace)

    def __str__(self):
        return "%s: %s" % (self.traceback, _format_size(self.size, False))

    def __repr__(self):
        return "<Trace domain=%s size=%s, traceback=%r>" % (
            self.domain, _format_size(self.size, False), self.traceback)


class _Traces:
    """The traces of a snapshot, as a sequence of Trace."""

    def __init__(self, traces):
        self._traces = traces

    def __len__(self):
        return len(self._traces)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple([Trace(t) for t in self._traces[index]])
        return Trace(self._traces[index])

    def __iter__(self):
        for t in self._traces:
            yield Trace(t)

    def __contains__(self, trace):
        return trace._trace in self._traces

    def __eq__(self, other):
        if not isinstance(other, _Traces):
            return NotImplemented
        return self._traces == other._traces

    def __repr__(self):
        return "<Traces len=%s>" % len(self)


def _normalize_filename(filename):
    # POSIX paths compare as they are; a .pyc stands for its .py.
    if filename.endswith('.pyc'):
        filename = filename[:-1]
    return filename


def _glob_match(name, pattern):
    # Shell-style matching (fnmatch's): * ? [seq] [!seq].
    n, p = 0, 0
    star_p, star_n = -1, 0
    while n < len(name):
        if p < len(pattern):
            c = pattern[p]
            if c == '*':
                star_p, star_n = p, n
                p += 1
                continue
            if c == '?':
                n += 1
                p += 1
                continue
            if c == '[':
                end = pattern.find(']', p + 2 if pattern[p + 1:p + 2] in ('!', ']') else p + 1)
                if end >= 0:
                    body = pattern[p + 1:end]
                    negate = body.startswith('!')
                    if negate:
                        body = body[1:]
                    if _class_match(name[n], body) != negate:
                        n += 1
                        p = end + 1
                        continue
                elif name[n] == '[':
                    n += 1
                    p += 1
                    continue
            elif c == name[n]:
                n += 1
                p += 1
                continue
        if star_p < 0:
            return False
        star_n += 1
        n = star_n
        p = star_p + 1
    while p < len(pattern) and pattern[p] == '*':
        p += 1
    return p == len(pattern)


def _class_match(ch, body):
    i = 0
    while i < len(body):
        if i + 2 < len(body) and body[i + 1] == '-':
            if body[i] <= ch <= body[i + 2]:
                return True
            i += 3
        else:
            if body[i] == ch:
                return True
            i += 1
    return False


class BaseFilter:
    def __init__(self, inclusive):
        self.inclusive = inclusive

    def _match(self, trace):
        raise NotImplementedError


class Filter(BaseFilter):
    """Keep (inclusive) or drop traces by filename pattern and line."""

    def __init__(self, inclusive, filename_pattern,
                 lineno=None, all_frames=False, domain=None):
        super().__init__(inclusive)
        self._filename_pattern = _normalize_filename(filename_pattern)
        self.lineno = lineno
        self.all_frames = all_frames
        self.domain = domain

    @property
    def filename_pattern(self):
        return self._filename_pattern

    def _frame_matches(self, filename, lineno):
        if not _glob_match(_normalize_filename(filename), self._filename_pattern):
            return False
        return self.lineno is None or lineno == self.lineno

    def _match_traceback(self, frames):
        if self.all_frames:
            hit = False
            for filename, lineno in frames:
                if self._frame_matches(filename, lineno):
                    hit = True
                    break
            return hit if self.inclusive else not hit
        filename, lineno = frames[0]
        return self._frame_matches(filename, lineno) != (not self.inclusive)

    def _match(self, trace):
        domain, size, frames, total_nframe = trace
        res = self._match_traceback(frames)
        if self.domain is None:
            return res
        if self.inclusive:
            return res and domain == self.domain
        return res or domain != self.domain


class DomainFilter(BaseFilter):
    """Keep (inclusive) or drop the traces of one domain."""

    def __init__(self, inclusive, domain):
        super().__init__(inclusive)
        self._domain = domain

    @property
    def domain(self):
        return self._domain

    def _match(self, trace):
        return (trace[0] == self._domain) != (not self.inclusive)


class Snapshot:
    """The traces of the memory blocks Python had allocated at one time."""

    def __init__(self, traces, traceback_limit):
        self.traces = _Traces(traces)
        self.traceback_limit = traceback_limit

    def dump(self, filename):
        """Write the snapshot into a file (pyrite's text format)."""
        with open(filename, "w", encoding="utf-8") as f:
            f.write("pyrite-tracemalloc 1 %d\n" % self.traceback_limit)
            for domain, size, frames, total in self.traces._traces:
                f.write("%d %d %s %d\n" % (domain, size,
                                           "-" if total is None else total,
                                           len(frames)))
                for filename, lineno in frames:
                    f.write("%d %s\n" % (lineno, filename))

    @staticmethod
    def load(filename):
        """Load a snapshot written by dump()."""
        with open(filename, encoding="utf-8") as f:
            lines = f.read().split("\n")
        head = lines[0].split()
        if len(head) != 3 or head[0] != "pyrite-tracemalloc":
            raise ValueError("not a pyrite tracemalloc snapshot: %r" % (filename,))
        traces = []
        i = 1
        while i < len(lines) and lines[i]:
            domain, size, total, n = lines[i].split()
            frames = []
            for line in lines[i + 1:i + 1 + int(n)]:
                lineno, name = line.split(" ", 1)
                frames.append((name, int(lineno)))
            i += 1 + int(n)
            traces.append((int(domain), int(size), tuple(frames),
                           None if total == "-" else int(total)))
        return Snapshot(traces, int(head[2]))

    def filter_traces(self, filters):
        """A new Snapshot with the traces the filters keep: a trace is kept
        when it matches one inclusive filter (if any) and no exclusive one."""
        try:
            filters = list(filters)
        except TypeError:
            raise TypeError("filters must be a list of filters, not %s"
                            % type(filters).__name__) from None
        includes = [f for f in filters if f.inclusive]
        excludes = [f for f in filters if not f.inclusive]
        kept = []
        for trace in self.traces._traces:
            if includes and not any([f._match(trace) for f in includes]):
                continue
            if any([not f._match(trace) for f in excludes]):
                continue
            kept.append(trace)
        return Snapshot(kept, self.traceback_limit)

    def _group_by(self, key_type, cumulative):
        if key_type not in ('traceback', 'filename', 'lineno'):
            raise ValueError("unknown key_type: %r" % (key_type,))
        if cumulative and key_type not in ('lineno', 'filename'):
            raise ValueError("cumulative mode cannot by used "
                             "with key type %r" % key_type)
        stats = {}
        keys = {}

        def add(tb, size):
            stat = stats.get(tb)
            if stat is None:
                stats[tb] = Statistic(tb, size, 1)
            else:
                stat.size += size
                stat.count += 1

        for domain, size, frames, total_nframe in self.traces._traces:
            if cumulative:
                for frame in frames:
                    tb = keys.get(frame)
                    if tb is None:
                        if key_type == 'lineno':
                            tb = Traceback((frame,))
                        else:
                            tb = Traceback(((frame[0], 0),))
                        keys[frame] = tb
                    add(tb, size)
            else:
                tb = keys.get(frames)
                if tb is None:
                    if key_type == 'traceback':
                        tb = Traceback(frames)
                    elif key_type == 'lineno':
                        tb = Traceback(frames[:1])
                    else:
                        tb = Traceback(((frames[0][0], 0),))
                    keys[frames] = tb
                add(tb, size)
        return stats

    def statistics(self, key_type, cumulative=False):
        """Statistic per key_type ('lineno', 'filename' or 'traceback'),
        biggest first."""
        stats = list(self._group_by(key_type, cumulative).values())
        stats.sort(reverse=True, key=Statistic._sort_key)
        return stats

    def compare_to(self, old_snapshot, key_type, cumulative=False):
        """StatisticDiff per key_type against old_snapshot, biggest change
        first."""
        diffs = _diff_groups(old_snapshot._group_by(key_type, cumulative),
                             self._group_by(key_type, cumulative))
        diffs.sort(reverse=True, key=StatisticDiff._sort_key)
        return diffs


def take_snapshot():
    """A Snapshot of the traces of the blocks allocated now."""
    if not is_tracing():
        raise RuntimeError("the tracemalloc module must be tracing memory "
                           "allocations to take a snapshot")
    return Snapshot(_get_traces(), get_traceback_limit())
