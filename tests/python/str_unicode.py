# Non-ASCII strings: length, indexing, slicing, ord/chr, case, encode.
s = "Grüße, 世界! 🙂"
print(s, len(s), s[2], s[-1] == "\U0001F642", s[7:9])
print(s.upper(), s.encode("utf-8"), len(s.encode("utf-8")))
print([hex(ord(c)) for c in "é世🙂"])
print("naïve".find("ï"), "日本語".replace("本", "-"), "αβγ"[::-1])
print(repr("ÿ"), ascii("ÿ"), "\u00e9" == "é", "e\u0301" == "é")
print(sorted(["é", "e", "z", "a"]))
