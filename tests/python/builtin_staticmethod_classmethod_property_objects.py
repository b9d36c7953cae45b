# Using staticmethod/classmethod/property as plain functions, not decorators.
class C:
    def _f():
        return "static"
    f = staticmethod(_f)
    def _g(cls):
        return "class " + cls.__name__
    g = classmethod(_g)
    def _get(self):
        return self._v * 2
    def _set(self, v):
        self._v = v
    v = property(_get, _set)
c = C()
c.v = 21
print(C.f(), c.f(), C.g(), c.g(), c.v)
print(type(C.__dict__["f"]).__name__, type(C.__dict__["v"]).__name__)
print(isinstance(C.__dict__["g"], classmethod), C.__dict__["v"].fget is C._get)
