class Base:
    def hello(self):
        return "base"

class Derived(Base):
    def hello(self):
        return super().hello()
    def cls(self):
        return __class__
    def plain(self):
        return 1

class Outer:
    class Inner:
        def m(self):
            return super()
    def n(self):
        return lambda: super()
