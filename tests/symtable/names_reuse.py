def f():
    def f():
        return f
    return f
class f:
    f = f
    def f(self):
        return f
