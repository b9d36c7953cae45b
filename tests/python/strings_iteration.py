# Iterating over str and bytes: iterator types, exhaustion, and consumers.
it = iter("añb")
print(type(it).__name__, type(iter("abc")).__name__, next(it), next(it), next(it), next(it, "done"))
print(list("héllo"), tuple("ab"), set("aab") == {"a", "b"}, sorted("cba"), list(reversed("xyz")))
print(list(enumerate("ab")), list(zip("abc", "12")), dict.fromkeys("ab"), "".join(map(str.upper, "abc")))
print(max("hello"), min("hello"), sum(ord(c) for c in "abc"), any(c.isdigit() for c in "a1"), "".join(sorted("dcba")))
it = iter(b"hi")
print(type(it).__name__, list(it), list(it), type(iter(bytearray(b"x"))).__name__, list(bytearray(b"ok")))
ba = bytearray(b"ab")
it = iter(ba)
print(next(it))
ba.append(99)
print(list(it))
a, b, *rest = "hello"
print(a, b, rest)
x, y = b"xy"
print(x, y)
count = 0
for ch in "x" * 1000:
    count += 1
print(count)
it = iter("")
try:
    next(it)
except StopIteration:
    print("empty")
