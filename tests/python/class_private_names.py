# Name mangling of __private attributes.
class A:
    def __init__(self):
        self.__secret = "A secret"
        self._prot = "protected"
    def reveal(self):
        return self.__secret
class B(A):
    def __init__(self):
        super().__init__()
        self.__secret = "B secret"
    def reveal_b(self):
        return self.__secret
b = B()
print(b.reveal(), b.reveal_b(), b._prot)
print(sorted(vars(b)))
print(b._A__secret, b._B__secret)
try:
    b.__secret
except AttributeError as e:
    print("AttributeError", e)
