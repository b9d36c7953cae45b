# Code objects and function attributes, as CPython 3.11 shows them.
import inspect


def f(a, b=2, /, c=3, *args, d, e=5, **kw):
    "doc of f"
    x = a + b
    def g():
        return x + c
    return g


c = f.__code__
print(c.co_name, c.co_qualname, c.co_filename, c.co_firstlineno)
print(c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount, c.co_nlocals)
print(c.co_varnames)
print(c.co_cellvars, c.co_freevars)
print(c.co_flags, hex(c.co_flags))
print(type(c.co_code).__name__, len(c.co_code) > 0, type(c.co_stacksize).__name__, c.co_stacksize > 0)
print(c.co_consts[0])
print(f.__defaults__, f.__kwdefaults__, f.__doc__, f.__name__, f.__qualname__, f.__module__)
print(f.__globals__ is globals(), f.__dict__, f.__annotations__)

g = f(1, c=10, d=4)
print(g.__name__, g.__qualname__, g.__code__.co_qualname)
print(g.__code__.co_freevars, g.__code__.co_cellvars, g.__code__.co_flags)
print(len(g.__closure__), [type(cell).__name__ for cell in g.__closure__])
print(sorted(cell.cell_contents for cell in g.__closure__))
print(g())


def simple(x, y):
    z = x * y
    return z


sc = simple.__code__
print(sc.co_varnames, sc.co_argcount, sc.co_nlocals, sc.co_flags, sc.co_names)
print(sc.co_flags & inspect.CO_OPTIMIZED, sc.co_flags & inspect.CO_NEWLOCALS)


def gen():
    yield 1


print(gen.__code__.co_flags, bool(gen.__code__.co_flags & inspect.CO_GENERATOR))


def varargs(*a, **k):
    pass


print(varargs.__code__.co_flags, varargs.__code__.co_varnames, varargs.__code__.co_argcount)
lam = lambda q: q + 1
print(lam.__name__, lam.__code__.co_name, lam.__code__.co_flags, lam.__code__.co_varnames)
print(inspect.CO_OPTIMIZED, inspect.CO_NEWLOCALS, inspect.CO_VARARGS, inspect.CO_VARKEYWORDS)
print(inspect.CO_NESTED, inspect.CO_GENERATOR, inspect.CO_NOFREE, inspect.CO_COROUTINE)
print(inspect.CO_ITERABLE_COROUTINE, inspect.CO_ASYNC_GENERATOR)


def nested_names():
    import os
    return len(os.sep) + max(1, 2)


print(nested_names.__code__.co_names)

# Cells
def make():
    v = 1
    def inner():
        return v
    del v
    return inner


try:
    make().__closure__[0].cell_contents
except ValueError as e:
    print("ValueError:", e)

# __code__ is settable
def one():
    return 1


def two():
    return 2


one.__code__ = two.__code__
print(one(), one.__name__)
try:
    one.__code__ = 5
except TypeError as e:
    print("TypeError:", e)

# Function attribute assignment
def attrs():
    pass


attrs.__defaults__ = (1,)
attrs.__doc__ = "new doc"
attrs.custom = 42
attrs.__qualname__ = "renamed"
print(attrs.__defaults__, attrs.__doc__, attrs.__dict__, attrs.__qualname__)
attrs.__defaults__ = None
print(attrs.__defaults__, attrs.__kwdefaults__, attrs.__closure__)

def annotated(a: int, b: "str" = "x") -> list:
    pass


print(annotated.__annotations__)

# co_lines / co_positions: shapes
lines = list(simple.__code__.co_lines())
print(all(len(t) == 3 for t in lines), all(s < e for s, e, _ in lines))
# (CPython also lists the def line, for its RESUME instruction)
print(sorted({ln for _, _, ln in lines if ln is not None})[-2:])
pos = list(simple.__code__.co_positions())
print(all(len(p) == 4 for p in pos))
print(sorted({p[0] for p in pos if p[0] is not None})[-2:])

# code.replace
c2 = simple.__code__.replace(co_name="other")
print(c2.co_name, c2.co_varnames, simple.__code__.co_name)

# repr shape
r = repr(simple.__code__)
print(r.startswith("<code object simple at 0x"), r.endswith('introspect_code.py", line 35>'))
print(type(simple.__code__).__name__, inspect.iscode(simple.__code__), inspect.isfunction(simple))
print(inspect.isclass(int), inspect.ismodule(inspect), inspect.isgenerator(gen()), inspect.isgeneratorfunction(gen))
print(inspect.ismethod(simple), inspect.isbuiltin(len), inspect.isroutine(len), inspect.isframe(inspect.currentframe()))
