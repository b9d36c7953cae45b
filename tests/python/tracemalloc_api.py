import tracemalloc
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print("RuntimeError:", e)
for bad in (0, -1, 65536):
    try:
        tracemalloc.start(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    tracemalloc.start("x")
except TypeError as e:
    print("TypeError:", e)
tracemalloc.start(3)
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
tracemalloc.start(7)
print(tracemalloc.get_traceback_limit())

class Slotted:
    __slots__ = ('a', 'b')

def build(n):
    return [Slotted() for i in range(n)]

def base(s):
    return s.split('/')[-1]

s1 = tracemalloc.take_snapshot()
keep = build(3000)
text = ["x" * (i % 50 + 20) for i in range(2000)]
s2 = tracemalloc.take_snapshot()
stats = s2.statistics('lineno')
print(len(stats) > 0)
for st in stats[:2]:
    print(base(st.traceback[0].filename), st.traceback[0].lineno, st.count >= 2000)
print(all(stats[i].size >= stats[i + 1].size for i in range(len(stats) - 1)))
fstats = s2.statistics('filename')
print(base(fstats[0].traceback[0].filename), fstats[0].traceback[0].lineno)
tstats = s2.statistics('traceback')
print(len(tstats[0].traceback) >= 1, tstats[0].traceback.total_nframe is None)
diff = s2.compare_to(s1, 'lineno')
top = diff[0]
print(base(top.traceback[0].filename), top.traceback[0].lineno, top.size_diff > 0, top.count_diff > 0)
del keep
s3 = tracemalloc.take_snapshot()
diff = s3.compare_to(s2, 'lineno')
neg = [d for d in diff if d.traceback[0].lineno == 25]
print(len(neg), neg[0].size_diff < 0, neg[0].count_diff < 0)
tb = tracemalloc.get_object_traceback(text[5])
print(base(tb[0].filename), tb[0].lineno, len(tb))
for line in tb.format():
    print(line)
for line in tb.format(most_recent_first=True, limit=1):
    print(line)
sl = Slotted()
tb = tracemalloc.get_object_traceback(sl)
print(base(tb[-1].filename), tb[-1].lineno)
cur, peak = tracemalloc.get_traced_memory()
print(cur > 0, peak >= cur)
tracemalloc.reset_peak()
cur2, peak2 = tracemalloc.get_traced_memory()
print(peak2 <= peak, peak2 >= cur2)
print(tracemalloc.get_tracemalloc_memory() > 0)
try:
    s2.statistics('bogus')
except ValueError as e:
    print("ValueError:", e)
try:
    s2.statistics('traceback', cumulative=True)
except ValueError as e:
    print("ValueError:", e)
cum = s2.statistics('lineno', cumulative=True)
print(len(cum) >= len(stats))
filtered = s2.filter_traces([tracemalloc.Filter(True, __file__)])
print(all(t.traceback[0].filename == __file__ for t in filtered.traces))
excluded = s2.filter_traces([tracemalloc.Filter(False, __file__)])
print(all(t.traceback[0].filename != __file__ for t in excluded.traces))
print(len(filtered.traces) + len(excluded.traces) == len(s2.traces))
dom = s2.filter_traces([tracemalloc.DomainFilter(True, 0)])
print(len(dom.traces) == len(s2.traces))
try:
    s2.filter_traces(3)
except TypeError as e:
    print("TypeError:", e)
tracemalloc.clear_traces()
print(tracemalloc.get_traced_memory()[0] < cur)
tracemalloc.stop()
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory(), tracemalloc.get_traceback_limit())
print(tracemalloc.get_object_traceback(sl))
