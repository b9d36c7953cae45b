class Widget:
    __slots__ = ("__x",)
    def __init__(self):
        self.__x = 1
        __local = 2
        return __local
    def __dunder__(self):
        return self.__x
    class _Inner:
        __y = 3
