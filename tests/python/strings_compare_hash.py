# Comparisons by code point, hashing and equality across str subclasses.
words = ["b", "a", "B", "é", "e", "", "ab", "aa", "Z", "日", "🙂", "\x00", "~"]
print(sorted(words))
print(sorted(words, reverse=True)[:4], min(words), max(words))
print("abc" < "abd", "abc" < "ab", "" < "a", "Z" < "a", "é" > "z", "日" > "é", "🙂" > "日")
print("a" <= "a", "a" >= "b", "a" != "a", "a" == "a", "é" == "é", "e\u0301" == "é")
class S(str):
    pass
print(S("x") == "x", "x" == S("x"), hash(S("x")) == hash("x"), {"x": 1}[S("x")], S("b") > "a")
print(len({"a", "a" + "", "".join(["a"]), S("a")}), "ab" in {"ab": 1}, ("a" "b") == "ab")
print("a" == 1, "a" != 1, "1" == 1)
d = {}
for w in ["x", "y", "x", "z", "y", "x"]:
    d[w] = d.get(w, 0) + 1
print(d)
for bad in [lambda: "a" < 1, lambda: 1 >= "a", lambda: "a" < None, lambda: "a" > b"a"]:
    try:
        bad()
    except TypeError as e:
        print(e)
