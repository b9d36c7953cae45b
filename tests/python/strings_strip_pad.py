# strip with character sets, padding, zfill and tab expansion.
print(repr("  \t hi \n ".strip()), repr("xyxhixyx".strip("xy")), repr("xyxhixyx".lstrip("xy")), repr("xyxhixyx".rstrip("xy")))
print(repr("\u3000a\x1c".strip()), repr("abc".strip("")), repr("abc".strip(None)), repr("ééaéé".strip("é")))
print(repr("abc".center(7, "*")), repr("ab".center(5)), repr("abc".center(6)), repr("abc".center(2)), repr("é".center(4, "ü")))
print(repr("ab".ljust(5, ".")), repr("ab".rjust(5)), repr("ab".ljust(-1)), repr("ab".rjust(1)))
print(repr("42".zfill(5)), repr("-42".zfill(5)), repr("+".zfill(3)), repr("x".zfill(-1)), repr("".zfill(2)))
print(repr("a\tbc\tdef\n\tx".expandtabs()), repr("a\tb".expandtabs(4)), repr("a\tb".expandtabs(0)), repr("\r\tx".expandtabs(2)))
print(repr("abcabc".removeprefix("abc")), repr("abcabc".removesuffix("bc")), repr("abc".removeprefix("")), repr("abc".removeprefix("x")))
for bad in [lambda: "a".strip(1), lambda: "a".strip("a", "b"), lambda: "a".center(5, "ab"),
            lambda: "a".center(5, 1), lambda: "a".center(), lambda: "a".center("5"),
            lambda: "a".zfill(), lambda: "a".expandtabs("x"), lambda: "a".removeprefix(1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
