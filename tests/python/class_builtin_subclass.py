# Subclassing list, dict and str: overriding methods and inheriting the rest.
class Stack(list):
    def push(self, v):
        self.append(v)
        return self
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3).push(4)
print(s, s.peek(), len(s), s.pop(), isinstance(s, list), type(s).__name__)
class DefaultDict(dict):
    def __init__(self, factory):
        super().__init__()
        self.factory = factory
    def __missing__(self, key):
        v = self[key] = self.factory()
        return v
d = DefaultDict(list)
d["a"].append(1)
d["b"].append(2)
d["a"].append(3)
print(d, dict(d), "c" in d)
class Lower(str):
    def __eq__(self, other):
        return str.lower(self) == str.lower(other)
    __hash__ = str.__hash__
print(Lower("HeLLo") == "hello", Lower("abc").upper(), Lower("x") + "y")
class CountingDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)
c = CountingDict()
c["x"] = 1
print(c)
