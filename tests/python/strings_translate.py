# str.maketrans and str.translate; bytes.maketrans and bytes.translate.
t = str.maketrans("abc", "xyz")
print(sorted(t.items()), "aabbcc-abc".translate(t))
t = str.maketrans("ab", "xy", "c")
print("abcabc".translate(t), sorted(t.items()))
t = str.maketrans({"a": "1", "b": None, 99: "CC", "é": "e"})
print("abcdé".translate(t), sorted(t.items()))
print("abc".translate({97: 120, 98: "yy", 99: None}), "hello".translate({}), "日本".translate({26085: "sun"}))
class Table:
    def __getitem__(self, k):
        if k == ord("a"):
            return "A"
        raise LookupError(k)
print("banana".translate(Table()))
print(b"abc".translate(bytes.maketrans(b"abc", b"xyz")), b"abcabc".translate(None, b"b"), bytearray(b"aXb").translate(None, b"X"))
for bad in [lambda: "a".translate({97: 1.5}), lambda: "a".translate({97: -1}), lambda: str.maketrans("ab", "c"),
            lambda: str.maketrans(1), lambda: str.maketrans({"ab": 1}), lambda: str.maketrans({1.5: 1}),
            lambda: str.maketrans("a", "b", 1), lambda: str.maketrans("a", 1), lambda: str.maketrans(),
            lambda: "a".translate(1), lambda: b"abc".translate(b"x"), lambda: bytes.maketrans(b"a", b"bc")]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
