# Case methods of str.
s = "hello World, it's PYTHON"
print(s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
print("ß".upper(), "İ".lower() == "i̇", "ǅ".title())
print("abc".isalpha(), "abc1".isalnum(), "123".isdigit(), "1.5".isdigit(), "   ".isspace(), "".isspace())
print("Hello World".istitle(), "hello".islower(), "HELLO".isupper(), "Hi5".isupper())
print("x1".isidentifier(), "1x".isidentifier(), "²".isdigit(), "²".isdecimal(), "½".isnumeric())
print("abc".isascii(), "é".isascii(), "a\tb".isprintable(), "ab".isprintable())
