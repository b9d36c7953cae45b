# The dis module's API where pyrite and CPython agree (opcode names and
# numbers are pyrite's own: this checks shapes and the shared parts; the
# disassembly text itself is checked by tests/introspect_dis.rs).
import dis



def f(a, b=1):
    c = a + b
    if c > 2:
        return c
    return None


# The opcode table is consistent.
print(len(dis.opname), all(dis.opname[n] == name for name, n in dis.opmap.items()))
print(all(isinstance(n, int) and 0 <= n < 256 for n in dis.opmap.values()))
print(all(name in dis.opmap for name in ["LOAD_FAST", "LOAD_CONST", "RETURN_VALUE", "CALL", "BINARY_OP"]))
for lst in [dis.hasconst, dis.hasname, dis.haslocal, dis.hasfree, dis.hascompare, dis.hasjrel, dis.hasjabs]:
    assert all(dis.opname[n] in dis.opmap for n in lst)
print(dis.opmap["LOAD_CONST"] in dis.hasconst, dis.opmap["LOAD_FAST"] in dis.haslocal,
      dis.opmap["LOAD_GLOBAL"] in dis.hasname, dis.opmap["COMPARE_OP"] in dis.hascompare)
print(dis.cmp_op)
print(dis.COMPILER_FLAG_NAMES[1], dis.pretty_flags(3), dis.pretty_flags(0x23), dis.pretty_flags(0))

# Instructions: fields and types.
ins = list(dis.get_instructions(f))
first = ins[0]
print(type(first).__name__, first._fields)
print(all(isinstance(i.opname, str) and isinstance(i.opcode, int) and isinstance(i.offset, int) for i in ins))
print(all(dis.opname[i.opcode] == i.opname for i in ins))
print([i.offset for i in ins] == sorted(i.offset for i in ins))
print(ins[-1].opname, ins[-1].argval, ins[-1].arg)
# (CPython also starts line 8, the def line, for its RESUME instruction)
print(sorted({i.starts_line for i in ins if i.starts_line is not None} - {8}))
print(any(i.is_jump_target for i in ins))
print([i.argval for i in ins if i.opname == "STORE_FAST"])
print([i.argval for i in ins if i.opname == "COMPARE_OP"], [i.argrepr for i in ins if i.opname == "COMPARE_OP"])
print([i.argrepr for i in ins if i.opname == "BINARY_OP"])
print(list(dis.Bytecode(f)) == ins, dis.Bytecode(f).codeobj is f.__code__, dis.Bytecode(f).first_line)
print(first == dis.Instruction(*first), first._replace(offset=99).offset)
print(ins[-1].positions.lineno, type(ins[-1].positions).__name__)
shifted = list(dis.get_instructions(f, first_line=100))
print(sorted({i.starts_line for i in shifted if i.starts_line is not None} - {100}))

# findlinestarts / findlabels agree with the instructions.
starts = dict(dis.findlinestarts(f.__code__))
print(sorted(set(starts.values()) - {8}))
labels = dis.findlabels(f.__code__.co_code)
print(labels == [i.offset for i in ins if i.is_jump_target])

# code_info / show_code: the parts that do not depend on the instruction set.
info = dis.code_info(f).splitlines()
print(info[0], info[2], info[3], info[4], info[5], info[7])
print(dis.code_info(f) == dis.Bytecode(f).info())

print(dis.code_info("x = y").splitlines()[:2])

# dis() output goes to file=, one listing per code object.
class Out:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


out = Out()
dis.dis(f, file=out)
text = "".join(out.parts)
print(text.count("RETURN_VALUE") >= 2, text.endswith("\n"), "LOAD_" in text, "(to " in text)


class K:
    def m(self):
        return 1

    def n(self):
        return 2

    x = 5


out = Out()
dis.dis(K, file=out)
text = "".join(out.parts)
print([line for line in text.splitlines() if line.startswith("Disassembly")])


def outer():
    def inner():
        return 1
    return inner


out = Out()
dis.dis(outer, file=out)
print(sum(line.startswith("Disassembly of <code object inner at 0x") for line in "".join(out.parts).splitlines()))
out = Out()
dis.dis(outer, file=out, depth=0)
print(sum(line.startswith("Disassembly of") for line in "".join(out.parts).splitlines()))

for bad in [1, None.__class__]:
    try:
        dis.dis(bad, file=out)
    except TypeError as e:
        print("TypeError:", e)
try:
    dis.code_info(3)
except TypeError as e:
    print("TypeError:", e)
try:
    dis.stack_effect(dis.opmap["POP_TOP"], 1)
except ValueError as e:
    print("ValueError:", e)
print(dis.stack_effect(dis.opmap["POP_TOP"]), dis.stack_effect(dis.opmap["BUILD_TUPLE"], 3))


# disassemble marks the current instruction with -->.
def g():
    return 1 / 0


try:
    g()
except ZeroDivisionError as e:
    tb = e.__traceback__.tb_next
    out = Out()
    dis.disassemble(tb.tb_frame.f_code, tb.tb_lasti, file=out)
    marked = [line for line in "".join(out.parts).splitlines() if "-->" in line]
    print(len(marked), "BINARY_OP" in marked[0])
