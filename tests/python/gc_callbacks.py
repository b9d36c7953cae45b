# gc.callbacks: called with "start" / "stop" and an info dict.
import gc

events = []


def cb(phase, info):
    events.append((phase, sorted(info), info["generation"], info["collected"], info["uncollectable"]))


gc.collect()
gc.callbacks.append(cb)
l = []
l.append(l)
del l
n = gc.collect()
print("returned", n)
for e in events:
    print(e)
events.clear()
gc.collect(0)
print([(p, g) for p, _, g, _, _ in events])
events.clear()


def failing(phase, info):
    raise ValueError("boom " + phase)


def nested(phase, info):
    events.append(("nested collect returns", gc.collect()))


gc.callbacks.append(nested)
gc.collect(1)
print(events)
gc.callbacks.remove(nested)
gc.callbacks.remove(cb)
print(gc.callbacks)
print(type(gc.callbacks).__name__, type(gc.garbage).__name__)
infos = []
gc.callbacks.append(lambda p, i: infos.append(i))
gc.collect()
print(infos[0] is infos[1], list(infos[0].keys()), infos[0] == {"generation": 2, "collected": 0, "uncollectable": 0})
gc.callbacks.clear()
