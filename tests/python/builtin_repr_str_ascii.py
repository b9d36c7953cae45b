# repr, str and ascii of strings with quotes, escapes and non-ASCII characters.
for s in ["plain", "it's", 'say "hi"', "both ' and \"", "tab\tnew\nline", "back\\slash", "\x00\x7f", "café", "日本", "\u2028"]:
    print(repr(s), ascii(s), str(s) == s)
print(repr(b"bytes\x00\xff'"), ascii([1, "é"]), repr([None, "a"]))
print(str(123), str(-1.5), str(None), str([1, "a"]), str((1,)), str({"a": "b"}))
print(repr(1e100), repr(-0.0), repr(True), repr(()), repr(set()), repr({}))
