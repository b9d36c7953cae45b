# String concatenation, repetition, comparison, iteration, immutability.
a = "abc"
print(a + "def", a * 3, 3 * "-", a * 0, a * -1 == "")
print("abc" < "abd", "abc" < "ab", "Z" < "a", "" < "a", "abc" == "abc")
print([c for c in "héllo"], len("héllo"), "héllo"[1])
print(min("hello"), max("hello"), sorted("hello"))
try:
    a[0] = "x"
except TypeError as e:
    print("TypeError", e)
print("multi" "part" "literal", """triple
quoted""", 'single', r"raw\n", len(r"\n"))
print("\x41\u0042\N{LATIN SMALL LETTER C}", "tab[\t]", "quote\"s")
