# format(str, spec) and f-strings with str format specs.
s = "abc"
for spec in ["", "5", "<5", ">5", "^6", "*^7", "x<5", "<<5", "=<5", "{<5", "0<5", "05", ".2", "5.1", "5.1s", "s", ".0", "^1", "10.5"]:
    print(repr(spec), repr(format(s, spec)), repr(format("é日", spec)))
w, fill = 9, "."
print(f"[{s:>{w}}] [{s:{fill}^{w}}] [{s!r:>8}] [{'x':3}] [{s:.1}]")
for spec in ["+", "-", " ", "#", "=5", ",", "_", "z", "d", "5d", "ss", ".s", "1000000000000000000000", "_,", ",_", ".5,", "\x01", ",x"]:
    try:
        format(s, spec)
    except ValueError as e:
        print(repr(spec), e)
class S(str):
    pass
print(format(S("sub"), ">6"), "{:^7}".format(S("mid")), type(format(S("x"), "")).__name__)
try:
    format(S("x"), "d")
except ValueError as e:
    print(e)
try:
    format("x", 1)
except TypeError as e:
    print(e)
try:
    "x".__format__(1)
except TypeError as e:
    print(e)
