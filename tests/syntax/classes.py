class A:
    pass

class B(A, metaclass=M, **kw):
    x = 1
    def f(self):
        return self.x

@decorator
class C(): pass
