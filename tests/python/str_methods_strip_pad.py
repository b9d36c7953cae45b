# strip family, padding and alignment helpers, expandtabs, zfill.
print(repr("  hi  ".strip()), repr("  hi  ".lstrip()), repr("  hi  ".rstrip()))
print("xxhixx".strip("x"), "abcba".strip("ab"), "www.example.com".lstrip("w."))
print("prefix_name".removeprefix("prefix_"), "file.txt".removesuffix(".txt"), "a".removeprefix("b"))
print(repr("hi".center(7)), repr("hi".center(6, "*")), repr("hi".ljust(5, ".")), repr("hi".rjust(5)))
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2))
print(repr("a\tbc\td".expandtabs()), repr("a\tb".expandtabs(4)))
