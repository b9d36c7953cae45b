# dict lookups of exact int and str keys compare without __eq__; other keys
# (subclasses with __eq__, bool/float aliases, big ints) take the general path;
# __hash__ results that fit a hash are kept as they are (slot_tp_hash).
d = {1: 'a', 2: 'b', True: 'c', 1.0: 'd', 2**70: 'big', -1: 'm1', -2: 'm2'}
print(d)
print(d[1], d[True], d[1.0], d[2**70], d[2**70 + 0], d[-1], d[-2])
class H(int):
    def __eq__(self, o):
        print("eq called", int(self), o); return int(self) == o
    __hash__ = int.__hash__
print(d.get(H(2)), H(2) in d)
d[H(5)] = 'h5'
print(d[5])
s = {"a": 1, "b": 2}
class S(str):
    def __eq__(self, o): print("S eq", o); return str.__eq__(self, o)
    __hash__ = str.__hash__
print(s[S("a")], S("b") in s)
e = {}
for i in range(-300, 300): e[i] = i*i
print(sum(e[i] for i in range(-300, 300)), len(e))
big = {2**64 + i: i for i in range(10)}
print(big[2**64 + 3], (2**64+3) in big, 2**64+11 in big)
del e[5]; print(5 in e, e.pop(6), len(e))
print({0: 1}.get(0.0), {0.0: 1}.get(False))
class A:
    def __init__(self, h): self.h = h
    def __hash__(self): return self.h
for h in [0, 1, -1, -2, 2**61 - 1, 2**61, 2**63 - 1, -2**63, 2**63, 2**64 + 5, -2**70, True]:
    print(h, hash(A(h)))
class S(str):
    __hash__ = str.__hash__
print(hash(S("abc")) == hash("abc"), {"abc": 1}[S("abc")])
