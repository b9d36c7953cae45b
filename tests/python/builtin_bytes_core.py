# bytes: literals, constructor forms, indexing, slicing, methods.
b = b"hello world"
print(b, len(b), b[0], b[-1], b[:5], b[::-1])
print(bytes(3), bytes([65, 66, 67]), bytes("héllo", "utf-8"), bytes(range(5)))
print(b.upper(), b.split(), b.replace(b"o", b"0"), b.find(b"wor"), b.count(b"l"))
print(b.startswith(b"he"), b.endswith(b"x"), b"-".join([b"a", b"b"]), b.strip(b"hd"))
print(b.decode(), b"caf\xc3\xa9".decode("utf-8"), "abc".encode())
print(b.hex(), bytes.fromhex("de ad be ef"), list(b"hi"))
print(b"ab" + b"cd", b"ab" * 3, b"a" in b"cat", 97 in b"cat")
print(b"abc" < b"abd", b"x" == b"x", bytes(b"copy"), b"%d items" % 3)
try:
    b[0] = 1
except TypeError as e:
    print("TypeError", e)
