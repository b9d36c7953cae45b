# chr, ord and format() built-ins.
print(chr(65), chr(233), chr(0x65E5), chr(0x1F600), chr(0), repr(chr(10)), chr(True))
print(ord("A"), ord("é"), ord("日"), ord("😀"), ord(b"a"), ord(bytearray(b"z")), ord("\x00"))
print([ord(c) for c in "añ日"], "".join(chr(c) for c in range(97, 102)), chr(ord("a") + 1))
print(format("s"), format("s", "^5"), format(42), format(42, "05d"), format(3.5, ".2f"), format(None), format([1]))
class F:
    def __format__(self, spec):
        return "F(" + spec + ")"
print(format(F()), format(F(), "xyz"), "{:abc}".format(F()), f"{F():q}")
class BadF:
    def __format__(self, spec):
        return 1
for bad in [lambda: chr(-1), lambda: chr(0x110000), lambda: chr("a"), lambda: chr(1.5), lambda: chr(),
            lambda: chr(1, 2), lambda: ord("ab"), lambda: ord(""), lambda: ord(1), lambda: ord(b"ab"),
            lambda: ord(), lambda: format(), lambda: format(1, 2, 3), lambda: format(1, 1),
            lambda: format("a", "d"), lambda: format(object(), "x"), lambda: format(BadF()),
            lambda: chr(2**70)]:
    try:
        print(bad())
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
