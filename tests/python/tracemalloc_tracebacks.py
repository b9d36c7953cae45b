# tracemalloc with several frames per trace: statistics grouped by
# traceback tell call sites apart; cumulative statistics count callers.
import tracemalloc


class Node:
    __slots__ = ()


def alloc(n):
    return [Node() for i in range(n)]


def caller_a():
    return alloc(3000)


def caller_b():
    return alloc(1500)


def short(name):
    return name.rsplit('/', 1)[-1]


tracemalloc.start(4)
a = caller_a()
b = caller_b()
snap = tracemalloc.take_snapshot()
mine = snap.filter_traces([tracemalloc.Filter(True, __file__, all_frames=True)])
stats = mine.statistics('traceback')
for st in stats[:2]:
    print([(short(f.filename), f.lineno) for f in st.traceback], st.count >= 1500)
print(stats[0].size > stats[1].size)
cum = mine.statistics('lineno', cumulative=True)
lines = [s.traceback[0].lineno for s in cum[:4]]
print(sorted(lines))
tb = tracemalloc.get_object_traceback(a[10])
print(len(tb), tb.total_nframe, [f.lineno for f in tb])
print(tb.format(limit=2))
tracemalloc.stop()
