# Less common str methods: count with ranges, endswith tuples, rindex, splitting on whitespace runs.
s = "a-b_c d\te\nf"
print(s.split(), s.replace("-", " ").split(" "), s.count(" ", 0, 5))
print("Mississippi".rindex("ss"), "Mississippi".rfind("ss", 0, 5), "Mississippi".index("i", 2))
print("report.final.pdf".rsplit(".", 1), "a.b.c".split(".", 1), "k:v".partition(":")[2])
print("%-6s|%6s|" % ("ab", "cd"), "abc".ljust(2), "0".zfill(0))
print(str(b"x", "ascii"), str(3.0), str(-7), "ABC".lower().upper())
print("hello world".title(), "they're bill's".title(), "x".join("") == "")
print("TAB\tSEP".split("\t"), "a,b;c".replace(";", ",").split(","))
