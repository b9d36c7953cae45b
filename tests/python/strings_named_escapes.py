# \N{...} escapes in string literals, and CPython's errors for bad ones.
print(ascii("\N{LATIN SMALL LETTER C}\N{latin capital letter a with grave}\N{EM DASH}\N{GRINNING FACE}"))
print(ascii("\N{HANGUL SYLLABLE GA}\N{CJK UNIFIED IDEOGRAPH-4E00}\N{NO-BREAK SPACE}"), len("\N{SNOWMAN}x"))
print(ascii(f"{1}\N{BULLET}{2}"), ascii(rb"\N{X}"), ascii(r"\N{X}"), ascii(b"\N{X}"), "\N{DIGIT ONE}" == "1")
for src in ['"\\N{NOPE}"', '"\\N"', '"\\Nx"', '"\\N{abc"', '"ab\\N{}"', '"é\\N{NOPE}"', '"é\\x4"', '"日\\u12"', '"\\U00110000"']:
    try:
        compile(src, "<lit>", "eval")
    except SyntaxError as e:
        print(src, "->", e.msg)
