class A:
    pass

class B(A, metaclass=M):
    "Doc."
    x = 1
    def __init__(self, v):
        self.__v = v
    def get(self):
        return self.__v
    def sup(self):
        return super().get()

class C(*bases, **kw):
    def f(self):
        return __class__
