# Frame objects: sys._getframe, f_back chains, live f_lineno/f_locals,
# frames kept after their call returned, traceback frames.
import sys
import inspect


def f():
    fr = sys._getframe()
    a = fr.f_lineno
    x = 1
    b = fr.f_lineno
    loc = fr.f_locals
    print(a, b, sorted(loc), loc is fr.f_locals)
    y = 2
    print(sorted(fr.f_locals), fr.f_locals['y'])
    print(fr is sys._getframe(), fr.f_back is sys._getframe(1))
    return fr


fr = f()
print(fr.f_lineno, sorted(fr.f_locals), fr.f_back.f_code.co_name, fr.f_code.co_name)
print(fr.f_globals is globals(), fr.f_builtins is __builtins__.__dict__)
print(type(fr).__name__, type(fr.f_lasti).__name__)
mod = sys._getframe()
print(mod.f_locals is globals(), mod.f_back, mod.f_code.co_name)


def g(n):
    if n == 0:
        raise KeyError(n)
    g(n - 1)


try:
    g(3)
except KeyError as e:
    tb = e.__traceback__
    while tb:
        frame = tb.tb_frame
        print(tb.tb_lineno, frame.f_code.co_name, frame.f_lineno, frame.f_locals.get('n'),
              tb.tb_lasti >= 0, tb.tb_lasti == frame.f_lasti)
        tb = tb.tb_next


def cl():
    v = 5
    def inner():
        return v
    return sorted(sys._getframe().f_locals)


print(cl())


class K:
    z = 1
    fl = sys._getframe().f_locals
    name = sys._getframe().f_code.co_name


print(sorted(K.fl), K.name)


def gen():
    yield sys._getframe().f_code.co_name
    yield sys._getframe().f_back.f_code.co_name


print(list(gen()))


def caller():
    return sys._getframe(1).f_code.co_name, sys._getframe(0).f_code.co_qualname


print(caller())


def who_called_me():
    return sys._getframe().f_back.f_code.co_name


def some_function():
    return who_called_me()


print(some_function())


def depth():
    n = 0
    frame = sys._getframe()
    while frame is not None:
        n += 1
        frame = frame.f_back
    return n


print(depth(), (lambda: depth())())


def deleter():
    q = 1
    frame = sys._getframe()
    print('q' in frame.f_locals)
    del q
    print('q' in frame.f_locals)


deleter()
try:
    sys._getframe(1000)
except ValueError as e:
    print("ValueError:", e)
print(sys._getframe(-5).f_code.co_name)


def boom():
    local_list = [1, 2]
    raise ValueError("boom")


def catch():
    try:
        boom()
    except ValueError as e:
        return e


err = catch()
tb = err.__traceback__
print(tb.tb_frame.f_code.co_name, tb.tb_next.tb_frame.f_code.co_name)
print(tb.tb_next.tb_frame.f_locals, tb.tb_next.tb_frame.f_back.f_code.co_name)
print(tb.tb_next.tb_next)

# exec'd code sees its caller as f_back
def run_exec():
    ns = {'sys': sys}
    exec("import sys\nname = sys._getframe().f_back.f_code.co_name\nline = sys._getframe().f_lineno", ns)
    return ns['name'], ns['line']


print(run_exec())
print(inspect.currentframe().f_code.co_name)


def stacked():
    return [(s.function, s.lineno, s.code_context, s.index) for s in inspect.stack()]


print(stacked())
info = inspect.getframeinfo(sys._getframe())
print(info.filename, info.lineno, info.function, info.code_context, info.index)
r = repr(sys._getframe())
print(r.startswith('<frame at 0x'), r.endswith("line 155, code <module>>"))

# A frame kept alive by a reference cycle through its locals is collected.
import gc


def cyclic():
    me = sys._getframe()
    return None


for _ in range(3):
    cyclic()
print(gc.collect() >= 0)
