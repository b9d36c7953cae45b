# Names in a class body, and comprehensions that cannot see class variables.
x = "module"
class C:
    x = "class"
    y = x + "!"
    def m(self):
        return x
    z = [x for _ in range(1)]
print(C.y, C().m(), C.z)
class D:
    items = [1, 2, 3]
    total = sum(items)
    doubled = [i * 2 for i in items]
print(D.total, D.doubled)
def f():
    v = "enclosing"
    class K:
        w = v
    return K.w
print(f())
