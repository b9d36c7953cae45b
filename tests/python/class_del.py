# __del__ runs when the last reference goes away (reference counting).
class Res:
    def __init__(self, name):
        self.name = name
        print("open", name)
    def __del__(self):
        print("close", self.name)
a = Res("a")
b = a
del a
print("a deleted, b still holds it")
del b
print("b deleted")
def scope():
    r = Res("local")
    print("leaving scope")
scope()
print("after scope")
lst = [Res("x"), Res("y")]
lst.pop(0)
print("popped")
lst.clear()
print("cleared")
r = Res("rebind")
r = None
print("end")
