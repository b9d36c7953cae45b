"""Get useful information from live Python objects (pyrite's subset of
CPython's `inspect`): the CO_* flags, the is*() predicates, frames and
the call stack, getmembers. `signature` and source retrieval beyond a
frame's own lines are not provided yet."""

import sys
import dis as _dis_module

# The co_flags bits (CPython's values, which pyrite's code objects use).
CO_OPTIMIZED = 1
CO_NEWLOCALS = 2
CO_VARARGS = 4
CO_VARKEYWORDS = 8
CO_NESTED = 16
CO_GENERATOR = 32
CO_NOFREE = 64
CO_COROUTINE = 128
CO_ITERABLE_COROUTINE = 256
CO_ASYNC_GENERATOR = 512


def _function():
    pass


class _C:
    def _m(self):
        pass


def _generator():
    yield


_FunctionType = type(_function)
_CodeType = type(_function.__code__)
_MethodType = type(_C()._m)
_GeneratorType = type(_generator())
_BuiltinFunctionType = type(len)
_ModuleType = type(sys)
_FrameType = type(sys._getframe())
del _C, _generator


def ismodule(object):
    """Return true if the object is a module."""
    return isinstance(object, _ModuleType)


def isclass(object):
    """Return true if the object is a class."""
    return isinstance(object, type)


def ismethod(object):
    """Return true if the object is an instance method."""
    return isinstance(object, _MethodType)


def isfunction(object):
    """Return true if the object is a user-defined function."""
    return isinstance(object, _FunctionType)


def isgeneratorfunction(object):
    """Return true if the object is a user-defined generator function."""
    if ismethod(object):
        object = object.__func__
    return isfunction(object) and bool(object.__code__.co_flags & CO_GENERATOR)


def iscoroutinefunction(object):
    """Return true if the object is a coroutine function."""
    if ismethod(object):
        object = object.__func__
    return isfunction(object) and bool(object.__code__.co_flags & CO_COROUTINE)


def isasyncgenfunction(object):
    """Return true if the object is an asynchronous generator function."""
    if ismethod(object):
        object = object.__func__
    return isfunction(object) and bool(object.__code__.co_flags & CO_ASYNC_GENERATOR)


def isgenerator(object):
    """Return true if the object is a generator."""
    return isinstance(object, _GeneratorType)


def iscoroutine(object):
    """Return true if the object is a coroutine."""
    return False


def isawaitable(object):
    """Return true if object can be passed to an ``await`` expression."""
    return False


def isasyncgen(object):
    """Return true if the object is an asynchronous generator."""
    return False


def istraceback(object):
    """Return true if the object is a traceback."""
    return type(object).__name__ == 'traceback' and hasattr(object, 'tb_frame')


def isframe(object):
    """Return true if the object is a frame object."""
    return isinstance(object, _FrameType)


def iscode(object):
    """Return true if the object is a code object."""
    return isinstance(object, _CodeType)


def isbuiltin(object):
    """Return true if the object is a built-in function or method."""
    return isinstance(object, _BuiltinFunctionType)


def isroutine(object):
    """Return true if the object is any kind of function or method."""
    return (isbuiltin(object) or isfunction(object) or ismethod(object)
            or ismethoddescriptor(object))


def ismethoddescriptor(object):
    """Return true if the object is a method descriptor."""
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    return hasattr(tp, "__get__") and not hasattr(tp, "__set__")


def isdatadescriptor(object):
    """Return true if the object is a data descriptor."""
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    return hasattr(tp, "__set__") or hasattr(tp, "__delete__")


def isabstract(object):
    """Return true if the object is an abstract base class (ABC)."""
    return bool(isinstance(object, type) and getattr(object, '__abstractmethods__', False))


def getmembers(object, predicate=None):
    """Return all members of an object as (name, value) pairs sorted by name."""
    results = []
    for key in dir(object):
        try:
            value = getattr(object, key)
        except AttributeError:
            continue
        if not predicate or predicate(value):
            results.append((key, value))
    results.sort(key=lambda pair: pair[0])
    return results


def getmodulename(path):
    """Return the module name for a given file, or None."""
    fname = path.replace('\\', '/').rsplit('/', 1)[-1]
    if fname.endswith('.py'):
        return fname[:-3]
    return None


def getdoc(object):
    """Get the documentation string for an object, cleaned up."""
    try:
        doc = object.__doc__
    except AttributeError:
        return None
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


def cleandoc(doc):
    """Clean up indentation from docstrings."""
    try:
        lines = doc.expandtabs().split('\n')
    except UnicodeError:
        return None
    margin = sys.maxsize
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            margin = min(margin, indent)
    if lines:
        lines[0] = lines[0].lstrip()
    if margin < sys.maxsize:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return '\n'.join(lines)


def getfile(object):
    """Work out which source or compiled file an object was defined in."""
    if ismodule(object):
        if getattr(object, '__file__', None):
            return object.__file__
        raise TypeError('{!r} is a built-in module'.format(object))
    if isclass(object):
        module = sys.modules.get(object.__module__)
        if getattr(module, '__file__', None):
            return module.__file__
        raise TypeError('{!r} is a built-in class'.format(object))
    if ismethod(object):
        object = object.__func__
    if isfunction(object):
        object = object.__code__
    if istraceback(object):
        object = object.tb_frame
    if isframe(object):
        object = object.f_code
    if iscode(object):
        return object.co_filename
    raise TypeError('module, class, method, function, traceback, frame, or '
                    'code object was expected, got {}'.format(
                    type(object).__name__))


def _source_lines(filename):
    try:
        with open(filename) as f:
            return f.readlines()
    except (OSError, UnicodeError):
        return None


_Traceback = _dis_module._namedtuple(
    'Traceback', ['filename', 'lineno', 'function', 'code_context', 'index'], 'inspect')


class Traceback(_Traceback):
    def __new__(cls, filename, lineno, function, code_context, index, *, positions=None):
        instance = super().__new__(cls, filename, lineno, function, code_context, index)
        instance.positions = positions
        return instance

    def __repr__(self):
        return ('Traceback(filename={!r}, lineno={!r}, function={!r}, '
                'code_context={!r}, index={!r}, positions={!r})'.format(
                    self.filename, self.lineno, self.function, self.code_context,
                    self.index, self.positions))


def _positions_at(code, lasti):
    for i, pos in enumerate(code.co_positions()):
        if 2 * i == lasti:
            return _dis_module.Positions(*pos)
    return _dis_module.Positions(None, None, None, None)


def getframeinfo(frame, context=1):
    """Get information about a frame or traceback object."""
    if istraceback(frame):
        positions = _positions_at(frame.tb_frame.f_code, frame.tb_lasti)
        lineno = frame.tb_lineno
        frame = frame.tb_frame
    else:
        lineno = frame.f_lineno
        positions = _positions_at(frame.f_code, frame.f_lasti)
    if positions[0] is None:
        frame, *positions = (frame, lineno, *positions[1:])
    else:
        frame, *positions = (frame, *positions)
    if not isframe(frame):
        raise TypeError('{!r} is not a frame or traceback object'.format(frame))
    filename = frame.f_code.co_filename
    lines = index = None
    if context > 0:
        all_lines = _source_lines(filename)
        if all_lines:
            start = lineno - 1 - context // 2
            start = max(0, min(start, len(all_lines) - context))
            lines = all_lines[start:start + context]
            index = lineno - 1 - start
    return Traceback(filename, lineno, frame.f_code.co_name, lines,
                     index, positions=_dis_module.Positions(*positions))


def getlineno(frame):
    """Get the line number from a frame object."""
    return frame.f_lineno


_FrameInfo = _dis_module._namedtuple(
    'FrameInfo', ['frame', 'filename', 'lineno', 'function', 'code_context', 'index'],
    'inspect')


class FrameInfo(_FrameInfo):
    def __new__(cls, frame, filename, lineno, function, code_context, index, *, positions=None):
        instance = super().__new__(cls, frame, filename, lineno, function, code_context, index)
        instance.positions = positions
        return instance

    def __repr__(self):
        return ('FrameInfo(frame={!r}, filename={!r}, lineno={!r}, function={!r}, '
                'code_context={!r}, index={!r}, positions={!r})'.format(
                    self.frame, self.filename, self.lineno, self.function,
                    self.code_context, self.index, self.positions))


def getouterframes(frame, context=1):
    """Get a list of records for a frame and all higher (calling) frames."""
    framelist = []
    while frame:
        traceback_info = getframeinfo(frame, context)
        frameinfo = (frame,) + tuple(traceback_info)
        framelist.append(FrameInfo(*frameinfo, positions=traceback_info.positions))
        frame = frame.f_back
    return framelist


def getinnerframes(tb, context=1):
    """Get a list of records for a traceback's frame and all lower frames."""
    framelist = []
    while tb:
        traceback_info = getframeinfo(tb, context)
        frameinfo = (tb.tb_frame,) + tuple(traceback_info)
        framelist.append(FrameInfo(*frameinfo, positions=traceback_info.positions))
        tb = tb.tb_next
    return framelist


def currentframe():
    """Return the frame of the caller or None if this is not possible."""
    return sys._getframe(1)


def stack(context=1):
    """Return a list of records for the stack above the caller's frame."""
    return getouterframes(sys._getframe(1), context)


def trace(context=1):
    """Return a list of records for the stack below the current exception."""
    exc = sys.exc_info()[2]
    return getinnerframes(exc, context)
