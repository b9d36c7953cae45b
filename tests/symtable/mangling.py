class A:
    __x = 1
    __y__ = 2
    def __m(self, __p):
        self.__attr = __p
        return __x
    def get(self):
        return self.__m(1)
    class __B:
        __z = 3
        def f(self):
            return __z

class _:
    __q = 1

class __Hidden:
    __r = 1

def __free():
    __v = 1
    return __v
