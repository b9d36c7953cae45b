x = 1
class A:
    x = 2
    y = x
    def f(self):
        return x
    def g(self):
        return y
    z = [x for _ in range(3)]

class B(A, metaclass=type):
    pass
