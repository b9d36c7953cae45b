# Case mappings and character classes beyond ASCII.
words = ["hello world", "HELLO", "ß", "ﬁre", "ǆemal", "ΣΑΣ ΟΔΟΣ", "aΣ", "AΣb", "İstanbul", "they're bill's", "1st place"]
for w in words:
    print(w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold())
print("ǅ".istitle(), "Ǆ".isupper(), "ǅ".isupper(), "ǅ".islower(), "ª".islower(), "A1".isupper(), "1".isupper())
print("Hello World".istitle(), "Hello world".istitle(), "".istitle(), "A1 B2".istitle(), "aB".istitle())
print("١٢٣".isdecimal(), "²".isdigit(), "²".isdecimal(), "½".isnumeric(), "½".isdigit(), "Ⅷ".isnumeric(), "一二".isnumeric())
print("abc".isalpha(), "ab1".isalpha(), "éà".isalpha(), "ab1".isalnum(), "".isalnum(), "½".isalnum())
print(" \t\n".isspace(), "\x1c\x1f".isspace(), "\u2028\u3000".isspace(), "".isspace(), "a ".isspace())
print("_x1".isidentifier(), "1x".isidentifier(), "ñandú".isidentifier(), "a-b".isidentifier(), "".isidentifier())
print("abc".isprintable(), "a\nb".isprintable(), "\x7f".isprintable(), "é".isprintable(), "".isprintable())
print("abc".isascii(), "é".isascii(), "".isascii(), "\x7f".isascii())
for bad in [lambda: "a".upper(1), lambda: "a".isdigit(1), lambda: str.upper(1), lambda: str.lower()]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
