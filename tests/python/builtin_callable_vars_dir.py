# callable(), vars() of objects and classes, dir() of user instances (filtered and full).
class P:
    cls_attr = 0
    def __init__(self):
        self.b = 2
        self.a = 1
    def method(self):
        pass
p = P()
print(callable(p), callable(P), callable(p.method), callable(len), callable("s"))
print(vars(p))
print([k for k in vars(P) if not k.startswith("__")])
print([n for n in dir(p) if not n.startswith("__")])
print(dir(p))
try:
    vars(5)
except TypeError as e:
    print("TypeError", e)
