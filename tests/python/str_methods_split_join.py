# split, rsplit, splitlines, partition, rpartition, join.
print("a,b,,c".split(","), "a b  c ".split(), "  lead".split(" "), "x".split(","))
print("a,b,c,d".split(",", 2), "a,b,c,d".rsplit(",", 2), "a b c".rsplit(None, 1))
print("line1\nline2\r\nline3\n".splitlines(), "a\nb\n".splitlines(True), "".splitlines())
print("key=value=x".partition("="), "key=value=x".rpartition("="), "none".partition("="))
print("-".join(["a", "b", "c"]), "".join(reversed("abc")), ", ".join(str(i) for i in range(3)))
print("".split(","), "".split(), "   ".split())
try:
    "a".split("")
except ValueError as e:
    print("ValueError", e)
