# throw() raises inside the generator; close() raises GeneratorExit.
def worker():
    try:
        while True:
            try:
                x = yield
                print("got", x)
            except ValueError as e:
                print("handled inside:", e)
    finally:
        print("worker cleanup")
w = worker()
next(w)
w.send(1)
w.throw(ValueError("bad value"))
w.send(2)
w.close()
print("closed")
w.close()
def no_handler():
    yield 1
    yield 2
g = no_handler()
next(g)
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated out", e)
print(next(g, "dead"))
def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield "bad"
b = ignores_exit()
next(b)
try:
    b.close()
except RuntimeError as e:
    print("RuntimeError", e)
def catch_and_return():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
c = catch_and_return()
next(c)
c.close()
