# find, rfind, index, rindex, count, startswith, endswith, in.
s = "the quick brown fox jumps over the lazy dog"
print(s.find("the"), s.rfind("the"), s.find("cat"), s.find("o", 15), s.find("o", 15, 20))
print(s.index("quick"), s.rindex("o"), s.count("o"), s.count("the"), s.count(""))
print(s.startswith("the"), s.startswith(("a", "th")), s.endswith("dog"), s.endswith("og", 0, 10))
print("aaa".count("aa"), "abcabc".find("c", -2), "".find(""), "abc".find("", 10))
try:
    s.index("cat")
except ValueError as e:
    print("ValueError", e)
