"""Disassembler of pyrite bytecode.

CPython's `dis` API over pyrite's own instruction set: the opcode names and
numbers come from pyrite's one opcode table (src/compile/opcode.rs), the
listing and its layout from src/compile/dis.rs. Offsets count two per
instruction (pyrite has no inline caches or EXTENDED_ARG); jump operands
are absolute instruction indices, so jumps are listed in `hasjabs`.
"""

import sys
import _dis

__all__ = ["code_info", "dis", "disassemble", "distb", "disco",
           "findlinestarts", "findlabels", "show_code",
           "get_instructions", "Instruction", "Bytecode",
           "opname", "opmap", "cmp_op", "hasconst", "hasname", "hasjrel",
           "hasjabs", "haslocal", "hascompare", "hasfree", "hasnargs",
           "stack_effect", "pretty_flags", "COMPILER_FLAG_NAMES"]


def _namedtuple(typename, field_names, module):
    """A small `collections.namedtuple` (pyrite has no `collections`)."""
    fields = tuple(field_names)

    def __new__(cls, *args, **kwargs):
        values = list(args)
        for name in fields[len(values):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in cls._field_defaults:
                values.append(cls._field_defaults[name])
            else:
                raise TypeError("%s.__new__() missing required argument: %r"
                                % (typename, name))
        if kwargs:
            raise TypeError("%s.__new__() got an unexpected keyword argument %r"
                            % (typename, next(iter(kwargs))))
        if len(values) > len(fields):
            raise TypeError("%s.__new__() takes %d positional arguments but %d were given"
                            % (typename, len(fields) + 1, len(values) + 1))
        return tuple.__new__(cls, values)

    def __repr__(self):
        parts = ', '.join('%s=%r' % (n, v) for n, v in zip(self._fields, self))
        return type(self).__name__ + '(' + parts + ')'

    def _replace(self, **changes):
        values = [changes.pop(n, v) for n, v in zip(self._fields, self)]
        if changes:
            raise ValueError('Got unexpected field names: %r' % list(changes))
        return type(self)(*values)

    def _asdict(self):
        return dict(zip(self._fields, self))

    ns = {'__new__': __new__, '__repr__': __repr__, '_replace': _replace,
          '_asdict': _asdict, '_fields': fields, '_field_defaults': {},
          '__slots__': (), '__module__': module}
    for i, name in enumerate(fields):
        ns[name] = property(lambda self, i=i: self[i])
    return type(typename, (tuple,), ns)


# The opcode table.
opname = ['<%r>' % (_op,) for _op in range(256)]
opmap = {}
hasconst = []
hasname = []
hasjrel = []
hasjabs = []
haslocal = []
hascompare = []
hasfree = []
hasnargs = []
_kind_lists = {'const': hasconst, 'name': hasname, 'jabs': hasjabs,
               'local': haslocal, 'compare': hascompare, 'free': hasfree}
for _name, _num, _kind in _dis.opcodes():
    opname[_num] = _name
    opmap[_name] = _num
    if _kind in _kind_lists:
        _kind_lists[_kind].append(_num)
del _name, _num, _kind

cmp_op = ('<', '<=', '==', '!=', '>', '>=')

FORMAT_VALUE_CONVERTERS = (
    (None, ''),
    (str, 'str'),
    (repr, 'repr'),
    (ascii, 'ascii'),
)
MAKE_FUNCTION_FLAGS = ('defaults', 'kwdefaults', 'annotations', 'closure')

COMPILER_FLAG_NAMES = {
    1: "OPTIMIZED",
    2: "NEWLOCALS",
    4: "VARARGS",
    8: "VARKEYWORDS",
    16: "NESTED",
    32: "GENERATOR",
    64: "NOFREE",
    128: "COROUTINE",
    256: "ITERABLE_COROUTINE",
    512: "ASYNC_GENERATOR",
}


def pretty_flags(flags):
    """Return pretty representation of code flags."""
    names = []
    for i in range(32):
        flag = 1 << i
        if flags & flag:
            names.append(COMPILER_FLAG_NAMES.get(flag, hex(flag)))
            flags ^= flag
            if not flags:
                break
    else:
        names.append(hex(flags))
    return ", ".join(names)


def stack_effect(opcode, oparg=None, *, jump=None):
    """Compute the stack effect of *opcode* with argument *oparg*."""
    return _dis.stack_effect(opcode, oparg, jump)


def _is_code(x):
    return type(x).__name__ == 'code' and hasattr(x, 'co_code')


def _have_code(x):
    """Objects `dis` disassembles inside a class or module."""
    if _is_code(x) or isinstance(x, type):
        return True
    if hasattr(x, '__func__'):
        x = x.__func__
    return hasattr(x, '__code__') and _is_code(x.__code__)


def _try_compile(source, name):
    """Compile an expression if possible, else statements."""
    try:
        return compile(source, name, 'eval')
    except SyntaxError:
        pass
    return compile(source, name, 'exec')


def _get_code_object(x):
    """Helper to handle methods, compiled or raw code objects, and strings."""
    if hasattr(x, '__func__'):
        x = x.__func__
    if hasattr(x, '__code__'):
        x = x.__code__
    elif hasattr(x, 'gi_code'):
        x = x.gi_code
    if isinstance(x, str):
        x = _try_compile(x, "<disassembly>")
    if _is_code(x):
        return x
    raise TypeError("don't know how to disassemble %s objects" %
                    type(x).__name__)


def _print(text, file):
    if file is None:
        file = sys.stdout
    file.write(text)


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False):
    """Disassemble classes, methods, functions, and other compiled objects.

    With no argument, disassemble the last traceback.
    """
    if x is None:
        distb(file=file)
        return
    if hasattr(x, '__func__'):
        x = x.__func__
    if hasattr(x, '__code__'):
        x = x.__code__
    elif hasattr(x, 'gi_code'):
        x = x.gi_code
    if hasattr(x, '__dict__'):  # Class or module
        items = sorted(x.__dict__.items())
        for name, x1 in items:
            if _have_code(x1):
                print("Disassembly of %s:" % name, file=file)
                try:
                    dis(x1, file=file, depth=depth)
                except TypeError as msg:
                    print("Sorry:", msg, file=file)
                print(file=file)
    elif _is_code(x):
        _print(_dis.disassemble(x, depth), file)
    elif isinstance(x, (bytes, bytearray)):
        raise TypeError("pyrite's dis cannot disassemble raw bytes: pass a code object")
    elif isinstance(x, str):
        _print(_dis.disassemble(_try_compile(x, "<dis>"), depth), file)
    else:
        raise TypeError("don't know how to disassemble %s objects" %
                        type(x).__name__)


def distb(tb=None, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a traceback (default: last traceback)."""
    if tb is None:
        try:
            tb = sys.last_traceback
        except AttributeError:
            raise RuntimeError("no last traceback to disassemble") from None
        while tb.tb_next:
            tb = tb.tb_next
    disassemble(tb.tb_frame.f_code, tb.tb_lasti, file=file)


def disassemble(co, lasti=-1, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a code object."""
    _print(_dis.disassemble(co, 0, lasti), file)


disco = disassemble


def _format_code_info(co):
    lines = []
    lines.append("Name:              %s" % co.co_name)
    lines.append("Filename:          %s" % co.co_filename)
    lines.append("Argument count:    %s" % co.co_argcount)
    lines.append("Positional-only arguments: %s" % co.co_posonlyargcount)
    lines.append("Kw-only arguments: %s" % co.co_kwonlyargcount)
    lines.append("Number of locals:  %s" % co.co_nlocals)
    lines.append("Stack size:        %s" % co.co_stacksize)
    lines.append("Flags:             %s" % pretty_flags(co.co_flags))
    if co.co_consts:
        lines.append("Constants:")
        for i_c in enumerate(co.co_consts):
            lines.append("%4d: %r" % i_c)
    if co.co_names:
        lines.append("Names:")
        for i_n in enumerate(co.co_names):
            lines.append("%4d: %s" % i_n)
    if co.co_varnames:
        lines.append("Variable names:")
        for i_n in enumerate(co.co_varnames):
            lines.append("%4d: %s" % i_n)
    if co.co_freevars:
        lines.append("Free variables:")
        for i_n in enumerate(co.co_freevars):
            lines.append("%4d: %s" % i_n)
    if co.co_cellvars:
        lines.append("Cell variables:")
        for i_n in enumerate(co.co_cellvars):
            lines.append("%4d: %s" % i_n)
    return "\n".join(lines)


def code_info(x):
    """Formatted details of methods, functions, or code."""
    return _format_code_info(_get_code_object(x))


def show_code(co, *, file=None):
    """Print details of methods, functions, or code to *file*."""
    print(code_info(co), file=file)


Positions = _namedtuple('Positions', ['lineno', 'end_lineno', 'col_offset',
                                      'end_col_offset'], 'dis')
Positions._field_defaults = dict.fromkeys(Positions._fields)

_Instruction = _namedtuple('_Instruction', ['opname', 'opcode', 'arg', 'argval',
                                            'argrepr', 'offset', 'starts_line',
                                            'is_jump_target', 'positions'], 'dis')
_Instruction._field_defaults = {'positions': None}


class Instruction(_Instruction):
    """Details for a bytecode operation

       Defined fields:
         opname - human readable name for operation
         opcode - numeric code for operation
         arg - numeric argument to operation (if any), otherwise None
         argval - resolved arg value (if known), otherwise same as arg
         argrepr - human readable description of operation argument
         offset - start index of operation within bytecode sequence
         starts_line - line started by this opcode (if any), otherwise None
         is_jump_target - True if other code jumps to here, otherwise False
         positions - dis.Positions object holding the span of source code
                     covered by this instruction
    """
    __slots__ = ()

    def _disassemble(self, lineno_width=3, mark_as_current=False, offset_width=4):
        """Format instruction details for inclusion in disassembly output."""
        fields = []
        if lineno_width:
            if self.starts_line is not None:
                fields.append(format(self.starts_line, '%dd' % lineno_width))
            else:
                fields.append(' ' * lineno_width)
        fields.append('-->' if mark_as_current else '   ')
        fields.append('>>' if self.is_jump_target else '  ')
        fields.append(repr(self.offset).rjust(offset_width))
        fields.append(self.opname.ljust(20))
        if self.arg is not None:
            fields.append(repr(self.arg).rjust(5))
            if self.argrepr:
                fields.append('(' + self.argrepr + ')')
        return ' '.join(fields).rstrip()


def _instructions(co, first_line=None):
    shift = 0 if first_line is None else first_line - co.co_firstlineno
    for t in _dis.instructions(co):
        opname_, opcode, arg, argval, argrepr, offset, starts_line, target, pos = t
        if starts_line is not None:
            starts_line += shift
        yield Instruction(opname_, opcode, arg, argval, argrepr, offset,
                          starts_line, target, Positions(*pos))


def get_instructions(x, *, first_line=None, show_caches=False, adaptive=False):
    """Iterator for the opcodes in methods, functions or code."""
    return _instructions(_get_code_object(x), first_line)


def findlinestarts(code):
    """Find the offsets in a byte code which are start of lines in the source."""
    lastline = None
    for start, end, line in code.co_lines():
        if line is not None and line != lastline:
            lastline = line
            yield start, line


def findlabels(code):
    """Detect all offsets in a code object that are jump targets."""
    labels = []
    if isinstance(code, (bytes, bytearray)):
        # co_code: one little-endian 32-bit word per instruction.
        for i in range(0, len(code) - 3, 4):
            arg = code[i + 1] | code[i + 2] << 8 | code[i + 3] << 16
            if code[i] in hasjabs and 2 * arg not in labels:
                labels.append(2 * arg)
        return labels
    for ins in _instructions(code):
        if ins.opcode in hasjabs and ins.argval not in labels:
            labels.append(ins.argval)
    return labels


class Bytecode:
    """The bytecode operations of a piece of code."""

    def __init__(self, x, *, first_line=None, current_offset=None,
                 show_caches=False, adaptive=False):
        self.codeobj = co = _get_code_object(x)
        if first_line is None:
            self.first_line = co.co_firstlineno
            self._line_offset = 0
        else:
            self.first_line = first_line
            self._line_offset = first_line - co.co_firstlineno
        self._original_object = x
        self.current_offset = current_offset

    def __iter__(self):
        return _instructions(self.codeobj, self.first_line)

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__,
                                 self._original_object)

    @classmethod
    def from_traceback(cls, tb, *, show_caches=False, adaptive=False):
        """Construct a Bytecode from the given traceback."""
        while tb.tb_next:
            tb = tb.tb_next
        return cls(tb.tb_frame.f_code, current_offset=tb.tb_lasti)

    def info(self):
        """Return formatted information about the code object."""
        return _format_code_info(self.codeobj)

    def dis(self):
        """Return a formatted view of the bytecode operations."""
        offset = -1 if self.current_offset is None else self.current_offset
        return _dis.disassemble(self.codeobj, 0, offset)


def _test():
    """Simple test program to disassemble a file."""
    args = sys.argv[1:]
    if len(args) > 1 or (args and args[0] in ('-h', '--help')):
        print("usage: dis.py [-h] [infile]", file=sys.stderr)
        sys.exit(2 if len(args) > 1 else 0)
    if not args or args[0] == '-':
        name = '<stdin>'
        source = sys.stdin.read()
    else:
        name = args[0]
        with open(name) as infile:
            source = infile.read()
    code = compile(source, name, "exec")
    dis(code)


if __name__ == "__main__":
    _test()
