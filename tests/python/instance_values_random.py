# A deterministic random walk of attribute operations over instances of a
# few classes (set, delete, get, vars, __dict__ made or replaced, class
# changes, odd names), printing a digest after each step: pyrite's inline
# values must behave exactly as CPython's split dicts.
seed = 12345


def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2**31
    return seed % n


class A:
    pass


class B:
    pass


class C(A):
    pass


names = ["x", "y", "z", "w", "v"] + ["n%d" % i for i in range(40)]
objs = [cls() for cls in (A, B, C) for _ in range(6)]
log = []


def digest(lines):
    h = 0
    for line in lines:
        for ch in line:
            h = (h * 131 + ord(ch)) % 65521
    return h


for step in range(4000):
    o = objs[rand(len(objs))]
    op = rand(100)
    name = names[rand(len(names) if rand(10) == 0 else 5)]
    if op < 45:
        setattr(o, name, step)
        log.append("set")
    elif op < 65:
        try:
            delattr(o, name)
            log.append("del")
        except AttributeError as e:
            log.append("AttributeError: %s" % e)
    elif op < 85:
        log.append(repr(getattr(o, name, None)))
    elif op < 92:
        log.append(repr(vars(o)))
    elif op < 95:
        d = o.__dict__
        d["extra%d" % rand(3)] = step
        log.append(repr(sorted(d)))
    elif op < 97:
        o.__dict__ = {k: v for k, v in list(vars(o).items())[: rand(4)]}
        log.append("replaced")
    elif op < 99:
        if type(o) is A:
            o.__class__ = C
        elif type(o) is C:
            o.__class__ = A
        log.append(type(o).__name__)
    else:
        objs[rand(len(objs))] = type(o)()
        log.append("new")
    if step % 500 == 499:
        print(step, digest(log), len(log))
for o in objs:
    print(type(o).__name__, vars(o))
