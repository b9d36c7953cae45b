# A generator keeps its own handled exception across yields (CPython's
# gi_exc_state); sys.exc_info() sees the innermost non-None one.
import sys

def g():
    try:
        raise ValueError("a")
    except ValueError:
        yield sys.exc_info()[0]
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]

it = g()
print(next(it), sys.exc_info()[0])
try:
    raise KeyError(1)
except KeyError:
    print(next(it), sys.exc_info()[0])
    print(next(it), sys.exc_info()[0])
print(sys.exc_info())

def h():
    yield sys.exc_info()[0]
try:
    raise IndexError
except IndexError:
    print(next(h()))

def reraiser():
    try:
        raise TypeError("inner")
    except TypeError:
        yield 1
        raise
r = reraiser()
next(r)
try:
    next(r)
except TypeError as e:
    print("re-raised", repr(e))

def ctx():
    yield 1
    raise RuntimeError("from gen")
c = ctx()
next(c)
try:
    raise OSError("outer")
except OSError:
    try:
        next(c)
    except RuntimeError as e:
        print("context:", repr(e.__context__))

def outer_gen():
    try:
        raise ZeroDivisionError
    except ZeroDivisionError:
        yield from inner_gen()
def inner_gen():
    yield sys.exc_info()[0]
    try:
        raise LookupError
    except LookupError:
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]
print(list(outer_gen()))

def thrower():
    while True:
        try:
            yield sys.exc_info()[0]
        except ValueError:
            yield ("caught", sys.exc_info()[0])
t = thrower()
print(next(t))
print(t.throw(ValueError))
print(next(t))
print(sys.exc_info())
