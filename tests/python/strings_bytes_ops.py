# bytes construction, indexing, operators, comparisons, hex/fromhex and % formatting.
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes(b"copy"), bytes(bytearray(b"ba")), bytes("héllo", "utf-8"), bytes("x", encoding="ascii"))
class B:
    def __bytes__(self):
        return b"from __bytes__"
class I:
    def __index__(self):
        return 2
print(bytes(B()), bytes(I()), bytes(x for x in [1, 2]), bytes(map(ord, "hi")))
b = b"abcdef"
print(b[0], b[-1], b[1:3], b[::2], b[::-1], b[10:], b[I()], list(b[:3]), b"" == bytes(), len(b))
print(b + b"gh", b + bytearray(b"!"), b * 2, 2 * b"xy", b"x" * 0, b"a" in b"cat", 97 in b"cat", b"" in b"x", b"ct" in b"cat")
print(b"abc" < b"abd", b"b" > b"abc", b"a" == b"a", b"a" != b"b", b"a" == "a", sorted([b"b", b"a", b"ab"]), hash(b"x") == hash(b"x"))
print(b.hex(), b"\x00\xff".hex(), b"abcde".hex(":"), b"abcde".hex(":", 2), b"abcde".hex(":", -2), b"abc".hex(b"-", 1), b"ab".hex(":", 0))
print(bytes.fromhex("de ad be ef"), bytes.fromhex(" 0a0B "), bytes.fromhex(""), bytearray.fromhex("ff 00"))
print(b"%s %d %x %c %r %a %5b|%-3c|%%" % (b"ab", 3, 255, 65, "q", "é", b"x", b"y"), b"%(k)s" % {b"k": b"v"}, bytearray(b"%d") % 5)
print(b"%05.1f|%+d|%o|%X|%#x" % (3.14159, 5, 8, 255, 255), b"%s" % bytearray(b"z"), b"%c" % b"q", b"%i" % True)
class Sub(bytes):
    pass
s = Sub(b"sub")
print(s, type(s).__name__, type(s + b"x").__name__, type(s[0:1]).__name__, s.upper(), type(s.upper()).__name__, isinstance(s, bytes))
for bad in [lambda: bytes(-1), lambda: bytes("abc"), lambda: bytes([256]), lambda: bytes(["a"]), lambda: bytes(1.5),
            lambda: bytes("a", "ascii", "strict", 4), lambda: bytes(b"a", "utf-8"), lambda: b"a" + "a", lambda: b"a" * "x",
            lambda: "x" in b"abc", lambda: 300 in b"abc", lambda: b"abc"[5], lambda: b"abc"[str()], lambda: b"a" < "a",
            lambda: bytes.fromhex("zz"), lambda: bytes.fromhex("a"), lambda: bytes.fromhex("0 a"), lambda: bytes.fromhex(1),
            lambda: b"ab".hex("::"), lambda: b"ab".hex("é"), lambda: b"%s" % "x", lambda: b"%f" % "x", lambda: b"%c" % 256,
            lambda: b"%s %s" % (b"a",), lambda: b"%d" % (1, 2), lambda: b"abc".__setitem__(0, 1)]:
    try:
        print(bad())
    except (TypeError, ValueError, IndexError, OverflowError, AttributeError) as e:
        print(type(e).__name__, e)
