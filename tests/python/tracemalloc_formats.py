import tracemalloc
from tracemalloc import Snapshot, Statistic, StatisticDiff, Traceback, Frame, Filter, DomainFilter

for n in [0, 1, 99, 100, 1023, 1024, 10239, 10240, 10241, 102400, 1048575, 1048576,
          5 * 1024 ** 3, 7 * 1024 ** 4, 3 * 1024 ** 5, -5, -20000, 12.5, 1e9]:
    print(n, repr(tracemalloc._format_size(n, False)), repr(tracemalloc._format_size(n, True)))

tb = Traceback((('b.py', 7), ('a.py', 12)))
print(tb, repr(tb), len(tb), tb.total_nframe)
print(tb[0], tb[1], repr(tb[0]), tb[-1].filename, tb[-1].lineno)
print(tb[0:1], list(tb), Frame(('a.py', 12)) in tb, Frame(('z.py', 1)) in tb)
print(tb.format())
print(tb.format(most_recent_first=True))
print(tb.format(limit=1), tb.format(limit=-1))
tb2 = Traceback((('a.py', 3),), 9)
print(repr(tb2), tb2.total_nframe)
print(tb == Traceback((('b.py', 7), ('a.py', 12))), tb != tb2, tb2 < tb, tb > tb2, tb <= tb, tb >= tb2)
print(hash(tb) == hash(Traceback((('b.py', 7), ('a.py', 12)))))
f1, f2 = Frame(('a.py', 1)), Frame(('a.py', 2))
print(f1 < f2, f1 <= f2, f2 > f1, f1 == Frame(('a.py', 1)), f1 != f2, sorted([f2, f1]))

st = Statistic(Traceback((('x.py', 12),)), 1234, 5)
print(st)
print(repr(st))
print(Statistic(Traceback((('x.py', 12),)), 0, 0))
print(Statistic(Traceback((('x.py', 12),)), 50000000, 3))
d = StatisticDiff(Traceback((('x.py', 12),)), 1234, 1234, 5, 5)
print(d)
print(repr(d))
print(StatisticDiff(Traceback((('x.py', 9),)), 0, -4096, 0, -2))
print(StatisticDiff(Traceback((('x.py', 9),)), 3000, 0, 2, 0))
print(st == Statistic(Traceback((('x.py', 12),)), 1234, 5), st == 3)

traces = [
    (0, 100, (('m.py', 5), ('main.py', 1)), 2),
    (0, 300, (('m.py', 5), ('main.py', 2)), 2),
    (0, 40, (('n.py', 9), ('main.py', 2)), 2),
    (0, 40, (('n.py', 9), ('main.py', 2)), 2),
    (1, 1000, (('o.py', 1),), 1),
    (0, 8, (('m.py', 6), ('main.py', 3)), 3),
]
snap = Snapshot(traces, 2)
print(snap.traceback_limit, len(snap.traces), repr(snap.traces))
print(snap.traces[0], repr(snap.traces[4]))
print(snap.traces[0].domain, snap.traces[0].size, snap.traces[0].traceback)
for key in ('lineno', 'filename', 'traceback'):
    print(key)
    for s in snap.statistics(key):
        print(' ', s)
for key in ('lineno', 'filename'):
    print(key, 'cumulative')
    for s in snap.statistics(key, cumulative=True):
        print(' ', s)
old = Snapshot(traces[:3] + [(0, 64, (('p.py', 1),), 1)], 2)
for key in ('lineno', 'filename', 'traceback'):
    print('diff', key)
    for s in snap.compare_to(old, key):
        print(' ', s)
for s in snap.compare_to(old, 'lineno', cumulative=True):
    print(' ', repr(s))

def show(filters):
    print([t.size for t in snap.filter_traces(filters).traces])

show([])
show([Filter(True, 'm.py')])
show([Filter(False, 'm.py')])
show([Filter(True, '*.py', 9)])
show([Filter(True, 'main.py', all_frames=True)])
show([Filter(False, 'main.py', 2, all_frames=True)])
show([Filter(True, '[mn].py')])
show([Filter(True, '[!m].py')])
show([Filter(True, '?.py'), Filter(False, 'n.py')])
show([Filter(True, 'm.py', domain=0), Filter(True, 'o.py', domain=0)])
show([Filter(False, 'o.py', domain=1)])
show([DomainFilter(True, 1)])
show([DomainFilter(False, 1)])
flt = Filter(True, 'a.pyc', 3)
print(flt.filename_pattern, flt.lineno, flt.inclusive, flt.all_frames, flt.domain)
print(DomainFilter(False, 4).domain)

# dump / load round trip (CPython pickles, pyrite writes text: both load
# back what they dumped). This writes a file through open() inside
# Snapshot.dump: tests/leaks.rs, which runs programs in-process from the
# repository root, skips programs that name open( for that reason.
snap.dump('_scratch_tracemalloc_formats.dat')
back = Snapshot.load('_scratch_tracemalloc_formats.dat')
print(back.traceback_limit, len(back.traces), back.traces == snap.traces)
print([str(s) for s in back.statistics('lineno')] == [str(s) for s in snap.statistics('lineno')])
