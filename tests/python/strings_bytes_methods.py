# bytes methods: search, split/strip/replace, case, predicates, padding; results keep the type.
b = b"hello world, hello bytes"
print(b.find(b"lo"), b.find(b"lo", 5), b.rfind(b"hello"), b.find(108), b.count(b"l"), b.count(b""), b.index(b"w"), b.rindex(111))
print(b.startswith(b"he"), b.startswith((b"x", b"hello")), b.endswith(b"tes"), b.endswith(b"o", 0, 5), b"abc".find(b"", 4))
print(b.split(), b.split(b", "), b.split(b"l", 2), b.rsplit(b"l", 2), b"a b  c ".split(None, 1), b"a b c".rsplit(None, 1))
print(b"a\nb\r\nc\r".splitlines(), b"a\nb\r\n".splitlines(True), b"x".split(b"x"), b"".split())
print(b"  pad  ".strip(), b"xxaxx".strip(b"x"), b"xxaxx".lstrip(b"x"), b"xxaxx".rstrip(b"x"), b"\t a\x0b".strip(), b"\x1ca".strip())
print(b.replace(b"hello", b"bye"), b.replace(b"l", b"L", 2), b"abc".replace(b"", b"-"), b"abc".replace(b"", b"-", 2))
print(b"MiXeD 1".upper(), b"MiXeD".lower(), b"MiXeD".swapcase(), b"hello world".title(), b"hELLO".capitalize())
print(b"123".isdigit(), b"abc".isalpha(), b"a1".isalnum(), b" \t".isspace(), b"\x1c".isspace(), b"ABC".isupper(), b"abc".islower(), b"Ab Cd".istitle(), b"\x80".isascii(), b"".isalpha())
print(b"ab".center(6, b"*"), b"ab".center(5), b"ab".ljust(4), b"ab".rjust(4, b"0"), b"-5".zfill(4), b"a\tb".expandtabs(4))
print(b"a:b:c".partition(b":"), b"a:b:c".rpartition(b":"), b"abc".partition(b"x"), b"abc".removeprefix(b"a"), b"abc".removesuffix(b"c"))
print(b"-".join([b"a", bytearray(b"b"), b"c"]), b"".join([]), b", ".join((b"x",)), bytearray(b"+").join([b"1", b"2"]))
ba = bytearray(b"a,b,c")
print(ba.split(b","), ba.upper(), ba.replace(b",", b";"), ba.strip(b"ac"), ba.partition(b","), ba.find(b"c"), ba.center(7, b"."))
print(b"caf\xc3\xa9".decode(), b"abc".decode("ascii"), bytes(reversed(b"abc")), b"abc"[::-1], b"abcdef"[1:5:2])
for bad in [lambda: b"abc".split("b"), lambda: b"a".split(b""), lambda: b"a".strip("a"), lambda: b"a".replace("a", b"b"),
            lambda: b"a".startswith("a"), lambda: b"a".find("a"), lambda: b"a".find(300), lambda: b"a".index(b"z"),
            lambda: b"a".upper(1), lambda: b"a".center(5, b"xy"), lambda: b"x".join([1]), lambda: b"x".join("ab"),
            lambda: b"a".partition(b""), lambda: b"a".removeprefix("a"), lambda: b"a".count(), lambda: b"a".find(x=1)]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
