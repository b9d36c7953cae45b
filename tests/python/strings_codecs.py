# str.encode / bytes.decode / str(b, enc): UTF-8, ASCII, Latin-1, error handlers, Unicode errors.
s = "aé€😀b"
print(s.encode(), s.encode("utf-8"), s.encode("UTF8"), s.encode(encoding="utf_8"), "abc".encode("ascii"))
for enc in ["ascii", "latin-1"]:
    for errors in ["ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
        print(enc, errors, s.encode(enc, errors))
print("é".encode("latin1"), "é".encode("iso-8859-1"), "ÿ".encode("L1"))
for data in [b"\xff", b"a\xc3", b"\xe2\x82x", b"\xc3\xa9\xff\xfe", b"\xed\xa0\x80", b"ok"]:
    for errors in ["ignore", "replace", "backslashreplace"]:
        print(data, errors, repr(data.decode("utf-8", errors)))
print(b"\xff\x80".decode("latin-1"), b"abc".decode("ascii"), bytearray(b"caf\xc3\xa9").decode(), str(b"\xe9", "latin-1"))
print(str(b"abc", encoding="ascii"), str(b"a\xffb", "ascii", "replace"), str(b"a\xffb", errors="ignore"))
def show(f):
    try:
        print(repr(f()))
    except (UnicodeError, LookupError, TypeError) as e:
        print(type(e).__name__, e)
        if isinstance(e, UnicodeError):
            print("  ", e.encoding, repr(e.object), e.start, e.end, e.reason)
show(lambda: "aé".encode("ascii"))
show(lambda: "aéé€b".encode("ascii"))
show(lambda: "a€".encode("latin-1"))
show(lambda: "😀".encode("latin-1"))
show(lambda: b"\xff".decode())
show(lambda: b"a\xc3".decode("utf-8"))
show(lambda: b"\xe2\x82x".decode())
show(lambda: b"ab\x80".decode("ascii"))
show(lambda: "a".encode("no-such-codec"))
show(lambda: b"a".decode("no-such-codec"))
show(lambda: "a".encode("ascii", "bogus"))
show(lambda: "é".encode("ascii", "bogus"))
show(lambda: "a".encode(1))
show(lambda: "a".encode("ascii", 1))
show(lambda: b"a".decode(1))
show(lambda: str(1, "utf-8"))
show(lambda: str("a", "utf-8"))
show(lambda: str(b"a", 1))
e = UnicodeDecodeError("utf-8", b"ab", 0, 1, "custom reason")
print(e, e.args)
e = UnicodeEncodeError("ascii", "xyz", 1, 3, "nope")
print(e, e.start, e.end)
