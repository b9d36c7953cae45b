# find / rfind / index / rindex / count / startswith / endswith with start and end.
s = "abcabcabc"
print(s.find("c"), s.find("c", 3), s.find("c", -2), s.find("c", 3, 5), s.rfind("a"), s.rfind("a", 0, 3))
print(s.find(""), s.find("", 9), s.find("", 10), s.rfind(""), s.rfind("", 2, 4))
print(s.count("abc"), s.count(""), s.count("", 9), s.count("", 10), s.count("a", 1), s.count("bc", -4))
print("aaaa".count("aa"), "aaaa".find("aa", 1), "aaaa".rfind("aa"))
print(s.index("b"), s.rindex("b"), s.index("c", 4, 9), s.find("x"), s.find("c", None, None))
t = "héllo wörld héllo"
print(t.find("l"), t.rfind("l"), t.index("ö"), t.count("é"), t.find("ll", 3), t[t.find("w"):])
print(s.startswith("ab"), s.startswith("bc", 1), s.startswith(("x", "ca"), 2), s.startswith("", 9), s.startswith("", 10))
print(s.endswith("bc"), s.endswith("ab", 0, 2), s.endswith(("x", "b"), 0, -1), t.endswith("llo"), t.startswith("hé"))
print("x" in s, "ca" in s, "" in s, "ö" in t, "éll" in t)
for bad in [lambda: s.index("z"), lambda: s.rindex("z"), lambda: s.find(), lambda: s.find(1),
            lambda: s.count("a", "x"), lambda: s.startswith(1), lambda: s.startswith((1,)),
            lambda: s.endswith(["a"]), lambda: s.find("a", 1, 2, 3), lambda: 1 in s,
            lambda: s.find(sub="a")]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
