# str.split / rsplit / splitlines / partition: separators, maxsplit, white space classes.
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".split(",", -5))
print("  a  b  c  ".split(), " a b c ".split(None, 1), " a b c ".rsplit(None, 1))
print("a\x1cb\x1dc\x1ed\x1fe\x85f\u3000g".split())
print("".split(), "".split(","), "   ".split(), ",".split(","))
print("a,b,c".rsplit(",", 1), "a,b,c".rsplit(","), "a::b::c".split("::"), "abc".split("abc"))
print("a b c".split(maxsplit=1), "a b c".rsplit(sep=" ", maxsplit=1), "x".split(sep=None))
print("l1\nl2\r\nl3\rl4\x0bl5\x0cl6\x1cl7\x85l8\u2028l9\u2029".splitlines())
print("a\nb\r\n\nc".splitlines(True), "a\nb".splitlines(keepends=True), "".splitlines(), "\n".splitlines())
print("key=value=x".partition("="), "key=value=x".rpartition("="), "none".partition("="), "none".rpartition("="))
print("é,ü,ö".split(","), "日本 語".split(), "αβγ".partition("β"))
for bad in [lambda: "a".split(""), lambda: "a".split(1), lambda: "a".rsplit(b","),
            lambda: "a".split(foo=1), lambda: "a".split(",", 1, 2), lambda: "a".partition(""),
            lambda: "a".partition(1), lambda: "a".split(maxsplit="x"), lambda: "a".splitlines("x")]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
