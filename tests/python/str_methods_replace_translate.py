# replace with counts, maketrans/translate, encode.
s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 2), s.replace("", "-"), s.replace("x", "y"))
table = str.maketrans("abc", "xyz")
print("aabbcc abc".translate(table))
print("hello".translate(str.maketrans({"l": "L", "o": None})))
print("remove vowels".translate(str.maketrans("", "", "aeiou")))
print("é".encode("utf-8"), "abc".encode("ascii"), "ü".encode("latin-1"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e.reason)
